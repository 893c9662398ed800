import os from 'node:os';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/lib/ids';
import { loadSecretBox } from '../src/lib/secrets';
import { runCrmSync } from '../src/modules/crm/crm-sync';
import { emptyCounts } from '../src/modules/crm/crm.repository';
import { crmConnections, crmRuns } from '../src/modules/crm/crm.tables';
import { deals } from '../src/modules/deals/deals.tables';
import { createPartnerOrganization, createUser } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD } from './ecosystem';
import { startSalesforceEmulator, type SalesforceEmulator } from './emulators/salesforce';

// Records one at a time against the emulated Salesforce org, after the first sync: what the org refuses
// (its validation rules) is logged by record and retried from the log while the others go through,
// referrals sent as leads, and a run a killed server left behind. crm.test.ts walks the journey before.
let t: TestApp;
let sf: SalesforceEmulator;
let admin: Session;
let northwindUser: Session;
let connectionId: string;
const secrets = loadSecretBox({ DATA_DIR: os.tmpdir() }, () => undefined);
// The emulator listens on 127.0.0.1: the operator's CRM_ALLOW_PRIVATE, as the test app sets it.
const sync = () => runCrmSync(t.database.db, secrets, { allowPrivate: true });
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const api = () => as(t.app, admin);
const base = () => `/api/v1/crm/connections/${connectionId}`;
const deal = async (id: string) => (await t.database.db.select().from(deals).where(eq(deals.id, id)))[0]!;
const connection = async () =>
  (await t.database.db.select().from(crmConnections).where(eq(crmConnections.id, connectionId)))[0]!;
const opportunityOf = (name: string) =>
  sf.records('Opportunity').filter((o) => String(o.Name).startsWith(name));

async function runNow(body: Record<string, unknown> = {}) {
  const res = await api().post(`${base()}/runs`, body);
  expect(res.statusCode, res.body).toBe(202);
  await sync();
  return (await api().get(`${base()}/runs/${res.json().id}`)).json();
}

async function register(customerName: string, customerDomain: string, amount: number) {
  const res = await as(t.app, northwindUser).post('/api/v1/deals', {
    customerName,
    customerDomain,
    country: 'US',
    amount,
    currency: 'USD',
    products: [],
    expectedCloseDate: inDays(60),
    notes: '',
  });
  expect(res.statusCode, res.body).toBe(201);
  const approved = await api().post(`/api/v1/deals/${res.json().id}/approve`, {
    version: res.json().version,
  });
  expect(approved.statusCode, approved.body).toBe(200);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await startTestApp();
  const e = await buildEcosystem(t.database.db);
  sf = await startSalesforceEmulator();
  const northwind = await createPartnerOrganization(t.database.db, {
    name: 'Northwind Traders',
    website: 'https://northwind.com',
    types: ['reseller'],
    country: 'US',
  });
  const user = await createUser(t.database.db, {
    organizationId: northwind.id,
    role: 'partner_user',
    email: 'sam@northwind.test',
    name: 'Sam North',
  });
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  northwindUser = await signIn(t.app, user.email, PASSWORD);
  sf.seed('Account', { Name: 'Northwind Traders, Inc.', Website: 'https://www.northwind.com' });
  // Connected by OAuth with PKCE, the emulated consent page sending the code straight back.
  const created = await api().post('/api/v1/crm/connections', {
    kind: 'salesforce',
    authMethod: 'oauth',
    name: 'Production org',
    loginUrl: sf.url,
    clientId: sf.oauth.clientId,
    clientSecret: sf.oauth.clientSecret,
    redirectUri: 'http://localhost:3000/settings/crm/callback',
  });
  const back = new URL(
    (await fetch(created.json().authorizeUrl, { redirect: 'manual' })).headers.get('location')!,
  );
  const done = await api().post('/api/v1/crm/connections/oauth-callback', {
    code: back.searchParams.get('code'),
    state: back.searchParams.get('state'),
  });
  expect(done.statusCode, done.body).toBe(200);
  connectionId = done.json().id;
  expect((await api().post(`${base()}/dry-run`)).statusCode).toBe(202);
  await sync();
  expect((await runNow()).status).toBe('completed');
});
afterAll(async () => {
  await t?.close();
  await sf?.close();
});

