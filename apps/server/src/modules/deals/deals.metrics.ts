import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { sumConverted } from '../../lib/money';
import { registerMetricProvider, type MetricProvider } from '../programs/metrics';
import { readSettings } from '../settings/settings.service';

// Tier-rule metrics owned by deals and referrals (programs/metrics.ts). Each
// counts over the rule's trailing window ending at the evaluation time.

const windowStart = (now: Date, days: number) =>
  new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

/** Won deals the organization sourced, in the reporting currency's minor units at each close date's rate. */
const sourcedRevenue: MetricProvider = async (q, ctx, rule) => {
  const { reportingCurrency } = await readSettings(q);
  const result = await q.execute<{ amount: string; currency: string; rate: string | null }>(sql`
    select d.amount::text as amount, d.currency,
      case when d.currency = ${reportingCurrency} then '1' else (
        select r.rate::text from fx_rates r
        where r.currency = d.currency and r.reporting_currency = ${reportingCurrency}
          and r.effective_date <= d.close_date
        order by r.effective_date desc limit 1) end as rate
    from deals d
    join deal_involvements i on i.deal_id = d.id and i.role = 'sourced' and i.status = 'confirmed'
    where i.organization_id = ${ctx.organizationId} and d.status = 'won'
      and d.close_date >= ${windowStart(ctx.now, rule.windowDays)}::date
      and d.close_date <= ${ctx.now.toISOString().slice(0, 10)}::date`);
  // A won deal always had a rate at its close date (closing requires one); a rate deleted since is refused too.
  return sumConverted(
    result.rows
      .filter((r) => r.rate !== null)
      .map((r) => ({ amount: Number(r.amount), currency: r.currency, rate: r.rate! })),
    reportingCurrency,
  );
};

const wonDeals: MetricProvider = async (q, ctx, rule) => {
  const result = await q.execute<{ n: number }>(sql`
    select count(*)::int as n from deals d
    join deal_involvements i on i.deal_id = d.id and i.role = 'sourced' and i.status = 'confirmed'
    where i.organization_id = ${ctx.organizationId} and d.status = 'won'
      and d.close_date >= ${windowStart(ctx.now, rule.windowDays)}::date
      and d.close_date <= ${ctx.now.toISOString().slice(0, 10)}::date`);
  return result.rows[0]?.n ?? 0;
};

/** Referrals the organization sent (to partners or the vendor) that became deals within the window. */
const convertedReferralsSent: MetricProvider = async (q, ctx, rule) => {
  const result = await q.execute<{ n: number }>(sql`
    select count(*)::int as n from referrals
    where referrer_org_id = ${ctx.organizationId} and status = 'converted'
      and converted_at > ${new Date(ctx.now.getTime() - rule.windowDays * 86_400_000)}
      and converted_at <= ${ctx.now}`);
  return result.rows[0]?.n ?? 0;
};

/**
 * Sourced revenue per partner for deals won in [from, to), in the reporting currency at each close
 * date's rate: what rebates and revenue-share allocations are computed on.
 */
export async function sourcedRevenueByPartner(q: Queryable, from: string, to: string) {
  const { reportingCurrency } = await readSettings(q);
  const result = await q.execute<{ org: string; amount: string; currency: string; rate: string | null }>(sql`
    select i.organization_id as org, d.amount::text as amount, d.currency,
      case when d.currency = ${reportingCurrency} then '1' else (
        select r.rate::text from fx_rates r
        where r.currency = d.currency and r.reporting_currency = ${reportingCurrency}
          and r.effective_date <= d.close_date
        order by r.effective_date desc limit 1) end as rate
    from deals d
    join deal_involvements i on i.deal_id = d.id and i.role = 'sourced' and i.status = 'confirmed'
    where d.status = 'won' and d.close_date >= ${from}::date and d.close_date < ${to}::date`);
  const byOrg = new Map<string, { amount: number; currency: string; rate: string }[]>();
  for (const r of result.rows) {
    if (r.rate === null) continue;
    byOrg.set(r.org, [
      ...(byOrg.get(r.org) ?? []),
      { amount: Number(r.amount), currency: r.currency, rate: r.rate },
    ]);
  }
  return {
    currency: reportingCurrency,
    byPartner: new Map(
      [...byOrg].map(([org, terms]) => [
        org,
        { revenue: sumConverted(terms, reportingCurrency), deals: terms.length },
      ]),
    ),
  };
}

/** Called where the app is built (providers.ts); registering again replaces the same providers. */
export function registerDealMetrics() {
  registerMetricProvider('sourced_revenue', sourcedRevenue);
  registerMetricProvider('won_deals', wonDeals);
  registerMetricProvider('converted_referrals_sent', convertedReferralsSent);
}
