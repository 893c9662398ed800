import { MIN_SHOWN_COUNT, shownCount } from '@partnergraph/shared/psi/protocol';
import type { Db } from '../../db/client';
import { isVendor, type Ctx } from '../../lib/actor';
import { readSettings } from '../settings/settings.service';
import { findOrganizationsByIds } from '../organizations/organizations.repository';
import {
  findLatestFinishedRun,
  findOverlapsOfRun,
  findPartnerships,
  findPopulationsByIds,
  findResultsOfRuns,
} from './mapping.repository';
import { disclosedOpenOverlaps, overlapPipeline } from './overlap-pipeline';
import { counterpartOf } from './partnerships.service';

/**
 * docs/METRICS.md "Account mapping": per counterpart, the latest finished run's counts by population pair
 * and, of the viewer's open-opportunity accounts, how many a partner disclosed an overlap with.
 */
export async function mappingMetrics(db: Db, ctx: Ctx) {
  const partnerships = await findPartnerships(db, ctx.actor);
  const names = new Map(
    (
      await findOrganizationsByIds(
        db,
        partnerships.map((p) => counterpartOf(p, ctx.actor.orgId)),
      )
    ).map((o) => [o.id, o.name]),
  );
  const items = [];
  const openWithOverlap = new Set<string>();
  for (const p of partnerships) {
    const run = await findLatestFinishedRun(db, p.id);
    if (!run) continue;
    const results = await findResultsOfRuns(db, [run.id]);
    const pops = new Map(
      (
        await findPopulationsByIds(
          db,
          results.flatMap((r) => [r.initiatorPopulationId, r.responderPopulationId]),
        )
      ).map((x) => [x.id, x]),
    );
    for (const o of await findOverlapsOfRun(db, run.id)) {
      const pop = pops.get(o.responderPopulationId);
      if (pop?.organizationId === ctx.actor.orgId && pop.kind === 'open_opportunities')
        openWithOverlap.add(`${o.responderPopulationId}:${o.accountDomains.join(',')}`);
    }
    const other = counterpartOf(p, ctx.actor.orgId);
    items.push({
      organizationId: other,
      organizationName: names.get(other) ?? '',
      runId: run.id,
      finishedAt: run.finishedAt?.toISOString() ?? null,
      pairs: results.map((r) => ({
        initiatorPopulation: pops.get(r.initiatorPopulationId)?.name ?? '',
        initiatorKind: pops.get(r.initiatorPopulationId)?.kind ?? 'custom',
        responderPopulation: pops.get(r.responderPopulationId)?.name ?? '',
        responderKind: pops.get(r.responderPopulationId)?.kind ?? 'custom',
        count: r.count < MIN_SHOWN_COUNT ? null : r.count,
        shown: shownCount(r.count),
      })),
    });
  }
  // The amount is the vendor's: its deals are on the server; a partner's open opportunities stay in its browser.
  const pipeline = isVendor(ctx.actor)
    ? await overlapPipeline(
        db,
        [...(await disclosedOpenOverlaps(db, ctx.actor.orgId, partnerships)).values()].flatMap((x) => [
          ...x.domains,
        ]),
        (await readSettings(db)).reportingCurrency,
        new Date(),
      )
    : null;
  return {
    partners: items,
    openOpportunitiesWithPartnerOverlap: openWithOverlap.size,
    openPipelineWithPartnerOverlap: pipeline,
  };
}
