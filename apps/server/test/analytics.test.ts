import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerGraphs } from '../src/modules/analytics/analytics.tables';
import { refreshPartnerGraph } from '../src/modules/analytics/network.service';
import { benchmarkBands } from '../src/modules/analytics/scorecard.service';
import { readMetric } from '../src/modules/programs/metrics';
import { settings } from '../src/modules/settings/settings.tables';
import {
  createConnectionRecord,
  createDealRecord,
  createEnrollmentRecord,
  createFxRateRecord,
  createIntegrationRecord,
  createPartnerOrganization,
  createProfileRecord,
  createProgramRecord,
  createReferralRecord,
  createUser,
} from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

// A small ecosystem built by hand, every figure worked out on paper (the
// comments show the sums), checked to the cent. The period is the first half
// of 2025: [2025-01-01, 2025-07-01). Rates: EUR 1.10 until 2025-03-31, 1.20
// from 2025-04-01; JPY 0.0070.

let t: TestApp;
let e: Ecosystem;
let analyst: Session, aUser: Session, fUser: Session;
const ids: Record<string, string> = {};
const P = 'from=2025-01-01&to=2025-07-01';
const d = (s: string) => new Date(`${s}T00:00:00Z`);

async function get(session: Session, path: string) {
  const res = await as(t.app, session).get(`/api/v1${path}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  e = await buildEcosystem(db);
  const C = await createPartnerOrganization(db, { name: 'Gamma Integrators', types: ['system_integrator'] });
  const D = await createPartnerOrganization(db, { name: 'Delta Managed', types: ['msp'], country: 'GB' });
  const E = await createPartnerOrganization(db, { name: 'Epsilon Referrals', types: ['referral_partner'] });
  const F = await createPartnerOrganization(db, { name: 'Phi Voices', types: ['community_influencer'] });
  Object.assign(ids, { A: e.partnerA.id, B: e.partnerB.id, C: C.id, D: D.id, E: E.id, F: F.id });
  const f = await createUser(db, { organizationId: F.id, role: 'partner_user', email: 'f@phi.test' });

  // A, B, C, D, F are active partners (active enrollment); E has no enrollment, so it is not one.
  const { program, tiers } = await createProgramRecord(db, {
    tiers: [
      { code: 'member', name: 'Member' },
      {
        code: 'gold',
        name: 'Gold',
        requirements: [{ metric: 'won_deals', comparison: 'gte', threshold: 4, windowDays: 365 }],
      },
    ],
  });
  for (const org of ['A', 'B', 'C', 'D', 'F'])
    await createEnrollmentRecord(db, {
      organizationId: ids[org]!,
      programId: program.id,
      tierId: tiers[0]!.id,
    });

  await createFxRateRecord(db, { currency: 'EUR', rate: '1.10', effectiveDate: '2024-01-01' });
  await createFxRateRecord(db, { currency: 'EUR', rate: '1.20', effectiveDate: '2025-04-01' });
  await createFxRateRecord(db, { currency: 'JPY', rate: '0.0070', effectiveDate: '2024-01-01' });

  const won = (closeDate: string, x: Parameters<typeof createDealRecord>[1]) =>
    createDealRecord(db, {
      status: 'won',
      closeDate,
      createdAt: new Date(d(closeDate).getTime() - 10 * 86_400_000),
      ...x,
    });
  const { A, B } = ids;

  // Referrals between partners (created in P unless said), and two reported apart.
  const r1 = await createReferralRecord(db, {
    referrerOrgId: A!,
    recipientOrgId: C.id,
    status: 'converted',
    feePercent: '10',
    createdAt: d('2025-02-01'),
  });
  await createReferralRecord(db, {
    referrerOrgId: B!,
    recipientOrgId: A!,
    status: 'rejected',
    createdAt: d('2025-03-01'),
  });
  await createReferralRecord(db, {
    referrerOrgId: C.id,
    recipientOrgId: D.id,
    status: 'accepted',
    createdAt: d('2025-05-01'),
  });
  await createReferralRecord(db, { referrerOrgId: D.id, recipientOrgId: B!, createdAt: d('2025-06-15') });
  const r8 = await createReferralRecord(db, {
    referrerOrgId: A!,
    recipientOrgId: B!,
    status: 'converted',
    feePercent: '15',
    createdAt: d('2025-04-04'),
  });
  await createReferralRecord(db, {
    referrerOrgId: A!,
    recipientOrgId: e.vendor.id,
    toVendor: true,
    createdAt: d('2025-02-02'),
  });
  await createReferralRecord(db, {
    referrerOrgId: null,
    recipientOrgId: B!,
    source: 'locator',
    createdAt: d('2025-03-03'),
  });
  await createReferralRecord(db, {
    referrerOrgId: A!,
    recipientOrgId: C.id,
    status: 'rejected',
    createdAt: d('2024-12-20'),
  });

  // Won in P.
  // D1: A sourced, 10,000.00 USD.
  await won('2025-01-15', { registeredByOrgId: A!, amount: 1_000_000, customerDomain: 'alpha-customer.com' });
  // D2: B sourced, C co-sell, D implementation; 5,000.00 EUR at 1.10 = 5,500.00 USD.
  ids.D2 = (
    await won('2025-02-10', {
      registeredByOrgId: B!,
      amount: 500_000,
      currency: 'EUR',
      customerDomain: 'bcust.com',
      involvements: [
        { organizationId: B!, role: 'sourced' },
        { organizationId: C.id, role: 'co_sell', involvedAt: d('2025-01-05') },
        { organizationId: D.id, role: 'implementation', involvedAt: d('2025-01-06') },
      ],
    })
  ).id;
  // D3: vendor-direct, 20,000.00 USD.
  await won('2025-03-31', {
    registeredByOrgId: e.vendor.id,
    vendorRecorded: true,
    amount: 2_000_000,
    customerDomain: 'vendorcust.com',
  });
  // D4: vendor-recorded, C influenced and B integration; 1,000.01 EUR at 1.20 = 1,200.012 USD.
  await won('2025-04-01', {
    registeredByOrgId: e.vendor.id,
    vendorRecorded: true,
    amount: 100_001,
    currency: 'EUR',
    customerDomain: 'dcust.com',
    involvements: [
      { organizationId: C.id, role: 'influenced' },
      { organizationId: B!, role: 'integration' },
    ],
  });
  // D5: from A's referral R1: C sourced, A referred; ¥1,000,001 at 0.0070 = 7,000.007 USD.
  await won('2025-06-30', {
    registeredByOrgId: C.id,
    amount: 1_000_001,
    currency: 'JPY',
    country: 'JP',
    customerDomain: 'jp-cust.co.jp',
    referralId: r1.id,
    involvements: [
      { organizationId: C.id, role: 'sourced' },
      { organizationId: A!, role: 'referred' },
    ],
  });
  // Outside P, on both boundaries, and a lost deal from A's referral R8.
  await won('2025-07-01', {
    registeredByOrgId: A!,
    amount: 99_900,
    customerDomain: 'd6.com',
    createdAt: d('2025-06-01'),
  });
  await won('2024-12-31', { registeredByOrgId: A!, amount: 50_000, customerDomain: 'd7.com' });
  await createDealRecord(db, {
    registeredByOrgId: B!,
    status: 'lost',
    closeDate: '2025-05-05',
    createdAt: d('2025-04-10'),
    referralId: r8.id,
    involvements: [
      { organizationId: B!, role: 'sourced' },
      { organizationId: A!, role: 'referred' },
    ],
  });

  // Pipeline: open at the end of 2025-06-30 are P1 (300,000 EUR cents at 1.20 = 360,000) and P2
  // (won only on 2025-08-15: 100,000); P3 has no partner; P5 expired on 2025-06-30.
  await createDealRecord(db, {
    registeredByOrgId: D.id,
    status: 'approved',
    amount: 300_000,
    currency: 'EUR',
    createdAt: d('2025-04-30'),
    approvedAt: d('2025-05-01'),
    protectionDays: 365,
  });
  await createDealRecord(db, {
    registeredByOrgId: A!,
    status: 'won',
    closeDate: '2025-08-15',
    amount: 100_000,
    customerDomain: 'p2.com',
    createdAt: d('2025-02-28'),
    approvedAt: d('2025-03-01'),
  });
  await createDealRecord(db, {
    registeredByOrgId: e.vendor.id,
    vendorRecorded: true,
    status: 'approved',
    amount: 777_700,
    createdAt: d('2025-02-01'),
  });
  await createDealRecord(db, {
    registeredByOrgId: B!,
    status: 'expired',
    amount: 5_000,
    createdAt: d('2025-01-09'),
    approvedAt: d('2025-01-10'),
    protectionDays: 171,
  });

  // The graph: A–B connected since 2024-09; C–D's connection ended before the window; E is no node.
  await createConnectionRecord(db, {
    requesterOrgId: A!,
    recipientOrgId: B!,
    startedAt: d('2024-09-01'),
    createdAt: d('2024-08-30'),
  });
  await createConnectionRecord(db, {
    requesterOrgId: C.id,
    recipientOrgId: D.id,
    status: 'ended',
    createdAt: d('2023-12-30'),
    startedAt: d('2024-01-01'),
    endedAt: d('2024-06-01'),
  });
  await createConnectionRecord(db, { requesterOrgId: A!, recipientOrgId: E.id, startedAt: d('2024-10-01') });

  // Coverage: the vendor sells direct in US×51, US×52, DE×51.
  await db
    .update(settings)
    .set({
      directCoverage: [
        { country: 'US', industry: '51' },
        { country: 'US', industry: '52' },
        { country: 'DE', industry: '51' },
      ],
    })
    .where(eq(settings.id, 1));
  await createProfileRecord(db, A!, {
    status: 'draft',
    draft: { countries: ['DE', 'AT'], industries: ['51'] },
  });
  await createProfileRecord(db, B!, { fields: { countries: ['FR'], industries: ['52'] } });
  await createProfileRecord(db, C.id, { fields: { countries: ['US'], industries: ['51', '54'] } });
  await createProfileRecord(db, F.id, { fields: { countries: ['GB'], industries: [] } });
  await createProfileRecord(db, E.id, { fields: { countries: ['JP'], industries: ['51'] } });

  // Integration installs recorded for two customers with won deals, and one without.
  await createIntegrationRecord(db, {
    organizationId: B!,
    installs: [
      { customerDomain: 'dcust.com' },
      { customerDomain: 'd7.com' },
      { customerDomain: 'unknown.com' },
    ],
  });

  analyst = await signIn(t.app, e.analyst.email, PASSWORD);
  aUser = await signIn(t.app, e.aUser.email, PASSWORD);
  fUser = await signIn(t.app, f.email, PASSWORD);
});
afterAll(() => t?.close());

describe('revenue', () => {
  it('sums won deals in the period exactly, converting each at its close date and rounding once', async () => {
    const r = await get(analyst, `/analytics/revenue?${P}`);
    expect(r.period).toMatchObject({
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-07-01T00:00:00.000Z',
      currency: 'USD',
    });
    // 1,000,000 + 550,000 + 2,000,000 + 120,001.2 + 700,000.7 = 4,370,001.9
    expect(r.totals.allWon).toEqual({ value: 4_370_002 });
    expect(r.totals.wonDeals).toBe(5);
    // D1 + D2 + D5 = 1,000,000 + 550,000 + 700,000.7
    expect(r.totals.sourced).toEqual({ value: 2_250_001 });
    // D2 + D4 + D5 = 550,000 + 120,001.2 + 700,000.7
    expect(r.totals.influenced).toEqual({ value: 1_370_002 });
    // D1 + D2 + D4 + D5
    expect(r.totals.touched).toEqual({ value: 2_370_002 });
    expect(r.totals.vendorDirect).toEqual({ value: 2_000_000 });
    expect(r.totals.ecosystemShare.value).toBeCloseTo(2_370_002 / 4_370_002, 12);
    expect(
      r.sourcedByType.map((x: { partnerType: string; amount: { value: number } }) => [
        x.partnerType,
        x.amount.value,
      ]),
    ).toEqual([
      ['reseller', 1_000_000],
      ['system_integrator', 700_001],
      ['isv', 550_000],
    ]);
  });

  it('splits the period into calendar quarters', async () => {
    const r = await get(analyst, `/analytics/revenue?${P}`);
    expect(r.quarters.map((q: { label: string }) => q.label)).toEqual(['2025 Q1', '2025 Q2']);
    const [q1, q2] = r.quarters;
    expect(q1.totals).toMatchObject({
      allWon: { value: 3_550_000 },
      sourced: { value: 1_550_000 },
      influenced: { value: 550_000 },
    });
    expect(q2.totals).toMatchObject({
      allWon: { value: 820_002 },
      sourced: { value: 700_001 },
      touched: { value: 820_002 },
    });
    expect(q1.byType).toEqual([
      { partnerType: 'reseller', amount: 1_000_000 },
      { partnerType: 'isv', amount: 550_000 },
    ]);
  });

  it('credits partners under each model, and the ecosystem totals never move', async () => {
    const even = await get(analyst, `/analytics/revenue?${P}&model=even`);
    const first = await get(analyst, `/analytics/revenue?${P}&model=first_touch`);
    const last = await get(analyst, `/analytics/revenue?${P}&model=last_touch`);
    expect(first.totals).toEqual(even.totals);
    expect(last.totals).toEqual(even.totals);
    type Credit = { organizationId: string; sourcedCredit: number; influenceCredit: number };
    const credit = (r: { partners: Credit[] }, org: string) =>
      r.partners.find((p) => p.organizationId === ids[org]);
    // D4's 100,001 EUR cents split evenly between B and C: the odd cent goes to the lower id.
    const [low] = [ids.B!, ids.C!].sort();
    const bD4 = low === ids.B ? 60_001.2 : 60_000;
    const cD4 = low === ids.C ? 60_001.2 : 60_000;
    expect(credit(even, 'A')).toMatchObject({ sourcedCredit: 1_000_000, influenceCredit: 700_001, deals: 2 });
    expect(credit(even, 'B')).toMatchObject({ sourcedCredit: 550_000, influenceCredit: Math.round(bD4) });
    expect(credit(even, 'C')).toMatchObject({
      sourcedCredit: 700_001,
      influenceCredit: Math.round(275_000 + cD4),
    });
    expect(credit(even, 'D')).toMatchObject({ sourcedCredit: 0, influenceCredit: 275_000 });
    // First involved on D2 is C (5 Jan), last is D (6 Jan).
    // D4's two partners were involved at the same moment: first goes to the lower id, last to the higher.
    const cFirstD4 = low === ids.C ? 120_001.2 : 0;
    expect(credit(first, 'C')!.influenceCredit).toBe(Math.round(550_000 + cFirstD4));
    expect(credit(first, 'D')).toMatchObject({ influenceCredit: 0 });
    expect(credit(last, 'D')).toMatchObject({ influenceCredit: 550_000 });
    expect(credit(last, 'C')!.influenceCredit).toBe(Math.round(cFirstD4 ? 0 : 120_001.2));
  });

  it('applies filters to the deal set first: a partner type keeps deals with such a partner', async () => {
    const r = await get(analyst, `/analytics/revenue?${P}&partnerType=isv`);
    // D2 (B sourced) and D4 (B integration): 550,000 + 120,001.2
    expect(r.totals).toMatchObject({
      allWon: { value: 670_001 },
      sourced: { value: 550_000 },
      influenced: { value: 670_001 },
      touched: { value: 670_001 },
      ecosystemShare: { value: 1 },
    });
    expect(r.period.filters).toEqual({ partnerType: 'isv' });
    const jp = await get(analyst, `/analytics/revenue?${P}&country=jp`);
    expect(jp.totals.allWon).toEqual({ value: 700_001 });
  });

  it('says there is no data instead of showing zero', async () => {
    const r = await get(analyst, '/analytics/revenue?from=2001-01-01&to=2002-01-01');
    expect(r.totals.allWon).toEqual({ value: null, reason: 'No won deals in this period' });
    expect(r.totals.ecosystemShare.value).toBeNull();
  });

  it('answers CSV with exactly the same figures, money in major units', async () => {
    const res = await as(t.app, analyst).get(`/api/v1/analytics/revenue?${P}&format=csv&section=totals`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('section,item,series,value,unit,reason');
    expect(lines).toContain('totals,period,all_won,43700.02,USD,');
    expect(lines).toContain('totals,period,sourced,22500.01,USD,');
    expect(lines.every((l, i) => i === 0 || l.startsWith('totals,'))).toBe(true);
    const empty = await as(t.app, analyst).get(
      '/api/v1/analytics/revenue?from=2001-01-01&to=2002-01-01&format=csv',
    );
    expect(empty.body).toContain('totals,period,sourced,,USD,No won deals in this period');
  });

  it('neutralizes a partner name a spreadsheet would run as a formula', async () => {
    const evil = await createPartnerOrganization(t.database.db, {
      name: '=HYPERLINK("http://evil.test","x")',
    });
    await createDealRecord(t.database.db, {
      registeredByOrgId: evil.id,
      status: 'won',
      closeDate: '2031-03-03',
    });
    const res = await as(t.app, analyst).get(
      `/api/v1/analytics/revenue?from=2031-03-03&to=2031-03-04&format=csv&section=partners`,
    );
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")",sourced_credit_even,10000.00,USD,`);
    expect(res.body).not.toMatch(/^"?=HYPERLINK/m);
  });

  it('refuses a bad period with the field named', async () => {
    const res = await as(t.app, analyst).get('/api/v1/analytics/revenue?from=2025-07-01&to=2025-01-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('querystring.from');
    const bad = await as(t.app, analyst).get('/api/v1/analytics/revenue?to=yesterday');
    expect(bad.statusCode).toBe(400);
  });
});

