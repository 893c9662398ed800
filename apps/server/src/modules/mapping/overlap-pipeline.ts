import { sql } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import type { Queryable } from '../../db/client';
import { isoDay } from '../analytics/period';
import { ratesCte } from '../analytics/sql';
import {
  findLatestFinishedRun,
  findPartnerships,
  findOverlapsOfRun,
  findPartnershipBetween,
  findPopulationsByIds,
  findResultsOfRuns,
  type PartnershipRow,
} from './mapping.repository';
import { counterpartOf } from './partnerships.service';

/**
 * The vendor's open-opportunity account domains each partner disclosed an overlap with in the latest
 * finished run of their partnership. Only what the partner's level disclosed reaches the server
 * (mapping_overlaps); counts alone are not attributable to accounts and never appear here.
 */
export async function disclosedOpenOverlaps(
  q: Queryable,
  vendorOrgId: string,
  partnerships: PartnershipRow[],
) {
  // Per partner: its disclosed accounts (keyed as the metrics count them) and their domains.
  const out = new Map<string, { accounts: Set<string>; domains: Set<string> }>();
  for (const p of partnerships) {
    const run = await findLatestFinishedRun(q, p.id);
    if (!run) continue;
    const results = await findResultsOfRuns(q, [run.id]);
    const pops = new Map(
      (
        await findPopulationsByIds(
          q,
          results.map((r) => r.responderPopulationId),
        )
      ).map((x) => [x.id, x]),
    );
    const partner = counterpartOf(p, vendorOrgId);
    const seen = out.get(partner) ?? { accounts: new Set<string>(), domains: new Set<string>() };
    for (const o of await findOverlapsOfRun(q, run.id)) {
      const pop = pops.get(o.responderPopulationId);
      if (pop?.organizationId !== vendorOrgId || pop.kind !== 'open_opportunities') continue;
      seen.accounts.add(`${o.responderPopulationId}:${o.accountDomains.join(',')}`);
      for (const d of o.accountDomains) seen.domains.add(d);
    }
    out.set(partner, seen);
  }
  return out;
}

export interface OverlapPipeline {
  /** The reporting currency `total` is in, and the instant its rates are read at. */
  currency: string;
  at: string;
  deals: number;
  byCurrency: { currency: string; amount: number; deals: number }[];
  /** Every currency converted at the rate in force on `at`'s day, rounded half-up once; null with none. */
  total: number | null;
}

/**
 * The vendor's open deals (registered or approved: the deals its open-opportunity populations are built
 * from) whose customer's registrable domain is among `domains`: their amounts per deal currency, and
 * the sum in the reporting currency (docs/METRICS.md, "Account mapping").
 */