describe('CRM sync with Salesforce, record by record', () => {
  it('a record Salesforce refuses is logged with its field and Salesforce’s words, the others go through, and it is retried from the log', async () => {
    // The org's own validation rules refuse two of three new deals, and a change to a third.
    sf.addValidationRule({
      object: 'Account',
      field: 'Name',
      message: 'Account names are at most 20 characters: put the legal name in Description',
      refuses: (r) => String(r.Name ?? '').length > 20,
    });
    sf.addValidationRule({
      object: 'Opportunity',
      field: 'Amount',
      message: 'Opportunities over 50,000 need finance approval first',
      refuses: (r) => Number(r.Amount ?? 0) > 50_000,
    });
    const vandelay = await register('Vandelay Industries International', 'vandelay.com', 900_000);
    const massive = await register('Massive Dynamic', 'massivedynamic.com', 9_000_000);
    const piper = await register('Pied Piper', 'piedpiper.com', 800_000);
    const run = await runNow();
    expect(run).toMatchObject({ status: 'completed' });
    expect(run.counts).toMatchObject({ opportunitiesCreated: 1, recordErrors: 2 });
    expect(opportunityOf('Pied Piper')).toHaveLength(1);
    expect(opportunityOf('Massive')).toHaveLength(0);
    expect(opportunityOf('Vandelay')).toHaveLength(0);
    const errors = (await api().get(`${base()}/runs/${run.id}/records?outcome=error`)).json().items;
    const seen = (items: { localId: string; action: string; field: string; message: string }[]) =>
      items.map((r) => [r.localId, r.action, r.field, r.message]);
    expect(seen(errors)).toEqual(
      expect.arrayContaining([
        [
          vandelay,
          'create_remote',
          'Name',
          'Salesforce refused the customer’s account Vandelay Industries International: Account names are at most 20 characters: put the legal name in Description',
        ],
        [massive, 'create_remote', 'Amount', 'Opportunities over 50,000 need finance approval first'],
      ]),
    );

    // A change made here that Salesforce refuses: logged, the opportunity keeps its amount.
    const current = (await api().get(`/api/v1/deals/${piper}`)).json();
    const raised = await api().patch(`/api/v1/deals/${piper}`, {
      version: current.version,
      amount: 6_000_000,
    });
    expect(raised.statusCode, raised.body).toBe(200);
    const refused = await runNow();
    expect(refused).toMatchObject({ status: 'completed' });
    expect(opportunityOf('Pied Piper')[0]!.Amount).toBe(8000);
    const updateErrors = (await api().get(`${base()}/runs/${refused.id}/records?outcome=error`)).json().items;
    expect(seen(updateErrors)).toContainEqual([
      piper,
      'update_remote',
      'Amount',
      'Opportunities over 50,000 need finance approval first',
    ]);

    // Finance approved: the rule is gone. One record is retried from the log, and only that one.
    sf.clearValidationRules();
    const massiveError = errors.find((r: { localId: string }) => r.localId === massive);
    const one = await runNow({ retryFailed: true, recordIds: [massiveError.id] });
    expect(one).toMatchObject({ mode: 'retry', status: 'completed' });
    expect(opportunityOf('Massive')).toHaveLength(1);
    expect(opportunityOf('Vandelay')).toHaveLength(0);
    expect(opportunityOf('Pied Piper')[0]!.Amount).toBe(8000);
    const stillOpen = (await api().get(`${base()}/runs/${run.id}/records?outcome=error`)).json().items;
    expect(stillOpen.map((r: { localId: string }) => r.localId)).toEqual([vandelay]);
    // A log record that is not an open error of this connection is refused, naming it.
    const bad = await api().post(`${base()}/runs`, { retryFailed: true, recordIds: [one.id] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.recordIds.0');

    // The rest of the failed records.
    const rest = await runNow({ retryFailed: true });
    expect(rest).toMatchObject({ status: 'completed' });
    expect(rest.counts.recordErrors).toBe(0);
    expect(opportunityOf('Vandelay')).toHaveLength(1);
    expect(opportunityOf('Pied Piper')[0]!.Amount).toBe(60000);
    expect(sf.records('Account').filter((a) => a.Name === 'Vandelay Industries International')).toHaveLength(
      1,
    );
  });

  it('with leads mapped, a referral sent to the vendor becomes a Salesforce lead once; one the org refuses is logged and retried', async () => {
    const c = (await api().get(base())).json();
    const mappings = structuredClone(c.mappings);
    mappings.lead.enabled = true;
    expect((await api().put(`${base()}/mappings`, { version: c.version, mappings })).statusCode).toBe(200);
    sf.addValidationRule({
      object: 'Lead',
      field: 'Email',
      message: 'Use the contact’s company e-mail, not a free mailbox',
      refuses: (r) => String(r.Email ?? '').endsWith('@gmail.com'),
    });
    const refer = async (companyName: string, contactEmail: string) => {
      const res = await as(t.app, northwindUser).post('/api/v1/referrals', {
        companyName,
        companyDomain: `${companyName.split(' ')[0]!.toLowerCase()}.com`,
        contactName: 'Pepper Potts',
        contactEmail,
        need: 'Fifty seats for the finance team',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const stark = await refer('Stark Industries', 'pepper@stark.com');
    const wayne = await refer('Wayne Enterprises', 'lucius.fox@gmail.com');
    const run = await runNow();
    expect(run).toMatchObject({ status: 'completed' });
    expect(run.counts).toMatchObject({ leadsCreated: 1, recordErrors: 1 });
    expect(sf.records('Lead')).toEqual([
      expect.objectContaining({
        Company: 'Stark Industries',
        LastName: 'Pepper Potts',
        Email: 'pepper@stark.com',
        Description: 'Fifty seats for the finance team',
      }),
    ]);
    const errors = (await api().get(`${base()}/runs/${run.id}/records?outcome=error`)).json().items;
    expect(
      errors.map((r: { localId: string; field: string; message: string }) => [r.localId, r.field, r.message]),
    ).toEqual([[wayne, 'Email', 'Use the contact’s company e-mail, not a free mailbox']]);
    const done = (await api().get(`${base()}/runs/${run.id}/records?outcome=done`)).json().items;
    expect(done).toContainEqual(
      expect.objectContaining({ object: 'lead', localId: stark, action: 'create_remote' }),
    );
    // Sent once: the next run creates nothing more.
    expect((await runNow()).counts).toMatchObject({ leadsCreated: 0 });
    expect(sf.records('Lead')).toHaveLength(1);

    sf.clearValidationRules();
    const retry = await runNow({ retryFailed: true, recordIds: [errors[0].id] });
    expect(retry.counts).toMatchObject({ leadsCreated: 1, recordErrors: 0 });
    expect(
      sf
        .records('Lead')
        .map((l) => l.Company)
        .sort(),
    ).toEqual(['Stark Industries', 'Wayne Enterprises']);
  });

  it('a run left running by a killed server resumes once its lease runs out: no change lost, none doubled', async () => {
    const acme = await register('Acme', 'acme.com', 1_500_000);
    await runNow();
    sf.edit('Opportunity', opportunityOf('Acme')[0]!.Id, { Amount: 16000 });
    const opportunities = sf.records('Opportunity').length;
    // What a process killed mid-run leaves behind: its run `running`, the connection leased to it.
    const [run] = await t.database.db
      .insert(crmRuns)
      .values({
        id: newId(),
        connectionId,
        mode: 'sync',
        status: 'running',
        phase: 'opportunities: reading changes',
        counts: emptyCounts(),
        startedAt: new Date(),
      })
      .returning();
    const lease = (until: Date) =>
      t.database.db
        .update(crmConnections)
        .set({ leaseRunId: run!.id, leaseUntil: until })
        .where(eq(crmConnections.id, connectionId));
    // While the lease lasts, the run may still be working somewhere: nobody else touches the connection.
    await lease(new Date(Date.now() + 60_000));
    await sync();
    expect((await api().get(`${base()}/runs/${run!.id}`)).json().status).toBe('running');
    expect((await deal(acme)).amount).toBe(1_500_000);
    // The lease runs out: the next process's job resumes the run from the watermarks.
    await lease(new Date(Date.now() - 1000));
    await sync();
    expect((await api().get(`${base()}/runs/${run!.id}`)).json()).toMatchObject({ status: 'completed' });
    expect((await deal(acme)).amount).toBe(1_600_000);
    expect(sf.records('Opportunity')).toHaveLength(opportunities);
    expect((await connection()).leaseRunId).toBeNull();
  });
});
