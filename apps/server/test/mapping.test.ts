import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { blindKeys, randomScalar, toBase64Url } from '@partnergraph/shared/psi/psi';
import { psiPool } from '../src/modules/mapping/psi-worker/psi-pool';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { createDealRecord, createFxRateRecord } from '../src/seed/factories';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { mapAsPartner, partnerAccount } from './mapping-helpers';

// The journey on a small hand-built ecosystem: the vendor's customers and open opportunities, a
// partner's customers in its "browser" (this test, through the shared protocol code), counts at "counts",
// matched accounts with shared fields at "overlaps", and what the server must never hold.
let t: TestApp;
let e: Ecosystem;
let vendor: Session;
let partner: Session;
let partnerUser: Session;
let other: Session;
let partnershipId: string;
let customersId: string;
let openId: string;
let oursId: string;

const vendorApi = () => as(t.app, vendor);
const partnerApi = () => as(t.app, partner);

const ours = [
  partnerAccount('Acme Corp', ['https://www.acme.com'], { industry: 'Retail', owner: 'Pat' }),
  partnerAccount('Globex', ['sales.globex.de'], { industry: 'Energy' }),
  partnerAccount('Initech', ['initech.com', 'initech.co.uk'], { industry: 'Software' }),
  // Never matched: no trace of these may reach the server.
  partnerAccount('Wayne Enterprises', ['wayne-enterprises-unmatched.com']),
  partnerAccount('Cyberdyne', ['cyberdyne-unmatched.io']),
];
const unmatched = ['wayne-enterprises-unmatched', 'cyberdyne-unmatched', 'Wayne Enterprises', 'Cyberdyne'];

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  vendor = await signIn(t.app, e.admin.email, PASSWORD);
  partner = await signIn(t.app, e.aAdmin.email, PASSWORD);
  partnerUser = await signIn(t.app, e.aUser.email, PASSWORD);
  other = await signIn(t.app, e.bAdmin.email, PASSWORD);

  const customers = await vendorApi().post('/api/v1/mapping/populations', {
    name: 'Customers',
    kind: 'customers',
    source: 'upload',
    defaultLevel: 'counts',
    sharedFields: ['name', 'owner'],
  });
  expect(customers.statusCode).toBe(201);
  customersId = customers.json().id;
  const uploaded = await vendorApi().put(`/api/v1/mapping/populations/${customersId}/accounts`, {
    version: customers.json().version,
    accounts: [
      { name: 'Acme', domains: ['acme.com', 'acme.co.uk'], fields: { owner: 'Ana', amount: '900000 USD' } },
      { name: 'Globex GmbH', domains: ['globex.de'], fields: { owner: 'Bo' } },
      { name: 'Initech', domains: ['www.initech.com'], fields: { owner: 'Cy' } },
      { name: 'Hooli', domains: ['hooli.com'], fields: { owner: 'Di' } },
      { name: 'Umbrella', domains: ['umbrella.org'], fields: { owner: 'Ed' } },
    ],
  });
  expect(uploaded.statusCode, uploaded.body).toBe(200);
  expect(uploaded.json().accountCount).toBe(5);

  const open = await vendorApi().post('/api/v1/mapping/populations', {
    name: 'Open opportunities',
    kind: 'open_opportunities',
    source: 'upload',
    defaultLevel: 'counts',
  });
  openId = open.json().id;
  await vendorApi().put(`/api/v1/mapping/populations/${openId}/accounts`, {
    version: open.json().version,
    accounts: [
      { name: 'Hooli', domains: ['hooli.com'] },
      { name: 'Acme', domains: ['acme.com'] },
    ],
  });

  const joined = await partnerApi().post('/api/v1/mapping/partnerships', {});
  expect(joined.statusCode, joined.body).toBe(200);
  expect(joined.json()).toMatchObject({ status: 'active', kind: 'vendor_partner' });
  partnershipId = joined.json().id;
  const mine = await partnerApi().post('/api/v1/mapping/populations', {
    name: 'Our customers',
    kind: 'customers',
    source: 'browser',
    defaultLevel: 'counts',
    sharedFields: ['name', 'industry'],
  });
  expect(mine.statusCode, mine.body).toBe(201);
  oursId = mine.json().id;
  await partnerApi().patch(`/api/v1/mapping/populations/${oursId}`, {
    accountCount: ours.length,
    version: mine.json().version,
  });
});
afterAll(() => t?.close());

