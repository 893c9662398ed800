import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Db } from '../../db/client';
import { writeAudit } from '../../db/transaction';
import { AppError, conflict, invalid, unauthorized, unprocessable } from '../../lib/errors';
import type { Mailer } from '../../lib/mail';
import { subjectsOf, takeAttempt, withdrawAttempt, type Limit } from '../../lib/rate-limit';
import type { SecretBox } from '../../lib/secrets';
import { hashToken } from '../../lib/tokens';
import { completeSignIn, type RequestInfo, type SignInFound } from '../identity/identity.service';
import { findUserForSignInById } from '../identity/identity.repository';
import { assertPasswordSignInAllowed } from '../sso/sso.policy';
import type { Site } from '../mail/templates';
import {
  beginTotpFor,
  issueRecoveryCodes,
  mfaCodeLimit,
  openTotpSecret,
  tellOwner,
  toPasskeyDto,
} from './factors';
import {
  findLivePendingSignIn,
  findPasskeyByCredentialId,
  hasFactor,
  insertPasskey,
  findPasskeysOfUser,
  findRecoveryCodeSummary,
  findTotpOfUser,
  hasUnusedRecoveryCode,
  spendPendingSignIn,
  spendRecoveryCode,
  spendTotpStep,
  type PendingSignInRow,
} from './mfa.repository';
import { hashRecoveryCode } from './recovery-codes';
import { methodsOf } from './sign-in-gate';
import { totpStepOf } from './totp';
import {
  PasskeyRefused,
  passkeyAuthenticationOptions,
  passkeyRegistrationOptions,
  verifyPasskeyAssertion,
  verifyPasskeyRegistration,
  type RelyingParty,
} from './webauthn';

/** Passwordless attempts per client address. */
const passkeySignInLimit: Limit = { bucket: 'passkey_sign_in', max: 100, windowMs: 15 * 60_000 };

export interface SignInDeps {
  db: Db;
  mailer: Mailer;
  site: Site;
  secrets: SecretBox;
  rp: RelyingParty;
}

const expired = () => unauthorized('This sign-in expired or was already finished: sign in again');

/** The pending sign-in behind a token, and its person, who must still be able to sign in. */
async function pendingOf(db: Db, token: string) {
  const pending = await findLivePendingSignIn(db, hashToken(token), new Date());
  if (!pending) throw expired();
  const found = await findUserForSignInById(db, pending.userId);
  if (!found || found.user.status !== 'active' || found.org.status === 'terminated') throw expired();
  return { pending, found };
}

/**
 * Runs a check of a second factor under the per-person limit: a failure stays
 * counted and is audited, a success withdraws the attempt.
 */
async function checked<T>(
  db: Db,
  req: RequestInfo,
  found: SignInFound,
  method: string,
  check: () => Promise<T | null>,
): Promise<T> {
  const attempt = await takeAttempt(db, mfaCodeLimit, subjectsOf(found.user.email, null), 'wrong codes');
  const result = await check().catch((err: unknown) => {
    if (err instanceof PasskeyRefused) return null;
    throw err;
  });
  if (result === null) {
    await writeAudit(db, { ...req, actor: null }, [
      { action: 'auth.mfa_failed', entityType: 'user', entityId: found.user.id, after: { method } },
    ]);
    throw unauthorized(method === 'passkey' ? 'The passkey was not accepted' : 'That code is not right');
  }
  await withdrawAttempt(db, attempt);
  return result;
}

async function spendPending(tx: Parameters<typeof spendPendingSignIn>[0], pending: PendingSignInRow) {
  if (!(await spendPendingSignIn(tx, pending.id))) throw expired();
}

/**
 * The authenticator app's code: a second factor, or — when enrolling because
 * the organization requires MFA — the first code that confirms the app set up
 * with this pending sign-in (then the recovery codes come with the session).
 */
