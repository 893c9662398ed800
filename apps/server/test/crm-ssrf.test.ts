import os from 'node:os';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/lib/ids';
import { loadSecretBox } from '../src/lib/secrets';
import { runCrmSync } from '../src/modules/crm/crm-sync';
import { defaultMappings } from '../src/modules/crm/crm.mappings';
import { seal } from '../src/modules/crm/crm.providers';
import { crmConnections, crmRuns } from '../src/modules/crm/crm.tables';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD } from './ecosystem';

// SSRF: with CRM_ALLOW_PRIVATE off (the default), PartnerGraph never calls a CRM address on loopback,
// link-local or private networks — not the login URL or API base a person types, nor the instance URL a
// token endpoint answers with — when the connection is made, tested, mapped or synced.
let t: TestApp;
let admin: Session;
const secrets = loadSecretBox({ DATA_DIR: os.tmpdir() }, () => undefined);
const api = () => as(t.app, admin);

beforeAll(async () => {
  t = await startTestApp({ CRM_ALLOW_PRIVATE: 'false' });
  const e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
});
afterAll(async () => {
  await t?.close();
});

const salesforce = (loginUrl: string) => ({
  kind: 'salesforce',
  authMethod: 'oauth',
  name: 'Org',
  loginUrl,
  clientId: 'consumer-key',
  redirectUri: 'https://partners.example.com/settings/crm/callback',
});

/** A connection as a token endpoint could have left it: its instance URL on the vendor's own network. */
async function connectionAt(instanceUrl: string) {
  const id = newId();
  await t.database.db.insert(crmConnections).values({
    id,
    kind: 'salesforce',
    name: 'Answered elsewhere',
    status: 'active',
    authMethod: 'oauth',
    // A literal public address: the login URL passes without DNS, the instance URL is what is refused.
    loginUrl: 'https://93.184.216.34',
    instanceUrl,
    apiVersion: '60.0',
    clientId: 'consumer-key',
    accessTokenSealed: seal(secrets, id, 'accessToken', 'token'),
    mappings: defaultMappings('salesforce'),
    firstSyncAt: new Date(),
  });
  return id;
}

describe('CRM addresses on private networks', () => {
  it('refuses a login URL or API base on loopback, link-local or private addresses, naming the field', async () => {
    for (const loginUrl of ['http://127.0.0.1:8080', 'http://localhost:9', 'http://169.254.169.254']) {
      const res = await api().post('/api/v1/crm/connections', salesforce(loginUrl));
      expect(res.statusCode, loginUrl).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ path: 'body.loginUrl' });
      expect(res.json().errors[0].message).toMatch(
        /loopback, link-local or private address.*CRM_ALLOW_PRIVATE/,
      );
    }
    const hubspot = await api().post('/api/v1/crm/connections', {
      kind: 'hubspot',
      authMethod: 'token',
      name: 'Portal',
      apiBase: 'http://10.1.2.3',
      token: 'pat-na1-x',
    });
    expect(hubspot.statusCode).toBe(400);
    expect(hubspot.json().errors[0]).toMatchObject({ path: 'body.apiBase' });
    expect((await api().get('/api/v1/crm/connections')).json().items).toHaveLength(0);
    // A public address is accepted (an OAuth connect calls nothing until the person comes back).
    const ok = await api().post('/api/v1/crm/connections', salesforce('https://93.184.216.34'));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('calls no private instance URL: test, mapping screen and sync are refused with the reason', async () => {
    const id = await connectionAt('http://192.168.1.20');
    const tested = await api().post(`/api/v1/crm/connections/${id}/test`);
    expect(tested.statusCode).toBe(422);
    expect(tested.json().detail).toMatch(/^The instance URL http:\/\/192\.168\.1\.20 is refused/);
    const schema = await api().get(`/api/v1/crm/connections/${id}/schema?object=account`);
    expect(schema.statusCode).toBe(422);
    const queued = await api().post(`/api/v1/crm/connections/${id}/runs`, {});
    expect(queued.statusCode, queued.body).toBe(202);
    await runCrmSync(t.database.db, secrets, { allowPrivate: false });
    const [run] = await t.database.db.select().from(crmRuns).where(eq(crmRuns.id, queued.json().id));
    expect(run).toMatchObject({ status: 'failed' });
    expect(run!.message).toMatch(/instance URL http:\/\/192\.168\.1\.20 is refused/);
  });
});
