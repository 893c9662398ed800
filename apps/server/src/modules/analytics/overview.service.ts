import { sql } from 'drizzle-orm';
import type { Figure, Overview } from '@partnergraph/shared/contracts/analytics';
import { performance } from 'node:perf_hooks';
import type { Db } from '../../db/client';
import { readSettings } from '../settings/settings.service';
import { analyticsSnapshots } from './analytics.tables';
import { pruneSnapshots, SLOW_REPORT_MS, snapshotKey, sourcesVersion } from './snapshots';
import { coverageReport } from './coverage.service';
import { integrationCustomers, integrationDeals, integrationWon } from './integrations.report';
import { networkShareOf, networkShares, type networkStructure, networkStructures } from './network.service';
import { type Scope, ceilDay, periodOf, resolveScope } from './period';
import { pipelineInstant, pipelineReportAlso } from './pipeline.service';
import { referralCounts, referralMoney, referralRates, referralRevenue } from './referrals.report';
import { type TotalsRow, revenueTotals, totalsOf, totalsSelect, wonCte } from './revenue.service';
import { none, value } from './sql';
import { rollupFigures, rollupServes } from './won-rollup';

type Unit = Overview['headlines'][number]['unit'];

/**
 * The revenue figures of one period (metrics.md) and, when asked, by close month: read from the
 * rollup of won deals when the filters allow it (won-rollup.ts), else from the deals themselves.
 * Both give the same figures to the cent (test/analytics-rollup.test.ts).
 */
async function moneyFigures(db: Db, scope: Scope, byMonth: boolean) {
  if (rollupServes(scope.filters)) {
    const r = await rollupFigures(db, scope);
    const w = r.whole;
    return {
      revenue: totalsOf(w),
      integration: integrationDeals({
        n: w?.n ?? 0,
        with_int: w?.with_integration ?? 0,
        revenue: w?.integration ?? null,
      }),
      referral: referralMoney(w && { n: w.referral_deals, revenue: w.referral_revenue, fees: w.fees }),
      networkShare: networkShareOf(w, 'period'),
      months: r.byMonth.map((row) => ({ m: row.m!, totals: totalsOf(row) })),
    };
  }
  const months = byMonth
    ? await db.execute<{ m: string } & TotalsRow>(sql`
        with ${wonCte(scope)}
        select to_char(date_trunc('month', close_date), 'YYYY-MM') as m, ${totalsSelect}
        from won group by 1`)
    : { rows: [] };
  return {
    revenue: await revenueTotals(db, scope),
    integration: await integrationWon(db, scope),
    referral: await referralRevenue(db, scope),
    networkShare: (await networkShares(db, scope)).whole,
    months: months.rows.map((row) => ({ m: row.m, totals: totalsOf(row) })),
  };
}

/** Every headline of metrics.md for one period, computed by the same functions as the detailed reports. */
async function headlines(
  db: Db,
  scope: Scope,
  pipeline: Figure,
  net: Awaited<ReturnType<typeof networkStructure>>,
  byMonth = false,
) {
  const money = await moneyFigures(db, scope, byMonth);
  const { revenue, integration: integ, referral: refMoney } = money;
  const counts = await referralCounts(db, scope);
  const rates = referralRates(counts);
  return {
    figures: {
      sourced: revenue.sourced,
      influenced: revenue.influenced,
      touched: revenue.touched,
      ecosystemShare: revenue.ecosystemShare,
      pipeline,
      referrals: value(counts.total),
      acceptanceRate: rates.acceptanceRate,
      conversionRate: rates.conversionRate,
      referralSourcedRevenue: refMoney.revenue,
      feesOwed: refMoney.fees,
      integrationDealShare: integ.dealShare,
      integrationRevenue: integ.revenue,
      participationRate: net.participationRate,
      density: net.density,
      networkRevenueShare: money.networkShare,
    },
    months: money.months,
  };
}

const labels: Record<string, [string, Unit]> = {
  sourced: ['Partner-sourced revenue', 'money'],
  influenced: ['Partner-influenced revenue', 'money'],
  touched: ['Ecosystem-touched revenue', 'money'],
  ecosystemShare: ['Ecosystem share of revenue', 'rate'],
  pipeline: ['Ecosystem-influenced pipeline', 'money'],
  referrals: ['Partner-to-partner referrals', 'count'],
  acceptanceRate: ['Referral acceptance rate', 'rate'],
  conversionRate: ['Referral conversion rate', 'rate'],
  referralSourcedRevenue: ['Referral-sourced revenue', 'money'],
  feesOwed: ['Referral fees owed', 'money'],
  coverage: ['Market coverage multiplier', 'ratio'],
  integrationDealShare: ['Won deals with an integration', 'rate'],
  integrationCustomerShare: ['Customers with a partner integration', 'rate'],
  integrationRevenue: ['Integration-driven revenue', 'money'],
  participationRate: ['Participation rate', 'rate'],
  density: ['Graph density', 'ratio'],
  networkRevenueShare: ['Network revenue share', 'rate'],
};

