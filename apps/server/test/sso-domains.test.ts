// Domains (DNS TXT proof through a resolver the install configures, vendor confirmation, one organization
// per domain), the sign-in page's discovery, and the "SSO required" policy with its break-glass admin.
import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitHits } from '../src/db/platform.tables';
import { discoverLimit } from '../src/modules/sso/domains.service';
import { ssoConnections } from '../src/modules/sso/sso.tables';
import { newId } from '../src/lib/ids';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { softPasskey } from './passkey-authenticator';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

/** TXT records the tiny DNS server answers, by name. */
const txt = new Map<string, string[]>();
let dns: dgram.Socket;
let t: TestApp;
let e: Ecosystem;
let admin: Session;
let aAdmin: Session;
let bAdmin: Session;

/** Answers TXT questions from `txt` (RFC 1035 wire format); anything else is NXDOMAIN. */
function startDns(): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg, rinfo) => {
    let i = 12;
    const labels: string[] = [];
    while (msg[i]! > 0) {
      labels.push(msg.subarray(i + 1, i + 1 + msg[i]!).toString('ascii'));
      i += msg[i]! + 1;
    }
    const question = msg.subarray(12, i + 5);
    const qtype = msg.readUInt16BE(i + 1);
    const records = qtype === 16 ? (txt.get(labels.join('.').toLowerCase()) ?? []) : [];
    const answers = records.map((text) => {
      const data = Buffer.concat([Buffer.from([text.length]), Buffer.from(text, 'ascii')]);
      const rr = Buffer.alloc(12);
      rr.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
      rr.writeUInt16BE(16, 2); // TXT
      rr.writeUInt16BE(1, 4); // IN
      rr.writeUInt32BE(60, 6);
      rr.writeUInt16BE(data.length, 10);
      return Buffer.concat([rr, data]);
    });
    const header = Buffer.alloc(12);
    msg.copy(header, 0, 0, 2);
    header.writeUInt16BE(records.length ? 0x8180 : 0x8183, 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    socket.send(Buffer.concat([header, question, ...answers]), rinfo.port, rinfo.address);
  });
  return new Promise((resolve) => socket.bind(0, '127.0.0.1', () => resolve(socket)));
}

beforeAll(async () => {
  dns = await startDns();
  t = await startTestApp({ DNS_SERVERS: `127.0.0.1:${(dns.address() as AddressInfo).port}` });
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  aAdmin = await signIn(t.app, e.aAdmin.email, PASSWORD);
  bAdmin = await signIn(t.app, e.bAdmin.email, PASSWORD);
});
afterAll(async () => {
  await t?.close();
  dns?.close();
});

describe('domains', () => {
  it('proves a domain by its TXT record, once the record is published', async () => {
    const claimed = await as(t.app, aAdmin).post('/api/v1/sso/domains', { domain: 'Alpha-Corp.example' });
    expect(claimed.statusCode, claimed.body).toBe(201);
    const d = claimed.json();
    expect(d).toMatchObject({
      domain: 'alpha-corp.example',
      status: 'pending',
      txtRecordName: 'alpha-corp.example',
    });
    expect(d.txtRecordValue).toMatch(/^partnergraph-verification=/);

    const early = await as(t.app, aAdmin).post(`/api/v1/sso/domains/${d.id}/verify`, { version: d.version });
    expect(early.json()).toMatchObject({ status: 'pending', check: { ok: false } });
    expect(early.json().check.detail).toContain(d.txtRecordValue);

    txt.set('alpha-corp.example', ['v=spf1 -all', 'partnergraph-verification=someone-elses-token']);
    const wrong = await as(t.app, aAdmin).post(`/api/v1/sso/domains/${d.id}/verify`, { version: d.version });
    expect(wrong.json()).toMatchObject({ status: 'pending', check: { ok: false } });

    txt.set('alpha-corp.example', ['v=spf1 -all', d.txtRecordValue]);
    const proven = await as(t.app, aAdmin).post(`/api/v1/sso/domains/${d.id}/verify`, { version: d.version });
    expect(proven.json()).toMatchObject({ status: 'verified', verifiedBy: 'dns', check: { ok: true } });
  });

  it('lets no second organization claim a domain, and only the vendor admin confirm without DNS', async () => {
    const taken = await as(t.app, bAdmin).post('/api/v1/sso/domains', { domain: 'alpha-corp.example' });
    expect(taken.statusCode).toBe(409);
    const beta = await as(t.app, bAdmin).post('/api/v1/sso/domains', { domain: 'beta-corp.example' });
    const d = beta.json();
    const self = await as(t.app, bAdmin).post(`/api/v1/sso/domains/${d.id}/verify`, {
      version: 1,
      byVendor: true,
    });
    expect(self.statusCode).toBe(403);
    expect(
      (await as(t.app, aAdmin).get('/api/v1/sso/domains'))
        .json()
        .items.map((x: { domain: string }) => x.domain),
    ).toEqual(['alpha-corp.example']);
    const vendor = await as(t.app, admin).post(`/api/v1/sso/domains/${d.id}/verify`, {
      version: 1,
      byVendor: true,
    });
    expect(vendor.json()).toMatchObject({ status: 'verified', verifiedBy: 'vendor' });
  });

  it('tells the sign-in page which addresses use SSO, without naming the organization', async () => {
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sso/discover',
      payload: { email: 'x@alpha-corp.example' },
    });
    expect(none.json()).toEqual({ sso: false, required: false, startUrl: null });
    await t.database.db.insert(ssoConnections).values({
      id: newId(),
      organizationId: e.partnerA.id,
      protocol: 'saml',
      name: 'Alpha IdP',
      status: 'active',
      samlIdpEntityId: 'https://idp.alpha-corp.example',
      samlIdpSsoUrl: 'https://idp.alpha-corp.example/sso',
      roleMapping: { attribute: 'groups', rules: [], defaultRole: 'partner_user' },
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sso/discover',
      payload: { email: 'Pat@Alpha-Corp.example' },
    });
    expect(res.json()).toEqual({
      sso: true,
      required: false,
      startUrl: '/api/v1/auth/sso/start?email=pat%40alpha-corp.example',
    });
    expect(res.body).not.toContain(e.partnerA.id);
    expect(res.body).not.toContain(e.partnerA.name);
  });

  it('limits discovery per client', async () => {
    // The limit's window already holds its 300 look-ups from this client: the next is refused.
    const at = new Date();
    await t.database.db.insert(rateLimitHits).values(
      Array.from({ length: discoverLimit.max }, () => ({
        id: newId(),
        bucket: discoverLimit.bucket,
        subject: 'ip:10.1.2.3',
        at,
      })),
    );
    const ask = (remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sso/discover',
        payload: { email: 'n@nowhere.example' },
        remoteAddress,
      });
    const refused = await ask('10.1.2.3');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await ask('10.1.2.4')).statusCode).toBe(200);
  });
});

