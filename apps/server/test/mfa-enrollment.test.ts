// "MFA required" holds on every way into a session: a password, an accepted invitation, a reset
// password; and enrolling may use a passkey as well as an authenticator app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { auditLog } from '../src/modules/audit/audit.tables';
import { createPartnerOrganization, createUser } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { softPasskey } from './passkey-authenticator';

let t: TestApp;
let e: Ecosystem;
let orgId: string;
let admin: Session;

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  const org = await createPartnerOrganization(t.database.db, { types: ['reseller'] });
  orgId = org.id;
  const a = await createUser(t.database.db, { organizationId: org.id, role: 'partner_admin' });
  admin = await signIn(t.app, a.email, PASSWORD);
  const on = await as(t.app, admin).post(`/api/v1/mfa/organizations/${org.id}/policy`, {
    required: true,
    version: 1,
  });
  expect(on.statusCode, on.body).toBe(200);
});
afterAll(() => t?.close());

const post = (url: string, payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    payload: payload as object,
    remoteAddress: '10.8.0.1',
  });
const sessionCookie = (res: Awaited<ReturnType<typeof post>>) =>
  res.cookies.find((c) => c.name === 'pg_session');
const sessionOf = (res: Awaited<ReturnType<typeof post>>): Session => ({
  cookie: `pg_session=${sessionCookie(res)!.value}`,
  csrfToken: res.json().csrfToken,
});
const linkToken = (email: string, path: string) =>
  t.mailer.sent
    .filter((m) => m.to === email)
    .at(-1)!
    .text.match(new RegExp(`/${path}/([\\w-]+)`))![1]!;

async function invite(email: string) {
  const res = await as(t.app, admin).post('/api/v1/invitations', { email, role: 'partner_user' });
  expect(res.statusCode, res.body).toBe(201);
  return linkToken(email, 'invitations');
}

