// Example requests of the lead routes (spread into route-examples.ts). The
// owner's records are leads assigned to it now; the vendor's routes use
// records of their own.
import { newId } from '../src/lib/ids';
import { insertLeadRecord } from '../src/modules/leads/leads.records';
import { leadRules } from '../src/modules/leads/leads.tables';
import { createPartnerOrganization, createProfileRecord } from '../src/seed/factories';
import type { TestApp } from './app';

interface Input {
  owner: { id: string };
  t: TestApp;
}

let n = 0;
const futureDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A lead offered to (or held by) the owner. */
const leadOf = (x: Input, status: 'offered' | 'accepted' = 'offered') =>
  insertLeadRecord(x.t.database.db, {
    companyName: `Lead Prospect ${++n} ${newId().slice(-6)}`,
    country: 'DE',
    status,
    assignedOrgId: x.owner.id,
  });

async function rule(t: TestApp) {
  const id = newId();
  const [row] = await t.database.db
    .insert(leadRules)
    .values({
      id,
      position: 9_000 + ++n,
      name: `Example rule ${n}`,
      match: { countries: ['DE'], industries: [], products: [], sizes: [] },
      partners: {
        types: [],
        tiers: [],
        specializations: [],
        servesLeadCountry: true,
        certifications: [],
        maxOpenLeads: null,
        minAcceptanceRate: null,
        minConversionRate: null,
      },
      strategy: 'round_robin',
      tierWeights: {},
      deadlineHours: 48,
    })
    .returning();
  return row!;
}

/** Another partner listed in the marketplace, a lead can be referred on to. */
async function listedPartner(t: TestApp) {
  const org = await createPartnerOrganization(t.database.db, { types: ['msp'], country: 'DE' });
  await createProfileRecord(t.database.db, org.id, { status: 'published', fields: { countries: ['DE'] } });
  return org;
}

const sampleRule = {
  name: 'Germany, managed services',
  match: { countries: ['DE'] },
  partners: { types: ['msp'] },
  deadlineHours: 24,
};

export const leadExamples = {
  'GET /api/v1/leads': () => ({ query: 'limit=5&box=current' }),
  'POST /api/v1/leads': () => ({
    body: {
      companyName: 'Lead Example GmbH',
      companyDomain: 'lead-example.de',
      country: 'DE',
      industry: '51',
      size: '51-200',
      contactName: 'Lena Lead',
      contactEmail: 'lena@lead-example.de',
      need: 'Wants a managed rollout',
      products: ['Backup'],
      estimatedAmount: 2_000_000,
      estimatedCurrency: 'USD',
    },
  }),
  'GET /api/v1/leads/sla': () => ({}),
  'GET /api/v1/leads/metrics': () => ({ query: 'from=2025-01-01&to=2025-12-31' }),
  'POST /api/v1/leads/bulk': async (x: Input) => ({
    body: { action: 'route', leadIds: [(await leadOf(x)).id] },
  }),
  'GET /api/v1/leads/{id}': async (x: Input) => ({ params: { id: (await leadOf(x)).id } }),
  'POST /api/v1/leads/{id}/accept': async (x: Input) => {
    const l = await leadOf(x);
    return { params: { id: l.id }, body: { version: l.version } };
  },
  'POST /api/v1/leads/{id}/decline': async (x: Input) => {
    const l = await leadOf(x);
    return { params: { id: l.id }, body: { version: l.version, reason: 'Outside our regions' } };
  },
  'POST /api/v1/leads/{id}/convert': async (x: Input) => {
    const l = await leadOf(x, 'accepted');
    return {
      params: { id: l.id },
      body: { version: l.version, amount: 500_000, currency: 'USD', expectedCloseDate: futureDate(30) },
    };
  },
  'POST /api/v1/leads/{id}/refer': async (x: Input) => {
    const l = await leadOf(x, 'accepted');
    const to = await listedPartner(x.t);
    return { params: { id: l.id }, body: { version: l.version, organizationId: to.id, note: 'Their field' } };
  },
  'POST /api/v1/leads/{id}/assign': async (x: Input) => {
    const l = await leadOf(x);
    return { params: { id: l.id }, body: { version: l.version } };
  },
  'POST /api/v1/leads/{id}/close': async (x: Input) => {
    const l = await leadOf(x);
    return { params: { id: l.id }, body: { version: l.version, reason: 'Not a real prospect' } };
  },
  'GET /api/v1/lead-rules': () => ({}),
  'POST /api/v1/lead-rules': () => ({ body: sampleRule }),
  'POST /api/v1/lead-rules/test': () => ({
    body: { rule: sampleRule, lead: { country: 'DE', industry: '51', products: ['Backup'] } },
  }),
  'PATCH /api/v1/lead-rules/{id}': async (x: Input) => {
    const r = await rule(x.t);
    return { params: { id: r.id }, body: { version: r.version, deadlineHours: 12 } };
  },
  'DELETE /api/v1/lead-rules/{id}': async (x: Input) => ({ params: { id: (await rule(x.t)).id } }),
  'POST /api/v1/public/lead-requests': () => ({
    body: {
      name: 'Quinn Query',
      email: `quinn${++n}@query-corp.com`,
      company: 'Query Corp',
      companyDomain: 'query-corp.com',
      country: 'DE',
      message: 'We need help rolling out backups across our offices.',
    },
  }),
};
