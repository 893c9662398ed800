import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { createDealRecord, createFxRateRecord } from '../src/seed/factories';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

// Custom vendor populations: a filter over the vendor's deals, on a hand-built set of deals whose
// matching domains are known.
let t: TestApp;
let e: Ecosystem;
let vendor: Session;
let partner: Session;

const api = () => as(t.app, vendor);
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  e = await buildEcosystem(db);
  vendor = await signIn(t.app, e.admin.email, PASSWORD);
  partner = await signIn(t.app, e.aAdmin.email, PASSWORD);
  // 1 EUR = 1.10 USD (the reporting currency) today.
  await createFxRateRecord(db, { currency: 'EUR', rate: '1.10', effectiveDate: today });
  const deal = (x: Parameters<typeof createDealRecord>[1]) => createDealRecord(db, x);
  // Alpha is a reseller and MSP, Beta an ISV (test/ecosystem.ts).
  await deal({
    registeredByOrgId: e.partnerA.id,
    customerName: 'Acme',
    customerDomain: 'https://www.acme-f.com',
    status: 'approved',
    stage: 'proposal',
    industry: '51',
    country: 'DE',
    amount: 500000,
    currency: 'USD',
  });
  await deal({
    registeredByOrgId: e.partnerB.id,
    customerName: 'Globex',
    customerDomain: 'globex-f.de',
    status: 'registered',
    stage: 'discovery',
    industry: '52',
    country: 'FR',
    amount: 300000,
    currency: 'EUR',
  });
  await deal({
    registeredByOrgId: e.vendor.id,
    vendorRecorded: true,
    customerName: 'Initech',
    customerDomain: 'initech-f.com',
    status: 'won',
    industry: '51',
    country: 'US',
    amount: 800000,
    currency: 'USD',
  });
  await deal({
    registeredByOrgId: e.partnerA.id,
    customerName: 'Hooli',
    customerDomain: 'hooli-f.com',
    status: 'approved',
    stage: 'proposal',
    industry: '51',
    country: 'DE',
    amount: 50000,
    currency: 'USD',
  });
  await deal({
    registeredByOrgId: e.partnerB.id,
    customerName: 'Umbrella',
    customerDomain: 'umbrella-f.org',
    status: 'lost',
    industry: '51',
    country: 'FR',
    amount: 900000,
    currency: 'EUR',
  });
});
afterAll(() => t?.close());

let seq = 0;
async function create(filter: unknown) {
  const res = await api().post('/api/v1/mapping/populations', {
    name: `Filtered ${++seq}`,
    kind: 'custom',
    source: 'deal_filter',
    filter,
  });
  return res;
}

async function domainsOf(id: string) {
  const res = await api().get(`/api/v1/mapping/populations/${id}/accounts`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { domains: string[] }[]).flatMap((a) => a.domains).sort();
}

