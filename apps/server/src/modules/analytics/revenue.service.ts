import { sql, type SQL } from 'drizzle-orm';
import type { AttributionModel } from '@partnergraph/shared/codes';
import type { RevenueReport } from '@partnergraph/shared/contracts/analytics';
import type { Queryable } from '../../db/client';
import { type Scope, periodOf, quartersOf } from './period';
import { dealFilter, NO_WON, none, partnerMatch, ratesCte, rateJoin, ratio, value } from './sql';
import { typeNames } from './names';

/**
 * Deals won in P (close date in P), each with its exact converted amount and
 * the flags the revenue metrics read (metrics.md). One place defines "won in P".
 */
export function wonCte(scope: Scope, extra: SQL = sql`true`): SQL {
  // One index scan of each deal's involvements gives every flag (the primary key leads with deal_id).
  // Measured at 1,000,000 deals, this beats aggregating the involvements of the period's deals in one pass.
  return sql`${ratesCte(scope.currency)},
  won as (
    select d.id, d.close_date, d.amount, r.factor, d.amount::numeric * r.factor as amt, d.referral_id,
      inv.sourced_org,
      (inv.sourced_org is not null and ${partnerMatch(sql`inv.sourced_org`, scope.filters)}) as sourced_match,
      coalesce(inv.influenced, false) as influenced,
      coalesce(inv.integration, false) as integration,
      inv.partners > 0 as touched,
      inv.partners,
      coalesce(spt.type_code, 'unknown') as sourced_type
    from deals d ${rateJoin(sql`d.close_date`)}
    cross join lateral (
      select count(*) as partners, bool_or(i.role <> 'sourced') as influenced,
        bool_or(i.role = 'integration') as integration,
        (array_agg(i.organization_id) filter (where i.role = 'sourced'))[1] as sourced_org
      from deal_involvements i where i.deal_id = d.id and i.status = 'confirmed'
    ) inv
    left join organization_partner_types spt on spt.organization_id = inv.sourced_org and spt.is_primary
    where d.status = 'won' and d.close_date >= ${scope.fromDay}::date and d.close_date < ${scope.toDay}::date
      and ${dealFilter(scope.filters)} and ${extra}
  )`;
}

export type TotalsRow = {
  n: number;
  all_won: string | null;
  sourced: string | null;
  influenced: string | null;
  touched: string | null;
  direct: string | null;
};

export function totalsOf(r: TotalsRow | undefined) {
  const n = r?.n ?? 0;
  if (!n) {
    const empty = none(NO_WON);
    return {
      allWon: empty,
      wonDeals: 0,
      sourced: empty,
      influenced: empty,
      touched: empty,
      vendorDirect: empty,
      ecosystemShare: empty,
    };
  }
  const all = Number(r!.all_won);
  const touched = Number(r!.touched ?? 0);
  return {
    allWon: value(all),
    wonDeals: n,
    sourced: value(Number(r!.sourced ?? 0)),
    influenced: value(Number(r!.influenced ?? 0)),
    touched: value(touched),
    vendorDirect: value(Number(r!.direct ?? 0)),
    ecosystemShare: ratio(touched, all, NO_WON),
  };
}

/** The revenue sums of metrics.md over a `won` set, each rounded once. */
export const totalsSelect = sql`count(*)::int as n,
  round(sum(amt))::text as all_won,
  coalesce(round(sum(amt) filter (where sourced_match)), 0)::text as sourced,
  coalesce(round(sum(amt) filter (where influenced)), 0)::text as influenced,
  coalesce(round(sum(amt) filter (where touched)), 0)::text as touched,
  coalesce(round(sum(amt) filter (where not touched)), 0)::text as direct`;

export async function revenueTotals(q: Queryable, scope: Scope) {
  const res = await q.execute<TotalsRow>(sql`with ${wonCte(scope)} select ${totalsSelect} from won`);
  return totalsOf(res.rows[0]);
}

