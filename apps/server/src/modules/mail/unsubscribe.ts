import { createHmac } from 'node:crypto';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import { invalid } from '../../lib/errors';
import { isId } from '../../lib/ids';
import { safeEqual } from '../../lib/tokens';
import { findUserRecordById, setEmailDigest } from '../identity/identity.repository';

/** What a token may turn off; the purpose is signed, so a token for one cannot turn off another. */
export type UnsubscribePurpose = 'digest';

/**
 * The server has no secret of its own (no key in the configuration and no
 * table for one), so the key is the user's password hash: secret, random per
 * user (Argon2 salts it), and never shown to anyone. A token therefore
 * survives restarts and works on every server process, and stops working when
 * the password changes, after which the person turns the digest off from
 * their account instead. A user with no password cannot sign in and gets no
 * optional mail, so has no token.
 */
function mac(user: { id: string; passwordHash: string }, purpose: UnsubscribePurpose) {
  return createHmac('sha256', user.passwordHash)
    .update(`partnergraph:unsubscribe:${purpose}:${user.id}`)
    .digest('base64url');
}

/** `<user id>.<HMAC>`: the id says whose preference, the HMAC that the link came from us. */
export function unsubscribeToken(
  user: { id: string; passwordHash: string | null },
  purpose: UnsubscribePurpose = 'digest',
): string | null {
  if (!user.passwordHash) return null;
  return `${user.id}.${mac({ id: user.id, passwordHash: user.passwordHash }, purpose)}`;
}

export const UNSUBSCRIBED =
  'You will no longer receive the daily digest. To have it again, turn it on under Email preferences in your user menu.';

/**
 * Turns the daily digest off for the user a valid token names. Idempotent: a
 * second click answers the same and records nothing more. Every refusal reads
 * the same, so the answer tells nothing about which users exist.
 */
export async function unsubscribe(db: Db, req: { requestId: string; ip: string | null }, token: string) {
  const refuse = () =>
    invalid(
      [
        {
          path: 'querystring.token',
          message:
            'This unsubscribe link is not valid (links stop working when the password changes): sign in and turn the digest off under Email preferences',
        },
      ],
      'This unsubscribe link is not valid',
    );
  const [id, given] = token.split('.');
  if (!isId(id) || !given) throw refuse();
  const user = await findUserRecordById(db, id);
  if (!user?.passwordHash || !safeEqual(mac({ id, passwordHash: user.passwordHash }, 'digest'), given)) {
    throw refuse();
  }
  if (user.emailDigest) {
    await runChange(
      db,
      { ...req, actor: { userId: user.id, orgId: user.organizationId } },
      async (tx, record) => {
        await setEmailDigest(tx, user.id, false);
        record.audit({
          action: 'user.digest_unsubscribed',
          entityType: 'user',
          entityId: user.id,
          before: { emailDigest: true },
          after: { emailDigest: false, via: 'unsubscribe link' },
        });
      },
    );
  }
  return { emailDigest: false as const, message: UNSUBSCRIBED };
}
