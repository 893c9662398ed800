import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { auditLog } from '../src/modules/audit/audit.tables';
import { createUser } from '../src/seed/factories';
import { as, signIn, startTestApp, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
});
afterAll(() => t?.close());

let clients = 0;
/** Each call comes from a new client address unless one is given, so only the counter under test trips. */
const login = (
  email: string,
  password: string,
  headers: Record<string, string> = {},
  remoteAddress?: string,
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    headers,
    remoteAddress: remoteAddress ?? `192.0.2.${++clients % 250}`,
  });

describe('sign-in', () => {
  it('answers the user and a CSRF token and sets an HttpOnly SameSite=Lax cookie', async () => {
    const res = await login(e.aUser.email.toUpperCase(), PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ email: e.aUser.email, role: 'partner_user' });
    expect(body.organization).toMatchObject({ id: e.partnerA.id, kind: 'partner' });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|argon2/);
    const cookie = res.cookies.find((c) => c.name === 'pg_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
  });

  it('sets a Secure cookie behind TLS', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', TRUST_PROXY: 'true' });
    const app = await buildApp({ config, db: t.database.db, mailer: t.mailer, logger: false });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: e.aUser.email, password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.cookies.find((c) => c.name === 'pg_session')!.secure).toBe(true);
    await app.close();
  });

  it('refuses a wrong password or unknown email alike, and audits the failure', async () => {
    const wrong = await login(e.bUser.email, 'not-the-password');
    const unknown = await login('nobody@nowhere.test', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    const failures = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login_failed'), eq(auditLog.entityId, e.bUser.id)));
    expect(failures.length).toBe(1);
    expect(failures[0]!.after).toEqual({ email: e.bUser.email });
  });

  it('names the bad field', async () => {
    const res = await login('not-an-email', '');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(
      res
        .json()
        .errors.map((x: { path: string }) => x.path)
        .sort(),
    ).toEqual(['body.email', 'body.password']);
  });

  it('refuses deactivated users', async () => {
    const gone = await createUser(t.database.db, {
      organizationId: e.partnerA.id,
      role: 'partner_user',
      status: 'deactivated',
    });
    expect((await login(gone.email, PASSWORD)).statusCode).toBe(401);
  });

  it('limits failed attempts per email: the 11th answers 429 with Retry-After, even with the right password', async () => {
    const victim = await createUser(t.database.db, { organizationId: e.partnerB.id, role: 'partner_user' });
    for (let i = 0; i < 10; i++) {
      const res = await login(victim.email, `wrong-${i}`);
      expect(res.statusCode).toBe(401);
    }
    const limited = await login(victim.email, PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(900);
    // Another user is not affected.
    expect((await login(e.bAdmin.email, PASSWORD)).statusCode).toBe(200);
  });

  it('holds the limit under a burst of parallel attempts', async () => {
    const target = await createUser(t.database.db, { organizationId: e.partnerA.id, role: 'partner_user' });
    const burst = await Promise.all(Array.from({ length: 16 }, (_, i) => login(target.email, `burst-${i}`)));
    const codes = burst.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(10);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(6);
  });

  it('limits failed attempts per client address across emails', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await login(`guess-${i}@nowhere.test`, 'guess', {}, '198.51.100.7')).statusCode).toBe(401);
    }
    expect((await login(e.aAdmin.email, PASSWORD, {}, '198.51.100.7')).statusCode).toBe(429);
    expect((await login(e.aAdmin.email, PASSWORD, {}, '198.51.100.8')).statusCode).toBe(200);
    const limited = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.login_rate_limited'));
    expect(limited.length).toBeGreaterThanOrEqual(1);
  });
});

describe('sessions', () => {
  it('resolves /me with the CSRF token', async () => {
    const s = await signIn(t.app, e.aAdmin.email, PASSWORD);
    const me = await as(t.app, s).get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { id: e.aAdmin.id },
      organization: { name: e.partnerA.name },
      csrfToken: s.csrfToken,
    });
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const s = await signIn(t.app, e.aAdmin.email, PASSWORD);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().title).toMatch(/CSRF/);
    const wrong = await as(t.app, { ...s, csrfToken: 'x'.repeat(43) }).post('/api/v1/auth/logout');
    expect(wrong.statusCode).toBe(403);
    expect((await as(t.app, s).get('/api/v1/me')).statusCode).toBe(200);
  });

  it('ends the session at sign-out', async () => {
    const s = await signIn(t.app, e.aAdmin.email, PASSWORD);
    expect((await as(t.app, s).post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await as(t.app, s).get('/api/v1/me')).statusCode).toBe(401);
  });

  it('rotates the session id at sign-in: a cookie held before sign-in is revoked', async () => {
    const first = await signIn(t.app, e.aUser.email, PASSWORD);
    const again = await login(e.aUser.email, PASSWORD, { cookie: first.cookie });
    expect(again.statusCode).toBe(200);
    expect((await as(t.app, first).get('/api/v1/me')).statusCode).toBe(401);
  });

  it('survives a restart: another app on the same database accepts the cookie', async () => {
    const s = await signIn(t.app, e.analyst.email, PASSWORD);
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const app2 = await buildApp({ config, db: t.database.db, mailer: t.mailer, logger: false });
    const res = await as(app2, s).get('/api/v1/me');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.id).toBe(e.analyst.id);
    await app2.close();
  });
});

describe('password change', () => {
  it('checks the current password and names the field', async () => {
    const s = await signIn(t.app, e.bAdmin.email, PASSWORD);
    const res = await as(t.app, s).post('/api/v1/auth/password', {
      currentPassword: 'nope',
      newPassword: 'a-new-password-1',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'body.currentPassword', message: expect.any(String) }]);
    const short = await as(t.app, s).post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('body.newPassword');
  });

  it('revokes every other session, keeps this browser signed in, and mails the user', async () => {
    const user = await createUser(t.database.db, {
      organizationId: e.partnerB.id,
      role: 'partner_user',
      email: 'changer@beta.test',
      name: 'Cha Nger',
    });
    const other = await signIn(t.app, user.email, PASSWORD);
    const here = await signIn(t.app, user.email, PASSWORD);
    const res = await as(t.app, here).post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a-brand-new-password',
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'pg_session')!;
    const next = { cookie: `pg_session=${cookie.value}`, csrfToken: res.json().csrfToken };
    expect((await as(t.app, other).get('/api/v1/me')).statusCode).toBe(401);
    expect((await as(t.app, here).get('/api/v1/me')).statusCode).toBe(401);
    expect((await as(t.app, next).get('/api/v1/me')).statusCode).toBe(200);
    expect((await login(user.email, PASSWORD)).statusCode).toBe(401);
    expect((await login(user.email, 'a-brand-new-password')).statusCode).toBe(200);
    const mail = t.mailer.sent.find((m) => m.to === user.email)!;
    expect(mail.subject).toMatch(/password was changed/);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.password_changed'), eq(auditLog.entityId, user.id)));
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).not.toMatch(/argon2|a-brand-new-password/);
  });
});
