// What an SSO sign-in does to an existing account: the role follows the IdP's groups at each sign-in
// (never demoting the break-glass admin nor an organization's last administrator), and the
// organization chooses whether a local second factor is asked after SSO.
import { and, asc, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../src/db/platform.tables';
import { auditLog } from '../src/modules/audit/audit.tables';
import { createPartnerOrganization, createUser } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { idpMetadataXml, requestIdOf, signedResponse } from './sso-saml-idp';

let t: TestApp;
let e: Ecosystem;
let admin: Session;
let partnerAdmin: { id: string; session: Session };
let orgId: string;
type Connection = { id: string; acsUrl: string; spEntityId: string };
let partnerIdp: Connection;
let staffIdp: Connection;

async function connect(
  session: Session,
  name: string,
  rules: { value: string; role: string }[],
  def: string,
) {
  const created = await as(t.app, session).post('/api/v1/sso/connections', {
    protocol: 'saml',
    name,
    saml: { metadataXml: idpMetadataXml() },
    roleMapping: { attribute: 'groups', rules, defaultRole: def },
  });
  expect(created.statusCode, created.body).toBe(201);
  const c = created.json();
  if (c.status !== 'active') {
    const approved = await as(t.app, admin).post(`/api/v1/sso/connections/${c.id}/approve`, {
      version: c.version,
    });
    expect(approved.json().status).toBe('active');
  }
  return { id: c.id, acsUrl: c.saml.acsUrl, spEntityId: c.saml.spEntityId } as Connection;
}

async function proveDomain(session: Session, domain: string) {
  const d = await as(t.app, session).post('/api/v1/sso/domains', { domain });
  expect(d.statusCode, d.body).toBe(201);
  await as(t.app, admin).post(`/api/v1/sso/domains/${d.json().id}/verify`, { version: 1, byVendor: true });
}

/** A whole SP-initiated sign-in as the IdP would answer it for `email` in `groups`. */
async function ssoSignIn(c: Connection, email: string, groups: string[]) {
  const start = await t.app.inject({ method: 'GET', url: `/api/v1/auth/sso/start?connectionId=${c.id}` });
  const browser = start.cookies.find((x) => x.name === 'pg_sso')!.value;
  const response = signedResponse({
    acsUrl: c.acsUrl,
    audience: c.spEntityId,
    email,
    groups,
    inResponseTo: requestIdOf(start.headers.location as string),
  });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/auth/saml/acs/${c.id}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `pg_sso=${browser}` },
    payload: new URLSearchParams({ SAMLResponse: response }).toString(),
  });
  expect(res.statusCode, res.body).toBe(302);
  const session = res.cookies.find((x) => x.name === 'pg_session');
  return { location: res.headers.location as string, session };
}

async function roleOf(session: { value: string } | undefined) {
  const me = await t.app.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { cookie: `pg_session=${session!.value}` },
  });
  expect(me.statusCode).toBe(200);
  return me.json().user.role as string;
}

const auditsOf = async (action: string, userId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, userId)));

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  const org = await createPartnerOrganization(t.database.db, { types: ['reseller'] });
  orgId = org.id;
  const pa = await createUser(t.database.db, { organizationId: org.id, role: 'partner_admin' });
  partnerAdmin = { id: pa.id, session: await signIn(t.app, pa.email, PASSWORD) };
  partnerIdp = await connect(
    partnerAdmin.session,
    'Rho Entra ID',
    [{ value: 'pg-admins', role: 'partner_admin' }],
    'partner_user',
  );
  await proveDomain(partnerAdmin.session, 'rho-idp.example');
  staffIdp = await connect(admin, 'Staff Okta', [{ value: 'pg-admins', role: 'admin' }], 'analyst');
  await proveDomain(admin, 'staff-rho.example');
});
afterAll(() => t?.close());

