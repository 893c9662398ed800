import os from 'node:os';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSecretBox } from '../src/lib/secrets';
import { auditLog } from '../src/modules/audit/audit.tables';
import { runCrmSync } from '../src/modules/crm/crm-sync';
import { BudgetReached, checkBudget, type RunState } from '../src/modules/crm/crm-sync.state';
import { crmConnections } from '../src/modules/crm/crm.tables';
import { deals } from '../src/modules/deals/deals.tables';
import { createPartnerOrganization, createUser } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { startHubSpotEmulator, type HubSpotEmulator } from './emulators/hubspot';

// The journey with HubSpot against the emulated portal: connect (private app; OAuth app with its
// state checked), dry run, run, an approved registration becomes a deal with its partner association,
// Closed Won there wins the deal here, and the failures a revenue team meets (429, a revoked token).
let t: TestApp;
let e: Ecosystem;
let hs: HubSpotEmulator;
let admin: Session;
let northwindUser: Session;
let connectionId: string;
let northwindCompany: string;
let initechCompany: string;
const secrets = loadSecretBox({ DATA_DIR: os.tmpdir() }, () => undefined);
// The emulators listen on 127.0.0.1: the operator's CRM_ALLOW_PRIVATE, as the test app sets it.
const sync = () => runCrmSync(t.database.db, secrets, { allowPrivate: true });
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const api = () => as(t.app, admin);
const base = (id = connectionId) => `/api/v1/crm/connections/${id}`;
const redirectUri = 'http://localhost:3000/settings/crm/callback';

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  hs = await startHubSpotEmulator({ portalId: 7_700_001 });
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
  // What the portal already holds: the partner's company and a customer.
  northwindCompany = hs.seed('companies', { name: 'Northwind Traders, Inc.', domain: 'northwind.com' });
  initechCompany = hs.seed('companies', { name: 'Initech', domain: 'initech.com' });
});
afterAll(async () => {
  await t?.close();
  await hs?.close();
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
const stored = async (id = connectionId) =>
  (await t.database.db.select().from(crmConnections).where(eq(crmConnections.id, id)))[0]!;
const lastRun = async () => (await api().get(`${base()}/runs?limit=1`)).json().items[0];
const dealsNamed = (name: string) =>
  [...hs.portal.objects.deals.values()].filter(
    (d) => !d.archived && String(d.properties.dealname).startsWith(name),
  );

async function runNow(body: Record<string, unknown> = {}) {
  const res = await api().post(`${base()}/runs`, body);
  expect(res.statusCode, res.body).toBe(202);
  await sync();
  return (await api().get(`${base()}/runs/${res.json().id}`)).json();
}

/** Starts an OAuth connect and follows the consent screen back: the code and state HubSpot returned. */
async function oauthStart() {
  const created = await api().post('/api/v1/crm/connections', {
    kind: 'hubspot',
    authMethod: 'oauth',
    name: 'HubSpot portal (app)',
    apiBase: hs.url,
    authorizeBase: hs.url,
    clientId: hs.clientId,
    clientSecret: hs.clientSecret,
    redirectUri,
  });
  expect(created.statusCode, created.body).toBe(201);
  const back = new URL(
    (await fetch(created.json().authorizeUrl, { redirect: 'manual' })).headers.get('location')!,
  );
  return {
    id: created.json().connection.id as string,
    code: back.searchParams.get('code')!,
    state: back.searchParams.get('state')!,
  };
}

describe('CRM sync with HubSpot', () => {
  it('an OAuth app connects only with the state it was sent with; its tokens are sealed', async () => {
    const first = await oauthStart();
    const forged = await api().post('/api/v1/crm/connections/oauth-callback', {
      code: first.code,
      state: `${first.id}.not-the-state`,
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().errors).toEqual([
      { path: 'body.state', message: 'No connection is waiting for this grant (it was used or replaced)' },
    ]);
    expect((await stored(first.id)).status).toBe('pending');

    const done = await api().post('/api/v1/crm/connections/oauth-callback', {
      code: first.code,
      state: first.state,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      kind: 'hubspot',
      authMethod: 'oauth',
      status: 'active',
      remoteAccountId: '7700001',
    });
    const row = await stored(first.id);
    expect(row.accessTokenSealed).toMatch(/^v1\./);
    expect(row.refreshTokenSealed).toMatch(/^v1\./);
    expect(row.clientSecretSealed).toMatch(/^v1\./);
    expect(row.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    // The state is spent: the same redirect cannot be replayed.
    const replay = await api().post('/api/v1/crm/connections/oauth-callback', {
      code: first.code,
      state: first.state,
    });
    expect(replay.statusCode).toBe(400);
  });

  it('a revoked OAuth grant marks the connection needs_reconnect with HubSpot’s words', async () => {
    const { id } = (await api().get('/api/v1/crm/connections')).json().items[0];
    const grant = (await stored(id)).accessTokenSealed!;
    const open = (sealed: string, purpose: string) => secrets.open(sealed, `crm.connection:${id}:${purpose}`);
    hs.expireToken(open(grant, 'accessToken'));
    hs.revokeRefreshToken(open((await stored(id)).refreshTokenSealed!, 'refreshToken'));
    const tested = await api().post(`${base(id)}/test`);
    expect(tested.statusCode).toBe(422);
    expect((await api().get(base(id))).json()).toMatchObject({
      status: 'needs_reconnect',
      statusMessage: 'missing or unknown refresh token',
    });
    expect((await api().delete(base(id))).statusCode).toBe(204);
  });

  it('a wrong private-app token fails the connect with HubSpot’s own message; the right one connects', async () => {
    const body = { kind: 'hubspot', authMethod: 'token', name: 'HubSpot portal', apiBase: hs.url };
    const wrong = await api().post('/api/v1/crm/connections', { ...body, token: 'pat-na1-wrong' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().detail).toMatch(/^The CRM answered: Authentication credentials not found/);
    expect((await api().get('/api/v1/crm/connections')).json().items).toHaveLength(0);

    const res = await api().post('/api/v1/crm/connections', { ...body, token: hs.privateAppToken() });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json().connection;
    connectionId = c.id;
    expect(c).toMatchObject({ status: 'active', authMethod: 'token', remoteAccountId: '7700001' });
    // Defaults from the portal's own schema: the pipeline's stages map to ours.
    expect(c.mappings.opportunity.fields.map((f: { remote: string }) => f.remote)).toEqual([
      'dealname',
      'associations.company',
      'dealstage',
      'amount',
      'deal_currency_code',
      'closedate',
    ]);
    expect(c.mappings.opportunity.stageMap).toMatchObject({ closedwon: 'won', closedlost: 'lost' });
    expect((await stored()).accessTokenSealed).toMatch(/^v1\./);
    const tested = await api().post(`${base()}/test`);
    expect(tested.json()).toMatchObject({ ok: true, remoteAccountId: '7700001', apiUsage: { max: 250000 } });
  });

  let initech: string;
  it('a dry run counts what the first sync will do; the sync creates the deal with its partner association', async () => {
    initech = await register('Initech', 'initech.com', 2_500_000);
    expect((await api().post(`${base()}/dry-run`)).statusCode).toBe(202);
    await sync();
    const dry = await lastRun();
    expect(dry).toMatchObject({ mode: 'dry_run', status: 'completed' });
    expect(dry.counts).toMatchObject({ accountsLinked: 1, opportunitiesCreated: 1, accountsCreated: 0 });
    expect(dealsNamed('Initech')).toHaveLength(0);

    const run = await runNow();
    expect(run).toMatchObject({ status: 'completed' });
    expect(run.counts).toMatchObject({ accountsLinked: 1, opportunitiesCreated: 1 });
    const [created] = dealsNamed('Initech');
    expect(created!.properties).toMatchObject({
      dealname: 'Initech (Northwind Traders)',
      dealstage: 'appointmentscheduled',
      amount: '25000',
      deal_currency_code: 'USD',
    });
    expect(String(created!.properties.closedate)).toMatch(new RegExp(`^${inDays(60)}`));
    expect(hs.dealCompanyLabels(created!.id, northwindCompany)).toEqual(
      expect.arrayContaining(['Partner: Sourced', 'Primary partner']),
    );
    // The customer is the deal's own (primary) company in HubSpot; the partner is not.
    expect(hs.dealCompanyLabels(created!.id, initechCompany)).toEqual([null, 'Primary']);
    expect(hs.dealCompanyLabels(created!.id, northwindCompany)).not.toContain('Primary');
    // Run again: records HubSpot re-delivers at the watermark change nothing and create nothing.
    const again = await runNow();
    expect(again.counts).toMatchObject({ opportunitiesCreated: 0, dealsChanged: 0, recordErrors: 0 });
    expect(dealsNamed('Initech')).toHaveLength(1);
  });

  it('a customer the portal lacks becomes a new company under HubSpot’s own name property', async () => {
    await register('Globex', 'globex.com', 900_000);
    const run = await runNow();
    expect(run).toMatchObject({ status: 'completed' });
    expect(run.counts).toMatchObject({ accountsCreated: 1, opportunitiesCreated: 1, recordErrors: 0 });
    const globex = [...hs.portal.objects.companies.values()].filter((c) => c.properties.name === 'Globex');
    expect(globex).toHaveLength(1);
    // HubSpot's `domain` property holds a domain, not a URL: a URL there breaks HubSpot's own matching.
    expect(globex[0]!.properties.domain).toBe('globex.com');
    expect(dealsNamed('Globex')).toHaveLength(1);
  });

  it('Closed Won in HubSpot wins the deal here, with its amount, and the sourced revenue moves', async () => {
    const revenue = async () =>
      (await api().get(`/api/v1/analytics/revenue?from=${inDays(-30)}&to=${inDays(1)}`)).json().totals.sourced
        .value;
    const before = await revenue();
    const [d] = dealsNamed('Initech');
    hs.touch('deals', d!.id, { dealstage: 'closedwon', amount: '30000', closedate: `${today()}T00:00:00Z` });
    const run = await runNow();
    expect(run.counts).toMatchObject({ dealsChanged: 1, recordErrors: 0 });
    expect(await deal(initech)).toMatchObject({ status: 'won', amount: 3_000_000, closeDate: today() });
    expect(await revenue()).toBe(before + 3_000_000);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, initech), eq(auditLog.action, 'deal.won')));
    expect(audit[0]!.requestId).toBe(`crm-run:${run.id}`);
    // The same change delivered again (HubSpot's search is inclusive at the watermark) is not applied twice.
    expect((await runNow()).counts.dealsChanged).toBe(0);
  });

  const seen = (items: { localId: string; action: string; field: string; message: string }[]) =>
    items.map((r) => [r.localId, r.action, r.field, r.message]);
  const errorsOf = async (runId: string) =>
    (await api().get(`${base()}/runs/${runId}/records?outcome=error`)).json().items;
  let vandelay: string, massive: string, piper: string;
  it('a record HubSpot refuses is logged with its property and HubSpot’s words, the others go through, and it is retried', async () => {
    // The account's property validation rules refuse a new company and a new deal.
    hs.addValidationRule({ object: 'companies', property: 'name', ruleType: 'MAX_LENGTH', limit: 20 });
    hs.addValidationRule({ object: 'deals', property: 'amount', ruleType: 'MAX_NUMBER', limit: 50_000 });
    vandelay = await register('Vandelay Industries International', 'vandelay.com', 900_000);
    massive = await register('Massive Dynamic', 'massivedynamic.com', 9_000_000);
    piper = await register('Pied Piper', 'piedpiper.com', 800_000);
    const run = await runNow();
    expect(run).toMatchObject({ status: 'completed' });
    expect(run.counts).toMatchObject({ opportunitiesCreated: 1, recordErrors: 2 });
    expect(dealsNamed('Pied Piper')).toHaveLength(1);
    expect(dealsNamed('Massive')).toHaveLength(0);
    expect(dealsNamed('Vandelay')).toHaveLength(0);
    expect(seen(await errorsOf(run.id))).toEqual(
      expect.arrayContaining([
        [
          vandelay,
          'create_remote',
          'name',
          'HubSpot refused the customer’s company Vandelay Industries International: Vandelay Industries International is longer than the 20 characters allowed for name',
        ],
        [massive, 'create_remote', 'amount', '90000 is greater than the maximum of 50000 allowed for amount'],
      ]),
    );
    hs.clearValidationRules();
    const retry = await runNow({ retryFailed: true });
    expect(retry).toMatchObject({ mode: 'retry', status: 'completed' });
    expect(retry.counts.recordErrors).toBe(0);
    expect(dealsNamed('Massive')).toHaveLength(1);
    expect(dealsNamed('Vandelay')).toHaveLength(1);
    expect(await errorsOf(run.id)).toEqual([]);
  });

  it('a HubSpot deal with an unmapped stage, a won deal without an amount or an unknown currency is logged by its property and skipped', async () => {
    const c = (await api().get(base())).json();
    const mappings = structuredClone(c.mappings);
    delete mappings.opportunity.stageMap.decisionmakerboughtin;
    expect((await api().put(`${base()}/mappings`, { version: c.version, mappings })).statusCode).toBe(200);
    hs.touch('deals', dealsNamed('Pied Piper')[0]!.id, { dealstage: 'decisionmakerboughtin' });
    hs.touch('deals', dealsNamed('Massive')[0]!.id, { dealstage: 'closedwon', amount: '' });
    hs.touch('deals', dealsNamed('Vandelay')[0]!.id, { deal_currency_code: 'ZZZ' });
    const run = await runNow();
    expect(run).toMatchObject({ status: 'completed' });
    expect(seen(await errorsOf(run.id))).toEqual(
      expect.arrayContaining([
        [
          piper,
          'update_local',
          'dealstage',
          'The stage decisionmakerboughtin has no mapping to ours: add it to the stage map, then retry',
        ],
        [massive, 'update_local', 'amount', 'A won opportunity needs an amount'],
        [vandelay, 'update_local', 'deal_currency_code', 'Unknown currency ZZZ'],
      ]),
    );
    expect(await deal(massive)).toMatchObject({ status: 'approved', amount: 9_000_000 });
    expect(await deal(vandelay)).toMatchObject({ currency: 'USD' });
    expect((await deal(piper)).stage).toBeNull();
  });

  it('a private app stops at the configured share of its daily API budget', async () => {
    const c = (await api().get(base())).json();
    await api().patch(base(), { version: c.version, budgetShare: 10 });
    hs.setDailyUsed(26_000);
    const run = await runNow();
    expect(run.status).toBe('deferred');
    expect(run.message).toMatch(/^Stopped at 10% of the CRM's daily API budget \(\d+ of 250000 calls used\)/);
    hs.setDailyUsed(0);
    await t.database.db
      .update(crmConnections)
      .set({ nextRunAfter: null })
      .where(eq(crmConnections.id, connectionId));
    await sync();
    expect((await api().get(`${base()}/runs/${run.id}`)).json().status).toBe('completed');
  });

  it('a 429 defers the run by its Retry-After; nothing is sent before then', async () => {
    hs.throttle(1, 120);
    const run = await runNow();
    expect(run).toMatchObject({ status: 'deferred' });
    expect(run.message).toMatch(/wait 120 s/);
    expect((await stored()).nextRunAfter!.getTime()).toBeGreaterThan(Date.now() + 100_000);
    const sent = hs.requests.length;
    await sync();
    expect(hs.requests.length).toBe(sent);
    await t.database.db
      .update(crmConnections)
      .set({ nextRunAfter: null })
      .where(eq(crmConnections.id, connectionId));
    await sync();
    expect((await api().get(`${base()}/runs/${run.id}`)).json().status).toBe('completed');
  });

  it('a revoked private-app token marks the connection needs_reconnect; nothing retries it', async () => {
    hs.expireToken(
      secrets.open((await stored()).accessTokenSealed!, `crm.connection:${connectionId}:accessToken`),
    );
    const run = await runNow();
    expect(run.status).toBe('failed');
    const c = (await api().get(base())).json();
    expect(c.status).toBe('needs_reconnect');
    expect(c.statusMessage).toMatch(/expired/);
    expect((await api().post(`${base()}/runs`, {})).statusCode).toBe(422);
    const sent = hs.requests.length;
    await sync();
    expect(hs.requests.length).toBe(sent);
  });

  it('a private-app connection is reconnected with the new token the admin pastes', async () => {
    const c = (await api().get(base())).json();
    const none = await api().post(`${base()}/reconnect`, { version: c.version });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].path).toBe('body.token');
    const wrong = await api().post(`${base()}/reconnect`, { version: c.version, token: 'pat-na1-wrong' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().detail).toMatch(/^The CRM answered: Authentication credentials not found/);
    expect((await api().get(base())).json().status).toBe('needs_reconnect');
    const token = hs.privateAppToken();
    const res = await api().post(`${base()}/reconnect`, { version: c.version, token });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      authorizeUrl: null,
      connection: { status: 'active', statusMessage: null },
    });
    expect(
      secrets.open((await stored()).accessTokenSealed!, `crm.connection:${connectionId}:accessToken`),
    ).toBe(token);
    expect((await runNow()).status).toBe('completed');
  });
});

describe('the API budget rule per kind of usage', () => {
  // An OAuth app's headers give only the rolling 10-second window (max 110): a spent share of it is waited
  // out, never turned into an hour's deferral as a spent share of a daily budget is.
  const state = (kind: 'hubspot' | 'salesforce', authMethod: 'oauth' | 'token', observedAt: string) =>
    ({
      connection: { kind, authMethod, budgetShare: 50 },
      provider: { usage: () => ({ used: 100, max: 110, observedAt }) },
    }) as unknown as RunState;
  const windowAgo = new Date(Date.now() - 11_000).toISOString();

  it('a spent share of an OAuth app’s 10-second window does not stop the run', async () => {
    await expect(checkBudget(state('hubspot', 'oauth', windowAgo))).resolves.toBeUndefined();
  });

  it('a spent share of a daily budget stops the run', async () => {
    await expect(checkBudget(state('hubspot', 'token', windowAgo))).rejects.toBeInstanceOf(BudgetReached);
    await expect(checkBudget(state('salesforce', 'oauth', windowAgo))).rejects.toBeInstanceOf(BudgetReached);
  });
});