describe('pipeline', () => {
  it('counts deals open at the end of the period, with a partner involved, at the rate of that day', async () => {
    const r = await get(analyst, `/analytics/pipeline?${P}`);
    expect(r.at).toBe('2025-07-01T00:00:00.000Z');
    // P1 300,000 EUR cents at 1.20 + P2 100,000 + D6 (won during 1 July: still open at the end of 30 June).
    expect(r.pipeline).toEqual({ value: 559_900 });
    expect(r.openDeals).toBe(3);
    const byType = Object.fromEntries(
      r.byType.map((x: { partnerType: string; amount: number }) => [x.partnerType, x.amount]),
    );
    expect(byType).toEqual({ msp: 360_000, reseller: 199_900 });
    // At the end of May: P5 (expires 30 June) and D5 (approved 21 June) differ from the end of June.
    const may = r.series.find((s: { at: string }) => s.at === '2025-06-01T00:00:00.000Z');
    // Open then: P1 (360,000 at May's rate), P2 (100,000) and P5 (5,000, expiring 30 June).
    expect(may).toMatchObject({ pipeline: { value: 465_000 }, openDeals: 3 });
    expect(r.series.at(-1)).toMatchObject({ at: '2025-07-01T00:00:00.000Z', pipeline: { value: 559_900 } });
  });
});