export async function revenueReport(
  q: Queryable,
  scope: Scope,
  model: AttributionModel,
): Promise<RevenueReport> {
  const names = await typeNames(q);
  const res = await q.execute<TotalsRow & { q: string | null; stype: string | null; g: number }>(sql`
    with ${wonCte(scope)},
    typed as (select *, date_trunc('quarter', close_date)::date::text as q,
      case when sourced_match then sourced_type end as stype from won)
    select q, stype, grouping(q, stype)::int as g, ${totalsSelect}
    from typed group by grouping sets ((q, stype), (q), (stype), ())`);
  const rows = res.rows;
  const whole = rows.find((r) => r.g === 3);
  const byTypeTotal = rows.filter((r) => r.g === 2 && r.stype !== null);
  const quarters = quartersOf(scope.from, scope.to).map((qt) => {
    const key = `${qt.from.getUTCFullYear()}-${String(Math.floor(qt.from.getUTCMonth() / 3) * 3 + 1).padStart(2, '0')}-01`;
    return {
      label: qt.label,
      from: qt.from.toISOString(),
      to: qt.to.toISOString(),
      byType: rows
        .filter((r) => r.g === 0 && r.q === key && r.stype !== null)
        .map((r) => ({ partnerType: r.stype!, amount: Number(r.sourced) }))
        .sort((a, b) => b.amount - a.amount),
      totals: totalsOf(rows.find((r) => r.g === 1 && r.q === key)),
    };
  });
  const totals = totalsOf(whole);
  return {
    period: periodOf(scope),
    model,
    totals,
    sourcedByType: totals.wonDeals
      ? byTypeTotal
          .map((r) => ({
            partnerType: r.stype!,
            partnerTypeName: names.get(r.stype!) ?? r.stype!,
            amount: value(Number(r.sourced)),
          }))
          .sort((a, b) => b.amount.value! - a.amount.value!)
      : [],
    quarters,
    partners: await partnerCredits(q, scope, model, names),
  };
}

/**
 * Per-partner credit (metrics.md): the sourced partner gets the whole amount
 * as sourced credit; the influence credit splits the whole amount among the
 * other roles — evenly by largest remainder in the deal's minor units (ties to
 * the lower partner id), or all to the first or last involved. Each share is
 * converted exactly and each partner's sum rounded once.
 */
export async function partnerCredits(
  q: Queryable,
  scope: Scope,
  model: AttributionModel,
  names: Map<string, string>,
  only?: string,
) {
  const share =
    model === 'even'
      ? sql`((amount / n) + case when rk_id <= amount % n then 1 else 0 end)`
      : model === 'first_touch'
        ? sql`case when rk_first = 1 then amount else 0 end`
        : sql`case when rk_last = 1 then amount else 0 end`;
  const res = await q.execute<{
    org: string;
    name: string;
    ptype: string;
    sourced: string;
    influence: string;
    deals: number;
  }>(sql`
    with ${wonCte(scope)},
    inv as (
      select w.id, w.amount, w.factor, i.organization_id as org, i.role, i.involved_at
      from won w join deal_involvements i on i.deal_id = w.id and i.status = 'confirmed'
    ),
    infl as (
      select *, count(*) over (partition by id) as n,
        row_number() over (partition by id order by org) as rk_id,
        row_number() over (partition by id order by involved_at, org) as rk_first,
        row_number() over (partition by id order by involved_at desc, org desc) as rk_last
      from inv where role <> 'sourced'
    ),
    credits as (
      select org, id, amount::numeric * factor as s, 0::numeric as i from inv where role = 'sourced'
      union all
      select org, id, 0::numeric, ${share}::numeric * factor from infl
    )
    select c.org::text as org, o.name, coalesce(min(t.type_code), 'unknown') as ptype,
      round(sum(c.s))::text as sourced, round(sum(c.i))::text as influence, count(distinct c.id)::int as deals
    from credits c join organizations o on o.id = c.org
    left join organization_partner_types t on t.organization_id = c.org and t.is_primary
    where ${partnerMatch(sql`c.org`, scope.filters)} ${only ? sql`and c.org = ${only}::uuid` : sql``}
    group by c.org, o.name
    order by sum(c.s) + sum(c.i) desc, c.org
    limit 100`);
  return res.rows.map((r) => ({
    organizationId: r.org,
    name: r.name,
    partnerType: r.ptype,
    partnerTypeName: names.get(r.ptype) ?? r.ptype,
    sourcedCredit: Number(r.sourced),
    influenceCredit: Number(r.influence),
    deals: r.deals,
  }));
}