describe('populations', () => {
  it("keeps a partner's accounts off the server, and the vendor's as registrable domains", async () => {
    const res = await partnerApi().post('/api/v1/mapping/populations', {
      name: 'Uploaded',
      kind: 'customers',
      source: 'upload',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.source');
    const accounts = (await vendorApi().get(`/api/v1/mapping/populations/${customersId}/accounts`)).json();
    expect(accounts.items.find((a: { name: string }) => a.name === 'Initech').domains).toEqual([
      'initech.com',
    ]);
    const bad = await vendorApi().put(`/api/v1/mapping/populations/${openId}/accounts`, {
      version: 99,
      accounts: [{ name: 'Nowhere', domains: ['not a domain'] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.accounts.0.domains');
  });
});

describe('a run at "counts"', () => {
  it('gives both sides the same counts, small ones as "fewer than 3", and no accounts', async () => {
    const { outcomes } = await mapAsPartner(t, partnerUser, partnershipId, { [oursId]: ours });
    const vsCustomers = outcomes.find((o) => o.againstPopulationId === customersId)!;
    expect(vsCustomers.count).toBe(3);
    expect(vsCustomers.matches).toBeNull();

    for (const s of [vendor, partner]) {
      const matrix = (await as(t.app, s).get(`/api/v1/mapping/partnerships/${partnershipId}/matrix`)).json();
      const cell = (id: string) =>
        matrix.cells.find((c: { responderPopulationId: string }) => c.responderPopulationId === id);
      expect(cell(customersId)).toMatchObject({
        count: 3,
        shown: '3',
        initiatorPopulationName: 'Our customers',
      });
      expect(cell(openId)).toMatchObject({ count: null, shown: 'fewer than 3' });
    }
    const overlaps = (await vendorApi().get(`/api/v1/mapping/partnerships/${partnershipId}/overlaps`)).json();
    expect(overlaps.items).toEqual([]);
  });

  it('is in both sides’ run history', async () => {
    for (const s of [vendor, partner]) {
      const runs = (await as(t.app, s).get(`/api/v1/mapping/partnerships/${partnershipId}/runs`)).json();
      expect(runs.items[0]).toMatchObject({ status: 'finished', startedBy: e.aUser.name });
    }
  });
});

describe('a run at "overlaps"', () => {
  it('shows the partner the matched accounts with the vendor’s shared fields, and the vendor what the partner shared', async () => {
    // The vendor shares its customers' overlaps with this partner; the partner discloses its own.
    const v = await vendorApi().put(`/api/v1/mapping/partnerships/${partnershipId}/levels/${customersId}`, {
      level: 'overlaps',
    });
    expect(v.statusCode, v.body).toBe(200);
    const p = await partnerApi().put(`/api/v1/mapping/partnerships/${partnershipId}/levels/${oursId}`, {
      level: 'overlaps',
      sharedFields: ['name', 'industry'],
    });
    expect(p.json().mine[0]).toMatchObject({ level: 'overlaps', overridden: true });

    const { outcomes } = await mapAsPartner(t, partnerUser, partnershipId, { [oursId]: ours });
    const matches = outcomes.find((o) => o.againstPopulationId === customersId)!.matches!;
    expect(matches.map((m) => [m.account.fields.name, m.theirFields]).sort()).toEqual([
      ['Acme Corp', { name: 'Acme', owner: 'Ana' }],
      ['Globex', { name: 'Globex GmbH', owner: 'Bo' }],
      ['Initech', { name: 'Initech', owner: 'Cy' }],
    ]);
    // The open opportunities stay at counts: no order, no accounts.
    expect(outcomes.find((o) => o.againstPopulationId === openId)!.matches).toBeNull();

    const seenByVendor = (
      await vendorApi().get(`/api/v1/mapping/partnerships/${partnershipId}/overlaps`)
    ).json();
    expect(
      seenByVendor.items
        .filter((o: { responderPopulationId: string }) => o.responderPopulationId === customersId)
        .map((o: { account: { name: string }; partnerFields: object }) => [o.account.name, o.partnerFields]),
    ).toEqual([
      ['Acme', { name: 'Acme Corp', industry: 'Retail' }],
      ['Globex GmbH', { name: 'Globex', industry: 'Energy' }],
      ['Initech', { name: 'Initech', industry: 'Software' }],
    ]);
    const seenByPartner = (
      await partnerApi().get(`/api/v1/mapping/partnerships/${partnershipId}/overlaps`)
    ).json();
    const acme = seenByPartner.items.find(
      (o: { account: { name: string }; responderPopulationId: string }) =>
        o.account.name === 'Acme' && o.responderPopulationId === customersId,
    );
    // Only the fields the vendor shares: its owner, not the amount.
    expect(acme.account.fields).toEqual({ name: 'Acme', owner: 'Ana' });
    // Overlaps with a population the vendor shares at counts show no vendor fields to the partner.
    const hidden = seenByPartner.items.find(
      (o: { responderPopulationId: string }) => o.responderPopulationId === openId,
    );
    expect(hidden.account).toEqual({ name: null, domains: [], fields: {} });

    // The metrics: counts by pair per partner; Acme is an open opportunity the partner disclosed it knows.
    const metrics = (await vendorApi().get('/api/v1/mapping/metrics')).json();
    expect(metrics.openOpportunitiesWithPartnerOverlap).toBe(1);
    expect(metrics.partners[0].pairs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ responderPopulation: 'Customers', responderKind: 'customers', count: 3 }),
        expect.objectContaining({
          responderPopulation: 'Open opportunities',
          count: null,
          shown: 'fewer than 3',
        }),
      ]),
    );

    // Before any deal: no open pipeline at those accounts, and a partner has no amount at all.
    expect(metrics.openPipelineWithPartnerOverlap).toMatchObject({ deals: 0, byCurrency: [], total: null });
    expect(
      (await partnerApi().get('/api/v1/mapping/metrics')).json().openPipelineWithPartnerOverlap,
    ).toBeNull();

    // The open pipeline at the disclosed account (acme.com): $1,000.00 approved and ¥150,000 registered
    // (at 0.007 = $1,050.00). Not the won Acme deal, nor Hooli's open deal (no overlap was disclosed).
    const db = t.database.db;
    await createFxRateRecord(db, { currency: 'JPY', rate: '0.0070', effectiveDate: '2020-01-01' });
    const deal = (x: Parameters<typeof createDealRecord>[1]) => createDealRecord(db, x);
    await deal({
      registeredByOrgId: e.partnerA.id,
      customerDomain: 'acme.com',
      status: 'approved',
      amount: 100000,
      currency: 'USD',
    });
    await deal({
      registeredByOrgId: e.partnerB.id,
      customerDomain: 'www.acme.com',
      status: 'registered',
      amount: 150000,
      currency: 'JPY',
    });
    await deal({
      registeredByOrgId: e.partnerA.id,
      customerDomain: 'acme.com',
      status: 'won',
      amount: 500000,
      currency: 'USD',
      closeDate: '2026-01-15',
    });
    await deal({
      registeredByOrgId: e.partnerA.id,
      customerDomain: 'hooli.com',
      status: 'approved',
      amount: 70000,
      currency: 'USD',
    });
    const withDeals = (await vendorApi().get('/api/v1/mapping/metrics')).json();
    expect(withDeals.openPipelineWithPartnerOverlap).toMatchObject({
      currency: 'USD',
      deals: 2,
      byCurrency: [
        { currency: 'JPY', amount: 150000, deals: 1 },
        { currency: 'USD', amount: 100000, deals: 1 },
      ],
      total: 205000,
    });

    // On the partner's scorecard: the one open account it disclosed and the pipeline there, for the vendor;
    // the partner reading its own card sees neither, and a partner without a run has no figure.
    const card = (await vendorApi().get(`/api/v1/analytics/partners/${e.partnerA.id}/scorecard`)).json();
    expect(card.mapping).toEqual({ openAccountsWithOverlap: 1, openPipelineWithOverlap: { value: 205000 } });
    const cardCsv = await vendorApi().get(
      `/api/v1/analytics/partners/${e.partnerA.id}/scorecard?format=csv&section=mapping`,
    );
    expect(cardCsv.body).toContain('open_pipeline_with_overlap');
    const ownCard = (await partnerApi().get(`/api/v1/analytics/partners/${e.partnerA.id}/scorecard`)).json();
    expect(ownCard.mapping).toBeNull();
    const otherCard = (await vendorApi().get(`/api/v1/analytics/partners/${e.partnerB.id}/scorecard`)).json();
    expect(otherCard.mapping.openPipelineWithOverlap).toEqual({
      value: null,
      reason: 'No finished account mapping run with this partner',
    });

    // The vendor's recommendations: the partner that disclosed it knows Acme, with that reason; nobody else
    // (the other partner has no run, and counts alone name no account).
    const recs = await vendorApi().get('/api/v1/recommendations');
    expect(recs.statusCode, recs.body).toBe(200);
    expect(recs.json().items).toEqual([
      expect.objectContaining({
        organizationId: e.partnerA.id,
        reasons: ['Knows one of the customers in your open pipeline (2 open deals)'],
      }),
    ]);
    // A partner's recommendations stay the marketplace's: nothing from the vendor's pipeline.
    const partnerRecs = (await partnerApi().get('/api/v1/recommendations')).json();
    expect(JSON.stringify(partnerRecs)).not.toContain('open pipeline');

    const csv = await vendorApi().get(`/api/v1/mapping/partnerships/${partnershipId}/overlaps.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Globex GmbH');
    expect(csv.body.split('\r\n')[0]).toContain('partner_industry');
  });

  it('stores no trace of the partner’s unmatched accounts in any table', async () => {
    const tables = await t.database.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
    );
    expect(tables.rows.length).toBeGreaterThan(30);
    for (const { table_name } of tables.rows) {
      for (const needle of unmatched) {
        const found = await t.database.db.execute<{ n: number }>(
          sql`select count(*)::int as n from ${sql.identifier(table_name)} x where x::text ilike ${'%' + needle + '%'}`,
        );
        expect(found.rows[0]!.n, `${needle} in ${table_name}`).toBe(0);
      }
    }
  });
});

describe('bad messages and other partners', () => {
  async function freshRun() {
    const res = await as(t.app, partnerUser).post('/api/v1/mapping/runs', { partnershipId });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  const points = (n: number) =>
    toBase64Url(
      blindKeys(
        Array.from({ length: n }, (_, i) => `d${i}.com`),
        randomScalar(),
      ),
    );

  it('names the field of a point of the wrong size or not on the curve', async () => {
    const id = await freshRun();
    const send = (p: string) =>
      as(t.app, partnerUser).post(`/api/v1/mapping/runs/${id}/points`, {
        runId: id,
        round: 1,
        sets: [{ populationId: oursId, points: p }],
      });
    const short = await send(toBase64Url(new Uint8Array(31)));
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([
      { path: 'body.sets.0.points', message: expect.stringContaining('32-byte') },
    ]);
    const offCurve = await send(toBase64Url(new Uint8Array(64).fill(0xff)));
    expect(offCurve.json().errors[0]).toEqual({
      path: 'body.sets.0.points',
      message: 'point 0 is not a valid ristretto255 encoding',
    });
    // Nothing was half-done: the run still waits for round 1 and answers a good message.
    const good = await send(points(2));
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().round).toBe(2);
  });

  it('refuses a message of another run, one out of turn, and a run over the size limit', async () => {
    const first = await freshRun();
    const second = await freshRun();
    const replay = await as(t.app, partnerUser).post(`/api/v1/mapping/runs/${second}/points`, {
      runId: first,
      round: 1,
      sets: [{ populationId: oursId, points: points(1) }],
    });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().errors[0].path).toBe('body.runId');
    const early = await as(t.app, partnerUser).post(`/api/v1/mapping/runs/${second}/results`, {
      runId: second,
      round: 3,
      results: [],
    });
    expect(early.statusCode).toBe(409);
    const huge = await as(t.app, partnerUser).post(`/api/v1/mapping/runs/${second}/points`, {
      runId: second,
      round: 1,
      sets: [{ populationId: oursId, points: 'A'.repeat(4_300_000) }],
    });
    expect(huge.statusCode).toBe(413);
  });

  it('refuses matches from a population whose level shares counts only', async () => {
    await partnerApi().put(`/api/v1/mapping/partnerships/${partnershipId}/levels/${oursId}`, { level: null });
    const id = await freshRun();
    const answer = await as(t.app, partnerUser).post(`/api/v1/mapping/runs/${id}/points`, {
      runId: id,
      round: 1,
      sets: [{ populationId: oursId, points: points(2) }],
    });
    expect(answer.statusCode).toBe(200);
    const res = await as(t.app, partnerUser).post(`/api/v1/mapping/runs/${id}/results`, {
      runId: id,
      round: 3,
      results: [
        {
          populationId: oursId,
          againstPopulationId: customersId,
          count: 1,
          matches: [{ responderAccount: 0 }],
        },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.results.0.matches');
  });

  it("answers 404 to another partner for this partnership's runs and blinded sets", async () => {
    const id = await freshRun();
    const api = as(t.app, other);
    expect((await api.get(`/api/v1/mapping/runs/${id}`)).statusCode).toBe(404);
    expect((await api.get(`/api/v1/mapping/partnerships/${partnershipId}/matrix`)).statusCode).toBe(404);
    const stolen = await as(t.app, await signIn(t.app, e.bUser.email, PASSWORD)).post(
      `/api/v1/mapping/runs/${id}/points`,
      {
        runId: id,
        round: 1,
        sets: [{ populationId: oursId, points: points(1) }],
      },
    );
    expect(stolen.statusCode).toBe(404);
  });

  it('computes its half of a big run on a worker thread, answering other requests meanwhile', async () => {
    const runId = await freshRun();
    const big = points(300);
    const finished: string[] = [];
    const run = as(t.app, partnerUser)
      .post(`/api/v1/mapping/runs/${runId}/points`, {
        runId,
        round: 1,
        sets: [{ populationId: oursId, points: big }],
      })
      .then((res) => {
        finished.push('run');
        return res;
      });
    // Once the run's curve work is on a thread, another user's request is served before it finishes.
    await vi.waitFor(() => expect(psiPool().stats().running).toBeGreaterThan(0), {
      timeout: 20_000,
      interval: 2,
    });
    const other = await vendorApi().get('/api/v1/mapping/populations');
    finished.push('other');
    expect(other.statusCode).toBe(200);
    const answered = await run;
    expect(answered.statusCode, answered.body).toBe(200);
    expect(finished).toEqual(['other', 'run']);
    // The answer is whole: every vendor population shared at counts evaluated all 300 points.
    const responses = answered.json().responses as { evaluated: { points: string }[] }[];
    expect(responses.length).toBeGreaterThan(0);
    for (const r of responses) expect(r.evaluated[0]!.points).toHaveLength(big.length);
  });

  it('limits runs per partnership per day', async () => {
    let last = 0;
    for (let i = 0; i < 25 && last !== 429; i++)
      last = (await as(t.app, partnerUser).post('/api/v1/mapping/runs', { partnershipId })).statusCode;
    expect(last).toBe(429);
  });
});

describe('ask for an intro', () => {
  it('sends the vendor a referral of the overlapping company', async () => {
    const res = await as(t.app, partnerUser).post(`/api/v1/mapping/partnerships/${partnershipId}/intros`, {
      companyName: 'Acme',
      companyDomain: 'acme.com',
      contactName: 'Pat Buyer',
      contactEmail: 'pat@acme.com',
      need: 'We both serve Acme: an intro to their IT lead for the renewal',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ company: { name: 'Acme' }, toVendor: true, status: 'submitted' });
    const inbox = (await vendorApi().get('/api/v1/referrals?box=inbox')).json();
    expect(inbox.items.some((r: { id: string }) => r.id === res.json().id)).toBe(true);
  });
});
