// Example requests of the funds routes (spread into route-examples.ts). Records are made through the
// module's own services, as the vendor and the owner would make them, so each example is a request
// the server accepts.
import { Readable } from 'node:stream';
import type { Ctx } from '../src/lib/actor';
import { approveEntries, addAdjustment } from '../src/modules/funds/ledger.service';
import { createPayoutBatch } from '../src/modules/funds/payouts.service';
import { createRule } from '../src/modules/funds/incentives.service';
import { allocate, approveRequest, createBudget, createRequest } from '../src/modules/funds/mdf.service';
import { addClaimFile, createClaim } from '../src/modules/funds/claims.service';
import { newId } from '../src/lib/ids';
import { insertLeadRecord } from '../src/modules/leads/leads.records';
import { createDealRecord } from '../src/seed/factories';
import type { TestApp } from './app';
import type { Ecosystem } from './ecosystem';

/** What route-examples.ts passes (its ExampleInput; not imported, so the two files form no cycle). */
interface ExampleInput {
  e: Ecosystem;
  owner: { id: string };
  user: { id: string; role: Ctx['actor']['role'] };
  t: TestApp;
}
interface ExampleRequest {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  headers?: Record<string, string>;
}
type Example = (x: ExampleInput) => Promise<ExampleRequest> | ExampleRequest;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const today = () => new Date().toISOString().slice(0, 10);
const nextYear = () => new Date().getUTCFullYear() + 1;

const ctx = (actor: Ctx['actor']): Ctx => ({ actor, requestId: 'example', ip: null, userAgent: null });
const vendorCtx = (x: ExampleInput) =>
  ctx({
    userId: x.e.admin.id,
    name: 'Vera Admin',
    orgId: x.e.vendor.id,
    orgKind: 'vendor',
    role: 'admin',
    via: 'session',
    sessionId: null,
    scope: 'read_write',
  });
/** The owner's user: partner_admin or partner_user, both may request and claim. */
const ownerCtx = (x: ExampleInput) =>
  ctx({
    userId: x.user.id,
    name: 'Owner',
    orgId: x.owner.id,
    orgKind: 'partner',
    role: x.user.role,
    via: 'session',
    sessionId: null,
    scope: 'read_write',
  });

/** Each owner's budget (made once per owner and test app: the walkers call examples by the hundred). */
const budgets = new WeakMap<TestApp, Map<string, Promise<{ id: string }>>>();

/** A budget with the owner allocated $100,000 of it: room for a hundred $1,000 example requests. */
function budgetOf(x: ExampleInput) {
  const byOwner = budgets.get(x.t) ?? new Map<string, Promise<{ id: string }>>();
  budgets.set(x.t, byOwner);
  let made = byOwner.get(x.owner.id);
  if (!made) {
    made = (async () => {
      const db = x.t.database.db;
      const y = nextYear();
      const budget = await createBudget(db, vendorCtx(x), {
        name: 'Example MDF',
        fund: 'MDF',
        periodStart: `${y}-01-01`,
        periodEnd: `${y}-12-31`,
        currency: 'USD',
        amount: 100_000_000,
        claimDays: 60,
      });
      await allocate(db, vendorCtx(x), budget.id, {
        method: 'manual',
        partnerId: x.owner.id,
        amount: 10_000_000,
      });
      return budget;
    })();
    byOwner.set(x.owner.id, made);
  }
  return made;
}

const requestBody = (budgetId: string) => ({
  budgetId,
  activityType: 'webinar' as const,
  title: 'Example webinar',
  plan: '',
  startsOn: `${nextYear()}-03-01`,
  endsOn: `${nextYear()}-03-02`,
  expectedLeads: 10,
  expectedPipeline: 0,
  amount: 100_000,
  currency: 'USD',
});

async function requestOf(x: ExampleInput, approved: boolean) {
  const db = x.t.database.db;
  const budget = await budgetOf(x);
  const request = await createRequest(db, ownerCtx(x), requestBody(budget.id));
  return approved ? approveRequest(db, vendorCtx(x), request.id, { version: request.version }) : request;
}