describe('referrals', () => {
  it('counts partner-to-partner referrals created in the period, with rates, revenue and fees', async () => {
    const r = await get(analyst, `/analytics/referrals?${P}`);
    expect(r.total).toBe(5);
    expect(
      Object.fromEntries(r.byStatus.map((s: { status: string; count: number }) => [s.status, s.count])),
    ).toEqual({
      submitted: 1,
      accepted: 1,
      rejected: 1,
      converted: 2,
    });
    expect(r.convertedOutcomes).toEqual([
      { outcome: 'won', count: 1 },
      { outcome: 'lost', count: 1 },
      { outcome: 'open', count: 0 },
    ]);
    expect(r.acceptanceRate).toEqual({ value: 0.75 });
    expect(r.conversionRate).toEqual({ value: 0.25 });
    // D5: 700,000.7; 10% of it = 70,000.07
    expect(r.referralSourcedRevenue).toEqual({ value: 700_001 });
    expect(r.feesOwed).toEqual({ value: 70_000 });
    expect(r.apart).toEqual({ toVendor: 1, locatorLeads: 1 });
    const cell = (a: string, b: string) =>
      r.matrix.cells.find(
        (c: { referrerType: string; recipientType: string }) => c.referrerType === a && c.recipientType === b,
      )?.count;
    expect(cell('reseller', 'system_integrator')).toBe(1);
    expect(cell('reseller', 'isv')).toBe(1);
    expect(cell('isv', 'reseller')).toBe(1);
    expect(r.funnel.map((f: { count: number }) => f.count)).toEqual([5, 4, 3, 2, 1]);
  });

  it('applies partner filters to the referrer', async () => {
    const r = await get(analyst, `/analytics/referrals?${P}&partnerType=reseller`);
    expect(r.total).toBe(2);
    expect(r.feesOwed).toEqual({ value: 70_000 });
    const none = await get(analyst, `/analytics/referrals?${P}&partnerType=msp`);
    expect(none.referralSourcedRevenue.value).toBeNull();
  });
});

