// Example requests of the MFA routes (spread into route-examples.ts). The
// second-step ones are real: each builds its own person, enrolls a factor
// through the API and signs in to a pending sign-in, so every example is a
// request the server accepts.
import { generate } from 'otplib';
import { mfaPasskeys, mfaPolicies } from '../src/modules/mfa/mfa.tables';
import { findPolicy } from '../src/modules/mfa/mfa.repository';
import { newId } from '../src/lib/ids';
import { openSession } from '../src/modules/identity/identity.service';
import { createPartnerOrganization, createUser } from '../src/seed/factories';
import { as, signIn, type TestApp } from './app';
import { PASSWORD } from './ecosystem';
import { softPasskey } from './passkey-authenticator';

interface Input {
  owner: { id: string };
  user: { id: string; email: string };
  t: TestApp;
}

const codeAt = (secret: string, offset = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

async function freshPerson(t: TestApp, organizationId: string) {
  const user = await createUser(t.database.db, { organizationId, role: 'partner_user' });
  return { user, session: await signIn(t.app, user.email, PASSWORD) };
}

/** A new person of `owner` with an authenticator app; answers its secret and recovery codes. */
async function withTotp(t: TestApp, organizationId: string) {
  const p = await freshPerson(t, organizationId);
  const { secret } = (await as(t.app, p.session).post('/api/v1/me/mfa/totp')).json();
  const confirmed = await as(t.app, p.session).post('/api/v1/me/mfa/totp/confirm', {
    code: await codeAt(secret),
  });
  return { ...p, secret: secret as string, codes: confirmed.json().recoveryCodes as string[] };
}

/** A new person of `owner` with a passkey. */
async function withPasskey(t: TestApp, organizationId: string) {
  const p = await freshPerson(t, organizationId);
  const key = softPasskey();
  const options = (await as(t.app, p.session).post('/api/v1/me/mfa/passkeys/options')).json();
  await as(t.app, p.session).post('/api/v1/me/mfa/passkeys', {
    name: 'Key',
    response: key.register(options),
  });
  return { ...p, key };
}

async function pendingToken(t: TestApp, email: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: PASSWORD },
  });
  return res.json().token;
}

/** A pending sign-in of step `mfa_enroll`: a person of an organization of its own that requires MFA. */
async function enrollingToken(t: TestApp) {
  // Its own organization, so the policy of the shared ones stays as the other suites expect.
  const org = await createPartnerOrganization(t.database.db, { types: ['reseller'] });
  await t.database.db.insert(mfaPolicies).values({ organizationId: org.id, required: true });
  const user = await createUser(t.database.db, { organizationId: org.id, role: 'partner_user' });
  return pendingToken(t, user.email);
}

/** A session of `userId` opened directly: they may have a factor by now (other examples give them one). */
async function sessionOf(t: TestApp, userId: string) {
  const s = await openSession(t.database.db, userId, { requestId: 'example', ip: null, userAgent: null });
  return { cookie: `pg_session=${s.token}`, csrfToken: s.csrfToken };
}

const post = (t: TestApp, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object });

export const mfaExamples = {
  'POST /api/v1/auth/mfa/totp': async ({ owner, t }: Input) => {
    const p = await withTotp(t, owner.id);
    return { body: { token: await pendingToken(t, p.user.email), code: await codeAt(p.secret, 1) } };
  },
  'POST /api/v1/auth/mfa/recovery-code': async ({ owner, t }: Input) => {
    const p = await withTotp(t, owner.id);
    return { body: { token: await pendingToken(t, p.user.email), code: p.codes[0] } };
  },
  'POST /api/v1/auth/mfa/passkey/options': async ({ owner, t }: Input) => {
    const p = await withPasskey(t, owner.id);
    return { body: { token: await pendingToken(t, p.user.email) } };
  },
  'POST /api/v1/auth/mfa/passkey': async ({ owner, t }: Input) => {
    const p = await withPasskey(t, owner.id);
    const token = await pendingToken(t, p.user.email);
    const options = (await post(t, '/auth/mfa/passkey/options', { token })).json();
    return { body: { token, response: p.key.assert(options) } };
  },
  'POST /api/v1/auth/mfa/totp-setup': async ({ t }: Input) => ({ body: { token: await enrollingToken(t) } }),
  'POST /api/v1/auth/mfa/pending': async ({ owner, t }: Input) => {
    const p = await withTotp(t, owner.id);
    return { body: { token: await pendingToken(t, p.user.email) } };
  },
  'POST /api/v1/auth/mfa/passkey-setup': async ({ t }: Input) => ({
    body: { token: await enrollingToken(t) },
  }),
  'POST /api/v1/auth/mfa/passkey-enroll': async ({ t }: Input) => {
    const token = await enrollingToken(t);
    const options = (await post(t, '/auth/mfa/passkey-setup', { token })).json();
    return { body: { token, name: 'Laptop', response: softPasskey().register(options) } };
  },
  'POST /api/v1/auth/passkey/options': () => ({}),
  'POST /api/v1/auth/passkey': async ({ owner, t }: Input) => {
    const p = await withPasskey(t, owner.id);
    const options = (await post(t, '/auth/passkey/options', {})).json();
    return { body: { response: p.key.assert(options) } };
  },
  'GET /api/v1/me/mfa': () => ({}),
  'POST /api/v1/me/mfa/totp': () => ({}),
  'POST /api/v1/me/mfa/totp/confirm': async ({ user, t }: Input) => {
    // The caller is `user` (or, without a session, nobody): start the set-up as them.
    const session = await sessionOf(t, user.id);
    const { secret } = (await as(t.app, session).post('/api/v1/me/mfa/totp')).json();
    return { body: { code: await codeAt(secret) } };
  },
  'DELETE /api/v1/me/mfa/totp': () => ({}),
  'POST /api/v1/me/mfa/passkeys/options': () => ({}),
  'POST /api/v1/me/mfa/passkeys': async ({ user, t }: Input) => {
    const session = await sessionOf(t, user.id);
    const options = (await as(t.app, session).post('/api/v1/me/mfa/passkeys/options')).json();
    return { body: { name: 'Laptop', response: softPasskey().register(options) } };
  },
  'PATCH /api/v1/me/mfa/passkeys/{id}': async ({ user, t }: Input) => ({
    params: { id: await passkeyRecord(t, user.id) },
    body: { name: 'Renamed key' },
  }),
  'DELETE /api/v1/me/mfa/passkeys/{id}': async ({ user, t }: Input) => ({
    params: { id: await passkeyRecord(t, user.id) },
  }),
  'POST /api/v1/me/mfa/recovery-codes': () => ({}),
  'GET /api/v1/mfa/organizations/{id}': ({ owner }: Input) => ({ params: { id: owner.id } }),
  'POST /api/v1/mfa/organizations/{id}/policy': async ({ owner, t }: Input) => ({
    params: { id: owner.id },
    // Off, as it was: the suites sign the owner's people in with passwords afterwards.
    body: { required: false, version: (await findPolicy(t.database.db, owner.id)).version },
  }),
  'POST /api/v1/mfa/users/{id}/reset': async ({ owner, t }: Input) => ({
    params: { id: (await createUser(t.database.db, { organizationId: owner.id, role: 'partner_user' })).id },
  }),
};

/** A stored passkey row of `userId` (no key behind it: the routes using it only rename or remove). */
async function passkeyRecord(t: TestApp, userId: string) {
  const id = newId();
  await t.database.db.insert(mfaPasskeys).values({
    id,
    userId,
    credentialId: `cred-${id}`,
    publicKey: 'AQID',
    name: 'Old key',
  });
  return id;
}
