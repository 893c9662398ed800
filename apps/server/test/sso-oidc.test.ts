// Signing in through an OpenID Connect IdP: a real oidc-provider on 127.0.0.1 as the vendor's IdP.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables';
import { users } from '../src/modules/identity/identity.tables';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { startOidcIdp, walkIdp, type OidcIdp } from './sso-idp';

const APP = 'http://localhost:3000';
let t: TestApp;
let e: Ecosystem;
let idp: OidcIdp;
let admin: Session;
let connectionId: string;

/** The app's side of a browser: starts at /auth/sso/start, walks the IdP, lands on the callback. */
async function browserSignIn(
  query: string,
  opts: { tamper?: (callback: URL) => void; cookie?: string } = {},
) {
  const start = await t.app.inject({ method: 'GET', url: `/api/v1/auth/sso/start?${query}` });
  expect(start.statusCode, start.body).toBe(302);
  const browser = start.cookies.find((c) => c.name === 'pg_sso')!;
  const back = new URL(await walkIdp(start.headers.location as string, APP));
  opts.tamper?.(back);
  const callback = await t.app.inject({
    method: 'GET',
    url: `${back.pathname}${back.search}`,
    headers: { cookie: opts.cookie ?? `pg_sso=${browser.value}` },
  });
  const session = callback.cookies.find((c) => c.name === 'pg_session');
  return {
    start,
    callback,
    callbackUrl: `${back.pathname}${back.search}`,
    browser: browser.value,
    location: callback.headers.location as string,
    session,
  };
}