async function claimOf(x: ExampleInput, withFile = false) {
  const db = x.t.database.db;
  const request = await requestOf(x, true);
  const claim = await createClaim(db, ownerCtx(x), { requestId: request.id, amount: 100_000, note: '' });
  return withFile ? addClaimFile(db, ownerCtx(x), claim.id, 'proof.pdf', Readable.from([pdf])) : claim;
}

async function accruedEntryOf(x: ExampleInput) {
  return addAdjustment(x.t.database.db, vendorCtx(x), {
    partnerId: x.owner.id,
    amount: 1_000,
    currency: 'USD',
    occurredOn: today(),
    explanation: 'Example adjustment',
  });
}

async function payoutBatchOf(x: ExampleInput) {
  const db = x.t.database.db;
  const entry = await accruedEntryOf(x);
  await approveEntries(db, vendorCtx(x), { entryIds: [entry.id] });
  return createPayoutBatch(db, vendorCtx(x), { currency: 'USD' });
}

const rebateParams = {
  kind: 'rebate' as const,
  tiers: [{ tierName: 'Gold', percent: '2', thresholdMinor: 0, accelerators: [] }],
};
const ruleOf = (x: ExampleInput) =>
  createRule(x.t.database.db, vendorCtx(x), {
    name: 'Example rebate',
    effectiveFrom: '2020-01-01',
    params: rebateParams,
  });

