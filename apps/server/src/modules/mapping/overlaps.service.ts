import type { z } from 'zod';
import type { introBody } from '@partnergraph/shared/contracts/mapping';
import { MIN_SHOWN_COUNT, shownCount } from '@partnergraph/shared/psi/protocol';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/actor';
import { notFound, unprocessable } from '../../lib/errors';
import { createReferral, type Mail } from '../deals/referrals.service';
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
      return {
        id: r.id,
        runId: run.id,
        initiatorPopulationId: r.initiatorPopulationId,
        initiatorPopulationName: names.get(r.initiatorPopulationId) ?? '',
        responderPopulationId: r.responderPopulationId,
        responderPopulationName: names.get(r.responderPopulationId) ?? '',
        ...shown,
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