describe('coverage', () => {
  it('divides the cells served by direct ∪ active partners by the direct cells, overall and per axis', async () => {
    const r = await get(analyst, `/analytics/coverage`);
    expect(r.label).toBe('multiplier');
    expect(r.direct).toEqual({ cells: 3, countries: 2, industries: 2 });
    // Partners: DE×51, AT×51 (A's draft), FR×52, US×51, US×54; E is not active; F serves no industry.
    expect(r.combined).toEqual({ cells: 6, countries: 4, industries: 3 });
    expect(r.multiplier).toEqual({
      cells: { value: 2 },
      countries: { value: 2 },
      industries: { value: 1.5 },
    });
    expect(r.gaps).toEqual([{ country: 'US', industry: '52' }]);
    expect(r.activePartners).toBe(5);
  });
});

describe('integrations', () => {
  it('measures adoption (a), (b) and (c)', async () => {
    const r = await get(analyst, `/analytics/integrations?${P}`);
    expect(r).toMatchObject({
      wonDeals: 5,
      wonWithIntegration: 1,
      dealShare: { value: 0.2 },
      // Won ever: alpha-customer, bcust, vendorcust, dcust, jp-cust, d6, d7, p2; installed: dcust, d7.
      customers: 8,
      customersWithInstall: 2,
      customerShare: { value: 0.25 },
      revenue: { value: 120_001 },
    });
    expect(r.byIntegration[0]).toMatchObject({ installs: 3, customersWithWonDeal: 2 });
  });
});

