import type { PartnerHome } from '@partnergraph/shared/contracts/home';
import { leadListQuery } from '@partnergraph/shared/contracts/leads';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/actor';
import { listAnnouncements, unreadAnnouncements } from '../community/announcements.service';
import { findDealsWithProtectionEnding } from '../deals/deals.repository';
import { findReferralsAwaitingDecision } from '../deals/referrals.repository';
import { listAssets } from '../enablement/content.service';
import { findRequests } from '../funds/mdf.repository';
import { listVisibleLeads } from '../leads/leads.repository';
import { findOrganizationRowsByIds } from '../organizations/organizations.repository';
import { listEnrollments } from '../programs/enrollments.service';

/** Each section names its most pressing few; the count says how many wait in all. */
const NAMED = 5;
/** The same window as the daily digest's "protection ends soon". */
const EXPIRY_WINDOW_MS = 14 * 86_400_000;
/** Offers waiting for one partner are few; the count is exact up to this many. */
const LEADS_COUNTED = 200;

function waiting<T>(items: T[], total = items.length) {
  return { total, items: items.slice(0, NAMED) };
}

/**
 * What needs a partner organization now. Every section is read through its own
 * module's door with the caller as the actor, so the home can never show
 * something its reader could not open from the list it links to. The reads run
 * one after another: on PGlite one connection serves them anyway, and they are
 * each small.
 */
export async function partnerHome(db: Db, ctx: Ctx, now = new Date()): Promise<PartnerHome> {
  const actor = ctx.actor;
  const referrals = await findReferralsAwaitingDecision(db, actor, NAMED);

  const offers = await listVisibleLeads(db, actor, leadListQuery.parse({ status: 'offered' }), {
    limit: LEADS_COUNTED,
  });
  // The offer with the nearest deadline first: it is the one lost soonest.
  const leads = offers.items
    .map((l) => ({ id: l.id, companyName: l.company?.name ?? null, deadlineAt: l.deadlineAt }))
    .sort((a, b) => (a.deadlineAt ?? '9999').localeCompare(b.deadlineAt ?? '9999'));

  const expiring = await findDealsWithProtectionEnding(
    db,
    actor,
    { from: now, to: new Date(now.getTime() + EXPIRY_WINDOW_MS) },
    NAMED,
  );

  const enrollments = (await listEnrollments(db, ctx, {}, { limit: 50 })).items.filter(
    (e) => e.status !== 'terminated',
  );
  // One agreement can be required by several programs: list it once.
  const agreements = new Map<string, PartnerHome['agreements'][number]>();
  for (const e of enrollments) {
    for (const p of e.pendingAgreements) {
      if (!agreements.has(p.versionId)) {
        agreements.set(p.versionId, {
          agreementId: p.agreementId,
          name: p.name,
          versionNumber: p.versionNumber,
          programName: e.program.name,
        });
      }
    }
  }
  const nextTiers: PartnerHome['nextTiers'] = [];
  for (const e of enrollments) {
    const ev = e.lastEvaluation;
    if (e.status !== 'active' || !ev) continue;
    const currentRank = ev.currentTier?.rank ?? 0;
    const next = ev.tiers.filter((t) => t.rank > currentRank).sort((a, b) => a.rank - b.rank)[0];
    if (!next) continue;
    nextTiers.push({
      enrollmentId: e.id,
      programName: e.program.name,
      currentTier: ev.currentTier?.name ?? null,
      nextTier: next.name,
      evaluatedAt: ev.evaluatedAt,
      requirements: next.rules,
    });
  }

  const day = now.toISOString().slice(0, 10);
  const claimable = (await findRequests(db, actor, { status: 'approved' }))
    .filter((r) => r.claimDeadline && r.claimDeadline >= day)
    .sort((a, b) => a.claimDeadline!.localeCompare(b.claimDeadline!))
    .map((r) => ({
      requestId: r.id,
      title: r.title,
      amount: r.reserved || r.amount,
      currency: r.currency,
      claimDeadline: r.claimDeadline!,
    }));

  const unread = await listAnnouncements(db, ctx, { unread: 'true', limit: NAMED });
  const unreadTotal = await unreadAnnouncements(db, ctx);
  const fresh = await listAssets(db, ctx, { fresh: 'true', limit: NAMED });

  const org = (await findOrganizationRowsByIds(db, [actor.orgId])).get(actor.orgId);

  return {
    organization: { id: actor.orgId, name: org?.name ?? '' },
    referrals: waiting(
      referrals.map((r) => ({
        id: r.id,
        companyName: r.companyName,
        fromName: r.fromName,
        since: r.since.toISOString(),
      })),
      referrals[0]?.total ?? 0,
    ),
    leads: waiting(leads),
    expiringDeals: waiting(
      expiring.map((d) => ({ id: d.id, customerName: d.customerName, expiresAt: d.expiresAt.toISOString() })),
      expiring[0]?.total ?? 0,
    ),
    agreements: [...agreements.values()],
    claimsDue: waiting(claimable),
    nextTiers,
    announcements: waiting(
      unread.items.map((a) => ({ id: a.id, title: a.title, publishedAt: a.publishedAt })),
      unreadTotal,
    ),
    newContent: fresh.items.map((a) => ({
      id: a.id,
      title: a.title,
      kind: a.kind,
      publishedAt: a.publishedAt,
    })),
  };
}
