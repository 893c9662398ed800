import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { auditLog } from '../src/modules/audit/audit.tables';
import { mfaTotp } from '../src/modules/mfa/mfa.tables';
import { createPartnerOrganization, createUser } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { softPasskey } from './passkey-authenticator';

let t: TestApp;
let e: Ecosystem;

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
});
afterAll(() => t?.close());

const post = (url: string, payload: unknown, remoteAddress = '10.9.0.1') =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object, remoteAddress });
const login = (email: string) => post('/auth/login', { email, password: PASSWORD });
const sessionOf = (res: Awaited<ReturnType<typeof post>>): Session => ({
  cookie: `pg_session=${res.cookies.find((c) => c.name === 'pg_session')!.value}`,
  csrfToken: res.json().csrfToken,
});
/** The code an authenticator app shows `offset` steps from now. */
const codeAt = (secret: string, offset = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });
const mailsTo = (email: string) => t.mailer.sent.filter((m) => m.to === email);

async function newPerson(orgId = e.partnerA.id, role: 'partner_user' | 'partner_admin' = 'partner_user') {
  const user = await createUser(t.database.db, { organizationId: orgId, role });
  return { user, session: await signIn(t.app, user.email, PASSWORD) };
}

/** Sets up an authenticator app for a signed-in person; answers its secret and recovery codes. */
async function enrollTotp(session: Session) {
  const setup = await as(t.app, session).post('/api/v1/me/mfa/totp');
  expect(setup.statusCode).toBe(200);
  const { secret, uri } = setup.json();
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  expect(uri).toContain(`secret=${secret}`);
  const confirmed = await as(t.app, session).post('/api/v1/me/mfa/totp/confirm', {
    code: await codeAt(secret),
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

describe('authenticator app (TOTP)', () => {
  it('enrolls with a first code, then a password alone no longer signs in; a code does, once', async () => {
    const { user, session } = await newPerson();
    const setup = await as(t.app, session).post('/api/v1/me/mfa/totp');
    const { secret } = setup.json();
    // The seed is stored sealed, never as the secret itself.
    const [row] = await t.database.db.select().from(mfaTotp).where(eq(mfaTotp.userId, user.id));
    expect(row!.secretSealed).not.toContain(secret);
    expect(row!.confirmedAt).toBeNull();

    const wrong = await as(t.app, session).post('/api/v1/me/mfa/totp/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body.code');

    const confirmCode = await codeAt(secret);
    const ok = await as(t.app, session).post('/api/v1/me/mfa/totp/confirm', { code: confirmCode });
    expect(ok.statusCode).toBe(200);
    const codes = ok.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(mailsTo(user.email).at(-1)!.text).toContain('An authenticator app was added');
    const me = await as(t.app, session).get('/api/v1/me/mfa');
    expect(me.json()).toMatchObject({
      totp: { confirmedAt: expect.any(String) },
      recoveryCodes: { remaining: 10 },
    });

    // A password alone is now the first step only: no session cookie.
    const first = await login(user.email);
    expect(first.statusCode).toBe(202);
    expect(first.cookies.find((c) => c.name === 'pg_session')).toBeUndefined();
    const challenge = first.json();
    expect(challenge).toMatchObject({ step: 'mfa_verify', methods: ['totp', 'recovery_code'] });

    // The code that confirmed the app was spent there: it does not sign in.
    const replayed = await post('/auth/mfa/totp', { token: challenge.token, code: confirmCode });
    expect(replayed.statusCode).toBe(401);
    // The next code does, and opens a working session.
    const next = await codeAt(secret, 1);
    const done = await post('/auth/mfa/totp', { token: challenge.token, code: next });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().user.id).toBe(user.id);
    const signedIn = await as(t.app, sessionOf(done)).get('/api/v1/me');
    expect(signedIn.statusCode).toBe(200);

    // The pending token was single-use, and the code cannot be used again in its window.
    expect((await post('/auth/mfa/totp', { token: challenge.token, code: next })).statusCode).toBe(401);
    const again = (await login(user.email)).json();
    expect((await post('/auth/mfa/totp', { token: again.token, code: next })).statusCode).toBe(401);

    const actions = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, user.id));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['mfa.totp_added', 'auth.mfa_challenged', 'auth.mfa_failed']),
    );
  });

  it('limits wrong codes to 5 per person in 15 minutes, from any address', async () => {
    const { user, session } = await newPerson();
    const { secret } = await enrollTotp(session);
    const { token } = (await login(user.email)).json();
    for (let i = 0; i < 5; i++) {
      const res = await post('/auth/mfa/totp', { token, code: '123456' }, `10.9.1.${i}`);
      expect(res.statusCode).toBe(401);
    }
    const limited = await post('/auth/mfa/totp', { token, code: await codeAt(secret, 1) }, '10.9.1.99');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses an expired or forged pending sign-in token', async () => {
    const res = await post('/auth/mfa/totp', { token: 'pgm_forged', code: '123456' });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/sign in again/);
  });
});