export async function signInWithTotp(
  d: SignInDeps,
  req: RequestInfo,
  input: { token: string; code: string },
  previousToken: string | undefined,
) {
  const { pending, found } = await pendingOf(d.db, input.token);
  const app = await findTotpOfUser(d.db, found.user.id);
  if (!app || (pending.purpose === 'verify' && !app.confirmedAt)) {
    throw unprocessable(
      pending.purpose === 'enroll'
        ? 'Set up your authenticator app first (POST /auth/mfa/totp-setup)'
        : 'You have no authenticator app: use a passkey or a recovery code',
    );
  }
  const secret = openTotpSecret(d.secrets, app);
  const step = await checked(d.db, req, found, 'totp', () =>
    totpStepOf(secret, input.code, app.lastUsedStep),
  );
  const enrolling = !app.confirmedAt;
  const done = await completeSignIn(d.db, req, found, previousToken, 'totp', async (tx, record) => {
    await spendPending(tx, pending);
    // Spent under a condition: the same code sent twice at once signs in once.
    if (!(await spendTotpStep(tx, app.id, step, new Date())))
      throw unauthorized('That code was already used');
    if (!enrolling) return undefined;
    record.audit({ action: 'mfa.totp_added', entityType: 'user', entityId: found.user.id });
    return issueRecoveryCodes(tx, found.user.id, record);
  });
  if (enrolling) await tellOwner(d, found.user, 'An authenticator app was added to your account');
  return { token: done.token, body: { ...done.body, ...(done.extra ? { recoveryCodes: done.extra } : {}) } };
}

export async function signInWithRecoveryCode(
  d: SignInDeps,
  req: RequestInfo,
  input: { token: string; code: string },
  previousToken: string | undefined,
) {
  const { pending, found } = await pendingOf(d.db, input.token);
  if (pending.purpose !== 'verify') throw unprocessable('Set up an authenticator app to finish signing in');
  const hash = hashRecoveryCode(input.code);
  // Looked up by hash among the person's own unused codes: nothing is compared character by character.
  await checked(d.db, req, found, 'recovery_code', async () =>
    (await hasUnusedRecoveryCode(d.db, found.user.id, hash)) ? true : null,
  );
  const done = await completeSignIn(d.db, req, found, previousToken, 'recovery_code', async (tx, record) => {
    await spendPending(tx, pending);
    // Spent under a condition: one code sent twice at once signs in once.
    if (!(await spendRecoveryCode(tx, found.user.id, hash))) throw unauthorized('That code was already used');
    record.audit({ action: 'mfa.recovery_code_used', entityType: 'user', entityId: found.user.id });
  });
  const left = (await findRecoveryCodeSummary(d.db, found.user.id)).remaining;
  await tellOwner(
    d,
    found.user,
    `A recovery code was used to sign in to your account; ${left} of your recovery codes are left`,
  );
  return { token: done.token, body: done.body };
}

export async function passkeyOptionsForPending(d: SignInDeps, input: { token: string }) {
  const { pending, found } = await pendingOf(d.db, input.token);
  if (pending.purpose !== 'verify') throw unprocessable('Set up an authenticator app to finish signing in');
  const passkeys = await findPasskeysOfUser(d.db, found.user.id);
  if (!passkeys.length)
    throw unprocessable('You have no passkey: use your authenticator app or a recovery code');
  return passkeyAuthenticationOptions(d.db, d.rp, { userId: found.user.id, passkeys });
}

export async function signInWithPasskeyFactor(
  d: SignInDeps,
  req: RequestInfo,
  input: { token: string; response: AuthenticationResponseJSON },
  previousToken: string | undefined,
) {
  const { pending, found } = await pendingOf(d.db, input.token);
  if (pending.purpose !== 'verify') throw unprocessable('Set up an authenticator app to finish signing in');
  await checked(d.db, req, found, 'passkey', () =>
    verifyPasskeyAssertion(d.db, d.rp, 'authenticate', found.user.id, input.response),
  );
  const done = await completeSignIn(d.db, req, found, previousToken, 'passkey', (tx) =>
    spendPending(tx, pending),
  );
  return { token: done.token, body: done.body };
}

/** "Sign in with a passkey": any discoverable passkey registered here, with its owner verified by the authenticator. */
export async function passwordlessOptions(d: SignInDeps, req: RequestInfo) {
  // Each call stores a challenge: limited per address so nobody fills the table.
  await takeAttempt(d.db, passkeySignInLimit, subjectsOf(null, req.ip), 'passkey sign-in attempts');
  return passkeyAuthenticationOptions(d.db, d.rp, null);
}