export async function overlapPipeline(
  q: Queryable,
  domains: Iterable<string>,
  reporting: string,
  now: Date,
): Promise<OverlapPipeline> {
  const list = [...new Set(domains)];
  const empty = { currency: reporting, at: now.toISOString(), deals: 0, byCurrency: [], total: null };
  if (!list.length) return empty;
  const day = isoDay(now);
  const rows = (
    await q.execute<{
      currency: string | null;
      g: number;
      n: number;
      amount: string;
      converted: string | null;
    }>(
      sql`with ${ratesCte(reporting)},
      od as (
        select d.currency, d.amount from deals d
        where d.status in ('registered', 'approved')
          and d.customer_root_domain in (${sql.join(
            list.map((x) => sql`${x}`),
            sql`, `,
          )})
      )
      select od.currency, grouping(od.currency)::int as g, count(*)::int as n, sum(od.amount)::text as amount,
        -- A currency without a rate in force leaves the total unknown rather than silently short.
        case when bool_and(r.factor is not null) then round(sum(od.amount::numeric * r.factor))::text end as converted
      from od left join rates r on r.currency = od.currency and r.valid_from <= ${day}::date
        and (r.valid_to is null or ${day}::date < r.valid_to)
      group by grouping sets ((od.currency), ())`,
    )
  ).rows;
  const total = rows.find((r) => r.g === 1);
  if (!total) return empty;
  return {
    currency: reporting,
    at: now.toISOString(),
    deals: total.n,
    byCurrency: rows
      .filter((r) => r.g === 0)
      .map((r) => ({ currency: r.currency!, amount: Number(r.amount), deals: r.n }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    total: total.converted === null ? null : Number(total.converted),
  };
}

/**
 * The scorecard's account-mapping figures for one partner, for the vendor's staff: the open-opportunity
 * accounts that partner disclosed in its latest run and the vendor's open pipeline at them. A partner
 * reading its own card gets neither: the vendor's deal amounts are not its to read.
 */
export async function partnerOverlapFigures(
  q: Queryable,
  viewer: { orgId: string; orgKind: string },
  partnerId: string,
  reporting: string,
  now: Date,
) {
  if (viewer.orgKind !== 'vendor') return null;
  const partnership = await findPartnershipBetween(q, viewer.orgId, partnerId, false);
  const seen = partnership
    ? (await disclosedOpenOverlaps(q, viewer.orgId, [partnership])).get(partnerId)
    : undefined;
  if (!seen)
    return {
      openAccountsWithOverlap: null,
      openPipelineWithOverlap: { value: null, reason: 'No finished account mapping run with this partner' },
    };
  const pipe = await overlapPipeline(q, seen.domains, reporting, now);
  return {
    openAccountsWithOverlap: seen.accounts.size,
    openPipelineWithOverlap:
      pipe.total === null
        ? { value: null, reason: 'No open deal at the accounts this partner disclosed' }
        : { value: pipe.total },
  };
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);

/**
 * The vendor's recommendations: partners who know the customers in its open pipeline, from the overlaps
 * each partner's level disclosed in its latest run (counts alone name no account, so they recommend no
 * one). Ranked by the open pipeline at those accounts, then by how many there are.
 */
export async function recommendFromOverlaps(q: Queryable, actor: Actor, reporting: string, now: Date) {
  const partnerships = await findPartnerships(q, actor);
  const seen = [...(await disclosedOpenOverlaps(q, actor.orgId, partnerships)).entries()].filter(
    ([, s]) => s.accounts.size > 0,
  );
  if (!seen.length) return [];
  const orgs = await q.execute<{ id: string; name: string; types: string[] }>(sql`
    select o.id, o.name, coalesce(array_agg(t.type_code order by t.is_primary desc, t.type_code)
      filter (where t.type_code is not null), '{}') as types
    from organizations o left join organization_partner_types t on t.organization_id = o.id
    where o.status = 'active' and o.id in (${sql.join(
      seen.map(([id]) => sql`${id}::uuid`),
      sql`, `,
    )})
    group by o.id, o.name`);
  const byId = new Map(orgs.rows.map((o) => [o.id, o]));
  const items = [];
  for (const [id, s] of seen) {
    const org = byId.get(id);
    if (!org) continue;
    const pipe = await overlapPipeline(q, s.domains, reporting, now);
    const n = s.accounts.size;
    items.push({
      organizationId: id,
      name: org.name,
      partnerTypes: org.types,
      // Each known account counts; an open deal there counts again (a customer in play beats a name).
      score: n + pipe.deals,
      reasons: [
        `Knows ${n === 1 ? 'one' : n} of the customers in your open pipeline` +
          (pipe.deals ? ` (${plural(pipe.deals, 'an open deal', 'open deals')})` : ''),
      ],
      pipeline: pipe.total ?? 0,
    });
  }
  return items
    .sort(
      (a, b) =>
        b.pipeline - a.pipeline || b.score - a.score || a.organizationId.localeCompare(b.organizationId),
    )
    .slice(0, 20)
    .map(({ pipeline: _, ...r }) => r);
}