describe('accepting an invitation into an organization that requires MFA', () => {
  it('creates the account but opens no session until a second factor is set up', async () => {
    const token = await invite('ivy@mfa-org.test');
    const accepted = await post(`/invitations/${token}/accept`, { name: 'Ivy', password: 'ivy-password-1' });
    expect(accepted.statusCode, accepted.body).toBe(202);
    expect(sessionCookie(accepted)).toBeUndefined();
    expect(accepted.json()).toMatchObject({ step: 'mfa_enroll', methods: [] });
    // The invitation is spent: the link cannot be used a second time to get a session some other way.
    expect(
      (await post(`/invitations/${token}/accept`, { name: 'Ivy', password: 'x-password-12' })).statusCode,
    ).toBe(422);
    // Enrolling an authenticator app finishes it, with recovery codes.
    const pending = accepted.json().token as string;
    const setup = await post('/auth/mfa/totp-setup', { token: pending });
    expect(setup.statusCode, setup.body).toBe(200);
    const done = await post('/auth/mfa/totp', {
      token: pending,
      code: await generate({ secret: setup.json().secret }),
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().recoveryCodes).toHaveLength(10);
    const me = await as(t.app, sessionOf(done)).get('/api/v1/me');
    expect(me.json().user).toMatchObject({ email: 'ivy@mfa-org.test', organizationId: orgId });
  });

  it('still signs a person in at once where the organization does not require MFA', async () => {
    const other = await signIn(t.app, e.aAdmin.email, PASSWORD);
    const res = await as(t.app, other).post('/api/v1/invitations', {
      email: 'otto@a.test',
      role: 'partner_user',
    });
    expect(res.statusCode, res.body).toBe(201);
    const token = linkToken('otto@a.test', 'invitations');
    const accepted = await post(`/invitations/${token}/accept`, {
      name: 'Otto',
      password: 'otto-password-1',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(sessionCookie(accepted)).toBeDefined();
  });
});

describe('a reset password', () => {
  it('opens no session: signing in with it still asks to enroll', async () => {
    const member = await createUser(t.database.db, { organizationId: orgId, role: 'partner_user' });
    expect((await post('/auth/password-reset', { email: member.email })).statusCode).toBe(202);
    const token = linkToken(member.email, 'reset-password');
    const reset = await post('/auth/password-reset/confirm', { token, newPassword: 'brand-new-password-1' });
    expect(reset.statusCode, reset.body).toBeLessThan(300);
    expect(sessionCookie(reset)).toBeUndefined();
    const login = await post('/auth/login', { email: member.email, password: 'brand-new-password-1' });
    expect(login.statusCode).toBe(202);
    expect(login.json().step).toBe('mfa_enroll');
  });
});

describe('enrolling a passkey while signing in', () => {
  it('registers the passkey as the first factor and opens the session, once', async () => {
    const member = await createUser(t.database.db, { organizationId: orgId, role: 'partner_user' });
    const first = await post('/auth/login', { email: member.email, password: PASSWORD });
    expect(first.json().step).toBe('mfa_enroll');
    const pending = first.json().token as string;
    const described = await post('/auth/mfa/pending', { token: pending });
    expect(described.json()).toMatchObject({ step: 'mfa_enroll', token: pending, methods: [] });

    const key = softPasskey();
    const options = await post('/auth/mfa/passkey-setup', { token: pending });
    expect(options.statusCode, options.body).toBe(200);
    expect(options.json().user.name).toBe(member.email);
    // A key made for another site is refused, naming the field; nothing is written.
    const phished = await post('/auth/mfa/passkey-enroll', {
      token: pending,
      name: 'Evil',
      response: key.register(options.json(), 'https://evil.test'),
    });
    expect(phished.statusCode).toBe(400);
    expect(phished.json().errors[0].path).toBe('body.response');

    const fresh = await post('/auth/mfa/passkey-setup', { token: pending });
    const done = await post('/auth/mfa/passkey-enroll', {
      token: pending,
      name: 'Laptop',
      response: key.register(fresh.json()),
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().recoveryCodes).toHaveLength(10);
    const session = sessionOf(done);
    const factors = await as(t.app, session).get('/api/v1/me/mfa');
    expect(factors.json()).toMatchObject({
      passkeys: [{ name: 'Laptop' }],
      recoveryCodes: { remaining: 10 },
    });
    expect(t.mailer.sent.filter((m) => m.to === member.email).at(-1)!.text).toContain(
      'A passkey named “Laptop” was added',
    );
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'mfa.passkey_added'), eq(auditLog.actorUserId, member.id)));
    expect(audit).toBeDefined();
    // The pending sign-in was spent with it.
    const again = await post('/auth/mfa/passkey-setup', { token: pending });
    expect(again.statusCode).toBe(401);

    // Next time the passkey is the second factor.
    const next = await post('/auth/login', { email: member.email, password: PASSWORD });
    expect(next.json()).toMatchObject({ step: 'mfa_verify', methods: ['passkey', 'recovery_code'] });
    const authOptions = await post('/auth/mfa/passkey/options', { token: next.json().token });
    const verified = await post('/auth/mfa/passkey', {
      token: next.json().token,
      response: key.assert(authOptions.json()),
    });
    expect(verified.statusCode, verified.body).toBe(200);
  });

  it('is not offered to a person who already has a factor', async () => {
    const member = await createUser(t.database.db, { organizationId: e.partnerA.id, role: 'partner_user' });
    const session = await signIn(t.app, member.email, PASSWORD);
    const setup = await as(t.app, session).post('/api/v1/me/mfa/totp');
    await as(t.app, session).post('/api/v1/me/mfa/totp/confirm', {
      code: await generate({ secret: setup.json().secret }),
    });
    const first = await post('/auth/login', { email: member.email, password: PASSWORD });
    expect(first.json().step).toBe('mfa_verify');
    const refused = await post('/auth/mfa/passkey-setup', { token: first.json().token });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('body.token');
  });
});