export async function signInWithPasskey(
  d: SignInDeps,
  req: RequestInfo,
  input: { response: AuthenticationResponseJSON },
  previousToken: string | undefined,
) {
  const passkey = await verifyPasskeyAssertion(d.db, d.rp, 'passwordless', null, input.response).catch(
    async (err: unknown) => {
      if (!(err instanceof PasskeyRefused)) throw err;
      await writeAudit(d.db, { ...req, actor: null }, [
        { action: 'auth.passkey_failed', entityType: 'user', entityId: null, after: { reason: err.message } },
      ]);
      throw new AppError('unauthorized', err.message);
    },
  );
  const found = await findUserForSignInById(d.db, passkey.userId);
  if (!found || found.user.status !== 'active' || found.org.status === 'terminated') {
    throw unauthorized('This account cannot sign in');
  }
  // A passkey is a credential held here, not at the organization's IdP: "SSO required" refuses it as it
  // refuses a password (the break-glass admin excepted), or a key enrolled before the policy would outlive it.
  await assertPasswordSignInAllowed(d.db, found.user);
  const done = await completeSignIn(d.db, req, found, previousToken, 'passkey');
  return { token: done.token, body: done.body };
}

/** Enrolling while signing in (the organization requires MFA): the app's secret, confirmed by POST /auth/mfa/totp. */
export async function totpSetupForPending(d: SignInDeps, req: RequestInfo, input: { token: string }) {
  const { pending, found } = await pendingOf(d.db, input.token);
  if (pending.purpose !== 'enroll')
    throw invalid([{ path: 'body.token', message: 'You already have a second factor' }]);
  return beginTotpFor(d, { ...req, actor: { userId: found.user.id, orgId: found.org.id } }, found.user);
}

/** Enrolling while signing in with a passkey instead of an app: options to create one for this person. */
export async function passkeySetupForPending(d: SignInDeps, input: { token: string }) {
  const { pending, found } = await pendingOf(d.db, input.token);
  if (pending.purpose !== 'enroll')
    throw invalid([{ path: 'body.token', message: 'You already have a second factor' }]);
  return passkeyRegistrationOptions(d.db, d.rp, found.user, []);
}

/**
 * The new passkey, created with the options above, becomes the person's first factor and finishes the
 * sign-in in one transaction: the key, its recovery codes (shown this once) and the session.
 */
export async function signInWithNewPasskey(
  d: SignInDeps,
  req: RequestInfo,
  input: { token: string; name: string; response: RegistrationResponseJSON },
  previousToken: string | undefined,
) {
  const { pending, found } = await pendingOf(d.db, input.token);
  if (pending.purpose !== 'enroll')
    throw invalid([{ path: 'body.token', message: 'You already have a second factor' }]);
  const verified = await verifyPasskeyRegistration(d.db, d.rp, found.user.id, input.response).catch(
    (err: unknown) => {
      if (err instanceof PasskeyRefused) throw invalid([{ path: 'body.response', message: err.message }]);
      throw err;
    },
  );
  if (await findPasskeyByCredentialId(d.db, verified.credentialId))
    throw conflict('This passkey is already registered');
  const done = await completeSignIn(d.db, req, found, previousToken, 'passkey', async (tx, record) => {
    await spendPending(tx, pending);
    const row = await insertPasskey(tx, { userId: found.user.id, name: input.name, ...verified });
    record.audit({
      action: 'mfa.passkey_added',
      entityType: 'passkey',
      entityId: row.id,
      after: { name: row.name, userId: found.user.id },
    });
    return { passkey: toPasskeyDto(row), recoveryCodes: await issueRecoveryCodes(tx, found.user.id, record) };
  });
  await tellOwner(d, found.user, `A passkey named “${input.name}” was added to your account`);
  return { token: done.token, body: { ...done.body, recoveryCodes: done.extra!.recoveryCodes } };
}

/**
 * A pending sign-in described again from its token: after SSO the browser arrives from a redirect
 * carrying only the token (in the URL fragment, which no server or Referer sees).
 */
export async function describePending(d: SignInDeps, input: { token: string }) {
  const { pending, found } = await pendingOf(d.db, input.token);
  const factor = pending.purpose === 'verify' ? await hasFactor(d.db, found.user.id) : null;
  return {
    step: pending.purpose === 'verify' ? ('mfa_verify' as const) : ('mfa_enroll' as const),
    token: input.token,
    expiresAt: pending.expiresAt.toISOString(),
    methods: await methodsOf(d.db, found.user.id, factor),
  };
}
