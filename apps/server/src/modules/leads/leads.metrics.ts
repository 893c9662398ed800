import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { sumConverted } from '../../lib/money';
import { findOrganizationsByIds } from '../organizations/organizations.repository';
import { registerMetricProvider, type MetricProvider } from '../programs/metrics';
import { readSettings } from '../settings/settings.service';

// The lead metrics of docs/METRICS.md, computed in SQL over the assignments
// (each offer of a lead to a partner) and the deals leads became. Only
// aggregates reach Node, and the median is SQL's percentile_cont.

const median = (h: string | null) => (h === null ? null : Math.round(Number(h) * 100) / 100);

/** Per organization or for all: offers made in [from, to) and how they ended; the median hours to accept. */
export async function assignmentFigures(q: Queryable, from: Date, to: Date, orgId?: string) {
  const result = await q.execute<{
    offered: number;
    accepted: number;
    decided: number;
    median_hours: string | null;
  }>(sql`
    select count(*)::int as offered,
      count(*) filter (where outcome = 'accepted')::int as accepted,
      count(*) filter (where outcome in ('accepted', 'declined', 'withdrawn'))::int as decided,
      (percentile_cont(0.5) within group (order by extract(epoch from outcome_at - assigned_at) / 3600)
        filter (where outcome = 'accepted'))::text as median_hours
    from lead_assignments
    where assigned_at >= ${from} and assigned_at < ${to}
      ${orgId ? sql`and organization_id = ${orgId}::uuid` : sql``}`);
  const r = result.rows[0]!;
  return {
    offered: r.offered,
    accepted: r.accepted,
    decided: r.decided,
    acceptanceRate: r.decided ? r.accepted / r.decided : null,
    medianHoursToAccept: median(r.median_hours),
  };
}

/** The vendor's lead report for [from, to): distributed, acceptance, time to accept, conversion, revenue. */
export async function leadReport(db: Db, fromDay: string, toDay: string) {
  const from = new Date(`${fromDay}T00:00:00Z`);
  const to = new Date(new Date(`${toDay}T00:00:00Z`).getTime() + 86_400_000);
  const { reportingCurrency } = await readSettings(db);
  // A lead is distributed in P when its first assignment is in P; reassignments do not count it again.
  const distributed = await db.execute<{ n: number; won: number }>(sql`
    with firsts as (
      select lead_id, min(assigned_at) as first_at from lead_assignments group by lead_id)
    select count(*)::int as n,
      count(*) filter (where exists (select 1 from leads l join deals d on d.id = l.deal_id
        where l.id = f.lead_id and d.status = 'won'))::int as won
    from firsts f where f.first_at >= ${from} and f.first_at < ${to}`);
  const figures = await assignmentFigures(db, from, to);
  const won = await db.execute<{ amount: string; currency: string; rate: string | null }>(sql`
    select d.amount::text as amount, d.currency,
      case when d.currency = ${reportingCurrency} then '1' else (
        select r.rate::text from fx_rates r
        where r.currency = d.currency and r.reporting_currency = ${reportingCurrency}
          and r.effective_date <= d.close_date
        order by r.effective_date desc limit 1) end as rate
    from leads l join deals d on d.id = l.deal_id
    where d.status = 'won' and d.close_date >= ${fromDay}::date and d.close_date <= ${toDay}::date`);
  const d = distributed.rows[0]!;
  return {
    from: fromDay,
    to: toDay,
    distributed: d.n,
    acceptanceRate: figures.acceptanceRate,
    medianHoursToAccept: figures.medianHoursToAccept,
    conversionToWon: d.n ? d.won / d.n : null,
    leadSourcedRevenue: sumConverted(
      won.rows
        .filter((r) => r.rate !== null)
        .map((r) => ({ amount: Number(r.amount), currency: r.currency, rate: r.rate! })),
      reportingCurrency,
    ),
    currency: reportingCurrency,
  };
}

/** The SLA view: offers waiting and overdue now, the queue, and acceptance times of the last 90 days by partner. */
export async function leadSla(db: Db, now = new Date()) {
  const since = new Date(now.getTime() - 90 * 86_400_000);
  const totals = await db.execute<{ waiting: number; overdue: number; unassigned: number }>(sql`
    select
      (select count(*)::int from lead_assignments where outcome = 'waiting') as waiting,
      (select count(*)::int from lead_assignments where outcome = 'waiting' and deadline_at <= ${now}) as overdue,
      (select count(*)::int from leads where status = 'unassigned') as unassigned`);
  const rows = await db.execute<{
    org: string;
    waiting: number;
    overdue: number;
    accepted: number;
    declined: number;
    withdrawn: number;
    median_hours: string | null;
  }>(sql`
    select organization_id as org,
      count(*) filter (where outcome = 'waiting')::int as waiting,
      count(*) filter (where outcome = 'waiting' and deadline_at <= ${now})::int as overdue,
      count(*) filter (where outcome = 'accepted' and assigned_at >= ${since})::int as accepted,
      count(*) filter (where outcome = 'declined' and assigned_at >= ${since})::int as declined,
      count(*) filter (where outcome = 'withdrawn' and assigned_at >= ${since})::int as withdrawn,
      (percentile_cont(0.5) within group (order by extract(epoch from outcome_at - assigned_at) / 3600)
        filter (where outcome = 'accepted' and assigned_at >= ${since}))::text as median_hours
    from lead_assignments
    where outcome = 'waiting' or assigned_at >= ${since}
    group by organization_id`);
  const names = new Map(
    (
      await findOrganizationsByIds(
        db,
        rows.rows.map((r) => r.org),
      )
    ).map((o) => [o.id, o.name]),
  );
  const overall = await assignmentFigures(db, since, now);
  const t = totals.rows[0]!;
  return {
    waiting: t.waiting,
    overdue: t.overdue,
    unassigned: t.unassigned,
    medianHoursToAccept: overall.medianHoursToAccept,
    partners: rows.rows
      .map((r) => ({
        organization: { id: r.org, name: names.get(r.org) ?? '' },
        waiting: r.waiting,
        overdue: r.overdue,
        accepted: r.accepted,
        declined: r.declined,
        withdrawn: r.withdrawn,
        medianHoursToAccept: median(r.median_hours),
      }))
      .sort(
        (a, b) =>
          b.overdue - a.overdue ||
          b.waiting - a.waiting ||
          a.organization.name.localeCompare(b.organization.name),
      ),
  };
}

/**
 * `lead_acceptance_rate`, a tier-rule metric: of the offers made to the
 * organization in the rule's window that were decided (accepted, declined or
 * withdrawn at the deadline), the percent accepted (0–100); none decided reads 0.
 */
const leadAcceptanceRate: MetricProvider = async (q, ctx, rule) => {
  const from = new Date(ctx.now.getTime() - rule.windowDays * 86_400_000);
  const f = await assignmentFigures(q, from, ctx.now, ctx.organizationId);
  return f.acceptanceRate === null ? 0 : Math.round(f.acceptanceRate * 1000) / 10;
};

export function registerLeadMetrics() {
  registerMetricProvider('lead_acceptance_rate', leadAcceptanceRate);
}
