import type { z } from 'zod';
import type { fundsMetricsQuery, fundsMetricsSchema } from '@partnergraph/shared/contracts/funds';
import type { Db } from '../../db/client';
import { sumConverted } from '../../lib/money';
import { sourcedRevenueByPartner } from '../deals/deals.metrics';
import { findIncentiveCostIn } from './ledger.repository';
import { activityReturnOf } from './mdf-return';
import {
  findApprovedClaimsOfBudgetsIn,
  findBudgetSpendStartingIn,
  findClaimsReviewedIn,
} from './mdf.repository';

// The funds metrics of docs/METRICS.md, computed as written there. A ratio with a zero denominator is
// null with its reason, never 0.

const ratio = (n: number, d: number, what: string) =>
  d > 0
    ? { value: Math.round((n / d) * 10_000) / 10_000 }
    : { value: null, reason: `No ${what} in the period` };

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function fundsMetrics(
  db: Db,
  q: z.output<typeof fundsMetricsQuery>,
): Promise<z.output<typeof fundsMetricsSchema>> {
  const budgets = await findBudgetSpendStartingIn(db, q.from, q.to);
  const byCurrency = new Map<string, { budget: number; spent: number }>();
  for (const b of budgets) {
    const c = byCurrency.get(b.budget.currency) ?? { budget: 0, spent: 0 };
    c.budget += b.budget.amount;
    c.spent += b.spent;
    byCurrency.set(b.budget.currency, c);
  }
  const reviewed = await findClaimsReviewedIn(db, q.from, q.to);
  const days = reviewed.map((c) => (c.reviewedAt!.getTime() - c.submittedAt.getTime()) / 86_400_000);
  const claims = await findApprovedClaimsOfBudgetsIn(db, q.from, q.to);
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
  const accruals = await findIncentiveCostIn(db, q.from, q.to, currency);
  const cost = sumConverted(
    accruals.filter((a) => a.rate !== null).map((a) => ({ ...a, rate: a.rate! })),
    currency,
  );
  const unconverted = new Map<string, number>();
  for (const a of accruals.filter((x) => x.rate === null)) {
    unconverted.set(a.currency, (unconverted.get(a.currency) ?? 0) + a.amount);
  }
  return {
    period: { from: q.from, to: q.to },
    mdfUtilization: [...byCurrency].map(([c, v]) => ({
      currency: c,
      ...v,
      utilization: ratio(v.spent, v.budget, 'budget'),
    })),
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
      notConverted: [...unconverted].map(([c, amount]) => ({ currency: c, amount })),
      sourcedRevenue,
      share: ratio(cost, sourcedRevenue, 'partner-sourced revenue'),
    },
  };
}