describe('"SSO required"', () => {
  it("refuses password sign-in to the partner's people, pointing to SSO", async () => {
    const before = await as(t.app, aAdmin).get('/api/v1/sso/policy');
    expect(before.json()).toMatchObject({ ssoRequired: false, version: 0 });
    const on = await as(t.app, aAdmin).put('/api/v1/sso/policy', { ssoRequired: true });
    expect(on.statusCode, on.body).toBe(200);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: e.aUser.email, password: PASSWORD },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain("Continue with your company's sign-in");
    expect(refused.cookies.find((c) => c.name === 'pg_session')).toBeUndefined();
    // A wrong password still answers as any wrong password does: the policy tells strangers nothing.
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: e.aUser.email, password: 'not-the-password' },
    });
    expect(wrong.statusCode).toBe(401);
    // Other organizations are untouched.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: e.bUser.email, password: PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
    const discover = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sso/discover',
      payload: { email: 'x@alpha-corp.example' },
    });
    expect(discover.json().required).toBe(true);
    const off = await as(t.app, aAdmin).put('/api/v1/sso/policy', {
      ssoRequired: false,
      version: on.json().version,
    });
    expect(off.statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: e.aUser.email, password: PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses a passkey sign-in too: a key enrolled before the policy does not outlive it', async () => {
    const member = await signIn(t.app, e.aUser.email, PASSWORD);
    const key = softPasskey();
    const options = (await as(t.app, member).post('/api/v1/me/mfa/passkeys/options')).json();
    const added = await as(t.app, member).post('/api/v1/me/mfa/passkeys', {
      name: 'Laptop',
      response: key.register(options),
    });
    expect(added.statusCode, added.body).toBe(201);
    const passwordless = async () => {
      const open = await t.app.inject({ method: 'POST', url: '/api/v1/auth/passkey/options', payload: {} });
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/passkey',
        payload: { response: key.assert(open.json()) },
      });
    };
    expect((await passwordless()).statusCode).toBe(200);
    const policy = (await as(t.app, aAdmin).get('/api/v1/sso/policy')).json();
    const on = await as(t.app, aAdmin).put('/api/v1/sso/policy', {
      ssoRequired: true,
      version: policy.version,
    });
    expect(on.statusCode, on.body).toBe(200);
    const refused = await passwordless();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain("Continue with your company's sign-in");
    expect(refused.cookies.find((c) => c.name === 'pg_session')).toBeUndefined();
    const off = await as(t.app, aAdmin).put('/api/v1/sso/policy', {
      ssoRequired: false,
      version: on.json().version,
    });
    expect(off.statusCode).toBe(200);
  });

  it('needs an active connection first, and the vendor a break-glass admin who keeps the password', async () => {
    const noIdp = await as(t.app, bAdmin).put('/api/v1/sso/policy', { ssoRequired: true });
    expect(noIdp.statusCode).toBe(422);
    await t.database.db.insert(ssoConnections).values({
      id: newId(),
      organizationId: e.vendor.id,
      protocol: 'saml',
      name: 'Staff IdP',
      status: 'active',
      samlIdpEntityId: 'https://idp.vendor.example',
      samlIdpSsoUrl: 'https://idp.vendor.example/sso',
      roleMapping: { attribute: 'groups', rules: [], defaultRole: 'analyst' },
    });
    const noBreakGlass = await as(t.app, admin).put('/api/v1/sso/policy', { ssoRequired: true });
    expect(noBreakGlass.statusCode).toBe(400);
    expect(noBreakGlass.json().errors[0].path).toBe('body.breakGlassUserId');
    const notAdmin = await as(t.app, admin).put('/api/v1/sso/policy', {
      ssoRequired: true,
      breakGlassUserId: e.cm.id,
    });
    expect(notAdmin.statusCode).toBe(400);
    const on = await as(t.app, admin).put('/api/v1/sso/policy', {
      ssoRequired: true,
      breakGlassUserId: e.admin.id,
    });
    expect(on.json()).toMatchObject({ ssoRequired: true, breakGlassUserId: e.admin.id });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: e.admin.email, password: PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: e.cm.email, password: PASSWORD },
        })
      ).statusCode,
    ).toBe(403);
    const staleVersion = await as(t.app, admin).put('/api/v1/sso/policy', {
      ssoRequired: false,
      version: 99,
    });
    expect(staleVersion.statusCode).toBe(409);
    const stale = await as(t.app, admin).put('/api/v1/sso/policy', { ssoRequired: false, version: 1 });
    expect(stale.statusCode).toBe(200);
  });
});
