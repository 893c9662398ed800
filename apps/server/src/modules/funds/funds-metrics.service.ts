import type { z } from 'zod';
import type { fundsMetricsQuery, fundsMetricsSchema } from '@partnergraph/shared/contracts/funds';
import type { Db } from '../../db/client';
import { sumConverted } from '../../lib/money';
import { sourcedRevenueByPartner } from '../deals/deals.metrics';
import { rateInForce, readSettings } from '../settings/settings.service';
import { findIncentiveCostIn } from './ledger.repository';
import { activityReturnOf } from './mdf-return';
import {
  findApprovedClaimsForActivitiesIn,
  findApprovedClaimsOfActivitiesIn,
  findBudgetsOverlapping,
  findClaimsReviewedIn,
} from './mdf.repository';

// The funds metrics of docs/METRICS.md, computed as written there. A ratio with a zero denominator is
// null with its reason, never 0.

const ratio = (n: number, d: number, what: string) =>
  d > 0
    ? { value: Math.round((n / d) * 10_000) / 10_000 }
    : { value: null, reason: `No ${what} in the period` };

const DAY = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** Amounts in the reporting currency: the rounded sum of the terms that have a rate, and what has none. */
function convertAll(terms: { amount: number; currency: string; rate: string | null }[], reporting: string) {
  const notConverted = new Map<string, number>();
  for (const t of terms.filter((x) => x.rate === null)) {
    notConverted.set(t.currency, (notConverted.get(t.currency) ?? 0) + t.amount);
  }
  return {
    total: sumConverted(
      terms.filter((t) => t.rate !== null).map((t) => ({ ...t, rate: t.rate! })),
      reporting,
    ),
    notConverted: [...notConverted].map(([currency, amount]) => ({ currency, amount })),
  };
}

/**
 * MDF utilization (budget, P), metrics.md: approved claim amounts for activities in P ÷ the budget's
 * amount for P, in the reporting currency. An activity is in P when it starts in P; each claim is
 * converted at the rate in force on its approval date (UTC). A budget's amount for P is its amount
 * times the share of its period's days that lie in P, converted at the rate in force on the last of
 * those days. Sums are exact and rounded half-up once; the figure for all budgets is the same ratio
 * over every budget that converts.
 */
async function mdfUtilization(db: Db, from: string, to: string, reporting: string) {
  const budgets = await findBudgetsOverlapping(db, from, to);
  const claims = await findApprovedClaimsForActivitiesIn(db, from, to, reporting);
  const [pFrom, pTo] = [dayNumber(from), dayNumber(to)];
  const rows = [];
  const budgetTerms = [];
  const spentTerms = [];
  const notConverted = [];
  for (const b of budgets) {
    const [start, end] = [dayNumber(b.periodStart), dayNumber(b.periodEnd) + 1];
    const share: [number, number] = [Math.min(end, pTo) - Math.max(start, pFrom), end - start];
    const lastDay = dateOf(Math.min(end, pTo) - 1);
    const rate = await rateInForce(db, b.currency, reporting, lastDay);
    const own = claims.filter((c) => c.budgetId === b.id);
    const spent = convertAll(own, reporting);
    notConverted.push(...spent.notConverted);
    const term = rate ? { amount: b.amount, currency: b.currency, rate: rate.rate, share } : null;
    const budget = term ? sumConverted([term], reporting) : null;
    if (term) {
      budgetTerms.push(term);
      spentTerms.push(...own.filter((c) => c.rate !== null).map((c) => ({ ...c, rate: c.rate! })));
    }
    rows.push({
      budgetId: b.id,
      name: b.name,
      fund: b.fund,
      currency: b.currency,
      amount: sumConverted([{ amount: b.amount, currency: b.currency, rate: '1', share }], b.currency),
      budget,
      spent: spent.total,
      utilization:
        budget === null
          ? { value: null, reason: `No ${b.currency}→${reporting} rate in force on ${lastDay}` }
          : ratio(spent.total, budget, 'budget'),
    });
  }
  const merged = new Map<string, number>();
  for (const n of notConverted) merged.set(n.currency, (merged.get(n.currency) ?? 0) + n.amount);
  const budget = sumConverted(budgetTerms, reporting);
  const spent = sumConverted(spentTerms, reporting);
  return {
    currency: reporting,
    budget,
    spent,
    utilization: ratio(spent, budget, 'budget'),
    notConverted: [...merged].map(([currency, amount]) => ({ currency, amount })),
    budgets: rows,
  };
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function fundsMetrics(
  db: Db,
  q: z.output<typeof fundsMetricsQuery>,
): Promise<z.output<typeof fundsMetricsSchema>> {
  const { reportingCurrency } = await readSettings(db);
  const utilization = await mdfUtilization(db, q.from, q.to, reportingCurrency);
  const reviewed = await findClaimsReviewedIn(db, q.from, q.to);
  const days = reviewed.map((c) => (c.reviewedAt!.getTime() - c.submittedAt.getTime()) / 86_400_000);
  const claims = await findApprovedClaimsOfActivitiesIn(db, q.from, q.to);
  const returns = new Map<string, { cost: number; pipeline: number; wonRevenue: number }>();
  for (const c of claims) {
    const r = await activityReturnOf(db, c.request);
    const acc = returns.get(c.request.currency) ?? { cost: 0, pipeline: 0, wonRevenue: 0 };
    acc.cost += c.approvedAmount ?? 0;
    acc.pipeline += r.pipeline;
    acc.wonRevenue += r.wonRevenue;
    returns.set(c.request.currency, acc);
  }
  const { currency, byPartner } = await sourcedRevenueByPartner(db, q.from, q.to);
  const sourcedRevenue = [...byPartner.values()].reduce((s, p) => s + p.revenue, 0);
  // Accruals may be in any currency (a referral fee is in its deal's): each is converted to the
  // reporting currency at its own date's rate and summed exactly, rounded once; a currency with no rate
  // in force is reported apart rather than added as if it were the reporting currency.
  const accruals = convertAll(await findIncentiveCostIn(db, q.from, q.to, currency), currency);
  const cost = accruals.total;
  return {
    period: { from: q.from, to: q.to },
    mdfUtilization: utilization,
    claimCycleDays: days.length
      ? { value: Math.round(median(days) * 10) / 10 }
      : { value: null, reason: 'No claim was reviewed in the period' },
    mdfReturn: [...returns].map(([c, v]) => ({
      currency: c,
      ...v,
      pipelinePerUnit: ratio(v.pipeline, v.cost, 'approved claim'),
      wonRevenuePerUnit: ratio(v.wonRevenue, v.cost, 'approved claim'),
    })),
    incentiveCostShare: {
      currency,
      cost,
      notConverted: accruals.notConverted,
      sourcedRevenue,
      share: ratio(cost, sourcedRevenue, 'partner-sourced revenue'),
    },
  };
}
