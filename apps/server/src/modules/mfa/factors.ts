import type { Db, Queryable } from '../../db/client';
import { runChange, type ChangeRecorder } from '../../db/transaction';
import { conflict } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { Mailer } from '../../lib/mail';
import type { Limit } from '../../lib/rate-limit';
import type { SecretBox } from '../../lib/secrets';
import { mfaChangedEmail, type Site } from '../mail/templates';
import {
  deleteRecoveryCodesOfUser,
  findTotpOfUser,
  hasFactor,
  replaceRecoveryCodes,
  replaceUnconfirmedTotp,
  type PasskeyRow,
  type TotpRow,
} from './mfa.repository';
import { newRecoveryCodes } from './recovery-codes';
import { newTotpSecret, totpUri } from './totp';

// What the account's own screens and the sign-in's enrollment share.

/** Wrong codes per person: 5 in 15 minutes, then 429 (a password alone must not buy a brute force). */
export const mfaCodeLimit: Limit = { bucket: 'mfa_code', max: 5, windowMs: 15 * 60_000 };

/** The sealed seed is bound to its row and purpose: copied elsewhere, it does not open. */
const totpContext = (id: string, userId: string) => `mfa.totp:${id}:${userId}`;

export const openTotpSecret = (secrets: SecretBox, app: TotpRow) =>
  secrets.open(app.secretSealed, totpContext(app.id, app.userId));

type AuditCtx = { requestId: string; ip: string | null; actor: { userId: string; orgId: string } };

/**
 * Starts setting up an authenticator app: a new seed, sealed, that becomes a
 * factor when its first code is confirmed. A confirmed app must be removed first.
 */
export async function beginTotpFor(
  d: { db: Db; secrets: SecretBox; site: Site },
  ctx: AuditCtx,
  user: { id: string; email: string },
) {
  const existing = await findTotpOfUser(d.db, user.id);
  if (existing?.confirmedAt)
    throw conflict('You already have an authenticator app: remove it to set up another');
  const secret = newTotpSecret();
  const id = newId();
  await runChange(d.db, ctx, async (tx, record) => {
    await replaceUnconfirmedTotp(tx, user.id, id, d.secrets.seal(secret, totpContext(id, user.id)));
    record.audit({ action: 'mfa.totp_setup_started', entityType: 'user', entityId: user.id });
  });
  return { secret, uri: totpUri(d.site.vendorName ?? 'PartnerGraph', user.email, secret) };
}

/** New recovery codes, replacing any old ones; the plain codes are answered once and never stored. */
export async function issueRecoveryCodes(tx: Queryable, userId: string, record: ChangeRecorder) {
  const { codes, hashes } = newRecoveryCodes();
  await replaceRecoveryCodes(tx, userId, hashes);
  record.audit({
    action: 'mfa.recovery_codes_generated',
    entityType: 'user',
    entityId: userId,
    after: { count: codes.length },
  });
  return codes;
}

/**
 * After a first factor is added: recovery codes, so losing the device does not
 * lock the person out. Answers them, or undefined when the person already had a factor.
 */
export async function recoveryCodesForFirstFactor(
  tx: Queryable,
  userId: string,
  hadFactor: boolean,
  record: ChangeRecorder,
) {
  return hadFactor ? undefined : issueRecoveryCodes(tx, userId, record);
}

/** After a factor is removed: with none left, the recovery codes have nothing to back up and go too. */
export async function dropRecoveryCodesWithoutFactor(tx: Queryable, userId: string) {
  if (!(await hasFactor(tx, userId))) await deleteRecoveryCodesOfUser(tx, userId);
}

/** Every factor change is mailed to the account's owner, after it committed. */
export async function tellOwner(
  d: { mailer: Mailer; site: Site },
  user: { email: string; name: string },
  change: string,
) {
  await d.mailer.send({
    to: user.email,
    ...mfaChangedEmail({ name: user.name, change, at: new Date() }, d.site),
  });
}

export const toPasskeyDto = (p: PasskeyRow) => ({
  id: p.id,
  name: p.name,
  createdAt: p.createdAt.toISOString(),
  lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
  backedUp: p.backedUp,
});