async function whoAmI(sessionValue: string) {
  const me = await t.app.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { cookie: `pg_session=${sessionValue}` },
  });
  return me.json() as { user: { email: string; role: string; organizationId: string }; csrfToken: string };
}

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  idp = await startOidcIdp();
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  const created = await as(t.app, admin).post('/api/v1/sso/connections', {
    protocol: 'oidc',
    name: 'Staff Okta',
    oidc: {
      issuer: idp.issuer,
      clientId: 'partnergraph',
      clientSecret: 'a-long-client-secret-for-tests',
      scopes: 'openid email profile groups',
    },
    roleMapping: {
      attribute: 'groups',
      rules: [
        { value: 'pg-admins', role: 'admin' },
        { value: 'pg-channel', role: 'channel_manager' },
      ],
      defaultRole: 'analyst',
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  connectionId = created.json().id;
  idp.start({
    clientId: 'partnergraph',
    clientSecret: 'a-long-client-secret-for-tests',
    redirectUri: created.json().oidc.redirectUri,
  });
  const domain = await as(t.app, admin).post('/api/v1/sso/domains', { domain: 'staff.example' });
  expect(domain.statusCode, domain.body).toBe(201);
  const verified = await as(t.app, admin).post(`/api/v1/sso/domains/${domain.json().id}/verify`, {
    version: domain.json().version,
    byVendor: true,
  });
  expect(verified.statusCode, verified.body).toBe(200);
});
afterAll(async () => {
  await idp?.close();
  await t?.close();
});

describe('OIDC sign-in', () => {
  it('shows the connection active, with the redirect URI to register and no secret', async () => {
    const res = await as(t.app, admin).get(`/api/v1/sso/connections/${connectionId}`);
    expect(res.json()).toMatchObject({
      status: 'active',
      oidc: {
        issuer: idp.issuer,
        hasClientSecret: true,
        redirectUri: `${APP}/api/v1/auth/sso/callback/${connectionId}`,
      },
    });
    expect(res.body).not.toContain('a-long-client-secret');
    const test = await as(t.app, admin).post(`/api/v1/sso/connections/${connectionId}/test`);
    expect(test.json()).toMatchObject({ ok: true });
  });

  it('creates a new person just in time in the vendor with the mapped role, and signs them in', async () => {
    idp.signInAs({ sub: 'okta-1', email: 'Dana@staff.example', name: 'Dana Reyes', groups: ['pg-channel'] });
    const { start, location, session } = await browserSignIn(
      'email=dana@staff.example&returnTo=/deals?stage=open',
    );
    const authorize = new URL(start.headers.location as string);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(location).toBe('/deals?stage=open');
    expect(session?.httpOnly).toBe(true);
    const me = await whoAmI(session!.value);
    expect(me.user).toMatchObject({
      email: 'dana@staff.example',
      role: 'channel_manager',
      organizationId: e.vendor.id,
    });
    expect(me.csrfToken).toBeTruthy();
    const [dana] = await t.database.db.select().from(users).where(eq(users.email, 'dana@staff.example'));
    expect(dana!.passwordHash).toBeNull();
    const actions = (await t.database.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toContain('user.created_by_sso');
    expect(actions).toContain('auth.login_sso');
  });

  it('signs an existing person in again without a second account, with the role their groups now give', async () => {
    idp.signInAs({ sub: 'okta-1', email: 'dana@staff.example', name: 'Dana Reyes', groups: ['pg-admins'] });
    const { session } = await browserSignIn(`connectionId=${connectionId}`);
    const me = await whoAmI(session!.value);
    // The mapping has rules: the IdP's groups are the source of the role at every sign-in.
    expect(me.user.role).toBe('admin');
    expect(
      await t.database.db.select().from(users).where(eq(users.email, 'dana@staff.example')),
    ).toHaveLength(1);
  });

  it('honours only same-site paths in returnTo', async () => {
    idp.signInAs({ sub: 'okta-2', email: 'eli@staff.example', name: 'Eli', groups: [] });
    for (const evil of [
      'https://evil.example/x',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const { location, session } = await browserSignIn(
        `connectionId=${connectionId}&returnTo=${encodeURIComponent(evil)}`,
      );
      expect(location, evil).toBe('/');
      expect(session).toBeDefined();
    }
    const me = await t.database.db.select().from(users).where(eq(users.email, 'eli@staff.example'));
    expect(me[0]!.role).toBe('analyst');
  });

  it('refuses a callback whose state this browser did not start, or a state used twice', async () => {
    idp.signInAs({ sub: 'okta-3', email: 'fay@staff.example', name: 'Fay', groups: [] });
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/auth/sso/start?connectionId=${connectionId}`,
    });
    const otherBrowser = other.cookies.find((c) => c.name === 'pg_sso')!.value;
    // Same flow, but the callback arrives in another browser (a login CSRF): refused.
    const swapped = await browserSignIn(`connectionId=${connectionId}`, { cookie: `pg_sso=${otherBrowser}` });
    expect(swapped.location).toBe('/login?ssoError=state_mismatch');
    expect(swapped.session).toBeUndefined();
    // A state altered on the way back: refused.
    const altered = await browserSignIn(`connectionId=${connectionId}`, {
      tamper: (u) => u.searchParams.set('state', 'forged-state'),
    });
    expect(altered.location).toBe('/login?ssoError=state_mismatch');
    // A genuine callback replayed: the state is spent.
    const first = await browserSignIn(`connectionId=${connectionId}`);
    expect(first.session).toBeDefined();
    const again = await t.app.inject({
      method: 'GET',
      url: first.callbackUrl,
      headers: { cookie: `pg_sso=${first.browser}` },
    });
    expect(again.headers.location).toBe('/login?ssoError=state_mismatch');
    const refusals = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.sso_refused'));
    expect(refusals.map((r) => (r.after as { reason: string }).reason)).toContain('state_mismatch');
  });

  it('refuses a person whose address belongs to another organization', async () => {
    idp.signInAs({ sub: 'okta-4', email: e.aUser.email, name: 'Impostor', groups: ['pg-admins'] });
    const { location, session } = await browserSignIn(`connectionId=${connectionId}`);
    expect(location).toBe('/login?ssoError=wrong_organization');
    expect(session).toBeUndefined();
  });

  it('creates no one for a domain the organization has not proven', async () => {
    idp.signInAs({ sub: 'okta-5', email: 'gus@unproven.example', name: 'Gus', groups: [] });
    const { location } = await browserSignIn(`connectionId=${connectionId}`);
    expect(location).toBe('/login?ssoError=domain_not_verified');
    expect(
      await t.database.db.select().from(users).where(eq(users.email, 'gus@unproven.example')),
    ).toHaveLength(0);
  });
});
