import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/actor';
import { findEntityHistory } from '../audit/audit.repository';
import { findUserNames } from '../identity/identity.repository';
import { findOrganizationsByIds } from '../organizations/organizations.repository';
import { loadVisibleDeal, type LoadedDeal } from './deals.repository';
import { involvementsOf } from './deal-involvements.repository';
import {
  hiddenDealFields,
  isVendorOnlyEntry,
  namesPersonIn,
  redactDeal,
  seesTimelineEntry,
  type RedactedDeal,
  type RedactedDealField,
} from './deals.visibility';

const roleWord = (role: unknown) => String(role).replace('_', '-');

/** A reason in a summary, unless the deal's field that keeps it is hidden from this viewer. */
const because = (reason: unknown, field: RedactedDealField, hidden: Set<RedactedDealField>) =>
  hidden.has(field) ? '' : `: ${String(reason)}`;

function summarize(
  action: string,
  after: Record<string, unknown> | null,
  before: Record<string, unknown> | null,
  hidden: Set<RedactedDealField>,
) {
  const a = after ?? {};
  switch (action) {
    case 'deal.registered':
      return a.referralId
        ? 'Registered from a referral'
        : a.status === 'approved'
          ? 'Recorded by the vendor'
          : 'Registered';
    case 'deal.updated':
      return `Details changed: ${Object.keys(a).join(', ')}`;
    case 'deal.approved':
      return `Approved with ${String(a.protectionDays)} days of protection (${String(a.protectionBasis)})`;
    case 'deal.rejected':
      return `Rejected${because(a.reason, 'decisionReason', hidden)}`;
    case 'deal.extension_requested':
      return `Extension of ${String(a.extensionDays)} days requested${because(a.reason, 'extensionReason', hidden)}`;
    case 'deal.extended':
      return `Protection extended by ${String(a.days)} days`;
    case 'deal.expired':
      return 'Protection expired';
    case 'deal.won':
      return `Won on ${String(a.closeDate)}`;
    case 'deal.lost':
      return `Lost on ${String(a.closeDate)}${because(a.reason, 'lostReason', hidden)}`;
    case 'deal.reopened':
      return `Reopened${because(a.reason, 'decisionReason', hidden)}`;
    case 'deal.protection_override': {
      const held = (a.overridden as { organizationName: string; dealId: string }[] | undefined) ?? [];
      const names = held.map((h) => `${h.organizationName} (deal ${h.dealId})`).join(', ');
      return `Approved over the protection held by ${names}: ${String(a.reason)}`;
    }
    case 'deal.protection_overridden':
      return `${String(a.organizationName)}’s registration of this customer (deal ${String(a.dealId)}) was approved over this deal’s protection, which still runs: ${String(a.reason)}`;
    case 'deal.involvement_added':
      return `${String(a.organizationName)} added as ${roleWord(a.role)}`;
    case 'deal.involvement_proposed':
      return `${String(a.organizationName)} proposed as ${roleWord(a.role)}`;
    case 'deal.involvement_confirmed':
      return `${String(a.organizationName)} confirmed as ${roleWord(a.role)}`;
    case 'deal.involvement_changed':
      return `${String(a.organizationName)} now ${roleWord(a.role)} (was ${roleWord(a.fromRole)})`;
    case 'deal.involvement_accepted':
      return `${String(a.organizationName)} accepted the invitation as ${roleWord(a.role)}`;
    case 'deal.involvement_removed':
      return `${String(before?.organizationName)} removed (${roleWord(before?.role)})`;
    case 'deal.involvement_declined':
      return `${String(before?.organizationName)} declined the invitation (${roleWord(before?.role)})`;
    default:
      return null;
  }
}

