import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullBackOverdueLeads } from '../src/modules/leads/leads.pullback';
import { leadAssignments } from '../src/modules/leads/leads.tables';
import { deals } from '../src/modules/deals/deals.tables';
import { outbox } from '../src/db/platform.tables';
import {
  createEnrollmentRecord,
  createPartnerOrganization,
  createProfileRecord,
  createProgramRecord,
  createUser,
} from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

// A small ecosystem with known answers: A (Gold, reseller+msp, serves DE and FR),
// B (isv, serves FR), C (Silver, msp, serves DE), D (reseller, serves US).
let t: TestApp;
let e: Ecosystem;
let admin: Session, aUser: Session, bUser: Session, cUser: Session;
let partnerC: { id: string; name: string };
let partnerD: { id: string; name: string };
const minute = 60_000;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

type Lead = {
  id: string;
  version: number;
  view: string;
  status: string | null;
  assignedTo: { id: string; name: string } | null;
  contact: unknown;
  company: { name: string } | null;
  history: { explanation: { summary: string; rule: { name: string } | null }; outcome: string }[];
  leftAs: string | null;
  leftAt: string | null;
  duplicates: { kind: string }[];
};

const leadBody = (i: number, country: string, over: Record<string, unknown> = {}) => ({
  companyName: `Prospect ${country} ${i}`,
  companyDomain: `prospect-${country.toLowerCase()}-${i}.com`,
  country,
  industry: '51',
  contactName: 'Pat Prospect',
  contactEmail: `pat@prospect-${country.toLowerCase()}-${i}.com`,
  need: 'Needs managed backups for 40 offices',
  estimatedAmount: 1_000_000,
  estimatedCurrency: 'USD',
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  e = await buildEcosystem(db);
  partnerC = await createPartnerOrganization(db, { name: 'Gamma Services', types: ['msp'], country: 'DE' });
  partnerD = await createPartnerOrganization(db, {
    name: 'Delta Resale',
    types: ['reseller'],
    country: 'US',
  });
  const c = await createUser(db, {
    organizationId: partnerC.id,
    role: 'partner_user',
    email: 'c@gamma.test',
  });
  await createProfileRecord(db, e.partnerA.id, { fields: { countries: ['DE', 'FR'] } });
  await createProfileRecord(db, e.partnerB.id, { fields: { countries: ['FR'] } });
  await createProfileRecord(db, partnerC.id, { fields: { countries: ['DE'] } });
  await createProfileRecord(db, partnerD.id, { fields: { countries: ['US'] } });
  const { program, tiers } = await createProgramRecord(db, {
    tiers: [
      { code: 'silver', name: 'Silver' },
      { code: 'gold', name: 'Gold' },
    ],
  });
  await createEnrollmentRecord(db, {
    organizationId: e.partnerA.id,
    programId: program.id,
    tierId: tiers[1]!.id,
  });
  await createEnrollmentRecord(db, {
    organizationId: partnerC.id,
    programId: program.id,
    tierId: tiers[0]!.id,
  });
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  aUser = await signIn(t.app, e.aUser.email, PASSWORD);
  bUser = await signIn(t.app, e.bUser.email, PASSWORD);
  cUser = await signIn(t.app, c.email, PASSWORD);
});
afterAll(() => t?.close());

const leads: Lead[] = [];

