import { sql } from 'drizzle-orm';
import type { PipelineReport } from '@partnergraph/shared/contracts/analytics';
import type { Queryable } from '../../db/client';
import { typeNames } from './names';
import { type Scope, isoDay, monthsOf, periodOf } from './period';
import { dealFilter, none, ratesCte, value } from './sql';

/**
 * The instant the pipeline is read at: the end of the period, or now when the
 * period runs into the future (nobody knows tomorrow's open deals).
 */
export const pipelineInstant = (scope: Scope) => (scope.to < scope.now ? scope.to : scope.now);

/**
 * Open at t (metrics.md): approved at or before t and not ended at or before t.
 * Converted at the rate in force on t's calendar day (t = the end of a day
 * takes that day's rate).
 */
async function openAt(q: Queryable, scope: Scope, points: Date[]) {
  if (!points.length) return [];
  const values = sql.join(
    points.map((t) => sql`(${t.toISOString()}::timestamptz, ${isoDay(new Date(t.getTime() - 1))}::date)`),
    sql`, `,
  );
  const times = points.map((t) => t.getTime());
  const first = new Date(Math.min(...times)).toISOString();
  const last = new Date(Math.max(...times)).toISOString();
  // Each candidate deal's partner facts are read once, then matched to every instant it was open at.
  const res = await q.execute<{
    t: string;
    n: number;
    amount: string | null;
    stype: string | null;
    g: number;
  }>(sql`
    with ${ratesCte(scope.currency)}, pts(t, day) as (values ${values}),
    candidates as (
      select d.id, d.currency, d.amount, d.approved_at, d.ended_at,
        case when so.organization_id is null then 'vendor_sourced' else coalesce(spt.type_code, 'unknown') end as stype
      from deals d
      left join deal_involvements so on so.deal_id = d.id and so.role = 'sourced' and so.status = 'confirmed'
      left join organization_partner_types spt on spt.organization_id = so.organization_id and spt.is_primary
      where d.approved_at <= ${last}::timestamptz and (d.ended_at is null or d.ended_at > ${first}::timestamptz)
        and exists (select 1 from deal_involvements i where i.deal_id = d.id and i.status = 'confirmed')
        and ${dealFilter(scope.filters)}
    ),
    -- The rate of each currency at each instant: a few rows, joined by equality below.
    point_rates as (
      select p.t, r.currency, r.factor from pts p
      join rates r on r.valid_from <= p.day and (r.valid_to is null or p.day < r.valid_to)
    ),
    open as (
      select p.t, c.stype, c.amount::numeric * pr.factor as amt
      from pts p
      join candidates c on c.approved_at <= p.t and (c.ended_at is null or c.ended_at > p.t)
      join point_rates pr on pr.t = p.t and pr.currency = c.currency
    )
    select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as t,
      stype, grouping(stype)::int as g, count(*)::int as n, round(sum(amt))::text as amount
    from open group by grouping sets ((t), (t, stype))`);
  return res.rows;
}

const NO_OPEN = 'No open deals with a partner involved at this time';

export async function pipelineAt(q: Queryable, scope: Scope, at = pipelineInstant(scope)) {
  const rows = await openAt(q, scope, [at]);
  const total = rows.find((r) => r.g === 1);
  return total
    ? { pipeline: value(Number(total.amount)), openDeals: total.n }
    : { pipeline: none(NO_OPEN), openDeals: 0 };
}

/** Month ends in the period up to now, and the headline instant. */
export function seriesPoints(scope: Scope) {
  const at = pipelineInstant(scope);
  const points = monthsOf(scope.from, scope.to)
    .filter((m) => m.from < at)
    .map((m) => (m.to < at ? m.to : at));
  return [...new Map(points.map((p) => [p.getTime(), p])).values()];
}

export async function pipelineReport(q: Queryable, scope: Scope): Promise<PipelineReport> {
  return (await pipelineReportAlso(q, scope, [])).report;
}

/**
 * The report, and the pipeline at other instants read in the same pass over the deals (the
 * overview's previous period): finding the candidate deals is most of the work.
 */
export async function pipelineReportAlso(q: Queryable, scope: Scope, also: Date[]) {
  const names = await typeNames(q);
  const at = pipelineInstant(scope);
  const points = seriesPoints(scope);
  if (!points.some((p) => p.getTime() === at.getTime())) points.push(at);
  const extra = also.filter((t) => !points.some((p) => p.getTime() === t.getTime()));
  const rows = await openAt(q, scope, [...points, ...extra]);
  const key = (d: Date) => d.toISOString();
  const totalAt = (t: Date) => rows.find((r) => r.g === 1 && r.t === key(t));
  const head = totalAt(at);
  const report: PipelineReport = {
    period: periodOf(scope),
    at: at.toISOString(),
    pipeline: head ? value(Number(head.amount)) : none(NO_OPEN),
    openDeals: head?.n ?? 0,
    byType: rows
      .filter((r) => r.g === 0 && r.t === key(at))
      .map((r) => ({
        partnerType: r.stype!,
        partnerTypeName: names.get(r.stype!) ?? r.stype!,
        amount: Number(r.amount),
        deals: r.n,
      }))
      .sort((a, b) => b.amount - a.amount),
    series: points
      .sort((a, b) => a.getTime() - b.getTime())
      .map((t) => {
        const r = totalAt(t);
        return {
          at: t.toISOString(),
          pipeline: r ? value(Number(r.amount)) : none(NO_OPEN),
          openDeals: r?.n ?? 0,
        };
      }),
  };
  return {
    report,
    also: also.map((t) => {
      const r = totalAt(t);
      return r ? value(Number(r.amount)) : none(NO_OPEN);
    }),
  };
}