describe('network', () => {
  it('builds the partner graph over the 12 months before `to` and measures it', async () => {
    const r = await get(analyst, `/analytics/network?${P}`);
    expect(r.window).toEqual({ from: '2024-07-01T00:00:00.000Z', to: '2025-07-01T00:00:00.000Z' });
    // Nodes A, B, C, D, F; edges A–B, A–C, B–C, B–D, C–D.
    expect(r.nodes).toBe(5);
    expect(r.edges).toBe(5);
    expect(r.participationRate).toEqual({ value: 0.8 });
    expect(r.density).toEqual({ value: 0.5 });
    // D2 + D4 + D5 over touched: 1,370,002 / 2,370,002
    expect(r.networkRevenueShare.value).toBeCloseTo(1_370_002 / 2_370_002, 12);
    expect(r.series).toHaveLength(6);
    const graph = r.graph;
    expect(graph.status).toBe('ready');
    expect(graph.nodes).toHaveLength(5);
    const weight = (a: string, b: string) =>
      graph.edges.find(
        (x: { source: string; target: string }) =>
          (x.source === ids[a] && x.target === ids[b]) || (x.source === ids[b] && x.target === ids[a]),
      )?.weight;
    // A–B: the connection, R2, R8 and the lost deal from R8.
    expect(weight('A', 'B')).toBe(4);
    // A–C: R1, the deal converted from it (two interactions), and A's rejected referral of Dec 2024.
    expect(weight('A', 'C')).toBe(3);
    expect(weight('C', 'D')).toBe(2);
    const pageranks = graph.nodes.map((n: { pagerank: number }) => n.pagerank);
    expect(pageranks.reduce((s: number, x: number) => s + x, 0)).toBeCloseTo(1, 6);
    // F has no edge: the lowest rank; the connectors list leads with the most connected.
    expect(r.connectors.at(-1).organizationId).toBe(ids.F);
    expect(r.connectors[0].degree).toBeGreaterThanOrEqual(3);
  });

  it('gives the same clusters on every run, and caches the graph with the time it was computed', async () => {
    const first = await get(analyst, `/analytics/network?${P}`);
    const second = await get(analyst, `/analytics/network?${P}`);
    expect(second.graph.computedAt).toBe(first.graph.computedAt);
    const [cached] = await t.database.db
      .select()
      .from(partnerGraphs)
      .where(eq(partnerGraphs.windowTo, '2025-07-01'));
    expect(cached!.computedAt.toISOString()).toBe(first.graph.computedAt);
    await refreshPartnerGraph(t.database.db, d('2025-07-01'));
    const third = await get(analyst, `/analytics/network?${P}`);
    expect(third.graph.computedAt).not.toBe(first.graph.computedAt);
    const clusterOf = (r: typeof first) =>
      Object.fromEntries(r.graph.nodes.map((n: { id: string; cluster: number }) => [n.id, n.cluster]));
    expect(clusterOf(third)).toEqual(clusterOf(first));
  });

  it("recomputes a past window's stored graph once history is imported into it, and agrees with the live counts", async () => {
    const before = await get(analyst, `/analytics/network?${P}`);
    // Cached: asking again with nothing written answers the stored graph.
    expect((await get(analyst, `/analytics/network?${P}`)).graph.computedAt).toBe(before.graph.computedAt);
    const degreeOf = (r: typeof before, id: string) =>
      r.graph.nodes.find((n: { id: string }) => n.id === id).degree as number;
    expect(degreeOf(before, ids.F!)).toBe(0);
    // History imported with its own dates: a connection F–D that ran through the spring of 2025.
    const imported = await createConnectionRecord(t.database.db, {
      requesterOrgId: ids.F!,
      recipientOrgId: ids.D!,
      createdAt: d('2025-02-01'),
      startedAt: d('2025-02-03'),
    });
    const after = await get(analyst, `/analytics/network?${P}`);
    expect(after.edges).toBe(before.edges + 1);
    expect(after.graph.computedAt).not.toBe(before.graph.computedAt);
    // The graph, its PageRank and connectors say what the live figures say (every node is drawn here).
    expect(after.graph.edges).toHaveLength(after.edges);
    expect(degreeOf(after, ids.F!)).toBe(1);
    expect(after.connectors.find((c: { organizationId: string }) => c.organizationId === ids.F).degree).toBe(
      1,
    );
    const rankOf = (r: typeof before) =>
      r.connectors.find((c: { organizationId: string }) => c.organizationId === ids.F).pagerank as number;
    expect(rankOf(after)).toBeGreaterThan(rankOf(before));
    // A deletion is a change too: the graph goes back to what it was.
    await t.database.db.execute(sql`delete from connections where id = ${imported.id}`);
    const reverted = await get(analyst, `/analytics/network?${P}`);
    expect(reverted.edges).toBe(before.edges);
    expect(degreeOf(reverted, ids.F!)).toBe(0);
    expect(reverted.graph.edges).toHaveLength(before.graph.edges.length);
  });

  it('computes betweenness on request', async () => {
    const r = await get(analyst, `/analytics/network?${P}&betweenness=true`);
    expect(r.connectors.every((c: { betweenness?: number }) => typeof c.betweenness === 'number')).toBe(true);
  });
});

