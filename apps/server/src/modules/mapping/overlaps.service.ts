import type { z } from 'zod';
import {
  levelRank,
  type introBody,
  type overlapInvolvementBody,
} from '@partnergraph/shared/contracts/mapping';
import { MIN_SHOWN_COUNT, shownCount } from '@partnergraph/shared/psi/protocol';
import type { Db } from '../../db/client';
import { isVendor, type Ctx } from '../../lib/actor';
import { notFound, unprocessable } from '../../lib/errors';
import { inviteInvolvement, requestInvolvementAt } from '../deals/deal-involvements.service';
import { findOpenDealsAtDomains } from '../deals/deals.repository';
import { createReferral, type Mail } from '../deals/referrals.service';
import { findOrganizationById } from '../organizations/organizations.repository';
import {
  findLatestFinishedRun,
  findOverlapsOfRun,
  findPartnership,
  findResultsOfRuns,
} from './mapping.repository';
import { redactOverlap } from './mapping.visibility';
import { counterpartOf, isActive, partnershipSides } from './partnerships.service';
import { populationNames } from './runs.service';

/** The population × population counts of the latest finished run: what both sides see. */
export async function getMatrix(db: Db, ctx: Ctx, partnershipId: string) {
  const p = await findPartnership(db, ctx.actor, partnershipId);
  if (!p) throw notFound('mapping partnership');
  const run = await findLatestFinishedRun(db, p.id);
  if (!run) return { runId: null, finishedAt: null, cells: [] };
  const results = await findResultsOfRuns(db, [run.id]);
  const names = await populationNames(
    db,
    results.flatMap((r) => [r.initiatorPopulationId, r.responderPopulationId]),
  );
  return {
    runId: run.id,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    cells: results.map((r) => ({
      initiatorPopulationId: r.initiatorPopulationId,
      initiatorPopulationName: names.get(r.initiatorPopulationId) ?? '',
      responderPopulationId: r.responderPopulationId,
      responderPopulationName: names.get(r.responderPopulationId) ?? '',
      count: r.count < MIN_SHOWN_COUNT ? null : r.count,
      shown: shownCount(r.count),
    })),
  };
}

/**
 * The overlapping accounts of the latest finished run, each as the viewer may see it (mapping.visibility).
 * Only overlaps the partner disclosed are here; what it learned at a level it did not disclose stays in its
 * browser.
 */
export async function listOverlaps(
  db: Db,
  ctx: Ctx,
  partnershipId: string,
  filters: {
    initiatorPopulationId?: string | undefined;
    responderPopulationId?: string | undefined;
    q?: string | undefined;
  },
) {
  const p = await findPartnership(db, ctx.actor, partnershipId);
  if (!p) throw notFound('mapping partnership');
  const run = await findLatestFinishedRun(db, p.id);
  if (!run) return { items: [] };
  // The vendor's side owns the accounts: levels are read from the vendor's populations.
  const vendorOrgId = p.orgAId;
  const sides = await partnershipSides(db, p, vendorOrgId);
  const rows = await findOverlapsOfRun(db, run.id);
  const names = await populationNames(
    db,
    rows.flatMap((r) => [r.initiatorPopulationId, r.responderPopulationId]),
  );
  const viewerOwns = ctx.actor.orgId === vendorOrgId;
  const q = filters.q?.trim().toLowerCase();
  // The vendor's open deals at the overlapping accounts (vendor ↔ partner only: a partner's deals are not
  // here). The vendor's staff read them; a partner learns only whether it may ask to join one, and only at
  // an account the vendor's level disclosed to it as an open opportunity.
  const partnerId = p.kind === 'vendor_partner' ? counterpartOf(p, vendorOrgId) : null;
  const open = partnerId
    ? await findOpenDealsAtDomains(
        db,
        rows.flatMap((r) => r.accountDomains),
      )
    : [];
  const openAt = (domains: string[]) =>
    open.filter((d) => d.deal.customerRootDomain && domains.includes(d.deal.customerRootDomain));
  const items = rows
    .filter(
      (r) => !filters.initiatorPopulationId || r.initiatorPopulationId === filters.initiatorPopulationId,
    )
    .filter(
      (r) => !filters.responderPopulationId || r.responderPopulationId === filters.responderPopulationId,
    )
    .map((r) => {
      const level = sides.mine.find((m) => m.pop.id === r.responderPopulationId) ?? {
        level: 'hidden' as const,
        sharedFields: [],
      };
      const shown = redactOverlap(viewerOwns, level, {
        account: { name: r.accountName, domains: r.accountDomains, fields: r.accountFields },
        partnerFields: r.partnerFields,
      });
      const deals = partnerId ? openAt(r.accountDomains) : [];
      const openOpportunity =
        'pop' in level &&
        level.pop.kind === 'open_opportunities' &&
        levelRank(level.level) >= levelRank('overlaps');
      return {
        id: r.id,
        runId: run.id,
        initiatorPopulationId: r.initiatorPopulationId,
        initiatorPopulationName: names.get(r.initiatorPopulationId) ?? '',
        responderPopulationId: r.responderPopulationId,
        responderPopulationName: names.get(r.responderPopulationId) ?? '',
        ...shown,
        openDeals: viewerOwns
          ? deals.map((d) => ({
              id: d.deal.id,
              customerName: d.deal.customerName,
              status: d.deal.status as 'registered' | 'approved',
              amount: d.deal.amount,
              currency: d.deal.currency,
              registrant: d.registrantName,
              counterpartOnIt: d.organizationIds.has(partnerId!),
            }))
          : [],
        canRequestInvolvement:
          !viewerOwns && openOpportunity && deals.some((d) => !d.organizationIds.has(ctx.actor.orgId)),
        createdAt: (run.finishedAt ?? run.createdAt).toISOString(),
      };
    })
    .filter(
      (o) =>
        !q ||
        (o.account.name ?? '').toLowerCase().includes(q) ||
        o.account.domains.some((d) => d.includes(q)) ||
        Object.values(o.partnerFields).some((v) => v.toLowerCase().includes(q)),
    );
  return { items };
}

