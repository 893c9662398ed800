// Example requests of the account-mapping routes (spread into route-examples.ts). Each builds the records
// it names for its owner, so every example is a request the server accepts from that owner.
import { eq } from 'drizzle-orm';
import { blindKeys, randomScalar, toBase64Url } from '@partnergraph/shared/psi/psi';
import { tagOwnAccounts } from '@partnergraph/shared/psi/protocol';
import { rateLimitHits } from '../src/db/platform.tables';
import { findVendor } from '../src/modules/organizations/organizations.repository';
import { createDealRecord, createPartnerOrganization } from '../src/seed/factories';
import {
  createDisclosedOverlapRecord,
  createLevelRequestRecord,
  createRunMessageRecord,
  peerPartnershipRecord,
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
// Each finished run an example makes is the partnership's latest (its overlaps are the ones read).
let exampleRuns = 1;

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

/** Another partner started a run with the owner; round 1 waits in the mailbox for the owner's browser. */
async function peerRunAwaitingOwner(x: Input) {
  const db = x.t.database.db;
  const initiator = await createPartnerOrganization(db, {
    name: `Peer ${unique()}`,
    types: ['isv'],
    country: 'DE',
  });
  const p = await peerPartnershipRecord(db, initiator.id, x.owner.id);
  const theirs = await createPopulationRecord(db, {
    organizationId: initiator.id,
    name: 'Their customers',
    source: 'browser',
    accountCount: 2,
  });
  const run = await createRunRecord(db, {
    partnershipId: p.id,
    initiatorOrgId: initiator.id,
    status: 'awaiting_response',
  });
  const points = toBase64Url(blindKeys(['acme.com', 'globex.de'], randomScalar()));
  await createRunMessageRecord(db, run.id, 1, {
    runId: run.id,
    round: 1,
    sets: [{ populationId: theirs.id, points }],
  });
  return { run, theirs };
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
  'GET /api/v1/mapping/metrics': () => ({}),
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
  'GET /api/v1/mapping/runs/{id}/request': async (x) => ({
    params: { id: (await peerRunAwaitingOwner(x)).run.id },
  }),
  'POST /api/v1/mapping/runs/{id}/answer': async (x) => {
    const { run, theirs } = await peerRunAwaitingOwner(x);
    const mine = await browserPopulation(x);
    const b = randomScalar();
    const own = await tagOwnAccounts([{ keys: ['acme.com'], fields: {} }], b, run.id, null);
    return {
      params: { id: run.id },
      body: {
        runId: run.id,
        round: 2,
        responses: [
          {
            populationId: mine.id,
            level: 'counts',
            ordered: false,
            tags: toBase64Url(own.tags),
            owners: own.owners,
            sealed: null,
            evaluated: [{ populationId: theirs.id, points: toBase64Url(blindKeys(['x.com', 'y.com'], b)) }],
          },
        ],
      },
    };
  },
  'GET /api/v1/mapping/runs/{id}/answer': async (x) => {
    const db = x.t.database.db;
    const other = await createPartnerOrganization(db, {
      name: `Peer ${unique()}`,
      types: ['isv'],
      country: 'DE',
    });
    const p = await peerPartnershipRecord(db, x.owner.id, other.id);
    const run = await createRunRecord(db, {
      partnershipId: p.id,
      initiatorOrgId: x.owner.id,
      status: 'answered',
      answered: [],
    });
    await createRunMessageRecord(db, run.id, 2, { runId: run.id, round: 2, responses: [] });
    return { params: { id: run.id } };
  },
  'GET /api/v1/mapping/runs/{id}/reverse': async (x) => {
    // The owner answered another partner's run, which that partner has finished with a reverse answer.
    const db = x.t.database.db;
    const other = await createPartnerOrganization(db, {
      name: `Peer ${unique()}`,
      types: ['isv'],
      country: 'DE',
    });
    const p = await peerPartnershipRecord(db, x.owner.id, other.id);
    const run = await createRunRecord(db, {
      partnershipId: p.id,
      initiatorOrgId: other.id,
      status: 'finished',
      answered: [],
    });
    await createRunMessageRecord(db, run.id, 3, { runId: run.id, round: 2, responses: [] });
    return { params: { id: run.id } };
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
  'POST /api/v1/mapping/partnerships/{id}/overlaps/{overlapId}/involvement': async (x) => {
    // The vendor disclosed an open opportunity the owner knows, where the vendor has an open deal.
    const db = x.t.database.db;
    const vendor = (await findVendor(db))!;
    const p = await partnershipOf(x);
    const domain = `open-${unique()}.com`;
    const open = await createPopulationRecord(db, {
      organizationId: vendor.id,
      name: `Open ${unique()}`,
      kind: 'open_opportunities',
      source: 'upload',
      defaultLevel: 'overlaps',
      accounts: [{ name: 'Open Co', domains: [domain] }],
    });
    await createDealRecord(db, {
      registeredByOrgId: vendor.id,
      vendorRecorded: true,
      customerName: 'Open Co',
      customerDomain: domain,
      status: 'approved',
    });
    const mine = await browserPopulation(x);
    const run = await createRunRecord(db, {
      partnershipId: p.id,
      initiatorOrgId: x.owner.id,
      status: 'finished',
      answered: [],
      finishedAt: new Date(Date.now() + 1000 * exampleRuns++),
    });
    const [overlapId] = await createDisclosedOverlapRecord(db, {
      runId: run.id,
      initiatorPopulationId: mine.id,
      responderPopulationId: open.id,
      count: 1,
    });
    return { params: { id: p.id, overlapId: overlapId! }, body: { role: 'co_sell' } };
  },
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