export const fundsExamples: Record<string, Example> = {
  'GET /api/v1/funds': () => ({}),
  'POST /api/v1/funds': () => ({
    body: {
      name: 'Q1 Gold MDF',
      fund: 'MDF',
      tierName: 'Gold',
      periodStart: `${nextYear()}-01-01`,
      periodEnd: `${nextYear()}-03-31`,
      currency: 'USD',
      amount: 10_000_000,
    },
  }),
  'GET /api/v1/funds/metrics': () => ({ query: 'from=2026-01-01&to=2027-01-01' }),
  'GET /api/v1/funds/{id}': async (x) => ({ params: { id: (await budgetOf(x)).id } }),
  'POST /api/v1/funds/{id}/allocations': async (x) => ({
    params: { id: (await budgetOf(x)).id },
    body: { method: 'manual', partnerId: x.owner.id, amount: 10_000_000 },
  }),
  'GET /api/v1/fund-allocations': () => ({}),
  'GET /api/v1/fund-requests': () => ({ query: 'status=submitted' }),
  'POST /api/v1/fund-requests': async (x) => ({ body: requestBody((await budgetOf(x)).id) }),
  'GET /api/v1/fund-requests/{id}': async (x) => ({ params: { id: (await requestOf(x, false)).id } }),
  'POST /api/v1/fund-requests/{id}/approve': async (x) => {
    const r = await requestOf(x, false);
    return { params: { id: r.id }, body: { version: r.version } };
  },
  'POST /api/v1/fund-requests/{id}/reject': async (x) => {
    const r = await requestOf(x, false);
    return { params: { id: r.id }, body: { version: r.version, reason: 'Not in the plan' } };
  },
  'POST /api/v1/fund-requests/{id}/deals': async (x) => {
    const r = await requestOf(x, true);
    const deal = await createDealRecord(x.t.database.db, {
      registeredByOrgId: x.owner.id,
      status: 'approved',
    });
    return { params: { id: r.id }, body: { dealId: deal.id } };
  },
  'POST /api/v1/fund-requests/{id}/leads': async (x) => {
    const r = await requestOf(x, true);
    const lead = await insertLeadRecord(x.t.database.db, {
      companyName: `Webinar attendee ${newId().slice(-6)}`,
      status: 'accepted',
      assignedOrgId: x.owner.id,
    });
    return { params: { id: r.id }, body: { leadId: lead.id } };
  },
  'GET /api/v1/fund-requests/{id}/return': async (x) => ({ params: { id: (await requestOf(x, true)).id } }),
  'GET /api/v1/claims': () => ({ query: 'status=submitted' }),
  'POST /api/v1/claims': async (x) => ({
    body: { requestId: (await requestOf(x, true)).id, amount: 100_000 },
  }),
  'GET /api/v1/claims/{id}': async (x) => ({ params: { id: (await claimOf(x)).id } }),
  'POST /api/v1/claims/{id}/files': async (x) => ({
    params: { id: (await claimOf(x)).id },
    query: 'fileName=invoice.pdf',
    body: pdf,
    headers: { 'content-type': 'application/pdf' },
  }),
  'GET /api/v1/claims/{id}/files/{fileId}': async (x) => {
    const claim = await claimOf(x, true);
    return { params: { id: claim.id, fileId: claim.files[0]!.id } };
  },
  'POST /api/v1/claims/{id}/approve': async (x) => {
    const c = await claimOf(x);
    return { params: { id: c.id }, body: { version: c.version, approvedAmount: 80_000, note: 'Partly' } };
  },
  'POST /api/v1/claims/{id}/reject': async (x) => {
    const c = await claimOf(x);
    return { params: { id: c.id }, body: { version: c.version, reason: 'No invoice' } };
  },
  'GET /api/v1/incentive-rules': () => ({}),
  'POST /api/v1/incentive-rules': () => ({
    body: { name: 'Gold rebate', effectiveFrom: '2026-01-01', params: rebateParams },
  }),
  'GET /api/v1/incentive-rules/{id}': async (x) => ({ params: { id: (await ruleOf(x)).id } }),
  'POST /api/v1/incentive-rules/{id}/versions': async (x) => {
    const rule = await ruleOf(x);
    return {
      params: { id: rule.id },
      body: { version: rule.version, effectiveFrom: `${nextYear()}-01-01`, params: rebateParams },
    };
  },
  'POST /api/v1/incentive-rules/{id}/run': async (x) => ({
    params: { id: (await ruleOf(x)).id },
    body: { quarter: '2025-Q4' },
  }),
  'GET /api/v1/ledger': () => ({ query: 'currency=USD' }),
  'GET /api/v1/ledger/summary': () => ({}),
  'POST /api/v1/ledger/approve': async (x) => ({ body: { entryIds: [(await accruedEntryOf(x)).id] } }),
  'POST /api/v1/ledger/adjustments': (x) => ({
    body: {
      partnerId: x.owner.id,
      amount: -500,
      currency: 'USD',
      occurredOn: today(),
      explanation: 'Correction',
    },
  }),
  'GET /api/v1/statements': (x) => ({
    query: `partnerId=${x.owner.id}&currency=USD&from=2026-01-01&to=${nextYear() + 1}-01-01`,
  }),
  'GET /api/v1/payout-batches': () => ({}),
  'POST /api/v1/payout-batches': async (x) => {
    const entry = await accruedEntryOf(x);
    await approveEntries(x.t.database.db, vendorCtx(x), { entryIds: [entry.id] });
    return { body: { currency: 'USD' } };
  },
  'GET /api/v1/payout-batches/{id}': async (x) => ({ params: { id: (await payoutBatchOf(x)).id } }),
  'GET /api/v1/payout-batches/{id}/export': async (x) => ({
    params: { id: (await payoutBatchOf(x)).id },
    query: 'format=csv',
  }),
  'POST /api/v1/payout-batches/{id}/payments': async (x) => {
    const b = await payoutBatchOf(x);
    return {
      params: { id: b.id },
      body: { version: b.version, payments: [{ partnerId: x.owner.id, status: 'paid', reference: 'ACH-1' }] },
    };
  },
  'POST /api/v1/payout-batches/{id}/payments/import': async (x) => {
    const b = await payoutBatchOf(x);
    return {
      params: { id: b.id },
      query: `version=${b.version}`,
      body: `partner_id,status,reference\n${x.owner.id},paid,ACH-2\n`,
      headers: { 'content-type': 'text/csv' },
    };
  },
};