describe('recovery codes', () => {
  it('each signs in once; regenerating replaces them all', async () => {
    const { user, session } = await newPerson();
    const { recoveryCodes } = await enrollTotp(session);
    const first = (await login(user.email)).json();
    // Typed as people do: upper case, no dash.
    const typed = recoveryCodes[0]!.toUpperCase().replace('-', '');
    const done = await post('/auth/mfa/recovery-code', { token: first.token, code: typed });
    expect(done.statusCode, done.body).toBe(200);
    expect(mailsTo(user.email).at(-1)!.text).toContain('9 of your recovery codes are left');

    const second = (await login(user.email)).json();
    const reused = await post('/auth/mfa/recovery-code', { token: second.token, code: recoveryCodes[0] });
    expect(reused.statusCode).toBe(401);

    const fresh = await as(t.app, session).post('/api/v1/me/mfa/recovery-codes');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().codes).toHaveLength(10);
    const old = await post('/auth/mfa/recovery-code', { token: second.token, code: recoveryCodes[1] });
    expect(old.statusCode).toBe(401);
    const ok = await post('/auth/mfa/recovery-code', { token: second.token, code: fresh.json().codes[0] });
    expect(ok.statusCode).toBe(200);
  });
});

describe('passkeys', () => {
  it('registers, then serves as a second factor and signs in without a password; an assertion works once', async () => {
    const { user, session } = await newPerson();
    const key = softPasskey();
    const options = (await as(t.app, session).post('/api/v1/me/mfa/passkeys/options')).json();
    expect(options.rp).toEqual({ id: 'localhost', name: expect.stringContaining('PartnerGraph') });
    expect(options.authenticatorSelection.residentKey).toBe('required');
    const added = await as(t.app, session).post('/api/v1/me/mfa/passkeys', {
      name: 'Laptop',
      response: key.register(options),
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().passkey).toMatchObject({ name: 'Laptop' });
    expect(added.json().recoveryCodes).toHaveLength(10);
    expect(mailsTo(user.email).at(-1)!.text).toContain('A passkey named “Laptop” was added');

    // The registration challenge was spent.
    const again = await as(t.app, session).post('/api/v1/me/mfa/passkeys', {
      name: 'Again',
      response: softPasskey().register(options),
    });
    expect(again.statusCode).toBe(400);

    // Second factor after a password.
    const first = (await login(user.email)).json();
    expect(first.methods).toEqual(['passkey', 'recovery_code']);
    const authOptions = (await post('/auth/mfa/passkey/options', { token: first.token })).json();
    expect(authOptions.allowCredentials).toEqual([
      { id: key.credentialId, type: 'public-key', transports: ['internal'] },
    ]);
    const assertion = key.assert(authOptions);
    const done = await post('/auth/mfa/passkey', { token: first.token, response: assertion });
    expect(done.statusCode, done.body).toBe(200);
    const second = (await login(user.email)).json();
    expect((await post('/auth/mfa/passkey', { token: second.token, response: assertion })).statusCode).toBe(
      401,
    );

    // Without a password.
    const open = (await post('/auth/passkey/options', {})).json();
    expect(open.allowCredentials ?? []).toEqual([]);
    expect(open.userVerification).toBe('required');
    const signed = await post('/auth/passkey', { response: key.assert(open) });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().user.id).toBe(user.id);
    expect((await as(t.app, sessionOf(signed)).get('/api/v1/me')).statusCode).toBe(200);
    // An authenticator that did not verify its owner is not enough without a password.
    const open2 = (await post('/auth/passkey/options', {})).json();
    const unverified = await post('/auth/passkey', { response: key.assert(open2, { userVerified: false }) });
    expect(unverified.statusCode).toBe(401);
    // Signed for another site: refused.
    const open3 = (await post('/auth/passkey/options', {})).json();
    const phished = await post('/auth/passkey', {
      response: key.assert(open3, { origin: 'https://evil.test' }),
    });
    expect(phished.statusCode).toBe(401);

    // Rename and remove, each told to the owner.
    const id = added.json().passkey.id;
    const renamed = await as(t.app, session).patch(`/api/v1/me/mfa/passkeys/${id}`, { name: 'Work laptop' });
    expect(renamed.json().name).toBe('Work laptop');
    // Another person cannot touch it.
    const other = await newPerson();
    expect((await as(t.app, other.session).delete(`/api/v1/me/mfa/passkeys/${id}`)).statusCode).toBe(404);
    expect((await as(t.app, session).delete(`/api/v1/me/mfa/passkeys/${id}`)).statusCode).toBe(204);
    expect(mailsTo(user.email).at(-1)!.text).toContain('“Work laptop” was removed');
    // With no factor left, the recovery codes go too and a password signs in alone again.
    expect((await as(t.app, session).get('/api/v1/me/mfa')).json().recoveryCodes.remaining).toBe(0);
    expect((await login(user.email)).statusCode).toBe(200);
  });
});

