import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '@partnergraph/shared/contracts/analytics';
import { integrationWon } from '../src/modules/analytics/integrations.report';
import { networkShares } from '../src/modules/analytics/network.service';
import { overview } from '../src/modules/analytics/overview.service';
import { type Filters, resolveScope, type Scope } from '../src/modules/analytics/period';
import { referralRevenue } from '../src/modules/analytics/referrals.report';
import { revenueTotals } from '../src/modules/analytics/revenue.service';
import {
  createDealRecord,
  createFxRateRecord,
  createPartnerOrganization,
  createReferralRecord,
} from '../src/seed/factories';
import { startTestApp, type TestApp } from './app';

// The overview reads won revenue from a rollup kept by triggers (won-rollup.ts); every figure it
// shows must stay exactly what the deals give when summed one by one (metrics.md). Random small
// histories — deals in three currencies, rates that change, involvements confirmed, proposed and
// removed, deals won, lost and reopened, edited and deleted, referral fees changed — written
// straight to the tables as imports and the CRM sync do, then every revenue headline and the
// monthly trend compared with the live sums, to the cent.

let t: TestApp;
const partners: string[] = [];
const roles = ['sourced', 'referred', 'co_sell', 'integration', 'influenced'] as const;
const days = ['2024-11-30', '2025-01-01', '2025-02-14', '2025-03-31', '2025-04-01', '2025-06-30'];

beforeAll(async () => {
  t = await startTestApp();
  for (const [i, type] of ['reseller', 'msp', 'isv', 'referral_partner'].entries())
    partners.push((await createPartnerOrganization(t.database.db, { name: `P${i}`, types: [type] })).id);
});
afterAll(async () => {
  await t.close();
});