describe('a population defined by a deal filter', () => {
  it.each([
    [{ statuses: ['registered', 'approved'] }, ['acme-f.com', 'globex-f.de', 'hooli-f.com']],
    [{ statuses: ['registered', 'approved'], industries: ['51'] }, ['acme-f.com', 'hooli-f.com']],
    [
      { statuses: ['approved', 'won'], countries: ['de', 'US'] },
      ['acme-f.com', 'hooli-f.com', 'initech-f.com'],
    ],
    [{ statuses: ['registered', 'approved'], stages: ['discovery'] }, ['globex-f.de']],
    // 300,000 EUR is 330,000 USD today; 50,000 USD falls short.
    [
      { statuses: ['registered', 'approved'], amount: { currency: 'USD', min: 300000 } },
      ['acme-f.com', 'globex-f.de'],
    ],
    // 500,000 USD is 454,545 EUR, over the maximum; 50,000 USD is 45,455 EUR.
    [
      { statuses: ['registered', 'approved'], amount: { currency: 'EUR', max: 400000 } },
      ['globex-f.de', 'hooli-f.com'],
    ],
    [
      { statuses: ['registered', 'approved', 'won', 'lost'], partnerTypes: ['isv'] },
      ['globex-f.de', 'umbrella-f.org'],
    ],
    // A vendor-recorded deal has no registering partner, so no partner type.
    [{ statuses: ['won'], partnerTypes: ['reseller'] }, []],
    [
      { statuses: ['lost', 'won'], amount: { currency: 'USD', min: 800000, max: 990000 } },
      ['initech-f.com', 'umbrella-f.org'],
    ],
  ])('%j has the accounts %j', async (filter, expected) => {
    const res = await create(filter);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'deal_filter', accountCount: expected.length });
    expect(res.json().filter.statuses).toEqual(filter.statuses);
    expect(await domainsOf(res.json().id)).toEqual(expected);
  });

  it('keeps the filter with the population, rebuilds on a new filter and on refresh', async () => {
    const res = await create({ statuses: ['approved'], countries: ['DE'] });
    const id = res.json().id;
    expect(await domainsOf(id)).toEqual(['acme-f.com', 'hooli-f.com']);
    const listed = (await api().get('/api/v1/mapping/populations')).json();
    expect(listed.items.find((p: { id: string }) => p.id === id).filter).toEqual({
      statuses: ['approved'],
      countries: ['DE'],
    });

    const changed = await api().patch(`/api/v1/mapping/populations/${id}`, {
      version: res.json().version,
      filter: { statuses: ['approved', 'registered'], countries: ['FR'] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ accountCount: 1, filter: { countries: ['FR'] } });
    expect(await domainsOf(id)).toEqual(['globex-f.de']);

    await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      customerName: 'Soylent',
      customerDomain: 'soylent-f.fr',
      status: 'approved',
      country: 'FR',
    });
    const refreshed = await api().post(`/api/v1/mapping/populations/${id}/refresh`, {});
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(await domainsOf(id)).toEqual(['globex-f.de', 'soylent-f.fr']);

    const audit = (await api().get(`/api/v1/audit-log?entityType=mapping_population&entityId=${id}`)).json();
    const updated = audit.items.find(
      (a: { action: string; entityId: string }) =>
        a.action === 'mapping.population.updated' && a.entityId === id,
    );
    expect(updated?.after?.filter).toMatchObject({ countries: ['FR'] });
  });

  it('names the field of a filter it refuses', async () => {
    const cases: [unknown, string][] = [
      [undefined, 'body.filter'],
      [{}, 'body.filter.statuses'],
      [{ statuses: ['open'] }, 'body.filter.statuses.0'],
      [{ statuses: ['won'], stages: ['closing'] }, 'body.filter.stages.0'],
      [{ statuses: ['won'], industries: ['99'] }, 'body.filter.industries.0'],
      [{ statuses: ['won'], countries: ['XX'] }, 'body.filter.countries.0'],
      [{ statuses: ['won'], partnerTypes: ['no_such_type'] }, 'body.filter.partnerTypes.0'],
      [{ statuses: ['won'], amount: { currency: 'USD', min: 10, max: 5 } }, 'body.filter.amount.max'],
      [{ statuses: ['won'], amount: { currency: 'USD' } }, 'body.filter.amount.min'],
      [{ statuses: ['won'], amount: { currency: 'ISK', min: 1 } }, 'body.filter.amount.currency'],
      [{ statuses: ['won'], owner: 'me' }, 'body.filter.owner'],
    ];
    for (const [filter, path] of cases) {
      const res = await create(filter);
      expect(res.statusCode, JSON.stringify(filter)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(
        res.json().errors.map((x: { path: string }) => x.path),
        JSON.stringify(filter),
      ).toContain(path);
    }
    const upload = await api().post('/api/v1/mapping/populations', {
      name: 'Uploaded with a filter',
      kind: 'customers',
      source: 'upload',
      filter: { statuses: ['won'] },
    });
    expect(upload.statusCode).toBe(400);
    expect(upload.json().errors[0].path).toBe('body.filter');

    const plain = await api().post('/api/v1/mapping/populations', {
      name: 'Plain upload',
      kind: 'customers',
      source: 'upload',
    });
    const patched = await api().patch(`/api/v1/mapping/populations/${plain.json().id}`, {
      version: plain.json().version,
      filter: { statuses: ['won'] },
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().errors[0].path).toBe('body.filter');
  });

  it("is the vendor's: a partner's accounts stay in its browser", async () => {
    const res = await as(t.app, partner).post('/api/v1/mapping/populations', {
      name: 'Partner filter',
      kind: 'custom',
      source: 'deal_filter',
      filter: { statuses: ['won'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.source');
  });
});
