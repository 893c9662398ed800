// Funds and incentives as a new vendor and its partners would try them (issue 24's "done when"): a Gold
// MDF budget, a request, its approval and reservation, a claim with an invoice PDF approved in part, a
// won referral's fee, a SPIFF, a quarterly rebate with its explanation, a payout, a reopened deal clawed
// back, and statements that tie out with the vendor's export and the books.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { runChange } from '../src/db/transaction';
import { newId } from '../src/lib/ids';
import { bookEntry } from '../src/modules/funds/ledger.service';
import { insertLeadRecord } from '../src/modules/leads/leads.records';
import { enrollments, tierHistory } from '../src/modules/programs/programs.tables';
import {
  createDealRecord,
  createEnrollmentRecord,
  createPartnerOrganization,
  createProgramRecord,
  createReferralRecord,
} from '../src/seed/factories';
import { quarterBounds } from '../src/modules/funds/incentive-rules';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let admin: Session;
let cm: Session;
let aAdmin: Session;
let bAdmin: Session;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const exe = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58),
  Buffer.from([64, 0, 0, 0]),
  Buffer.from('PE\0\0'),
  Buffer.alloc(64),
]);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const DAY = 86_400_000;
const now = new Date();
const today = iso(now);
const tomorrow = iso(new Date(now.getTime() + DAY));
const nextYear = now.getUTCFullYear() + 1;
/** The last ended calendar quarter, and a date inside it. */
const lastQuarter = (() => {
  const q = Math.floor(now.getUTCMonth() / 3); // this quarter, 0-based
  const [y, lq] = q === 0 ? [now.getUTCFullYear() - 1, 4] : [now.getUTCFullYear(), q];
  return { name: `${y}-Q${lq}`, inside: `${y}-${String((lq - 1) * 3 + 2).padStart(2, '0')}-15` };
})();

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  const { program, tiers } = await createProgramRecord(t.database.db, {
    name: 'Reseller Program',
    tiers: [
      { code: 'registered', name: 'Registered' },
      { code: 'gold', name: 'Gold' },
    ],
  });
  // Enrolled years ago: a rebate reads the tier held when its quarter ended.
  const since = new Date(now.getTime() - 3 * 365 * DAY);
  await createEnrollmentRecord(t.database.db, {
    organizationId: e.partnerA.id,
    programId: program.id,
    tierId: tiers[1]!.id,
    createdAt: since,
  });
  await createEnrollmentRecord(t.database.db, {
    organizationId: e.partnerB.id,
    programId: program.id,
    tierId: tiers[0]!.id,
    createdAt: since,
  });
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  cm = await signIn(t.app, e.cm.email, PASSWORD);
  aAdmin = await signIn(t.app, e.aAdmin.email, PASSWORD);
  bAdmin = await signIn(t.app, e.bAdmin.email, PASSWORD);
});
afterAll(() => t?.close());

const budgetBody = {
  name: `Q1 ${nextYear} Gold resellers`,
  fund: 'MDF',
  tierName: 'Gold',
  periodStart: `${nextYear}-01-01`,
  periodEnd: `${nextYear}-03-31`,
  currency: 'USD',
  amount: 10_000_000,
  claimDays: 60,
};