const involvement = fc.record({
  partner: fc.integer({ min: 0, max: 3 }),
  role: fc.constantFrom(...roles),
  confirmed: fc.boolean(),
});
const dealArb = fc.record({
  currency: fc.constantFrom('USD', 'EUR', 'JPY'),
  amount: fc.integer({ min: 1, max: 9_999_999 }),
  status: fc.constantFrom('won', 'won', 'lost', 'approved'),
  day: fc.constantFrom(...days),
  country: fc.constantFrom('US', 'DE'),
  industry: fc.constantFrom('51', '52', null),
  involvements: fc.uniqueArray(involvement, { selector: (i) => i.partner, maxLength: 3 }),
  referral: fc.option(fc.constantFrom('10', '12.5', null), { nil: undefined }),
});
const op = fc.oneof(
  fc.record({
    kind: fc.constant('rate' as const),
    currency: fc.constantFrom('EUR', 'JPY'),
    day: fc.constantFrom(...days),
    rate: fc.constantFrom('1.07', '1.1333', '0.0071', '0.00655'),
  }),
  fc.record({
    kind: fc.constant('status' as const),
    deal: fc.nat(),
    status: fc.constantFrom('won', 'lost', 'approved'),
    day: fc.constantFrom(...days),
  }),
  fc.record({
    kind: fc.constant('amount' as const),
    deal: fc.nat(),
    amount: fc.integer({ min: 1, max: 9_999_999 }),
  }),
  fc.record({ kind: fc.constant('involve' as const), deal: fc.nat(), inv: involvement }),
  fc.record({ kind: fc.constant('uninvolve' as const), deal: fc.nat() }),
  fc.record({ kind: fc.constant('confirm' as const), deal: fc.nat() }),
  fc.record({
    kind: fc.constant('type' as const),
    partner: fc.integer({ min: 0, max: 3 }),
    type: fc.constantFrom('distributor', 'isv'),
  }),
  fc.record({ kind: fc.constant('fee' as const), deal: fc.nat(), fee: fc.constantFrom('5', '7.25', null) }),
  fc.record({ kind: fc.constant('delete' as const), deal: fc.nat() }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
type DealSpec = typeof dealArb extends fc.Arbitrary<infer T> ? T : never;

async function reset() {
  const db = t.database.db;
  await db.execute(sql`delete from deals`);
  await db.execute(sql`delete from referrals`);
  await db.execute(sql`delete from fx_rates`);
  await createFxRateRecord(db, { currency: 'EUR', rate: '1.10', effectiveDate: '2024-01-01' });
  await createFxRateRecord(db, { currency: 'JPY', rate: '0.0070', effectiveDate: '2024-01-01' });
}

async function write(deals: DealSpec[], ops: Op[]) {
  const db = t.database.db;
  const ids: string[] = [];
  for (const d of deals) {
    let referralId: string | undefined;
    if (d.referral !== undefined) {
      const r = await createReferralRecord(db, {
        referrerOrgId: partners[3]!,
        recipientOrgId: partners[0]!,
        status: 'converted',
        feePercent: d.referral,
      });
      referralId = r.id;
    }
    const deal = await createDealRecord(db, {
      registeredByOrgId: partners[0]!,
      currency: d.currency,
      amount: d.amount,
      status: d.status,
      closeDate: d.status === 'approved' ? undefined : d.day,
      createdAt: new Date('2024-10-01T00:00:00Z'),
      country: d.country,
      industry: d.industry,
      referralId,
      // At most one `sourced` partner per deal: the first listed may be.
      involvements: d.involvements.map((i, k) => ({
        organizationId: partners[i.partner]!,
        role: k > 0 && i.role === 'sourced' ? ('influenced' as const) : i.role,
        status: i.confirmed ? ('confirmed' as const) : ('proposed' as const),
      })),
    });
    ids.push(deal.id);
  }
  const pick = (n: number) => ids[n % ids.length]!;
  for (const o of ops) {
    if (o.kind === 'rate') {
      await db.execute(
        sql`delete from fx_rates where currency = ${o.currency} and effective_date = ${o.day}::date`,
      );
      await createFxRateRecord(db, { currency: o.currency, rate: o.rate, effectiveDate: o.day });
    } else if (o.kind === 'type') {
      await db.execute(sql`update organization_partner_types set type_code = ${o.type}
        where organization_id = ${partners[o.partner]!}::uuid and is_primary`);
    } else if (!ids.length) {
      continue;
    } else if (o.kind === 'status') {
      await db.execute(sql`update deals set status = ${o.status},
        close_date = ${o.status === 'approved' ? null : o.day}::date where id = ${pick(o.deal)}::uuid`);
    } else if (o.kind === 'amount') {
      await db.execute(sql`update deals set amount = ${o.amount} where id = ${pick(o.deal)}::uuid`);
    } else if (o.kind === 'involve') {
      const role = o.inv.role === 'sourced' ? 'influenced' : o.inv.role;
      await db.execute(sql`insert into deal_involvements (deal_id, organization_id, role, status)
        values (${pick(o.deal)}::uuid, ${partners[o.inv.partner]!}::uuid, ${role}, ${o.inv.confirmed ? 'confirmed' : 'proposed'})
        on conflict do nothing`);
    } else if (o.kind === 'uninvolve') {
      await db.execute(sql`delete from deal_involvements where ctid in (
        select ctid from deal_involvements where deal_id = ${pick(o.deal)}::uuid limit 1)`);
    } else if (o.kind === 'confirm') {
      await db.execute(
        sql`update deal_involvements set status = 'confirmed' where deal_id = ${pick(o.deal)}::uuid`,
      );
    } else if (o.kind === 'fee') {
      await db.execute(sql`update referrals set fee_percent = ${o.fee}::numeric
        where id = (select referral_id from deals where id = ${pick(o.deal)}::uuid)`);
    } else {
      const [gone] = ids.splice(o.deal % ids.length, 1);
      await db.execute(sql`delete from deals where id = ${gone!}::uuid`);
    }
  }
}

const money = (f: { value: number | null }) => f.value;

/** The revenue headlines of one period summed from the deals one by one. */
async function live(scope: Scope) {
  const db = t.database.db;
  const revenue = await revenueTotals(db, scope);
  const integ = await integrationWon(db, scope);
  const ref = await referralRevenue(db, scope);
  const share = (await networkShares(db, scope)).whole;
  return {
    sourced: money(revenue.sourced),
    influenced: money(revenue.influenced),
    touched: money(revenue.touched),
    ecosystemShare: money(revenue.ecosystemShare),
    referralSourcedRevenue: money(ref.revenue),
    feesOwed: money(ref.fees),
    integrationDealShare: money(integ.dealShare),
    integrationRevenue: money(integ.revenue),
    networkRevenueShare: money(share),
  };
}

function shown(o: Overview, which: 'current' | 'previous') {
  const pickOut = (metric: string) => o.headlines.find((h) => h.metric === metric)![which].value;
  const keys = [
    'sourced',
    'influenced',
    'touched',
    'ecosystemShare',
    'referralSourcedRevenue',
    'feesOwed',
    'integrationDealShare',
    'integrationRevenue',
    'networkRevenueShare',
  ];
  return Object.fromEntries(keys.map((k) => [k, pickOut(k)]));
}

async function check(filters: Partial<Filters>) {
  const db = t.database.db;
  const scope = resolveScope({ from: '2025-01-01', to: '2025-07-01', ...filters }, 'USD');
  const prev = resolveScope({ from: '2024-07-01', to: '2025-01-01', ...filters }, 'USD');
  const o = await overview(db, scope);
  expect(shown(o, 'current')).toEqual(await live(scope));
  expect(shown(o, 'previous')).toEqual(await live(prev));
  for (const m of o.trend) {
    const [y, mo] = m.month.split('-').map(Number) as [number, number];
    const to = new Date(Date.UTC(y, mo, 1)).toISOString().slice(0, 10);
    const month = await revenueTotals(db, resolveScope({ from: `${m.month}-01`, to, ...filters }, 'USD'));
    expect([m.sourced.value, m.influenced.value, m.touched.value]).toEqual([
      month.sourced.value,
      month.influenced.value,
      month.touched.value,
    ]);
  }
}

describe('the revenue rollup', () => {
  it('gives the overview exactly the live figures after any history of writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dealArb, { minLength: 1, maxLength: 6 }),
        fc.array(op, { maxLength: 10 }),
        async (deals, ops) => {
          await reset();
          await write(deals, ops);
          await check({});
          await check({ country: 'US' });
          await check({ industry: '52' });
        },
      ),
      { numRuns: 30, seed: 28 },
    );
  });

  it('is what a rebuild from the deals gives', async () => {
    const db = t.database.db;
    await reset();
    await write(
      [
        {
          currency: 'EUR',
          amount: 1000,
          status: 'won',
          day: '2025-02-14',
          country: 'US',
          industry: null,
          involvements: [{ partner: 1, role: 'co_sell', confirmed: true }],
          referral: '10',
        },
        {
          currency: 'USD',
          amount: 2500,
          status: 'won',
          day: '2025-02-14',
          country: 'US',
          industry: null,
          involvements: [],
          referral: undefined,
        },
      ],
      [
        { kind: 'status', deal: 1, status: 'lost', day: '2025-03-31' },
        { kind: 'involve', deal: 0, inv: { partner: 2, role: 'integration', confirmed: true } },
        { kind: 'fee', deal: 0, fee: '7.25' },
      ],
    );
    const rows = async () =>
      (
        await db.execute(sql`select close_day::text, currency, country, industry, sourced, influenced, integration,
          touched, multi, p2p, deals, amount::text, fee_basis::text from analytics_won_daily order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`)
      ).rows;
    const kept = await rows();
    await db.execute(sql`select analytics_won_rebuild()`);
    expect(await rows()).toEqual(kept);
    expect(kept).toHaveLength(1);
  });
});
