import type { MfaChallenge } from '@partnergraph/shared/contracts/mfa';
import type { Db, Queryable } from '../../db/client';
import { runChange, type ChangeRecorder } from '../../db/transaction';
import { hashToken, randomToken } from '../../lib/tokens';
import { findPolicy, findRecoveryCodeSummary, hasFactor, insertPendingSignIn } from './mfa.repository';

// Imported by identity's sign-in and invitations and by SSO's sign-in: it must not import them back
// (the rest of the MFA sign-in does).

/** Long enough to find a phone and type a code; short enough that a stolen password and token are soon useless. */
export const PENDING_SIGN_IN_TTL_MS = 10 * 60_000;
export const PENDING_PREFIX = 'pgm_';

type Factor = Awaited<ReturnType<typeof hasFactor>>;

/** Stores a pending sign-in (no session) in the caller's transaction and answers the challenge to send. */
async function openPendingSignIn(
  q: Queryable,
  record: ChangeRecorder,
  user: { id: string },
  factor: Factor,
): Promise<MfaChallenge> {
  const token = randomToken(PENDING_PREFIX);
  const expiresAt = new Date(Date.now() + PENDING_SIGN_IN_TTL_MS);
  const pending = await insertPendingSignIn(q, {
    userId: user.id,
    tokenHash: hashToken(token),
    purpose: factor ? 'verify' : 'enroll',
    expiresAt,
  });
  record.audit({
    action: factor ? 'auth.mfa_challenged' : 'auth.mfa_enrollment_required',
    entityType: 'user',
    entityId: user.id,
    after: { pendingSignInId: pending.id },
  });
  return {
    step: factor ? 'mfa_verify' : 'mfa_enroll',
    token,
    expiresAt: expiresAt.toISOString(),
    methods: await methodsOf(q, user.id, factor),
  };
}

/** What a person can prove a pending sign-in with. */
export async function methodsOf(q: Queryable, userId: string, factor: Factor) {
  const methods: MfaChallenge['methods'] = [];
  if (factor?.totp) methods.push('totp');
  if (factor?.passkeys) methods.push('passkey');
  if (factor && (await findRecoveryCodeSummary(q, userId)).remaining > 0) methods.push('recovery_code');
  return methods;
}

/**
 * Whether a proven first step (a password, an invitation, an IdP's assertion) must be followed by a
 * second factor here: always when the person has one — except after SSO, where by default the IdP's
 * own MFA is trusted — and an enrollment when the organization requires it for this kind of sign-in.
 */
async function gateOf(q: Queryable, user: { id: string; organizationId: string }, via: 'password' | 'sso') {
  const factor = await hasFactor(q, user.id);
  const policy = await findPolicy(q, user.organizationId);
  if (via === 'sso') return policy.requiredAfterSso ? { factor } : null;
  return factor || policy.required ? { factor } : null;
}

/**
 * After a verified first step: null when the person may sign in with it alone; otherwise a pending
 * sign-in (no session) that a second factor completes — or, when their organization requires MFA and
 * they have none, enrolling one.
 */
export async function mfaChallengeFor(
  db: Db,
  req: { requestId: string; ip: string | null },
  user: { id: string; organizationId: string },
  via: 'password' | 'sso' = 'password',
): Promise<MfaChallenge | null> {
  const gate = await gateOf(db, user, via);
  if (!gate) return null;
  return runChange(db, { ...req, actor: { userId: user.id, orgId: user.organizationId } }, (tx, record) =>
    openPendingSignIn(tx, record, user, gate.factor),
  );
}

/**
 * The same decision inside a transaction that also creates the person (an accepted invitation, a
 * just-in-time SSO account): the pending sign-in commits with the account, or neither does.
 */
export async function mfaChallengeWithin(
  q: Queryable,
  record: ChangeRecorder,
  user: { id: string; organizationId: string },
  via: 'password' | 'sso',
): Promise<MfaChallenge | null> {
  const gate = await gateOf(q, user, via);
  return gate ? openPendingSignIn(q, record, user, gate.factor) : null;
}