describe('MDF, incentives and the partner ledger, end to end', () => {
  let budgetId: string;
  let requestId: string;
  let claimId: string;
  let dealId: string;
  let spiffRuleId: string;

  it('a $100,000 Q1 budget for Gold resellers is allocated to the Gold partners only', async () => {
    const created = await as(t.app, admin).post('/api/v1/funds', budgetBody);
    expect(created.statusCode).toBe(201);
    budgetId = created.json().id;
    const alloc = await as(t.app, admin).post(`/api/v1/funds/${budgetId}/allocations`, {
      method: 'fixed_per_tier',
      amount: 2_000_000,
    });
    expect(alloc.statusCode).toBe(200);
    expect(alloc.json().items.map((a: { partnerId: string }) => a.partnerId)).toEqual([e.partnerA.id]);
    // Over the budget: refused, with the figures.
    const over = await as(t.app, admin).post(`/api/v1/funds/${budgetId}/allocations`, {
      method: 'manual',
      partnerId: e.partnerB.id,
      amount: 9_000_000,
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().detail).toContain('over the budget of $100,000.00');
    // Budgets are the vendor's; a partner sees its own allocation and what it can still request.
    expect((await as(t.app, aAdmin).get('/api/v1/funds')).statusCode).toBe(403);
    expect((await as(t.app, aAdmin).get(`/api/v1/funds/${budgetId}`)).statusCode).toBe(403);
    const mine = (await as(t.app, aAdmin).get('/api/v1/fund-allocations')).json().items;
    expect(mine).toMatchObject([{ budgetId, amount: 2_000_000, available: 2_000_000, currency: 'USD' }]);
    expect((await as(t.app, bAdmin).get('/api/v1/fund-allocations')).json().items).toEqual([]);
  });

  it('a partner requests $5,000 for a webinar; a request over its allocation is refused with the reason', async () => {
    const base = {
      budgetId,
      activityType: 'webinar',
      title: 'Backup webinar',
      plan: 'Two sessions for IT leads',
      startsOn: `${nextYear}-02-10`,
      endsOn: `${nextYear}-02-11`,
      expectedLeads: 40,
      expectedPipeline: 20_000_000,
      currency: 'USD',
    };
    const over = await as(t.app, aAdmin).post('/api/v1/fund-requests', { ...base, amount: 2_500_000 });
    expect(over.statusCode).toBe(422);
    expect(over.json().detail).toContain('over your available allocation of $20,000.00');
    const outsider = await as(t.app, bAdmin).post('/api/v1/fund-requests', { ...base, amount: 500_000 });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().errors[0].path).toBe('body.budgetId');
    const res = await as(t.app, aAdmin).post('/api/v1/fund-requests', { ...base, amount: 500_000 });
    expect(res.statusCode).toBe(201);
    requestId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'submitted', approvalsNeeded: 1, reserved: 0 });
    expect((await as(t.app, bAdmin).get(`/api/v1/fund-requests/${requestId}`)).statusCode).toBe(404);
  });

  it('approval reserves it against the budget and sets the claim deadline', async () => {
    const res = await as(t.app, cm).post(`/api/v1/fund-requests/${requestId}/approve`, { version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'approved',
      reserved: 500_000,
      claimDeadline: `${nextYear}-04-12`,
    });
    const budget = (await as(t.app, admin).get(`/api/v1/funds/${budgetId}`)).json();
    expect(budget).toMatchObject({ allocated: 2_000_000, reserved: 500_000, spent: 0 });
  });

  it('the partner claims with an invoice PDF; a larger claim and a file of another type are refused', async () => {
    const tooMuch = await as(t.app, aAdmin).post('/api/v1/claims', { requestId, amount: 600_000 });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().detail).toContain('larger than the approved request of $5,000.00');
    const res = await as(t.app, aAdmin).post('/api/v1/claims', {
      requestId,
      amount: 500_000,
      note: 'Invoice attached',
    });
    expect(res.statusCode).toBe(201);
    claimId = res.json().id;
    const upload = (body: Buffer, fileName: string, who = aAdmin) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/claims/${claimId}/files?fileName=${encodeURIComponent(fileName)}`,
        payload: body,
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': 'application/pdf' },
      });
    const refused = await upload(exe, 'invoice.pdf');
    expect(refused.statusCode).toBe(415);
    const ok = await upload(pdf, 'invoice.pdf');
    expect(ok.statusCode).toBe(201);
    const file = ok.json().files[0];
    expect(file).toMatchObject({ fileName: 'invoice.pdf', contentType: 'application/pdf' });
    expect((await upload(pdf, 'other.pdf', bAdmin)).statusCode).toBe(404);
    // The vendor downloads it; another partner cannot, even knowing the ids.
    const down = await as(t.app, admin).get(`/api/v1/claims/${claimId}/files/${file.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect((await as(t.app, bAdmin).get(`/api/v1/claims/${claimId}/files/${file.id}`)).statusCode).toBe(404);
  });

  it('the vendor approves $4,000 of it: the ledger books it, the rest goes back to the budget', async () => {
    const res = await as(t.app, cm).post(`/api/v1/claims/${claimId}/approve`, {
      version: (await as(t.app, cm).get(`/api/v1/claims/${claimId}`)).json().version,
      approvedAmount: 400_000,
      note: 'The venue was not itemised',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'partially_approved', approvedAmount: 400_000 });
    expect((await as(t.app, admin).get(`/api/v1/funds/${budgetId}`)).json()).toMatchObject({
      reserved: 0,
      spent: 400_000,
    });
    expect((await as(t.app, aAdmin).get('/api/v1/fund-allocations')).json().items[0].available).toBe(
      1_600_000,
    );
    const ledger = (await as(t.app, aAdmin).get('/api/v1/ledger')).json().items;
    expect(ledger).toMatchObject([{ source: 'mdf_claim', state: 'approved', amount: 400_000, claimId }]);
    expect(ledger[0].explanation).toContain('$5,000.00 claimed, $4,000.00 approved');
  });

  it('a won referral accrues its fee and a qualifying deal its SPIFF', async () => {
    const spiff = await as(t.app, admin).post('/api/v1/incentive-rules', {
      name: 'Backup launch SPIFF',
      effectiveFrom: `${now.getUTCFullYear() - 1}-01-01`,
      params: {
        kind: 'spiff',
        currency: 'USD',
        amountMinor: 50_000,
        product: 'Backup',
        from: `${now.getUTCFullYear() - 1}-01-01`,
        to: `${nextYear}-12-31`,
      },
    });
    expect(spiff.statusCode).toBe(201);
    spiffRuleId = spiff.json().id;
    const referral = await createReferralRecord(t.database.db, {
      referrerOrgId: e.partnerB.id,
      recipientOrgId: e.partnerA.id,
      status: 'converted',
      feePercent: '10',
      feeBasis: 'Referral fee benefit of the Gold tier',
    });
    const deal = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      status: 'approved',
      amount: 2_000_000,
      currency: 'USD',
      products: ['Backup'],
      customerName: 'Acme Logistics',
      createdAt: new Date(now.getTime() - 30 * DAY),
      referralId: referral.id,
    });
    dealId = deal.id;
    const won = await as(t.app, aAdmin).post(`/api/v1/deals/${dealId}/close`, {
      version: deal.version,
      outcome: 'won',
      amount: 2_000_000,
      closeDate: today,
    });
    expect(won.statusCode).toBe(200);
    const fee = (await as(t.app, bAdmin).get('/api/v1/ledger')).json().items;
    expect(fee).toMatchObject([{ source: 'referral_fee', state: 'accrued', amount: 200_000, dealId }]);
    expect(fee[0].explanation).toContain('10% of $20,000.00 won with Acme Logistics = $2,000.00');
    const a = (await as(t.app, aAdmin).get('/api/v1/ledger?source=spiff')).json().items;
    expect(a).toMatchObject([{ source: 'spiff', amount: 50_000, ruleId: spiffRuleId }]);
    // Each partner sees only its own entries.
    expect((await as(t.app, aAdmin).get('/api/v1/ledger?source=referral_fee')).json().items).toEqual([]);
  });

  it('a quarterly rebate accrues by its rule with its explanation, and a re-run adds nothing', async () => {
    await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      status: 'won',
      amount: 6_000_000,
      currency: 'USD',
      createdAt: new Date(Date.parse(lastQuarter.inside) - 20 * DAY),
      closeDate: lastQuarter.inside,
    });
    const rule = await as(t.app, admin).post('/api/v1/incentive-rules', {
      name: 'Gold rebate',
      effectiveFrom: '2020-01-01',
      params: {
        kind: 'rebate',
        tiers: [
          {
            tierName: 'Gold',
            percent: '2',
            thresholdMinor: 1_000_000,
            accelerators: [{ aboveMinor: 5_000_000, percent: '3' }],
          },
        ],
      },
    });
    const run = await as(t.app, admin).post(`/api/v1/incentive-rules/${rule.json().id}/run`, {
      quarter: lastQuarter.name,
    });
    expect(run.statusCode).toBe(200);
    const [entry] = run.json().entries;
    expect(entry).toMatchObject({
      partnerId: e.partnerA.id,
      source: 'rebate',
      amount: 130_000,
      state: 'accrued',
    });
    expect(entry.explanation).toContain('2% of $50,000.00');
    expect(entry.explanation).toContain('3% of $10,000.00');
    expect(entry.explanation).toContain('= $1,300.00');
    const again = await as(t.app, admin).post(`/api/v1/incentive-rules/${rule.json().id}/run`, {
      quarter: lastQuarter.name,
    });
    expect(again.json().entries).toEqual([]);
    const future = await as(t.app, admin).post(`/api/v1/incentive-rules/${rule.json().id}/run`, {
      quarter: `${nextYear}-Q1`,
    });
    expect(future.statusCode).toBe(422);
  });

  it('approved entries are paid in a batch; the payment status comes back by CSV import', async () => {
    const accrued = (
      await as(t.app, admin).get(`/api/v1/ledger?partnerId=${e.partnerA.id}&state=accrued&source=spiff`)
    ).json().items;
    const approved = await as(t.app, admin).post('/api/v1/ledger/approve', {
      entryIds: accrued.map((x: { id: string }) => x.id),
    });
    expect(approved.statusCode).toBe(200);
    const batch = await as(t.app, admin).post('/api/v1/payout-batches', { currency: 'USD' });
    expect(batch.statusCode).toBe(201);
    // The MDF claim ($4,000) and the SPIFF ($500); the rebate is still accrued, the referral fee too.
    expect(batch.json().lines).toMatchObject([
      { partnerId: e.partnerA.id, amount: 450_000, entries: 2, status: 'pending' },
    ]);
    const csv = await as(t.app, admin).get(`/api/v1/payout-batches/${batch.json().id}/export`);
    expect(csv.body.split('\r\n')[1]).toContain(
      `${e.partnerA.id},${e.partnerA.name},USD,4500.00,450000,2,pending,`,
    );
    const paid = await t.app.inject({
      method: 'POST',
      url: `/api/v1/payout-batches/${batch.json().id}/payments/import?version=${batch.json().version}`,
      payload: `partner_id,status,reference\n${e.partnerA.id},paid,ACH-0042\n`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'text/csv' },
    });
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({
      status: 'settled',
      lines: [{ status: 'paid', reference: 'ACH-0042' }],
    });
    expect((await as(t.app, aAdmin).get('/api/v1/payout-batches')).statusCode).toBe(403);
  });

  it('a rule version that would rewrite a paid period is refused; one after it is taken', async () => {
    const rule = (await as(t.app, admin).get(`/api/v1/incentive-rules/${spiffRuleId}`)).json();
    const params = {
      kind: 'spiff',
      currency: 'USD',
      amountMinor: 80_000,
      product: 'Backup',
      from: today,
      to: `${nextYear}-12-31`,
    };
    const refused = await as(t.app, admin).post(`/api/v1/incentive-rules/${spiffRuleId}/versions`, {
      version: rule.version,
      effectiveFrom: today,
      params,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toContain('would rewrite a paid period');
    const ok = await as(t.app, admin).post(`/api/v1/incentive-rules/${spiffRuleId}/versions`, {
      version: rule.version,
      effectiveFrom: tomorrow,
      params,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().versions).toHaveLength(2);
    expect((await as(t.app, aAdmin).get(`/api/v1/incentive-rules/${spiffRuleId}`)).statusCode).toBe(403);
  });

  it('reopening the won deal reverses the unpaid referral fee and claws back the paid SPIFF', async () => {
    const deal = (await as(t.app, admin).get(`/api/v1/deals/${dealId}`)).json();
    expect(
      (
        await as(t.app, aAdmin).post(`/api/v1/deals/${dealId}/reopen`, {
          version: deal.version,
          reason: 'Cancelled',
        })
      ).statusCode,
    ).toBe(403);
    const res = await as(t.app, admin).post(`/api/v1/deals/${dealId}/reopen`, {
      version: deal.version,
      reason: 'Customer cancelled',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('approved');
    expect((await as(t.app, bAdmin).get('/api/v1/ledger')).json().items).toMatchObject([
      { source: 'referral_fee', state: 'reversed', amount: 200_000 },
    ]);
    const clawback = (await as(t.app, aAdmin).get('/api/v1/ledger?source=clawback')).json().items;
    expect(clawback).toMatchObject([{ amount: -50_000, state: 'accrued', dealId }]);
    expect(clawback[0].explanation).toContain('Customer cancelled');
  });

  it('the ledger balances to the cent, and the partner’s statement matches the vendor’s', async () => {
    const summary = (await as(t.app, admin).get('/api/v1/ledger/summary')).json();
    const usd = summary.trialBalance.filter((b: { currency: string }) => b.currency === 'USD');
    expect(usd.reduce((s: number, b: { balance: number }) => s + b.balance, 0)).toBe(0);
    const bal = (account: string) =>
      usd.find((b: { account: string }) => b.account === account)?.balance ?? 0;
    // Accrued: the rebate $1,300 less the clawback $500; paid: $4,500; expense: all earned less reversed.
    expect(bal('accrued')).toBe(-80_000);
    expect(bal('approved')).toBe(0);
    expect(bal('paid')).toBe(-450_000);
    expect(bal('mdf_expense')).toBe(400_000);
    expect(bal('incentive_expense')).toBe(130_000);
    expect(summary.balances.find((b: { partnerId: string }) => b.partnerId === e.partnerA.id)).toMatchObject({
      accrued: 80_000,
      approved: 0,
      paid: 450_000,
    });

    const q = `currency=USD&from=${today}&to=${tomorrow}`;
    const mine = (await as(t.app, aAdmin).get(`/api/v1/statements?${q}`)).json();
    expect(mine.lines.map((l: { kind: string; amount: number }) => [l.kind, l.amount])).toEqual([
      ['earned', 400_000],
      ['earned', 50_000],
      ['earned', 130_000],
      ['paid', -400_000],
      ['paid', -50_000],
      ['earned', -50_000],
    ]);
    expect(mine).toMatchObject({ openingBalance: 0, closingBalance: 80_000, earnedToDate: 530_000 });
    const partnerCsv = (await as(t.app, aAdmin).get(`/api/v1/statements?${q}&format=csv`)).body;
    const vendorCsv = (
      await as(t.app, admin).get(`/api/v1/statements?${q}&format=csv&partnerId=${e.partnerA.id}`)
    ).body;
    expect(partnerCsv).toBe(vendorCsv);
    expect(partnerCsv).toContain('Paid (reference ACH-0042)');
    const pdfRes = await as(t.app, aAdmin).get(`/api/v1/statements?${q}&format=pdf`);
    expect(pdfRes.headers['content-type']).toBe('application/pdf');
    expect(pdfRes.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Another partner's statement is not there for it.
    expect(
      (await as(t.app, bAdmin).get(`/api/v1/statements?${q}&partnerId=${e.partnerA.id}`)).statusCode,
    ).toBe(404);
  });

  it('measures MDF utilization, return, claim cycle time and incentive cost share as METRICS.md defines them', async () => {
    const tagged = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      status: 'approved',
      amount: 3_000_000,
      currency: 'USD',
    });
    const tag = await as(t.app, aAdmin).post(`/api/v1/fund-requests/${requestId}/deals`, {
      dealId: tagged.id,
    });
    expect(tag.statusCode).toBe(200);
    expect(tag.json()).toMatchObject({
      deals: 1,
      pipeline: 3_000_000,
      cost: 400_000,
      costPerOpportunity: { value: 400_000 },
    });
    const q1 = (
      await as(t.app, admin).get(`/api/v1/funds/metrics?from=${nextYear}-01-01&to=${nextYear}-04-01`)
    ).json();
    expect(q1.mdfUtilization).toEqual({
      currency: 'USD',
      budget: 10_000_000,
      spent: 400_000,
      utilization: { value: 0.04 },
      notConverted: [],
      budgets: [
        {
          budgetId,
          name: budgetBody.name,
          fund: 'MDF',
          currency: 'USD',
          amount: 10_000_000,
          budget: 10_000_000,
          spent: 400_000,
          utilization: { value: 0.04 },
        },
      ],
    });
    expect(q1.mdfReturn).toMatchObject([
      { currency: 'USD', cost: 400_000, pipeline: 3_000_000, pipelinePerUnit: { value: 7.5 } },
    ]);
    expect(q1.claimCycleDays.value).toBeNull();
    const recent = (await as(t.app, admin).get(`/api/v1/funds/metrics?from=${today}&to=${tomorrow}`)).json();
    expect(recent.claimCycleDays.value).toBeGreaterThanOrEqual(0);
    const { from, to } = quarterBounds(lastQuarter.name);
    const quarter = (await as(t.app, admin).get(`/api/v1/funds/metrics?from=${from}&to=${to}`)).json();
    // The $1,300 rebate over the $60,000 of sourced revenue won that quarter.
    expect(quarter.incentiveCostShare).toEqual({
      currency: 'USD',
      cost: 130_000,
      notConverted: [],
      sourcedRevenue: 6_000_000,
      share: { value: 0.0217 },
    });
    expect((await as(t.app, aAdmin).get(`/api/v1/funds/metrics?from=${from}&to=${to}`)).statusCode).toBe(403);
  });

  it('a claim after its deadline is refused, and the lapsed reservation goes back to the budget', async () => {
    const start = iso(new Date(now.getTime() - 40 * DAY));
    const b = await as(t.app, admin).post('/api/v1/funds', {
      ...budgetBody,
      name: 'Past events',
      periodStart: start,
      periodEnd: today,
      claimDays: 1,
    });
    await as(t.app, admin).post(`/api/v1/funds/${b.json().id}/allocations`, {
      method: 'manual',
      partnerId: e.partnerA.id,
      amount: 100_000,
    });
    const r = await as(t.app, aAdmin).post('/api/v1/fund-requests', {
      budgetId: b.json().id,
      activityType: 'event',
      title: 'Trade show booth',
      startsOn: start,
      endsOn: start,
      amount: 100_000,
      currency: 'USD',
    });
    await as(t.app, admin).post(`/api/v1/fund-requests/${r.json().id}/approve`, { version: 1 });
    const late = await as(t.app, aAdmin).post('/api/v1/claims', { requestId: r.json().id, amount: 100_000 });
    expect(late.statusCode).toBe(422);
    expect(late.json().detail).toContain('claim deadline was');
    const { releaseLapsedRequests } = await import('../src/modules/funds/mdf-jobs');
    expect(await releaseLapsedRequests(t.database.db)).toEqual({ released: 1 });
    expect((await as(t.app, aAdmin).get(`/api/v1/fund-requests/${r.json().id}`)).json()).toMatchObject({
      status: 'closed',
      reserved: 0,
      released: 100_000,
    });
  });
  it('a large request needs a second approval by a vendor admin; a week before its deadline the partner is reminded once', async () => {
    const b = await as(t.app, admin).post('/api/v1/funds', {
      ...budgetBody,
      name: 'This month',
      periodStart: iso(new Date(now.getTime() - 10 * DAY)),
      periodEnd: iso(new Date(now.getTime() + 30 * DAY)),
      secondApprovalAbove: 100_000,
      claimDays: 3,
    });
    await as(t.app, admin).post(`/api/v1/funds/${b.json().id}/allocations`, {
      method: 'manual',
      partnerId: e.partnerA.id,
      amount: 500_000,
    });
    const r = await as(t.app, aAdmin).post('/api/v1/fund-requests', {
      budgetId: b.json().id,
      activityType: 'training',
      title: 'Partner bootcamp',
      startsOn: today,
      endsOn: today,
      amount: 200_000,
      currency: 'USD',
    });
    expect(r.json().approvalsNeeded).toBe(2);
    const first = await as(t.app, cm).post(`/api/v1/fund-requests/${r.json().id}/approve`, { version: 1 });
    expect(first.json()).toMatchObject({
      status: 'submitted',
      reserved: 0,
      approvals: [{ name: 'Carl Manager' }],
    });
    const again = await as(t.app, cm).post(`/api/v1/fund-requests/${r.json().id}/approve`, { version: 2 });
    expect(again.statusCode).toBe(422);
    const second = await as(t.app, admin).post(`/api/v1/fund-requests/${r.json().id}/approve`, {
      version: 2,
    });
    expect(second.json()).toMatchObject({ status: 'approved', reserved: 200_000 });
    const deadline = iso(new Date(now.getTime() + 3 * DAY));
    expect(second.json().claimDeadline).toBe(deadline);

    const { remindClaimDeadlines } = await import('../src/modules/funds/mdf-jobs');
    const before = t.mailer.sent.length;
    expect(await remindClaimDeadlines(t.database.db)).toEqual({ reminded: 1 });
    const mail = t.mailer.sent.slice(before);
    expect(mail.map((m) => m.to)).toEqual([e.aAdmin.email]);
    expect(mail[0]!.subject).toBe(`Claim “Partner bootcamp” by ${deadline}`);
    expect(await remindClaimDeadlines(t.database.db)).toEqual({ reminded: 0 });
    // The reminder is no change to the request: whoever holds it from before still holds its version.
    const held = second.json();
    const after = (await as(t.app, aAdmin).get(`/api/v1/fund-requests/${r.json().id}`)).json();
    expect(after.version).toBe(held.version);
    expect(
      (await as(t.app, admin).get(`/api/v1/audit-log?entityId=${r.json().id}`)).json().items[0],
    ).toMatchObject({ action: 'fund_request.reminded' });
  });
  it('a reviewer who read a request before the reminder job ran approves it with that version', async () => {
    const b = await as(t.app, admin).post('/api/v1/funds', {
      ...budgetBody,
      name: 'Reminded while awaiting approval',
      periodStart: iso(new Date(now.getTime() - 10 * DAY)),
      periodEnd: iso(new Date(now.getTime() + 30 * DAY)),
      secondApprovalAbove: 100_000,
      claimDays: 3,
    });
    await as(t.app, admin).post(`/api/v1/funds/${b.json().id}/allocations`, {
      method: 'manual',
      partnerId: e.partnerA.id,
      amount: 500_000,
    });
    const created = await as(t.app, aAdmin).post('/api/v1/fund-requests', {
      budgetId: b.json().id,
      activityType: 'training',
      title: 'Reminder race',
      startsOn: today,
      endsOn: today,
      amount: 200_000,
      currency: 'USD',
    });
    const id = created.json().id as string;
    await as(t.app, cm).post(`/api/v1/fund-requests/${id}/approve`, { version: 1 });
    // The vendor admin opens the request for its second approval…
    const held = (await as(t.app, admin).get(`/api/v1/fund-requests/${id}`)).json();
    expect(held).toMatchObject({ status: 'submitted', version: 2 });
    // …meanwhile the reminder job notes a reminder on it (the job's own bookkeeping write, in its
    // transaction with its audit entry), as it would for any request it reminds…
    const { remindClaimDeadlines } = await import('../src/modules/funds/mdf-jobs');
    const { markRequestReminded } = await import('../src/modules/funds/mdf.repository');
    expect(await markRequestReminded(t.database.db, id, new Date())).toMatchObject({ version: 2 });
    await remindClaimDeadlines(t.database.db);
    // …and the admin's approval on the copy read before it goes through: no 409.
    const approved = await as(t.app, admin).post(`/api/v1/fund-requests/${id}/approve`, {
      version: held.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', version: 3, reserved: 200_000 });
  });
  it('allocates a percent of each Gold partner’s trailing sourced revenue, with its basis', async () => {
    const b = await as(t.app, admin).post('/api/v1/funds', {
      ...budgetBody,
      name: 'Co-op by revenue',
      fund: 'Co-op',
    });
    const res = await as(t.app, admin).post(`/api/v1/funds/${b.json().id}/allocations`, {
      method: 'revenue_share',
      percent: '10',
      trailingDays: 730,
    });
    expect(res.statusCode).toBe(200);
    // A's only won deal by now is the $60,000 one (the $20,000 deal was reopened); B is not Gold.
    expect(res.json().items).toMatchObject([
      { partnerId: e.partnerA.id, method: 'revenue_share', amount: 600_000 },
    ]);
    expect(res.json().items[0].basis).toContain('10% of $60,000.00 sourced revenue');
  });
  it('leads tagged to an activity count in its return, with deals in other currencies converted, never added as they are', async () => {
    const eur = await as(t.app, admin).post('/api/v1/fx-rates', {
      currency: 'EUR',
      rate: '1.1',
      effectiveDate: '2020-01-01',
    });
    expect(eur.statusCode).toBe(201);
    const accepted = await insertLeadRecord(t.database.db, {
      companyName: 'Webinar Attendee GmbH',
      status: 'accepted',
      assignedOrgId: e.partnerA.id,
    });
    const wonInEur = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      status: 'won',
      registeredAmount: 800_000,
      amount: 1_000_000,
      currency: 'EUR',
      approvedAt: now,
      closeDate: today,
    });
    const converted = await insertLeadRecord(t.database.db, {
      companyName: 'Converted Attendee SA',
      status: 'converted',
      assignedOrgId: e.partnerA.id,
      dealId: wonInEur.id,
    });
    const noRate = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      status: 'approved',
      amount: 500_000,
      currency: 'GBP',
    });
    for (const leadId of [accepted.id, converted.id]) {
      const res = await as(t.app, aAdmin).post(`/api/v1/fund-requests/${requestId}/leads`, { leadId });
      expect(res.statusCode, res.body).toBe(200);
    }
    const tagged = await as(t.app, aAdmin).post(`/api/v1/fund-requests/${requestId}/deals`, {
      dealId: noRate.id,
    });
    expect(tagged.statusCode).toBe(200);
    // Two leads; three opportunities (the $30,000 deal tagged before, the deal a lead became, the GBP
    // one). Pipeline is every approved deal at its registration amount: $30,000 and the €8,000 the
    // EUR deal was registered at, $8,800 at 1.1, although it has since been won; its €10,000 won at
    // 1.1 is $11,000 of won revenue. GBP has no rate, so it is named, not summed.
    expect(tagged.json()).toMatchObject({
      leads: 2,
      deals: 3,
      pipeline: 3_880_000,
      wonRevenue: 1_100_000,
      notConverted: [noRate.id],
      cost: 400_000,
      costPerOpportunity: { value: 133_333 },
    });
    expect(tagged.json().leadIds).toEqual([accepted.id, converted.id]);
    // A lead only offered, or another partner's, is refused by field; the other partner sees no return.
    const offered = await insertLeadRecord(t.database.db, {
      companyName: 'Offered Prospect AG',
      status: 'offered',
      assignedOrgId: e.partnerA.id,
    });
    const theirs = await insertLeadRecord(t.database.db, {
      companyName: 'Beta Prospect SARL',
      status: 'accepted',
      assignedOrgId: e.partnerB.id,
    });
    for (const leadId of [offered.id, theirs.id]) {
      const res = await as(t.app, aAdmin).post(`/api/v1/fund-requests/${requestId}/leads`, { leadId });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('body.leadId');
    }
    expect((await as(t.app, bAdmin).get(`/api/v1/fund-requests/${requestId}/return`)).statusCode).toBe(404);
    expect(
      (await as(t.app, bAdmin).post(`/api/v1/fund-requests/${requestId}/leads`, { leadId: theirs.id }))
        .statusCode,
    ).toBe(404);
  });

  it('incentive cost share converts each accrual at its date’s rate, reports a currency with no rate apart, and counts fees, rebates and SPIFFs net of clawbacks only', async () => {
    // Incentives as the rules book them: a SPIFF in EUR, a referral fee in GBP (no rate), a clawback in USD.
    await runChange(t.database.db, { actor: null, requestId: 'test', ip: null }, async (tx, record) => {
      for (const [source, currency, amount] of [
        ['spiff', 'EUR', 10_000],
        ['referral_fee', 'GBP', 5_000],
        ['clawback', 'USD', -1_000],
      ] as const) {
        await bookEntry(tx, record, {
          partnerId: e.partnerB.id,
          source,
          amount,
          currency,
          occurredOn: '2021-06-15',
          explanation: `${source} in ${currency}`,
        });
      }
    });
    // A manual adjustment is none of these: it is not an incentive cost (metrics.md).
    const res = await as(t.app, admin).post('/api/v1/ledger/adjustments', {
      partnerId: e.partnerB.id,
      amount: 7_000,
      currency: 'USD',
      occurredOn: '2021-06-15',
      explanation: 'Goodwill credit',
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = (await as(t.app, admin).get('/api/v1/funds/metrics?from=2021-06-01&to=2021-07-01')).json();
    // €100.00 at 1.1 = $110.00, less the $10.00 clawback.
    expect(m.incentiveCostShare).toEqual({
      currency: 'USD',
      cost: 10_000,
      notConverted: [{ currency: 'GBP', amount: 5_000 }],
      sourcedRevenue: 0,
      share: { value: null, reason: 'No partner-sourced revenue in the period' },
    });
  });

  it('a rebate reads the tier each partner held when the quarter ended, not the tier it holds now', async () => {
    const { program, tiers } = await createProgramRecord(t.database.db, {
      name: 'Distributor Program',
      tiers: [
        { code: 'silver', name: 'Silver' },
        { code: 'platinum', name: 'Platinum' },
      ],
    });
    const [silver, platinum] = [tiers[0]!, tiers[1]!];
    const since = new Date(now.getTime() - 3 * 365 * DAY);
    const { from, last } = quarterBounds(lastQuarter.name);
    /** Moves an enrollment to a tier at a moment, as a promotion or demotion records it. */
    const move = async (enrollmentId: string, fromTierId: string, toTierId: string, at: Date) => {
      await t.database.db.insert(tierHistory).values({
        id: newId(),
        enrollmentId,
        kind: 'manual',
        fromTierId,
        toTierId,
        reason: 'Tier review',
        at,
      });
      await t.database.db
        .update(enrollments)
        .set({ tierId: toTierId, updatedAt: at })
        .where(eq(enrollments.id, enrollmentId));
    };
    const partner = async (name: string, tierId: string) => {
      const org = await createPartnerOrganization(t.database.db, {
        name,
        types: ['reseller'],
        country: 'DE',
      });
      const enrollment = await createEnrollmentRecord(t.database.db, {
        organizationId: org.id,
        programId: program.id,
        tierId,
        createdAt: since,
      });
      await createDealRecord(t.database.db, {
        registeredByOrgId: org.id,
        status: 'won',
        amount: 1_000_000,
        currency: 'USD',
        createdAt: new Date(Date.parse(from) + DAY),
        closeDate: lastQuarter.inside,
      });
      return { org, enrollment };
    };
    const promotedMid = await partner('Promoted Mid-Quarter', silver.id);
    await move(
      promotedMid.enrollment.id,
      silver.id,
      platinum.id,
      new Date(`${lastQuarter.inside}T12:00:00Z`),
    );
    const demotedAfter = await partner('Demoted After', platinum.id);
    await move(demotedAfter.enrollment.id, platinum.id, silver.id, now);
    const promotedAfter = await partner('Promoted After', silver.id);
    await move(promotedAfter.enrollment.id, silver.id, platinum.id, now);

    const rule = await as(t.app, admin).post('/api/v1/incentive-rules', {
      name: 'Platinum rebate',
      effectiveFrom: '2020-01-01',
      params: {
        kind: 'rebate',
        tiers: [{ tierName: 'Platinum', percent: '1', thresholdMinor: 0, accelerators: [] }],
      },
    });
    const run = await as(t.app, admin).post(`/api/v1/incentive-rules/${rule.json().id}/run`, {
      quarter: lastQuarter.name,
    });
    expect(run.statusCode).toBe(200);
    const byPartner = new Map(
      run
        .json()
        .entries.map((x: { partnerId: string; amount: number; occurredOn: string }) => [x.partnerId, x]),
    );
    // Platinum on the quarter's last day: 1% of $10,000; promoted only after it: nothing.
    expect(byPartner.get(promotedMid.org.id)).toMatchObject({ amount: 10_000, occurredOn: last });
    expect(byPartner.get(demotedAfter.org.id)).toMatchObject({ amount: 10_000 });
    expect(byPartner.has(promotedAfter.org.id)).toBe(false);
  });
});