export async function dealTimeline(db: Db, ctx: Ctx, id: string) {
  const loaded = await loadVisibleDeal(db, ctx.actor, id);
  const { deal } = loaded;
  // The timeline reads the deal as the record does: what GET /deals/{id} hides, it hides.
  const hidden = hiddenDealFields(ctx.actor, deal);
  const rows = await findEntityHistory(db, 'deal', deal.id);
  const orgs = new Map(
    (
      await findOrganizationsByIds(
        db,
        rows.flatMap((r) => (r.actorOrgId ? [r.actorOrgId] : [])),
      )
    ).map((o) => [o.id, o]),
  );
  const userIds = rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : []));
  const users = new Map((await findUserNames(db, userIds)).map((u) => [u.id, u.name]));
  const items = [];
  for (const r of rows) {
    if (!seesTimelineEntry(ctx.actor, deal, r)) continue;
    const summary = summarize(r.action, r.after, r.before, hidden);
    if (!summary) continue;
    const org = r.actorOrgId ? orgs.get(r.actorOrgId) : undefined;
    const userName = r.actorUserId ? (users.get(r.actorUserId) ?? null) : null;
    const actor = r.actorOrgId
      ? namesPersonIn(ctx.actor, { actorOrgId: r.actorOrgId, actorOrgKind: org?.kind ?? null })
        ? (userName ?? org?.name)
        : org?.name
      : 'PartnerGraph (scheduled)';
    items.push({ at: r.at.toISOString(), action: r.action, actor: actor ?? null, summary });
  }
  if (items.some((i) => !isVendorOnlyEntry(i.action))) return { items };
  const history = await historyFromRecord(db, redactDeal(ctx.actor, deal), loaded);
  return { items: [...history, ...items].sort((a, b) => a.at.localeCompare(b.at)) };
}

/**
 * Deals that arrived with their history (imported, or the demo's) have no audit
 * entries of their own: their timeline is read from the dates the record keeps.
 */
async function historyFromRecord(db: Db, deal: RedactedDeal, loaded: LoadedDeal) {
  const at = (d: Date | string) => (typeof d === 'string' ? new Date(`${d}T00:00:00Z`) : d).toISOString();
  const out: { at: string; action: string; actor: string | null; summary: string }[] = [];
  const registrant = loaded.registrantName;
  out.push({
    at: at(deal.createdAt),
    action: 'deal.registered',
    actor: registrant,
    summary: deal.referralId
      ? 'Registered from a referral'
      : deal.vendorRecorded
        ? 'Recorded by the vendor'
        : 'Registered',
  });
  if (deal.approvedAt && !deal.vendorRecorded && deal.protectionDays) {
    out.push({
      at: at(deal.approvedAt),
      action: 'deal.approved',
      actor: null,
      summary: `Approved with ${deal.protectionDays} days of protection`,
    });
  }
  const involved = (await involvementsOf(db, [deal.id])).filter(
    (i) => i.involvement.status === 'confirmed' && i.involvement.organizationId !== deal.registeredByOrgId,
  );
  for (const i of involved) {
    out.push({
      at: at(i.involvement.involvedAt),
      action: 'deal.involvement_added',
      actor: null,
      summary: `${i.orgName} added as ${roleWord(i.involvement.role)}`,
    });
  }
  if (deal.status === 'rejected' && deal.decidedAt) {
    out.push({
      at: at(deal.decidedAt),
      action: 'deal.rejected',
      actor: null,
      summary: deal.decisionReason ? `Rejected: ${deal.decisionReason}` : 'Rejected',
    });
  }
  if (deal.status === 'expired' && deal.protectionExpiresAt) {
    out.push({
      at: at(deal.protectionExpiresAt),
      action: 'deal.expired',
      actor: null,
      summary: 'Protection expired',
    });
  }
  if (deal.closeDate && (deal.status === 'won' || deal.status === 'lost')) {
    out.push({
      at: at(deal.closeDate),
      action: `deal.${deal.status}`,
      actor: null,
      summary:
        deal.status === 'won'
          ? `Won on ${deal.closeDate}`
          : `Lost on ${deal.closeDate}${deal.lostReason ? `: ${deal.lostReason}` : ''}`,
    });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
