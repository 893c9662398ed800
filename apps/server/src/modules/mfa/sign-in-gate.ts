import type { MfaChallenge } from '@partnergraph/shared/contracts/mfa';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import { hashToken, randomToken } from '../../lib/tokens';
import { findPolicy, findRecoveryCodeSummary, hasFactor, insertPendingSignIn } from './mfa.repository';

// Imported by identity's sign-in: it must not import identity back (the rest of the MFA sign-in does).

/** Long enough to find a phone and type a code; short enough that a stolen password and token are soon useless. */
export const PENDING_SIGN_IN_TTL_MS = 10 * 60_000;
export const PENDING_PREFIX = 'pgm_';

/**
 * After a verified password: null when the person may sign in with it alone;
 * otherwise a pending sign-in (no session) that a second factor completes —
 * or, when their organization requires MFA and they have none, enrolling one.
 */
export async function mfaChallengeFor(
  db: Db,
  req: { requestId: string; ip: string | null },
  user: { id: string; organizationId: string },
): Promise<MfaChallenge | null> {
  const factor = await hasFactor(db, user.id);
  const policy = await findPolicy(db, user.organizationId);
  if (!factor && !policy.required) return null;
  const token = randomToken(PENDING_PREFIX);
  const expiresAt = new Date(Date.now() + PENDING_SIGN_IN_TTL_MS);
  const purpose = factor ? 'verify' : 'enroll';
  await runChange(
    db,
    { ...req, actor: { userId: user.id, orgId: user.organizationId } },
    async (tx, record) => {
      const pending = await insertPendingSignIn(tx, {
        userId: user.id,
        tokenHash: hashToken(token),
        purpose,
        expiresAt,
      });
      record.audit({
        action: factor ? 'auth.mfa_challenged' : 'auth.mfa_enrollment_required',
        entityType: 'user',
        entityId: user.id,
        after: { pendingSignInId: pending.id },
      });
    },
  );
  const methods: MfaChallenge['methods'] = [];
  if (factor?.totp) methods.push('totp');
  if (factor?.passkeys) methods.push('passkey');
  if (factor && (await findRecoveryCodeSummary(db, user.id)).remaining > 0) methods.push('recovery_code');
  return {
    step: factor ? 'mfa_verify' : 'mfa_enroll',
    token,
    expiresAt: expiresAt.toISOString(),
    methods,
  };
}
