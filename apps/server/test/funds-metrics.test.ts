// The funds metrics on a small hand-built ecosystem whose answers are worked out by hand below
// (metrics.md, "Funds and incentives"): two budgets in two currencies, a EUR→USD rate that changes
// between two claims' approval dates, a partial approval, and periods that cut a budget in part.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { fundClaims } from '../src/modules/funds/funds.tables';
import { createDealRecord } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let admin: Session;
let cm: Session;
let aAdmin: Session;

// A year ahead, so every claim deadline is still open when the partner claims today.
const Y = new Date().getUTCFullYear() + 1;
const budgets: Record<'eur' | 'usd' | 'gbp', string> = { eur: '', usd: '', gbp: '' };
let januaryEvent = '';

/** A request approved, claimed and reviewed, with its submission and review moved to the given times. */
async function claimed(
  budgetId: string,
  currency: string,
  startsOn: string,
  amount: number,
  approvedAmount: number,
  submittedAt: string,
  reviewedAt: string,
) {
  const r = await as(t.app, aAdmin).post('/api/v1/fund-requests', {
    budgetId,
    activityType: 'event',
    title: `Event on ${startsOn}`,
    startsOn,
    endsOn: startsOn,
    amount,
    currency,
  });
  expect(r.statusCode, r.body).toBe(201);
  const ok = await as(t.app, cm).post(`/api/v1/fund-requests/${r.json().id}/approve`, { version: 1 });
  expect(ok.statusCode, ok.body).toBe(200);
  const c = await as(t.app, aAdmin).post('/api/v1/claims', { requestId: r.json().id, amount });
  expect(c.statusCode, c.body).toBe(201);
  const review = await as(t.app, cm).post(`/api/v1/claims/${c.json().id}/approve`, {
    version: c.json().version,
    approvedAmount,
  });
  expect(review.statusCode, review.body).toBe(200);
  // Claims are reviewed when they are; the metric reads the dates, so the test sets them.
  await t.database.db
    .update(fundClaims)
    .set({ submittedAt: new Date(submittedAt), reviewedAt: new Date(reviewedAt) })
    .where(eq(fundClaims.id, c.json().id));
  return r.json().id as string;
}

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  cm = await signIn(t.app, e.cm.email, PASSWORD);
  aAdmin = await signIn(t.app, e.aAdmin.email, PASSWORD);
  // Reporting currency USD (the default). EUR is worth $1.10, then $1.20 from Y-02-15; GBP has no rate.
  for (const [rate, effectiveDate] of [
    ['1.1', '2020-01-01'],
    ['1.2', `${Y}-02-15`],
  ]) {
    const res = await as(t.app, admin).post('/api/v1/fx-rates', { currency: 'EUR', rate, effectiveDate });
    expect(res.statusCode, res.body).toBe(201);
  }
  const budget = async (currency: string, periodEnd: string, amount: number) => {
    const res = await as(t.app, admin).post('/api/v1/funds', {
      name: `${currency} MDF`,
      fund: 'MDF',
      periodStart: `${Y}-01-01`,
      periodEnd,
      currency,
      amount,
      claimDays: 60,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  // €100,000.00 over Q1 (90 days); $36,200.00 over H1 (181 days: $20,000.00 a day); £10,000.00 over Q1.
  budgets.eur = await budget('EUR', `${Y}-03-31`, 10_000_000);
  budgets.usd = await budget('USD', `${Y}-06-30`, 3_620_000);
  budgets.gbp = await budget('GBP', `${Y}-03-31`, 1_000_000);
  for (const [id, amount] of [
    [budgets.eur, 5_000_000],
    [budgets.usd, 2_000_000],
  ] as const) {
    const res = await as(t.app, admin).post(`/api/v1/funds/${id}/allocations`, {
      method: 'manual',
      partnerId: e.partnerA.id,
      amount,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  // EUR: €10,000.05 approved on Y-02-01 (at 1.1), 7 days after it was claimed; €20,000.00 claimed and
  // €15,000.04 approved on Y-03-10 (at 1.2), after 3 days. USD: $9,000.00 for a February activity
  // after 10 days; $5,000.00 for a May activity after 1 day.
  januaryEvent = await claimed(
    budgets.eur,
    'EUR',
    `${Y}-01-20`,
    1_000_005,
    1_000_005,
    `${Y}-01-25T10:00:00Z`,
    `${Y}-02-01T10:00:00Z`,
  );
  await claimed(
    budgets.eur,
    'EUR',
    `${Y}-03-05`,
    2_000_000,
    1_500_004,
    `${Y}-03-07T10:00:00Z`,
    `${Y}-03-10T10:00:00Z`,
  );
  await claimed(
    budgets.usd,
    'USD',
    `${Y}-02-01`,
    900_000,
    900_000,
    `${Y}-02-02T10:00:00Z`,
    `${Y}-02-12T10:00:00Z`,
  );
  await claimed(
    budgets.usd,
    'USD',
    `${Y}-05-10`,
    500_000,
    500_000,
    `${Y}-05-12T10:00:00Z`,
    `${Y}-05-13T10:00:00Z`,
  );
});
afterAll(() => t?.close());

const metrics = async (from: string, to: string) => {
  const res = await as(t.app, admin).get(`/api/v1/funds/metrics?from=${from}&to=${to}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('funds metrics on a hand-built ecosystem', () => {
  it('MDF utilization is per budget and in all, in the reporting currency at each claim’s approval-date rate', async () => {
    const q1 = await metrics(`${Y}-01-01`, `${Y}-04-01`);
    // EUR claims: 1,000,005 × 1.1 = 1,100,005.5 and 1,500,004 × 1.2 = 1,800,004.8 cents; summed exactly
    // and rounded once, 2,900,010.3 → 2,900,010 (rounding each first would give 2,900,011).
    // The EUR budget is wholly in Q1: €100,000.00 at the rate on its last day there (Y-03-31: 1.2).
    // The USD budget has 90 of its 181 days in Q1: $36,200.00 × 90/181 = $18,000.00; its May activity
    // is not in Q1. GBP has no rate: its row says so and it stays out of the figure for all budgets.
    expect(q1.mdfUtilization).toEqual({
      currency: 'USD',
      budget: 12_000_000 + 1_800_000,
      spent: 2_900_010 + 900_000,
      utilization: { value: 0.2754 }, // 3,800,010 / 13,800,000 = 0.27536…
      notConverted: [],
      budgets: [
        {
          budgetId: budgets.eur,
          name: 'EUR MDF',
          fund: 'MDF',
          currency: 'EUR',
          amount: 10_000_000,
          budget: 12_000_000,
          spent: 2_900_010,
          utilization: { value: 0.2417 }, // 2,900,010 / 12,000,000 = 0.241667…
        },
        {
          budgetId: budgets.gbp,
          name: 'GBP MDF',
          fund: 'MDF',
          currency: 'GBP',
          amount: 1_000_000,
          budget: null,
          spent: 0,
          utilization: { value: null, reason: `No GBP→USD rate in force on ${Y}-03-31` },
        },
        {
          budgetId: budgets.usd,
          name: 'USD MDF',
          fund: 'MDF',
          currency: 'USD',
          amount: 1_800_000,
          budget: 1_800_000,
          spent: 900_000,
          utilization: { value: 0.5 },
        },
      ],
    });
  });

  it('a period that cuts budgets counts their days in it, and only the activities that start in it', async () => {
    // February (28 days): €100,000.00 × 28/90 = €31,111.111… (3,111,111 cents shown), at 1.2 in force on
    // Y-02-28: $37,333.3333… ; $36,200.00 × 28/181 = $5,600.00. Only the USD February activity starts
    // in it: $9,000.00, more than the USD budget's share of February.
    const feb = await metrics(`${Y}-02-01`, `${Y}-03-01`);
    expect(feb.mdfUtilization).toMatchObject({
      budget: 4_293_333, // 3,733,333.33… + 560,000, rounded once
      spent: 900_000,
      utilization: { value: 0.2096 }, // 900,000 / 4,293,333 = 0.20962…
    });
    expect(feb.mdfUtilization.budgets).toMatchObject([
      { currency: 'EUR', amount: 3_111_111, budget: 3_733_333, spent: 0, utilization: { value: 0 } },
      { currency: 'GBP', budget: null },
      { currency: 'USD', amount: 560_000, budget: 560_000, spent: 900_000, utilization: { value: 1.6071 } },
    ]);
    // Q2: only the USD budget (91 days: $18,200.00) and its May activity.
    const q2 = await metrics(`${Y}-04-01`, `${Y}-07-01`);
    expect(q2.mdfUtilization).toMatchObject({
      budget: 1_820_000,
      spent: 500_000,
      utilization: { value: 0.2747 }, // 500,000 / 1,820,000 = 0.274725…
      budgets: [{ budgetId: budgets.usd, budget: 1_820_000, spent: 500_000 }],
    });
  });

  it('claim cycle time is the median over claims decided in the period; MDF return takes activities in the period, pipeline at registration amounts', async () => {
    const q1 = await metrics(`${Y}-01-01`, `${Y}-04-01`);
    // Decided in Q1 after 7, 3 and 10 days: the median is 7.
    expect(q1.claimCycleDays).toEqual({ value: 7 });
    const byCurrency = (rows: { currency: string }[]) =>
      [...rows].sort((a, b) => a.currency.localeCompare(b.currency));
    // The January event brought a deal registered at $12,000.00, approved today (EUR at 1.1) and won
    // at $15,000.00 on Y-03-20 (EUR at 1.2), and one still awaiting approval, which is no pipeline.
    const won = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      status: 'won',
      registeredAmount: 1_200_000,
      amount: 1_500_000,
      currency: 'USD',
      approvedAt: new Date(),
      closeDate: `${Y}-03-20`,
    });
    const pending = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      status: 'registered',
      amount: 700_000,
      currency: 'USD',
    });
    for (const dealId of [won.id, pending.id]) {
      const res = await as(t.app, aAdmin).post(`/api/v1/fund-requests/${januaryEvent}/deals`, { dealId });
      expect(res.statusCode, res.body).toBe(200);
    }
    const q1Return = byCurrency((await metrics(`${Y}-01-01`, `${Y}-04-01`)).mdfReturn);
    // Pipeline: $12,000.00 ÷ 1.1 = €10,909.0909… → 1,090,909; won: $15,000.00 ÷ 1.2 = €12,500.00; per
    // unit of the €25,000.09 approved for Q1's EUR activities. The USD activity has no deal.
    expect(q1Return).toMatchObject([
      {
        currency: 'EUR',
        cost: 2_500_009,
        pipeline: 1_090_909,
        wonRevenue: 1_250_000,
        pipelinePerUnit: { value: 0.4364 }, // 0.436362…
        wonRevenuePerUnit: { value: 0.5 }, // 0.499998…
      },
      { currency: 'USD', cost: 900_000, pipeline: 0, wonRevenue: 0, pipelinePerUnit: { value: 0 } },
    ]);
    const q2 = await metrics(`${Y}-04-01`, `${Y}-07-01`);
    expect(q2.claimCycleDays).toEqual({ value: 1 });
    // The May activity's budget started in Q1; it is the activity's date that counts.
    expect(q2.mdfReturn).toMatchObject([{ currency: 'USD', cost: 500_000 }]);
  });
});