describe('overview', () => {
  it('shows the headline of every metric, the same figures as the detailed reports', async () => {
    const o = await get(analyst, `/analytics/overview?${P}`);
    const h = Object.fromEntries(
      o.headlines.map((x: { metric: string; current: unknown }) => [x.metric, x.current]),
    );
    expect(h.sourced).toEqual({ value: 2_250_001 });
    expect(h.touched).toEqual({ value: 2_370_002 });
    expect(h.pipeline).toEqual({ value: 559_900 });
    expect(h.referrals).toEqual({ value: 5 });
    expect(h.feesOwed).toEqual({ value: 70_000 });
    expect(h.coverage).toEqual({ value: 2 });
    expect(h.integrationDealShare).toEqual({ value: 0.2 });
    expect(h.participationRate).toEqual({ value: 0.8 });
    // The 181 days before.
    expect(o.previous).toEqual({ from: '2024-07-04T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z' });
    const prev = Object.fromEntries(
      o.headlines.map((x: { metric: string; previous: unknown }) => [x.metric, x.previous]),
    );
    // D7 (2024-12-31) is in the previous period.
    expect(prev.sourced).toEqual({ value: 50_000 });
  });
});

describe('scorecards and who may see them', () => {
  it('gives a partner its own figures', async () => {
    const s = await get(aUser, `/analytics/partners/${ids.A}/scorecard?${P}`);
    expect(s.partner).toMatchObject({ id: ids.A, partnerType: 'reseller' });
    expect(s.revenue).toEqual({
      sourced: { value: 1_000_000 },
      influenceCredit: { value: 700_001 },
      wonDeals: 2,
    });
    expect(s.pipeline).toMatchObject({ value: { value: 199_900 }, openDeals: 2 });
    expect(s.referrals).toMatchObject({
      sent: 2,
      received: 1,
      acceptanceRate: { value: 1 },
      conversionRate: { value: 0.5 },
      feesEarned: { value: 70_000 },
    });
    // Benchmarks need five organizations of the type: A is the only reseller.
    expect(s.benchmarks[0].reason).toEqual(expect.stringContaining('Fewer than 5'));
    expect(s.benchmarks[0].bands).toEqual([]);
    expect(s.benchmarks[0].organizations).toBe(0);
  });

  it('answers 404 for another partner’s scorecard and 403 for the ecosystem dashboards', async () => {
    expect((await as(t.app, aUser).get(`/api/v1/analytics/partners/${ids.B}/scorecard`)).statusCode).toBe(
      404,
    );
    expect((await as(t.app, aUser).get(`/api/v1/analytics/revenue`)).statusCode).toBe(403);
    expect(
      (await as(t.app, aUser).get(`/api/v1/analytics/partners/${e.vendor.id}/scorecard`)).statusCode,
    ).toBe(404);
  });

  it('scores engagement and health, and feeds engagement to the tier engine', async () => {
    // F registers a deal today and wins it, and sends a referral: 4 + 4 points.
    const deal = await createDealRecord(t.database.db, {
      registeredByOrgId: ids.F!,
      status: 'won',
      closeDate: new Date().toISOString().slice(0, 10),
    });
    await createReferralRecord(t.database.db, { referrerOrgId: ids.F!, recipientOrgId: ids.A! });
    const s = await get(fUser, `/analytics/partners/${ids.F}/scorecard`);
    expect(s.engagement.score).toBe(8);
    // Attainment toward Gold: 1 won deal of 4; the only community influencer: percentile 0.5; active today.
    expect(s.tiers[0]).toMatchObject({ currentTier: 'Member', targetTier: 'Gold', attainment: 0.25 });
    // Alone in its type, F is not told its percentile (it would give others' scores away); health counts 0.5.
    expect(s.health).toMatchObject({ attainment: 0.25, engagementPercentile: null, recency: 100 });
    expect(s.health.score).toEqual({ value: 55 });
    const seenByVendor = await get(analyst, `/analytics/partners/${ids.F}/scorecard`);
    expect(seenByVendor.health.engagementPercentile).toBe(0.5);
    const reading = await readMetric(
      t.database.db,
      { organizationId: ids.F!, now: new Date() },
      { metric: 'engagement_score', comparison: 'gte', threshold: 5, windowDays: 90 },
    );
    expect(reading).toEqual({ value: 8 });
    expect(deal.status).toBe('won');
  });
});