describe('lead routing, as a vendor and its partners would use it', () => {
  it('flags rules that can never match or that a higher rule shadows, and keeps them', async () => {
    const api = as(t.app, admin);
    const fr = await api.post('/api/v1/lead-rules', { name: 'France', match: { countries: ['FR'] } });
    expect(fr.statusCode).toBe(201);
    expect(fr.json().warnings).toEqual([]);
    const de = await api.post('/api/v1/lead-rules', {
      name: 'Germany managed services',
      match: { countries: ['DE'] },
      partners: { types: ['msp'] },
      tierWeights: { Gold: 3 },
      deadlineHours: 24,
    });
    expect(de.json().warnings).toEqual([]);
    const rest = await api.post('/api/v1/lead-rules', { name: 'Everywhere else', strategy: 'score' });
    expect(rest.json().position).toBe(3);

    const shadowed = await api.post('/api/v1/lead-rules', {
      name: 'French software',
      match: { countries: ['FR'], industries: ['51'] },
    });
    expect(shadowed.statusCode).toBe(201);
    expect(shadowed.json().warnings.map((w: { kind: string; ruleId: string }) => [w.kind, w.ruleId])).toEqual(
      [['shadowed', fr.json().id]],
    );
    const never = await api.post('/api/v1/lead-rules', {
      name: 'Platinum only',
      partners: { tiers: ['Platinum'] },
      position: 1,
    });
    expect(never.json().warnings.map((w: { kind: string }) => w.kind)).toEqual(['never_matches']);
    // Moved first, "Platinum only" numbers the others after it; deleting it and the shadowed one restores the three.
    expect((await api.get('/api/v1/lead-rules')).json().items.map((r: { name: string }) => r.name)).toEqual([
      'Platinum only',
      'France',
      'Germany managed services',
      'Everywhere else',
      'French software',
    ]);
    expect((await api.delete(`/api/v1/lead-rules/${never.json().id}`)).statusCode).toBe(204);
    expect((await api.delete(`/api/v1/lead-rules/${shadowed.json().id}`)).statusCode).toBe(204);
    const unknownIndustry = await api.post('/api/v1/lead-rules', {
      name: 'Bad',
      match: { industries: ['99'] },
    });
    expect(unknownIndustry.statusCode).toBe(400);
    expect(unknownIndustry.json().errors[0].path).toBe('body.match.industries.0');
  });

  it('previews a rule on a sample lead without storing anything', async () => {
    const res = await as(t.app, admin).post('/api/v1/lead-rules/test', {
      rule: { name: 'DE msp', match: { countries: ['DE'] }, partners: { types: ['msp'] } },
      lead: { country: 'DE', industry: '51' },
    });
    expect(res.statusCode).toBe(200);
    const eligible = res.json().alone.candidates.filter((c: { eligible: boolean }) => c.eligible);
    expect(eligible.map((c: { name: string }) => c.name).sort()).toEqual(
      [e.partnerA.name, 'Gamma Services'].sort(),
    );
    // Among the saved rules (the draft goes last), the German rule fires first.
    expect(res.json().amongRules.rule.name).toBe('Germany managed services');
  });

  it('refuses a lead with an unknown country or industry, naming the field', async () => {
    const api = as(t.app, admin);
    const country = await api.post('/api/v1/leads', leadBody(0, 'XX'));
    expect(country.statusCode).toBe(400);
    expect(country.json().errors.map((x: { path: string }) => x.path)).toContain('body.country');
    const industry = await api.post('/api/v1/leads', leadBody(0, 'DE', { industry: '99' }));
    expect(industry.statusCode).toBe(400);
    expect(industry.json().errors[0].path).toBe('body.industry');
  });

  it('routes 20 leads through three rules, each with its explanation', async () => {
    const api = as(t.app, admin);
    const plan = [...Array(6).fill('FR'), ...Array(10).fill('DE'), ...Array(4).fill('US')] as string[];
    for (const [i, country] of plan.entries()) {
      const res = await api.post('/api/v1/leads', leadBody(i + 1, country));
      expect(res.statusCode, res.body).toBe(201);
      leads.push(res.json());
    }
    const to = (country: string) =>
      leads
        .filter((l) => l.company!.name.includes(` ${country} `))
        .reduce<Record<string, number>>(
          (m, l) => ({ ...m, [l.assignedTo!.name]: (m[l.assignedTo!.name] ?? 0) + 1 }),
          {},
        );
    // France: A and B alternate; Germany: Gold weighs 3 to Silver's 1 among the MSPs; the US: only D serves it.
    expect(to('FR')).toEqual({ [e.partnerA.name]: 3, [e.partnerB.name]: 3 });
    expect(to('DE')).toEqual({ [e.partnerA.name]: 7, 'Gamma Services': 3 });
    expect(to('US')).toEqual({ 'Delta Resale': 4 });
    for (const l of leads) {
      expect(l.status).toBe('offered');
      expect(l.history[0]!.explanation.summary).toMatch(
        /^Rule \d “.+” matched; \d+ of 4 partners were eligible; .+ was chosen/,
      );
    }
    const us = leads.find((l) => l.company!.name === 'Prospect US 17')!;
    const full = (await api.get(`/api/v1/leads/${us.id}`)).json();
    expect(full.history[0].explanation.skippedRules.map((s: { why: string }) => s.why)).toEqual([
      'the lead’s country US is not one of FR',
      'the lead’s country US is not one of DE',
    ]);
    const reasons = Object.fromEntries(
      full.history[0].explanation.candidates.map((c: { name: string; reasons: string[] }) => [
        c.name,
        c.reasons[0],
      ]),
    );
    expect(reasons[e.partnerB.name]).toBe('does not list US among the countries it serves');
  });

  it('flags a duplicate of an open lead', async () => {
    const res = await as(t.app, admin).post('/api/v1/leads', leadBody(1, 'FR', { route: false }));
    expect(res.json().duplicates.map((d: { kind: string }) => d.kind)).toEqual(['lead']);
    expect(res.json().status).toBe('unassigned');
  });

  it('a partner accepts a lead, sees the contact only then, and converts it into a protected deal', async () => {
    const lead = leads.find((l) => l.assignedTo?.id === e.partnerA.id && l.company!.name.includes(' DE '))!;
    const api = as(t.app, aUser);
    const before = (await api.get(`/api/v1/leads/${lead.id}`)).json();
    expect(before.view).toBe('offer');
    expect(before.contact).toBeNull();
    expect(before.company.name).toBe(lead.company!.name);
    // Another partner does not see it at all.
    expect((await as(t.app, bUser).get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(404);
    const accepted = await api.post(`/api/v1/leads/${lead.id}/accept`, { version: before.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().contact.email).toBe(`pat@prospect-de-${lead.company!.name.split(' ')[2]}.com`);
    const converted = await api.post(`/api/v1/leads/${lead.id}/convert`, {
      version: accepted.json().version,
      amount: 2_500_000,
      currency: 'USD',
      expectedCloseDate: inDays(60),
    });
    expect(converted.statusCode, converted.body).toBe(200);
    expect(converted.json().lead.status).toBe('converted');
    const [deal] = await t.database.db.select().from(deals).where(eq(deals.id, converted.json().deal.id));
    expect(deal!.status).toBe('approved');
    expect(deal!.registeredByOrgId).toBe(e.partnerA.id);
    expect(deal!.protectionExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    // A later lead naming the same company is flagged as a duplicate of the protected deal.
    const again = await as(t.app, admin).post('/api/v1/leads', {
      ...leadBody(99, 'DE'),
      companyName: lead.company!.name,
      companyDomain: `prospect-de-${lead.company!.name.split(' ')[2]}.com`,
      route: false,
    });
    expect(again.json().duplicates.map((d: { kind: string }) => d.kind)).toContain('deal');
  });

  it('declining sends the lead to the next eligible partner', async () => {
    const lead = leads.find((l) => l.assignedTo?.id === e.partnerA.id && l.company!.name.includes(' FR '))!;
    const api = as(t.app, aUser);
    const cur = (await api.get(`/api/v1/leads/${lead.id}`)).json();
    const res = await api.post(`/api/v1/leads/${lead.id}/decline`, {
      version: cur.version,
      reason: 'No capacity this quarter',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().view).toBe('left');
    expect(res.json().leftAs).toBe('declined');
    const now = (await as(t.app, admin).get(`/api/v1/leads/${lead.id}`)).json();
    expect(now.assignedTo.id).toBe(e.partnerB.id);
    expect(now.history.map((h: { outcome: string }) => h.outcome)).toEqual(['declined', 'waiting']);
  });

  it('pulls back a lead at its deadline, to the minute, and the first partner sees only "withdrawn"', async () => {
    const lead = leads.find((l) => l.assignedTo?.id === partnerC.id)!;
    const deadline = new Date(Date.now() + 10 * minute);
    const db = t.database.db;
    const [current] = await db.select().from(leadAssignments).where(eq(leadAssignments.leadId, lead.id));
    await db.update(leadAssignments).set({ deadlineAt: deadline }).where(eq(leadAssignments.id, current!.id));
    expect(await pullBackOverdueLeads(db, new Date(deadline.getTime() - minute))).toEqual({
      withdrawn: 0,
      rerouted: 0,
    });
    expect(await pullBackOverdueLeads(db, deadline)).toEqual({ withdrawn: 1, rerouted: 1 });
    // Idempotent: a second run (another process, a retry) finds nothing left to do.
    expect(await pullBackOverdueLeads(db, deadline)).toEqual({ withdrawn: 0, rerouted: 0 });

    const seen = (await as(t.app, cUser).get(`/api/v1/leads/${lead.id}`)).json();
    expect(seen).toMatchObject({
      view: 'left',
      leftAs: 'withdrawn',
      company: null,
      contact: null,
      need: null,
      status: null,
    });
    expect(seen.leftAt).toBe(deadline.toISOString());
    const left = (await as(t.app, cUser).get('/api/v1/leads?box=left')).json();
    expect(left.items.map((l: { id: string }) => l.id)).toEqual([lead.id]);
    // The next partner under the same rule holds it now.
    const vendor = (await as(t.app, admin).get(`/api/v1/leads/${lead.id}`)).json();
    expect(vendor.assignedTo.id).toBe(e.partnerA.id);
    expect(vendor.history.map((h: { outcome: string }) => h.outcome)).toEqual(['withdrawn', 'waiting']);
    // Accepting a withdrawn lead answers 409.
    const late = await as(t.app, cUser).post(`/api/v1/leads/${lead.id}/accept`, { version: seen.version });
    expect(late.statusCode).toBe(409);
    const events = await db.select().from(outbox).where(eq(outbox.entityId, lead.id));
    expect(events.map((x) => x.type)).toEqual(expect.arrayContaining(['lead.assigned', 'lead.withdrawn']));
  });

  it('a public locator request arrives as a routed lead', async () => {
    const res = await as(t.app, null).post('/api/v1/public/lead-requests', {
      name: 'Quinn Query',
      email: 'quinn@query-corp.com',
      company: 'Query Corp',
      companyDomain: 'query-corp.com',
      country: 'US',
      message: 'We need help rolling out backups across our offices.',
    });
    expect(res.statusCode, res.body).toBe(202);
    const list = (await as(t.app, admin).get('/api/v1/leads?source=locator')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ status: 'offered', assignedTo: { id: partnerD.id } });
  });

  it('the vendor reassigns by hand and sees the SLA view; the scorecard shows the acceptance rate', async () => {
    const api = as(t.app, admin);
    const lead = leads.find((l) => l.assignedTo?.id === partnerD.id)!;
    const cur = (await api.get(`/api/v1/leads/${lead.id}`)).json();
    const res = await api.post(`/api/v1/leads/${lead.id}/assign`, {
      version: cur.version,
      organizationId: partnerC.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().assignedTo.id).toBe(partnerC.id);
    expect(res.json().history.at(-1).explanation.summary).toMatch(/^Assigned by hand by Vera Admin/);
    const sla = (await api.get('/api/v1/leads/sla')).json();
    expect(sla.waiting).toBeGreaterThan(0);
    expect(sla.overdue).toBe(0);
    // A: one accepted, one declined: 50%.
    const card = (await api.get(`/api/v1/analytics/partners/${e.partnerA.id}/scorecard`)).json();
    expect(card.leads.acceptanceRate.value).toBe(0.5);
    const metrics = (await api.get(`/api/v1/leads/metrics?from=${inDays(-1)}&to=${inDays(0)}`)).json();
    expect(metrics.distributed).toBe(21);
    expect(metrics.acceptanceRate).toBe(1 / 3);
  });
  it('imports leads from a CSV file, routes them, and a re-import creates nothing; partners export their inbox', async () => {
    const api = as(t.app, admin);
    const csv = [
      'externalId,companyName,companyDomain,country,industry,contactName,contactEmail,need',
      'MKT-1,Hooli,hooli.com,FR,51,Gavin Belson,gavin@hooli.com,Wants a migration partner',
      'MKT-2,Pied Piper,piedpiper.com,DE,51,Richard Hendricks,richard@piedpiper.com,Needs managed backups',
    ].join('\n');
    const run = async () => {
      const up = await api.post('/api/v1/imports?type=leads&fileName=leads.csv', csv, {
        'content-type': 'text/csv',
      });
      expect(up.statusCode, up.body).toBe(201);
      const settle = async (id: string) => {
        for (;;) {
          const dto = (await api.get(`/api/v1/imports/${id}`)).json();
          if (!['validating', 'committing'].includes(dto.status)) return dto;
          await new Promise((r) => setTimeout(r, 25));
        }
      };
      await api.post(`/api/v1/imports/${up.json().id}/dry-run`, { version: up.json().version });
      const checked = await settle(up.json().id);
      expect(checked.status).toBe('validated');
      await api.post(`/api/v1/imports/${checked.id}/commit`, { version: checked.version });
      return settle(checked.id);
    };
    expect((await run()).created).toBe(2);
    expect((await run()).created).toBe(0);
    const imported = (await api.get('/api/v1/leads?source=import')).json().items as Lead[];
    expect(imported).toHaveLength(2);
    for (const l of imported) {
      expect(l.status).toBe('offered');
      expect(l.history[0]!.explanation.rule).not.toBeNull();
    }
    const exported = await as(t.app, bUser).get('/api/v1/exports/leads');
    expect(exported.statusCode).toBe(200);
    // B's inbox: its current leads, offered ones without the contact.
    expect(exported.body.split('\n')[0]).toContain('company.name');
    expect(exported.body).not.toContain('gavin@hooli.com');
  });
});