export async function overview(db: Db, scope: Scope): Promise<Overview> {
  const length = scope.to.getTime() - scope.from.getTime();
  const prevFrom = new Date(scope.from.getTime() - length);
  const prevScope: Scope = {
    ...scope,
    from: prevFrom,
    to: scope.from,
    fromDay: ceilDay(prevFrom),
    toDay: scope.fromDay,
  };
  // The trend's pipeline series ends at the headline instant, and the previous period's instant is
  // read in the same pass over the deals.
  const { report: pipe, also } = await pipelineReportAlso(db, scope, [pipelineInstant(prevScope)]);
  // Both periods' partner graphs (12-month windows ending at `to` and at `from`) in one statement.
  const [netNow, netBefore] = await networkStructures(db, scope, [scope.to, prevScope.to]);
  const current = await headlines(db, scope, pipe.pipeline, netNow!, true);
  const previous = await headlines(db, prevScope, also[0]!, netBefore!);
  const customers = await integrationCustomers(db, scope);
  const coverage = await coverageReport(db, scope);
  const cur: Record<string, Figure> = {
    ...current.figures,
    integrationCustomerShare: customers.customerShare,
    coverage: coverage.multiplier.cells,
  };
  const prev: Record<string, Figure> = {
    ...previous.figures,
    coverage: none('Coverage is measured as of now only'),
    // Customers are counted over all time (metrics.md (b)): a previous period has no figure of its own.
    integrationCustomerShare: none('Counted over all time, not per period'),
  };

  // Monthly trend: revenue by close month, pipeline at each month end.
  const pipeByMonth = new Map(
    pipe.series.map((p) => [new Date(Date.parse(p.at) - 1).toISOString().slice(0, 7), p]),
  );
  const revenueByMonth = new Map(current.months.map((r) => [r.m, r.totals]));
  const trend = [...new Set([...revenueByMonth.keys(), ...pipeByMonth.keys()])].sort().map((month) => {
    const t = revenueByMonth.get(month) ?? totalsOf(undefined);
    return {
      month,
      sourced: t.sourced,
      influenced: t.influenced,
      touched: t.touched,
      pipeline: pipeByMonth.get(month)?.pipeline ?? none('Not measured for this month'),
    };
  });
  return {
    period: periodOf(scope),
    previous: { from: prevScope.from.toISOString(), to: prevScope.to.toISOString() },
    headlines: Object.entries(labels).map(([metric, [label, unit]]) => ({
      metric,
      label,
      unit,
      current: cur[metric]!,
      previous: prev[metric]!,
    })),
    trend,
  };
}

/**
 * The job's part: recomputes the default overview (the last 12 months, no
 * filters) so that on a large ecosystem the dashboard most visits open is
 * ready, and forgets expired snapshots. On a small one it is a quick no-op.
 */
let lastRun = { at: 0, ms: Number.POSITIVE_INFINITY };

export async function refreshOverviewSnapshot(db: Db): Promise<Record<string, number>> {
  // A small ecosystem computes its overview live in well under a second: check hourly whether it grew.
  if (lastRun.ms < SLOW_REPORT_MS / 2 && Date.now() - lastRun.at < 3600_000) return { skipped: 1 };
  const { reportingCurrency } = await readSettings(db);
  const scope = resolveScope({}, reportingCurrency);
  const version = await sourcesVersion(db);
  const started = performance.now();
  const report = await overview(db, scope);
  const ms = performance.now() - started;
  lastRun = { at: Date.now(), ms };
  if (ms > SLOW_REPORT_MS) {
    const key = snapshotKey('overview', scope, version);
    await db
      .insert(analyticsSnapshots)
      .values({ key, computedAt: scope.now, report })
      .onConflictDoUpdate({ target: analyticsSnapshots.key, set: { computedAt: scope.now, report } });
  }
  return { ms: Math.round(ms), kept: ms > SLOW_REPORT_MS ? 1 : 0, pruned: await pruneSnapshots(db) };
}
