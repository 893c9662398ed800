// Revenue figures read from the rollup of won deals (analytics.tables.ts, kept by the triggers of
// migration 0044_won_rollup_triggers.sql) instead of from every won deal of the period: the same
// sums of metrics.md, to the cent, since each (currency, close day) group converts at one rate.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { type Filters, type Scope, hasPartnerFilter } from './period';
import type { TotalsRow } from './revenue.service';
import { ratesCte } from './sql';

/**
 * The rollup knows a deal's customer country and industry but not its partners' current type,
 * program or tier: requests filtered by those (and a scorecard's one partner) read the deals live.
 */
export const rollupServes = (f: Filters) => !hasPartnerFilter(f) && !f.involvedOrg;

export type RollupRow = TotalsRow & {
  /** `YYYY-MM` of the close date; null on the row for the whole period. */
  m: string | null;
  g: number;
  with_integration: number;
  integration: string;
  referral_deals: number;
  referral_revenue: string | null;
  fees: string | null;
  network: string;
};

/**
 * Every revenue figure the overview shows for a period, by close month and over the whole period
 * (`g` = 1): won revenue and its ecosystem parts, integration deals, referral-sourced revenue and
 * fees, network revenue. Each converted exactly and rounded once.
 */
export async function rollupFigures(q: Queryable, scope: Scope) {
  const f = scope.filters;
  const res = await q.execute<RollupRow>(sql`
    with ${ratesCte(scope.currency)},
    days as (
      select to_char(w.close_day, 'YYYY-MM') as m, w.deals, w.sourced, w.influenced, w.integration,
        w.touched, w.multi, w.p2p, w.amount * r.factor as amt, w.fee_basis * r.factor as fee
      from analytics_won_daily w
      join rates r on r.currency = w.currency and r.valid_from <= w.close_day
        and (r.valid_to is null or w.close_day < r.valid_to)
      where w.close_day >= ${scope.fromDay}::date and w.close_day < ${scope.toDay}::date
        ${f.country ? sql`and w.country = ${f.country}` : sql``}
        ${f.industry ? sql`and w.industry = ${f.industry}` : sql``}
    )
    select m, grouping(m)::int as g, coalesce(sum(deals), 0)::int as n,
      round(sum(amt))::text as all_won,
      coalesce(round(sum(amt) filter (where sourced)), 0)::text as sourced,
      coalesce(round(sum(amt) filter (where influenced)), 0)::text as influenced,
      coalesce(round(sum(amt) filter (where touched)), 0)::text as touched,
      coalesce(round(sum(amt) filter (where not touched)), 0)::text as direct,
      coalesce(sum(deals) filter (where integration), 0)::int as with_integration,
      coalesce(round(sum(amt) filter (where integration)), 0)::text as integration,
      coalesce(sum(deals) filter (where p2p), 0)::int as referral_deals,
      round(sum(amt) filter (where p2p))::text as referral_revenue,
      round(sum(fee) filter (where p2p) / 100)::text as fees,
      coalesce(round(sum(amt) filter (where touched and (multi or p2p))), 0)::text as network
    from days group by grouping sets ((m), ())`);
  return {
    whole: res.rows.find((r) => r.g === 1),
    byMonth: res.rows.filter((r) => r.g === 0),
  };
}