const csvCell = (v: string) => {
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** What was shared, as the viewer sees it, as CSV. */
export async function overlapsCsv(db: Db, ctx: Ctx, partnershipId: string) {
  const { items } = await listOverlaps(db, ctx, partnershipId, {});
  const fieldNames = [...new Set(items.flatMap((o) => Object.keys(o.account.fields)))].sort();
  const partnerNames = [...new Set(items.flatMap((o) => Object.keys(o.partnerFields)))].sort();
  const header = [
    'partner_population',
    'vendor_population',
    'account_name',
    'domains',
    ...fieldNames.map((f) => `vendor_${f}`),
    ...partnerNames.map((f) => `partner_${f}`),
  ];
  const lines = [header.join(',')];
  for (const o of items) {
    lines.push(
      [
        o.initiatorPopulationName,
        o.responderPopulationName,
        o.account.name ?? '',
        o.account.domains.join(' '),
        ...fieldNames.map((f) => o.account.fields[f] ?? ''),
        ...partnerNames.map((f) => o.partnerFields[f] ?? ''),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * "Ask for an intro" from an overlap: a referral of that company to the counterpart, through the deals
 * module's referral service (its rules, audit, notification and fee terms apply as to any referral).
 */
export async function askForIntro(
  db: Db,
  ctx: Ctx,
  mail: Mail,
  partnershipId: string,
  input: z.output<typeof introBody>,
) {
  const p = await findPartnership(db, ctx.actor, partnershipId);
  if (!p) throw notFound('mapping partnership');
  if (!isActive(p)) throw unprocessable('Both organizations must opt in before mapping');
  const counterpart = counterpartOf(p, ctx.actor.orgId);
  return createReferral(db, ctx, mail, {
    ...(p.kind === 'partner_partner' ? { recipientOrganizationId: counterpart } : {}),
    companyName: input.companyName,
    companyDomain: input.companyDomain,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    need: input.need,
  });
}

/**
 * From an overlap, an involvement on the vendor's open deal at that account (vendor ↔ partner only). The
 * vendor's staff invite the partner, which then sees the deal as an involved partner and accepts or
 * declines it. A partner asks to join: only at an account the vendor's level disclosed to it as an open
 * opportunity; its request waits for the vendor and shows it nothing of the deal. Any other overlap, or
 * one with no such deal, answers 404.
 */
export async function proposeInvolvementFromOverlap(
  db: Db,
  ctx: Ctx,
  partnershipId: string,
  overlapId: string,
  input: z.output<typeof overlapInvolvementBody>,
) {
  const p = await findPartnership(db, ctx.actor, partnershipId);
  if (!p) throw notFound('mapping partnership');
  if (p.kind !== 'vendor_partner') throw notFound('overlap');
  if (!isActive(p)) throw unprocessable('Both organizations must opt in before mapping');
  const { items } = await listOverlaps(db, ctx, p.id, {});
  const overlap = items.find((o) => o.id === overlapId);
  if (!overlap) throw notFound('overlap');
  if (isVendor(ctx.actor)) {
    const partnerId = counterpartOf(p, ctx.actor.orgId);
    const deal = input.dealId
      ? overlap.openDeals.find((d) => d.id === input.dealId)
      : overlap.openDeals.find((d) => !d.counterpartOnIt);
    if (!deal) throw notFound('open deal at this account');
    const made = await inviteInvolvement(db, ctx, deal.id, {
      organizationId: partnerId,
      role: input.role,
      note: input.note,
    });
    return {
      status: 'proposed' as const,
      role: made.role,
      organization: made.organization,
      deal: { id: made.dealId, customerName: made.customerName },
    };
  }
  if (input.dealId) throw notFound('deal');
  if (!overlap.canRequestInvolvement) throw notFound('open deal at this account');
  const made = await requestInvolvementAt(db, ctx, overlap.account.domains, {
    role: input.role,
    note: input.note,
  });
  if (!made) throw notFound('open deal at this account');
  const me = await findOrganizationById(db, ctx.actor.orgId);
  return {
    status: 'proposed' as const,
    role: made.role,
    organization: { id: ctx.actor.orgId, name: me?.name ?? '' },
    deal: null,
  };
}
