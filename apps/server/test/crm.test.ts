import os from 'node:os';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSecretBox } from '../src/lib/secrets';
import { auditLog } from '../src/modules/audit/audit.tables';
import { runCrmSync } from '../src/modules/crm/crm-sync';
import type { Actor } from '../src/lib/actor';
import { findConnection, listConnections, listLinks, listRuns } from '../src/modules/crm/crm.repository';
import { crmConnections } from '../src/modules/crm/crm.tables';
import { deals } from '../src/modules/deals/deals.tables';
import { createFxRateRecord, createPartnerOrganization, createUser } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { startSalesforceEmulator, type SalesforceEmulator } from './emulators/salesforce';

// The journey against the emulated org: connect, dry run, run, an
// approved registration becomes an opportunity with its partner, Closed Won
// there wins the deal here, and the failure cases a revenue team meets.
let t: TestApp;
let e: Ecosystem;
let sf: SalesforceEmulator;
let admin: Session;
let northwindUser: Session;
let northwind: { id: string; name: string };
let connectionId: string;
const secrets = loadSecretBox({ DATA_DIR: os.tmpdir() }, () => undefined);
// The emulators listen on 127.0.0.1: the operator's CRM_ALLOW_PRIVATE, as the test app sets it.
const sync = () => runCrmSync(t.database.db, secrets, { allowPrivate: true });
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const api = () => as(t.app, admin);
const base = () => `/api/v1/crm/connections/${connectionId}`;

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  sf = await startSalesforceEmulator({ multiCurrency: true, currencies: ['USD', 'EUR', 'ZZZ'], pageSize: 2 });
  await createFxRateRecord(t.database.db, { currency: 'EUR', rate: '1.10', effectiveDate: '2020-01-01' });
  northwind = await createPartnerOrganization(t.database.db, {
    name: 'Northwind Traders',
    website: 'https://northwind.com',
    types: ['reseller'],
    country: 'US',
  });
  await createPartnerOrganization(t.database.db, {
    name: 'Fabrikam Inc',
    website: 'https://fabrikam.de',
    types: ['msp'],
    country: 'DE',
  });
  await createPartnerOrganization(t.database.db, {
    name: 'Fabrikam GmbH',
    website: 'https://fabrikam.at',
    types: ['msp'],
    country: 'AT',
  });
  const user = await createUser(t.database.db, {
    organizationId: northwind.id,
    role: 'partner_user',
    email: 'sam@northwind.test',
    name: 'Sam North',
  });
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  northwindUser = await signIn(t.app, user.email, PASSWORD);
  // What the org already holds: the partner's account (on a subdomain), an account two partners could be, a customer.
  sf.seed('Account', {
    Name: 'Northwind Traders, Inc.',
    Website: 'https://www.northwind.com',
    IsPartner: true,
  });
  sf.seed('Account', { Name: 'Fabrikam' });
  sf.seed('Account', { Name: 'Initech', Website: 'https://initech.com', Type: 'Customer' });
});
afterAll(async () => {
  await t?.close();
  await sf?.close();
});

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

const deal = async (id: string) => (await t.database.db.select().from(deals).where(eq(deals.id, id)))[0]!;
const connection = async () =>
  (await t.database.db.select().from(crmConnections).where(eq(crmConnections.id, connectionId)))[0]!;
const lastRun = async () => (await api().get(`${base()}/runs?limit=1`)).json().items[0];
const opportunityOf = (name: string) =>
  sf.records('Opportunity').filter((o) => String(o.Name).startsWith(name));

async function runNow(body: Record<string, unknown> = {}) {
  const res = await api().post(`${base()}/runs`, body);
  expect(res.statusCode, res.body).toBe(202);
  await sync();
  return (await api().get(`${base()}/runs/${res.json().id}`)).json();
}