describe('"MFA required" and admin reset', () => {
  it('forces enrollment at the next sign-in, before any session; the last factor then stays', async () => {
    const org = await createPartnerOrganization(t.database.db, { types: ['reseller'] });
    const admin = await newPerson(org.id, 'partner_admin');
    const member = await createUser(t.database.db, { organizationId: org.id, role: 'partner_user' });
    const sec = await as(t.app, admin.session).get(`/api/v1/mfa/organizations/${org.id}`);
    expect(sec.json()).toMatchObject({ mfaRequired: false, version: 1 });
    expect(sec.json().people.map((p: { id: string }) => p.id)).toContain(member.id);
    // Another partner's admin sees nothing of it.
    const bAdmin = await signIn(t.app, e.bAdmin.email, PASSWORD);
    expect((await as(t.app, bAdmin).get(`/api/v1/mfa/organizations/${org.id}`)).statusCode).toBe(404);

    const on = await as(t.app, admin.session).post(`/api/v1/mfa/organizations/${org.id}/policy`, {
      required: true,
      version: 1,
    });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ mfaRequired: true, version: 2 });
    const stale = await as(t.app, admin.session).post(`/api/v1/mfa/organizations/${org.id}/policy`, {
      required: false,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const first = await login(member.email);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ step: 'mfa_enroll', methods: [] });
    const token = first.json().token;
    // Nothing else is possible with the pending token: it is not a session.
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(401);
    const setup = await post('/auth/mfa/totp-setup', { token });
    expect(setup.statusCode, setup.body).toBe(200);
    const done = await post('/auth/mfa/totp', { token, code: await codeAt(setup.json().secret) });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().recoveryCodes).toHaveLength(10);
    const session = sessionOf(done);
    // The only factor cannot be removed while the policy requires one.
    const removed = await as(t.app, session).delete('/api/v1/me/mfa/totp');
    expect(removed.statusCode).toBe(422);

    // The admin resets it (lost phone): audited, told to the member, who enrolls anew at the next sign-in.
    const reset = await as(t.app, admin.session).post(`/api/v1/mfa/users/${member.id}/reset`);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ totp: false, passkeys: 0, recoveryCodesRemaining: 0 });
    expect(mailsTo(member.email).at(-1)!.text).toMatch(/reset the sign-in factors of your account/);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'mfa.factors_reset'), eq(auditLog.entityId, member.id)));
    expect(audit!.actorUserId).toBe(admin.user.id);
    expect((await login(member.email)).json().step).toBe('mfa_enroll');

    // A partner admin cannot reset people of another organization; the vendor admin can.
    expect((await as(t.app, bAdmin).post(`/api/v1/mfa/users/${member.id}/reset`)).statusCode).toBe(404);
    const vendorAdmin = await signIn(t.app, e.admin.email, PASSWORD);
    expect((await as(t.app, vendorAdmin).post(`/api/v1/mfa/users/${member.id}/reset`)).statusCode).toBe(200);
    // A partner user may not manage the policy at all.
    const user = await signIn(t.app, e.aUser.email, PASSWORD);
    expect((await as(t.app, user).get(`/api/v1/mfa/organizations/${e.partnerA.id}`)).statusCode).toBe(403);
  });
});