describe('invariants (property test)', () => {
  const roles = ['referred', 'co_sell', 'implementation', 'integration', 'influenced'] as const;
  const dealArb = fc.record({
    amount: fc.integer({ min: 1, max: 1_000_000_000 }),
    currency: fc.constantFrom('USD', 'EUR', 'JPY'),
    sourced: fc.option(fc.constantFrom('A', 'B', 'C', 'D'), { nil: null }),
    others: fc.uniqueArray(
      fc.record({ org: fc.constantFrom('A', 'B', 'C', 'D'), role: fc.constantFrom(...roles) }),
      {
        selector: (x) => x.org,
        maxLength: 3,
      },
    ),
    day: fc.integer({ min: 1, max: 360 }),
  });
  let year = 2040;

  it('touched ≤ sourced + influenced; totals never depend on the model; credits add up to the amounts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(dealArb, { minLength: 1, maxLength: 6 }), async (list) => {
        year += 1;
        const from = `${year}-01-01`;
        let sourcedSum = 0;
        let influenceSum = 0;
        const usdOnly = list.every((x) => x.currency === 'USD');
        for (const x of list) {
          const others = x.others.filter((o) => o.org !== x.sourced);
          await createDealRecord(t.database.db, {
            registeredByOrgId: e.vendor.id,
            vendorRecorded: true,
            status: 'won',
            amount: x.amount,
            currency: x.currency,
            closeDate: new Date(Date.parse(`${from}T00:00:00Z`) + (x.day - 1) * 86_400_000)
              .toISOString()
              .slice(0, 10),
            createdAt: d(`${year - 1}-06-01`),
            involvements: [
              ...(x.sourced ? [{ organizationId: ids[x.sourced]!, role: 'sourced' as const }] : []),
              ...others.map((o, i) => ({
                organizationId: ids[o.org]!,
                role: o.role,
                involvedAt: new Date(Date.parse(`${year - 1}-06-01T00:00:00Z`) + i * 1000),
              })),
            ],
          });
          if (x.sourced) sourcedSum += x.amount;
          if (others.length) influenceSum += x.amount;
        }
        const q = `from=${from}&to=${year + 1}-01-01`;
        const reports = await Promise.all(
          ['even', 'first_touch', 'last_touch'].map((m) =>
            get(analyst, `/analytics/revenue?${q}&model=${m}`),
          ),
        );
        const [even] = reports;
        for (const r of reports) {
          expect(r.totals).toEqual(even.totals);
          if (!usdOnly) continue;
          // In the reporting currency every amount is whole: the credits sum exactly.
          const credits = r.partners as { sourcedCredit: number; influenceCredit: number }[];
          expect(credits.reduce((s, p) => s + p.sourcedCredit, 0)).toBe(sourcedSum);
          expect(credits.reduce((s, p) => s + p.influenceCredit, 0)).toBe(influenceSum);
        }
        const { touched, sourced, influenced } = even.totals;
        if (usdOnly) expect(touched.value).toBeLessThanOrEqual(sourced.value + influenced.value);
        // Each figure is rounded once, on its own: after conversion two rounded figures may lose a unit between them.
        else expect(touched.value).toBeLessThanOrEqual(sourced.value + influenced.value + 1);
      }),
      { numRuns: 25 },
    );
  });
});