describe('roles from the IdP at each sign-in', () => {
  it('promotes and demotes a member as their groups change, audited', async () => {
    const first = await ssoSignIn(partnerIdp, 'rae@rho-idp.example', []);
    expect(await roleOf(first.session)).toBe('partner_user');
    const promoted = await ssoSignIn(partnerIdp, 'rae@rho-idp.example', ['pg-admins']);
    expect(await roleOf(promoted.session)).toBe('partner_admin');
    const demoted = await ssoSignIn(partnerIdp, 'rae@rho-idp.example', ['other-group']);
    expect(await roleOf(demoted.session)).toBe('partner_user');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `pg_session=${demoted.session!.value}` },
    });
    const changes = await auditsOf('user.role_changed_by_sso', me.json().user.id);
    // Subscribers hear of the new person and of each change of role.
    const events = await t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.entityId, me.json().user.id))
      .orderBy(asc(outbox.createdAt));
    expect(events.map((ev) => [ev.type, (ev.payload as { role: string }).role])).toEqual([
      ['user.created', 'partner_user'],
      ['user.updated', 'partner_admin'],
      ['user.updated', 'partner_user'],
    ]);
    expect(changes.map((c) => [c.before, (c.after as { role: string }).role])).toEqual([
      [{ role: 'partner_user' }, 'partner_admin'],
      [{ role: 'partner_admin' }, 'partner_user'],
    ]);
  });

  it("never demotes an organization's last active administrator", async () => {
    const promoted = await ssoSignIn(partnerIdp, 'sol@rho-idp.example', ['pg-admins']);
    const sol = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `pg_session=${promoted.session!.value}` },
    });
    const solId = sol.json().user.id as string;
    // The admin who set the connection up leaves: Sol is the last administrator.
    const leaving = await as(t.app, admin).get(`/api/v1/users/${partnerAdmin.id}`);
    const left = await as(t.app, admin).post(`/api/v1/users/${partnerAdmin.id}/deactivate`, {
      version: leaving.json().version,
    });
    expect(left.statusCode, left.body).toBe(200);
    const again = await ssoSignIn(partnerIdp, 'sol@rho-idp.example', []);
    expect(again.session).toBeDefined();
    expect(await roleOf(again.session)).toBe('partner_admin');
    const kept = await auditsOf('user.sso_role_kept', solId);
    expect(kept.at(-1)!.after).toMatchObject({ reason: 'last_administrator', mappedRole: 'partner_user' });
  });

  it('never demotes the break-glass vendor admin', async () => {
    const bg = await createUser(t.database.db, {
      organizationId: e.vendor.id,
      role: 'admin',
      email: 'break.glass@staff-rho.example',
    });
    const policy = await as(t.app, admin).put('/api/v1/sso/policy', {
      ssoRequired: false,
      breakGlassUserId: bg.id,
    });
    expect(policy.statusCode, policy.body).toBe(200);
    const signedIn = await ssoSignIn(staffIdp, 'break.glass@staff-rho.example', []);
    expect(await roleOf(signedIn.session)).toBe('admin');
    const kept = await auditsOf('user.sso_role_kept', bg.id);
    expect(kept.at(-1)!.after).toMatchObject({ reason: 'break_glass_admin' });
    // Another vendor admin without the groups is demoted as the mapping says.
    await createUser(t.database.db, {
      organizationId: e.vendor.id,
      role: 'admin',
      email: 'ann@staff-rho.example',
    });
    expect(await roleOf((await ssoSignIn(staffIdp, 'ann@staff-rho.example', [])).session)).toBe('analyst');
  });

  it('leaves hand-given roles alone when the mapping has only a default', async () => {
    const defaultsOnly = await connect(admin, 'Staff (defaults)', [], 'analyst');
    await createUser(t.database.db, {
      organizationId: e.vendor.id,
      role: 'channel_manager',
      email: 'cy@staff-rho.example',
    });
    const signedIn = await ssoSignIn(defaultsOnly, 'cy@staff-rho.example', []);
    expect(await roleOf(signedIn.session)).toBe('channel_manager');
  });
});

describe('a local second factor after SSO', () => {
  it('is not asked by default, even of a person who has one: the IdP vouches for MFA', async () => {
    const first = await ssoSignIn(partnerIdp, 'uma@rho-idp.example', []);
    const session = { cookie: `pg_session=${first.session!.value}`, csrfToken: '' };
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });
    session.csrfToken = me.json().csrfToken;
    const setup = await as(t.app, session).post('/api/v1/me/mfa/totp');
    const confirmed = await as(t.app, session).post('/api/v1/me/mfa/totp/confirm', {
      code: await generate({ secret: setup.json().secret }),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const again = await ssoSignIn(partnerIdp, 'uma@rho-idp.example', []);
    expect(again.session).toBeDefined();
  });

  it('when the organization asks for it, sends the person to the second step before any session', async () => {
    const sec = await as(t.app, admin).get(`/api/v1/mfa/organizations/${orgId}`);
    expect(sec.json().mfaAfterSso).toBe(false);
    const on = await as(t.app, admin).post(`/api/v1/mfa/organizations/${orgId}/policy`, {
      required: false,
      afterSso: true,
      version: sec.json().version,
    });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ mfaRequired: false, mfaAfterSso: true });

    // Someone with a factor proves it.
    const uma = await ssoSignIn(partnerIdp, 'uma@rho-idp.example', []);
    expect(uma.session).toBeUndefined();
    expect(uma.location).toMatch(/^\/login\?redirect=%2F#mfa=pgm_/);
    const umaToken = decodeURIComponent(uma.location.split('#mfa=')[1]!);
    const umaStep = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/pending',
      payload: { token: umaToken },
    });
    expect(umaStep.json()).toMatchObject({ step: 'mfa_verify', methods: ['totp', 'recovery_code'] });

    // Someone without one enrolls (a passkey or an app), then is signed in.
    const vic = await ssoSignIn(partnerIdp, 'vic@rho-idp.example', []);
    expect(vic.session).toBeUndefined();
    const token = decodeURIComponent(vic.location.split('#mfa=')[1]!);
    const step = await t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/pending', payload: { token } });
    expect(step.json()).toMatchObject({ step: 'mfa_enroll' });
    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/totp-setup',
      payload: { token },
    });
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/totp',
      payload: { token, code: await generate({ secret: setup.json().secret }) },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().user.email).toBe('vic@rho-idp.example');
    expect(done.json().recoveryCodes).toHaveLength(10);
  });
});