async function oauthConnect(clientSecret: string) {
  const created = await api().post('/api/v1/crm/connections', {
    kind: 'salesforce',
    authMethod: 'oauth',
    name: 'Production org',
    loginUrl: sf.url,
    clientId: sf.oauth.clientId,
    clientSecret,
    redirectUri: 'http://localhost:3000/settings/crm/callback',
  });
  expect(created.statusCode, created.body).toBe(201);
  const back = new URL(
    (await fetch(created.json().authorizeUrl, { redirect: 'manual' })).headers.get('location')!,
  );
  return api().post('/api/v1/crm/connections/oauth-callback', {
    code: back.searchParams.get('code'),
    state: back.searchParams.get('state'),
  });
}

describe('CRM sync with Salesforce', () => {
  it('a wrong client secret fails the connect with Salesforce’s own message', async () => {
    const res = await oauthConnect('not-the-secret');
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toBe('The CRM answered: invalid_client: invalid client credentials');
  });

  it('connects by OAuth with PKCE, tests the connection and proposes mappings for this org', async () => {
    const res = await oauthConnect(sf.oauth.clientSecret);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    connectionId = c.id;
    expect(c).toMatchObject({
      status: 'active',
      remoteName: 'Emulated Org',
      remoteAccountId: '00D000000000001AAA',
    });
    // A multi-currency org: the currency travels with the amount.
    expect(c.mappings.opportunity.fields.map((f: { remote: string }) => f.remote)).toContain(
      'CurrencyIsoCode',
    );
    const stored = await connection();
    expect(stored.accessTokenSealed).toMatch(/^v1\./);
    expect(stored.refreshTokenSealed).toMatch(/^v1\./);
    const tested = await api().post(`${base()}/test`);
    expect(tested.json()).toMatchObject({ ok: true, remoteName: 'Emulated Org', apiUsage: { max: 15000 } });
    // Only the vendor admin manages CRM connections.
    expect((await as(t.app, northwindUser).get('/api/v1/crm/connections')).statusCode).toBe(403);
  });

  it('the sync’s records are the vendor’s: read as a partner, every one is absent', async () => {
    // The route permission keeps partners out; the repository's visibility holds even if one got past it.
    const partner: Actor = {
      userId: northwind.id,
      name: 'Sam North',
      orgId: northwind.id,
      orgKind: 'partner',
      role: 'partner_admin',
      via: 'session',
      sessionId: null,
      scope: 'read_write',
    };
    const vendor: Actor = { ...partner, orgId: e.vendor.id, orgKind: 'vendor', role: 'admin' };
    const db = t.database.db;
    expect(await findConnection(db, vendor, connectionId)).not.toBeNull();
    expect(await findConnection(db, partner, connectionId)).toBeNull();
    expect(await listConnections(db, partner)).toEqual([]);
    expect((await listLinks(db, partner, { status: 'review' }, { limit: 50 })).items).toEqual([]);
    expect((await listRuns(db, partner, connectionId, { limit: 50 })).items).toEqual([]);
  });

  it('refuses a mapping to a field the org lacks, naming it', async () => {
    const c = (await api().get(base())).json();
    const mappings = structuredClone(c.mappings);
    mappings.opportunity.fields.push({
      local: 'description',
      remote: 'Partner_Notes__c',
      direction: 'push',
      systemOfRecord: 'partnergraph',
    });
    const res = await api().put(`${base()}/mappings`, { version: c.version, mappings });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        path: `body.mappings.opportunity.fields.${mappings.opportunity.fields.length - 1}.remote`,
        message: 'Opportunity has no field Partner_Notes__c',
      },
    ]);
    mappings.opportunity.fields.pop();
    mappings.opportunity.fields.find((f: { local: string }) => f.local === 'amount').remote = 'CloseDate';
    const mistyped = await api().put(`${base()}/mappings`, { version: c.version, mappings });
    expect(mistyped.statusCode).toBe(400);
    expect(mistyped.json().errors[0].message).toMatch(
      /Opportunity.CloseDate is a date field; amount needs one of: currency, number/,
    );
  });

  let initech: string;
  it('a dry run shows what the first sync will do and changes nothing; then the sync does it', async () => {
    initech = await register('Initech', 'initech.com', 2_500_000);
    expect((await api().post(`${base()}/runs`, {})).statusCode).toBe(422); // the dry run comes first
    expect((await api().post(`${base()}/dry-run`)).statusCode).toBe(202);
    await sync();
    const dry = await lastRun();
    expect(dry).toMatchObject({ mode: 'dry_run', status: 'completed' });
    expect(dry.counts).toMatchObject({
      accountsLinked: 1,
      accountsForReview: 1,
      opportunitiesCreated: 1,
      accountsCreated: 0,
    });
    expect(sf.records('Opportunity')).toHaveLength(0);
    const planned = (await api().get(`${base()}/runs/${dry.id}/records?outcome=planned`)).json().items;
    expect(planned.map((r: { action: string }) => r.action).sort()).toEqual([
      'create_remote',
      'link',
      'review',
    ]);

    const run = await runNow();
    expect(run).toMatchObject({ status: 'completed' });
    expect(run.counts).toMatchObject({ accountsLinked: 1, accountsForReview: 1, opportunitiesCreated: 1 });
    const [opp] = opportunityOf('Initech');
    expect(opp).toMatchObject({
      Name: 'Initech (Northwind Traders)',
      StageName: 'Prospecting',
      Amount: 25000,
      CurrencyIsoCode: 'USD',
      CloseDate: inDays(60),
    });
    const customer = sf.records('Account').find((a) => a.Name === 'Initech')!;
    expect(opp!.AccountId).toBe(customer.Id);
    const partnerAccount = sf.records('Account').find((a) => a.Name === 'Northwind Traders, Inc.')!;
    expect(sf.records('OpportunityPartner')).toEqual([
      expect.objectContaining({
        OpportunityId: opp!.Id,
        AccountToId: partnerAccount.Id,
        Role: 'VAR/Reseller',
        IsPrimary: true,
      }),
    ]);
    // Run again: nothing new is created.
    expect((await runNow()).counts).toMatchObject({ opportunitiesCreated: 0, accountsLinked: 0 });
    expect(sf.records('Opportunity')).toHaveLength(1);
  });

  it('an ambiguous account waits in the review queue until a person links it', async () => {
    const queue = (await api().get('/api/v1/crm/links')).json().items;
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ remoteName: 'Fabrikam', status: 'review' });
    expect(queue[0].candidates.map((c: { name: string }) => c.name).sort()).toEqual([
      'Fabrikam GmbH',
      'Fabrikam Inc',
    ]);
    const chosen = queue[0].candidates.find((c: { name: string }) => c.name === 'Fabrikam GmbH');
    const res = await api().post(`/api/v1/crm/links/${queue[0].id}/resolve`, { localId: chosen.id });
    expect(res.json()).toMatchObject({ status: 'linked', localId: chosen.id });
    expect((await api().get('/api/v1/crm/links')).json().items).toHaveLength(0);
  });

  it('Closed Won in Salesforce wins the deal here, with its amount, and the sourced revenue moves', async () => {
    const revenue = async () =>
      (await api().get(`/api/v1/analytics/revenue?from=${inDays(-30)}&to=${inDays(1)}`)).json().totals.sourced
        .value;
    const before = await revenue();
    const [opp] = opportunityOf('Initech');
    sf.edit('Opportunity', opp!.Id, { StageName: 'Closed Won', Amount: 30000, CloseDate: today() });
    const run = await runNow();
    expect(run.counts).toMatchObject({ dealsChanged: 1, recordErrors: 0 });
    expect(await deal(initech)).toMatchObject({ status: 'won', amount: 3_000_000, closeDate: today() });
    expect(await revenue()).toBe(before + 3_000_000);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, initech), eq(auditLog.action, 'deal.won')));
    expect(audit[0]!.requestId).toBe(`crm-run:${run.id}`);
    const changes = (await api().get(`${base()}/runs/${run.id}/records?outcome=done`)).json().items;
    expect(changes).toContainEqual(
      expect.objectContaining({
        action: 'update_local',
        localId: initech,
        before: { stage: 'qualification', amount: 2_500_000, closeDate: inDays(60) },
        after: { stage: 'won', amount: 3_000_000, closeDate: today() },
      }),
    );
  });

  let acme: string, globex: string, hooli: string;
  it('bad records are logged with the field and skipped, the run goes on, and retry picks them up once fixed', async () => {
    acme = await register('Acme', 'acme.com', 1_000_000);
    globex = await register('Globex', 'globex.com', 1_000_000);
    hooli = await register('Hooli', 'hooli.com', 1_000_000);
    await runNow();
    const c = (await api().get(base())).json();
    const mappings = structuredClone(c.mappings);
    delete mappings.opportunity.stageMap['Perception Analysis'];
    expect((await api().put(`${base()}/mappings`, { version: c.version, mappings })).statusCode).toBe(200);
    sf.edit('Opportunity', opportunityOf('Acme')[0]!.Id, { StageName: 'Perception Analysis' });
    sf.edit('Opportunity', opportunityOf('Globex')[0]!.Id, { StageName: 'Closed Won', Amount: null });
    sf.edit('Opportunity', opportunityOf('Hooli')[0]!.Id, { CurrencyIsoCode: 'ZZZ' });
    const run = await runNow();
    expect(run).toMatchObject({ status: 'completed' });
    expect(run.counts.recordErrors).toBe(3);
    const errors = (await api().get(`${base()}/runs/${run.id}/records?outcome=error`)).json().items;
    expect(
      errors.map((r: { localId: string; field: string; message: string }) => [r.localId, r.field, r.message]),
    ).toEqual(
      expect.arrayContaining([
        [
          acme,
          'StageName',
          'The stage Perception Analysis has no mapping to ours: add it to the stage map, then retry',
        ],
        [globex, 'Amount', 'A won opportunity needs an amount'],
        [hooli, 'CurrencyIsoCode', 'Unknown currency ZZZ'],
      ]),
    );
    expect((await deal(acme)).stage).toBeNull();
    // The stage is mapped again: a retry of the failed records applies it.
    const latest = (await api().get(base())).json();
    mappings.opportunity.stageMap['Perception Analysis'] = 'proposal';
    expect((await api().put(`${base()}/mappings`, { version: latest.version, mappings })).statusCode).toBe(
      200,
    );
    const retry = await runNow({ retryFailed: true });
    expect(retry).toMatchObject({ mode: 'retry', status: 'completed' });
    expect((await deal(acme)).stage).toBe('proposal');
    expect(retry.counts.recordErrors).toBe(2);
  });

  it('a run that dies mid-page resumes from its watermark: no change lost, none applied twice, no duplicate opportunity', async () => {
    sf.edit('Opportunity', opportunityOf('Globex')[0]!.Id, {
      StageName: 'Negotiation/Review',
      Amount: 12000,
    });
    sf.edit('Opportunity', opportunityOf('Hooli')[0]!.Id, {
      CurrencyIsoCode: 'USD',
      StageName: 'Closed Lost',
    });
    sf.edit('Opportunity', opportunityOf('Acme')[0]!.Id, { Amount: 15000 });
    // The second page of changes never arrives.
    sf.dropNextRequest(/^GET \/services\/data\/v[\d.]+\/query\/01g/);
    const crashed = await runNow();
    expect(crashed.status).toBe('failed');
    expect(crashed.message).toMatch(/could not be reached/);
    // The first page (two changes) was applied and its watermark kept; the third change waits.
    expect((await deal(globex)).amount).toBe(1_200_000);
    expect(await deal(hooli)).toMatchObject({ status: 'lost' });
    expect((await deal(acme)).amount).toBe(1_000_000);
    const again = await runNow();
    expect(again.status).toBe('completed');
    expect((await deal(acme)).amount).toBe(1_500_000);
    expect(again.counts.dealsChanged).toBe(1);
    const lost = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, hooli), eq(auditLog.action, 'deal.lost')));
    expect(lost).toHaveLength(1);

    // A crash between Salesforce creating the opportunity and us recording it: the next run finds it by name.
    const umbrella = await register('Umbrella', 'umbrella.com', 700_000);
    sf.dropNextRequest(/^POST \/services\/data\/v[\d.]+\/sobjects\/Opportunity$/, true);
    expect((await runNow()).status).toBe('failed');
    expect(opportunityOf('Umbrella')).toHaveLength(1);
    expect((await runNow()).status).toBe('completed');
    expect(opportunityOf('Umbrella')).toHaveLength(1);
    expect(
      sf.records('OpportunityPartner').filter((p) => p.OpportunityId === opportunityOf('Umbrella')[0]!.Id),
    ).toHaveLength(1);
    expect((await deal(umbrella)).status).toBe('approved');
  });

  it('an expired session is refreshed once and the run goes on', async () => {
    sf.expireTokens();
    const run = await runNow();
    expect(run.status).toBe('completed');
    expect((await connection()).status).toBe('active');
  });

  it('stops at the configured share of the daily API budget', async () => {
    const c = (await api().get(base())).json();
    await api().patch(base(), { version: c.version, budgetShare: 10 });
    sf.setApiUsage(1600);
    const run = await runNow();
    expect(run.status).toBe('deferred');
    expect(run.message).toMatch(/^Stopped at 10% of the CRM's daily API budget \(\d+ of 15000 calls used\)/);
    sf.setApiUsage(0);
    await t.database.db
      .update(crmConnections)
      .set({ nextRunAfter: null })
      .where(eq(crmConnections.id, connectionId));
    await sync();
    expect((await api().get(`${base()}/runs/${run.id}`)).json().status).toBe('completed');
  });

  it('a 429 defers the run by its Retry-After; nothing is sent before then', async () => {
    sf.throttle(1, 120);
    const run = await runNow();
    expect(run).toMatchObject({ status: 'deferred' });
    expect(run.message).toMatch(/wait 120 s/);
    const after = (await connection()).nextRunAfter!.getTime();
    expect(after).toBeGreaterThan(Date.now() + 100_000);
    const sent = sf.requests.length;
    await sync();
    expect(sf.requests.length).toBe(sent);
    await t.database.db
      .update(crmConnections)
      .set({ nextRunAfter: null })
      .where(eq(crmConnections.id, connectionId));
    await sync();
    expect((await api().get(`${base()}/runs/${run.id}`)).json().status).toBe('completed');
  });

  it('a revoked grant marks the connection needs_reconnect with Salesforce’s words; nothing retries it', async () => {
    sf.revokeGrants();
    const run = await runNow();
    expect(run.status).toBe('failed');
    const c = (await api().get(base())).json();
    expect(c).toMatchObject({
      status: 'needs_reconnect',
      statusMessage: 'invalid_grant: expired access/refresh token',
    });
    const refused = await api().post(`${base()}/runs`, {});
    expect(refused.statusCode).toBe(422);
    const sent = sf.requests.length;
    await sync();
    expect(sf.requests.length).toBe(sent);
    // Reconnecting grants access again.
    const again = await api().post(`${base()}/reconnect`, { version: c.version });
    const back = new URL(
      (await fetch(again.json().authorizeUrl, { redirect: 'manual' })).headers.get('location')!,
    );
    const done = await api().post('/api/v1/crm/connections/oauth-callback', {
      code: back.searchParams.get('code'),
      state: back.searchParams.get('state'),
    });
    expect(done.json()).toMatchObject({ status: 'active', statusMessage: null });
  });
});