describe('benchmarks', () => {
  it('are means over bands of five other organizations, never one partner’s figure', async () => {
    const db = t.database.db;
    const [enrollment] = await db
      .execute<{ program_id: string; tier_id: string }>(
        sql`select program_id::text, tier_id::text from enrollments where organization_id = ${ids.A}::uuid limit 1`,
      )
      .then((r) => r.rows);
    // Six more resellers with 100…600 of sourced revenue in 2033: A sees the six others, never itself.
    for (let k = 1; k <= 6; k++) {
      const org = await createPartnerOrganization(db, { name: `Reseller ${k}`, types: ['reseller'] });
      await createEnrollmentRecord(db, {
        organizationId: org.id,
        programId: enrollment!.program_id,
        tierId: enrollment!.tier_id,
      });
      await createDealRecord(db, {
        registeredByOrgId: org.id,
        status: 'won',
        closeDate: '2033-05-05',
        amount: k * 100,
      });
    }
    await createDealRecord(db, {
      registeredByOrgId: ids.A!,
      status: 'won',
      closeDate: '2033-05-05',
      amount: 1_000_000,
    });
    const s = await get(aUser, `/analytics/partners/${ids.A}/scorecard?from=2033-01-01&to=2034-01-01`);
    const revenue = s.benchmarks.find((b: { metric: string }) => b.metric === 'sourced_revenue');
    // Sorted others: 100 … 600. The 25th percentile's band is ranks 1–5 (mean 300); the median's and the
    // 75th percentile's are both ranks 2–6 (mean 400): one figure, labelled as the mean it is.
    expect(revenue).toMatchObject({
      you: { value: 1_000_000 },
      organizations: 6,
      bands: [
        {
          key: 'mean_ranks_1_5',
          statistic: 'Mean of peers ranked 1–5 of 6, around the 25th percentile',
          value: { value: 300 },
        },
        {
          key: 'mean_ranks_2_6',
          statistic: 'Mean of peers ranked 2–6 of 6, around the median and 75th percentile',
          value: { value: 400 },
        },
      ],
    });
    // Counts are whole numbers: each other reseller won one deal, and A's own deal is not among them.
    const deals = s.benchmarks.find((b: { metric: string }) => b.metric === 'won_deals');
    expect(deals.bands.map((b: { value: { value: number } }) => b.value.value)).toEqual([1, 1]);
    const csv = await as(t.app, aUser).get(
      `/api/v1/analytics/partners/${ids.A}/scorecard?from=2033-01-01&to=2034-01-01&format=csv&section=benchmarks`,
    );
    expect(csv.body).toContain('benchmarks,Sourced revenue in the period,mean_ranks_2_6,4.00');
  });

  it('with exactly five peers is one mean of all five, not three quartiles', async () => {
    expect(benchmarkBands(5)).toEqual([
      {
        from: 1,
        to: 5,
        around: ['25th percentile', 'median', '75th percentile'],
        key: 'mean_ranks_1_5',
        statistic: 'Mean of all 5 peers',
      },
    ]);
    expect(benchmarkBands(21).map((b) => [b.from, b.to])).toEqual([
      [4, 8],
      [9, 13],
      [14, 18],
    ]);
  });
});
