// Example requests of the account-mapping routes (spread into route-examples.ts). Each builds the records
// it names for its owner, so every example is a request the server accepts from that owner.
import { eq } from 'drizzle-orm';
import { blindKeys, randomScalar, toBase64Url } from '@partnergraph/shared/psi/psi';
import { rateLimitHits } from '../src/db/platform.tables';
import { findVendor } from '../src/modules/organizations/organizations.repository';
import {
  createLevelRequestRecord,
  createPopulationRecord,
  createRunRecord,
  vendorPartnershipRecord,
} from '../src/modules/mapping/mapping.records';
import type { TestApp } from './app';

interface Input {
  owner: { id: string };
  t: TestApp;
}

const unique = () => Math.random().toString(36).slice(2, 10);

async function partnershipOf(x: Input) {
  const vendor = (await findVendor(x.t.database.db))!;
  return vendorPartnershipRecord(x.t.database.db, vendor.id, x.owner.id);
}

const browserPopulation = (x: Input) =>
  createPopulationRecord(x.t.database.db, {
    organizationId: x.owner.id,
    name: `Customers ${unique()}`,
    source: 'browser',
    accountCount: 2,
  });

async function vendorPopulation(x: Input, source: 'upload' | 'won_deals' = 'upload') {
  const vendor = (await findVendor(x.t.database.db))!;
  return createPopulationRecord(x.t.database.db, {
    organizationId: vendor.id,
    name: `Vendor ${unique()}`,
    source,
    accounts: [{ name: 'Acme', domains: ['acme.com'] }],
  });
}

export const mappingExamples: Record<
  string,
  (x: Input) => Promise<Record<string, unknown>> | Record<string, unknown>
> = {
  'GET /api/v1/mapping/populations': () => ({}),
  'POST /api/v1/mapping/populations': () => ({
    body: { name: `Our customers ${unique()}`, kind: 'customers', source: 'browser', defaultLevel: 'counts' },
  }),
  'PATCH /api/v1/mapping/populations/{id}': async (x) => {
    const p = await browserPopulation(x);
    return {
      params: { id: p.id },
      body: { name: `Renamed ${unique()}`, accountCount: 3, version: p.version },
    };
  },
  'GET /api/v1/mapping/populations/{id}/accounts': async (x) => ({
    params: { id: (await browserPopulation(x)).id },
  }),
  'PUT /api/v1/mapping/populations/{id}/accounts': async (x) => {
    const p = await vendorPopulation(x);
    return {
      params: { id: p.id },
      body: {
        version: p.version,
        accounts: [{ name: 'Globex', domains: ['globex.de'], fields: { owner: 'Bo' } }],
      },
    };
  },
  'POST /api/v1/mapping/populations/{id}/refresh': async (x) => ({
    params: { id: (await vendorPopulation(x, 'won_deals')).id },
  }),
  'GET /api/v1/mapping/partnerships': () => ({}),
  'POST /api/v1/mapping/partnerships': () => ({ body: {} }),
  'GET /api/v1/mapping/partnerships/{id}': async (x) => ({ params: { id: (await partnershipOf(x)).id } }),
  'PUT /api/v1/mapping/partnerships/{id}/levels/{populationId}': async (x) => ({
    params: { id: (await partnershipOf(x)).id, populationId: (await browserPopulation(x)).id },
    body: { level: 'overlaps', sharedFields: ['name'] },
  }),
  'GET /api/v1/mapping/partnerships/{id}/requests': async (x) => ({
    params: { id: (await partnershipOf(x)).id },
  }),
  'POST /api/v1/mapping/partnerships/{id}/requests': async (x) => ({
    params: { id: (await partnershipOf(x)).id },
    body: {
      populationId: (await vendorPopulation(x)).id,
      requestedLevel: 'overlaps',
      message: 'Our pipeline overlaps',
    },
  }),
  'POST /api/v1/mapping/requests/{id}/answer': async (x) => {
    const p = await partnershipOf(x);
    const r = await createLevelRequestRecord(x.t.database.db, {
      partnershipId: p.id,
      populationId: (await browserPopulation(x)).id,
      requesterOrgId: p.orgAId,
      requestedLevel: 'overlaps',
    });
    return { params: { id: r.id }, body: { grant: true } };
  },
  'GET /api/v1/mapping/partnerships/{id}/runs': async (x) => ({
    params: { id: (await partnershipOf(x)).id },
  }),
  'POST /api/v1/mapping/runs': async (x) => {
    // Examples start many runs: the daily limit is tested in mapping.test.ts, not tripped here.
    await x.t.database.db.delete(rateLimitHits).where(eq(rateLimitHits.bucket, 'mapping.run'));
    return { body: { partnershipId: (await partnershipOf(x)).id } };
  },
  'GET /api/v1/mapping/runs/{id}': async (x) => {
    const p = await partnershipOf(x);
    return {
      params: {
        id: (await createRunRecord(x.t.database.db, { partnershipId: p.id, initiatorOrgId: x.owner.id })).id,
      },
    };
  },
  'POST /api/v1/mapping/runs/{id}/points': async (x) => {
    const p = await partnershipOf(x);
    const pop = await browserPopulation(x);
    const run = await createRunRecord(x.t.database.db, { partnershipId: p.id, initiatorOrgId: x.owner.id });
    return {
      params: { id: run.id },
      body: {
        runId: run.id,
        round: 1,
        sets: [
          { populationId: pop.id, points: toBase64Url(blindKeys(['acme.com', 'globex.de'], randomScalar())) },
        ],
      },
    };
  },
  'POST /api/v1/mapping/runs/{id}/results': async (x) => {
    const p = await partnershipOf(x);
    const run = await createRunRecord(x.t.database.db, {
      partnershipId: p.id,
      initiatorOrgId: x.owner.id,
      status: 'answered',
      answered: [],
    });
    return { params: { id: run.id }, body: { runId: run.id, round: 3, results: [] } };
  },
  'GET /api/v1/mapping/partnerships/{id}/matrix': async (x) => ({
    params: { id: (await partnershipOf(x)).id },
  }),
  'GET /api/v1/mapping/partnerships/{id}/overlaps': async (x) => ({
    params: { id: (await partnershipOf(x)).id },
  }),
  'GET /api/v1/mapping/partnerships/{id}/overlaps.csv': async (x) => ({
    params: { id: (await partnershipOf(x)).id },
  }),
  'POST /api/v1/mapping/partnerships/{id}/intros': async (x) => ({
    params: { id: (await partnershipOf(x)).id },
    body: {
      companyName: 'Acme',
      companyDomain: 'acme.com',
      contactName: 'Pat Buyer',
      contactEmail: 'pat@acme.com',
      need: 'An intro to the IT lead',
    },
  }),
};
