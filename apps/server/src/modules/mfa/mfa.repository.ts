import { and, asc, count, eq, gt, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId, newId } from '../../lib/ids';
import {
  mfaChallenges,
  mfaPasskeys,
  mfaPendingSignIns,
  mfaPolicies,
  mfaRecoveryCodes,
  mfaTotp,
} from './mfa.tables';
import { ownPasskeys } from './mfa.visibility';

export type TotpRow = typeof mfaTotp.$inferSelect;
export type PasskeyRow = typeof mfaPasskeys.$inferSelect;
export type PendingSignInRow = typeof mfaPendingSignIns.$inferSelect;
export type ChallengePurpose = (typeof mfaChallenges.$inferSelect)['purpose'];

// --- Authenticator app ---

export async function findTotpOfUser(q: Queryable, userId: string): Promise<TotpRow | undefined> {
  const [row] = await q.select().from(mfaTotp).where(eq(mfaTotp.userId, userId));
  return row;
}

/** Starts (or restarts) a set-up: an unconfirmed app is replaced, a confirmed one is the caller's to refuse. */
export async function replaceUnconfirmedTotp(q: Queryable, userId: string, id: string, secretSealed: string) {
  await q.delete(mfaTotp).where(and(eq(mfaTotp.userId, userId), isNull(mfaTotp.confirmedAt)));
  await q.insert(mfaTotp).values({ id, userId, secretSealed });
}

/**
 * Records `step` as used, only if it is later than the last one: answers false
 * when a parallel request spent this code first. Confirms the app on its first code.
 */
export async function spendTotpStep(q: Queryable, id: string, step: number, now: Date) {
  const rows = await q
    .update(mfaTotp)
    .set({ lastUsedStep: step, confirmedAt: sql`coalesce(${mfaTotp.confirmedAt}, ${now})` })
    .where(and(eq(mfaTotp.id, id), or(isNull(mfaTotp.lastUsedStep), lt(mfaTotp.lastUsedStep, step))))
    .returning({ id: mfaTotp.id });
  return rows.length === 1;
}

export async function deleteTotpOfUser(q: Queryable, userId: string) {
  return q.delete(mfaTotp).where(eq(mfaTotp.userId, userId)).returning({ id: mfaTotp.id });
}

// --- Passkeys ---

export function findPasskeysOfActor(q: Queryable, actor: Actor) {
  return q.select().from(mfaPasskeys).where(ownPasskeys(actor)).orderBy(asc(mfaPasskeys.createdAt));
}

export async function findPasskeyOfActor(q: Queryable, actor: Actor, id: string) {
  if (!isId(id)) return undefined;
  const [row] = await q
    .select()
    .from(mfaPasskeys)
    .where(and(eq(mfaPasskeys.id, id), ownPasskeys(actor)));
  return row;
}

/** A person's passkeys at sign-in, before any actor exists. */
export function findPasskeysOfUser(q: Queryable, userId: string) {
  return q.select().from(mfaPasskeys).where(eq(mfaPasskeys.userId, userId));
}

export async function findPasskeyByCredentialId(q: Queryable, credentialId: string) {
  const [row] = await q.select().from(mfaPasskeys).where(eq(mfaPasskeys.credentialId, credentialId));
  return row;
}

export async function insertPasskey(q: Queryable, values: Omit<typeof mfaPasskeys.$inferInsert, 'id'>) {
  const [row] = await q
    .insert(mfaPasskeys)
    .values({ id: newId(), ...values })
    .returning();
  return row!;
}

/**
 * Stores the authenticator's new signature counter, only forward: a counter
 * that did not grow (on an authenticator that counts) is a cloned key, and
 * two parallel uses of one assertion cannot both pass.
 */
export async function recordPasskeyUse(
  q: Queryable,
  id: string,
  previous: number,
  next: number,
  backedUp: boolean,
) {
  const rows = await q
    .update(mfaPasskeys)
    .set({ counter: next, backedUp, lastUsedAt: new Date() })
    .where(and(eq(mfaPasskeys.id, id), eq(mfaPasskeys.counter, previous)))
    .returning({ id: mfaPasskeys.id });
  return rows.length === 1;
}

export async function renamePasskey(q: Queryable, id: string, name: string) {
  const [row] = await q.update(mfaPasskeys).set({ name }).where(eq(mfaPasskeys.id, id)).returning();
  return row!;
}

export async function deletePasskey(q: Queryable, id: string) {
  await q.delete(mfaPasskeys).where(eq(mfaPasskeys.id, id));
}

export async function deletePasskeysOfUser(q: Queryable, userId: string) {
  return q.delete(mfaPasskeys).where(eq(mfaPasskeys.userId, userId)).returning({ id: mfaPasskeys.id });
}

// --- Recovery codes ---

export async function replaceRecoveryCodes(q: Queryable, userId: string, hashes: string[]) {
  await q.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  if (hashes.length)
    await q.insert(mfaRecoveryCodes).values(hashes.map((codeHash) => ({ id: newId(), userId, codeHash })));
}

/** Spends the code if it is this person's and unused: the conditional update makes it single-use under races. */
export async function spendRecoveryCode(q: Queryable, userId: string, codeHash: string) {
  const rows = await q
    .update(mfaRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(mfaRecoveryCodes.userId, userId),
        eq(mfaRecoveryCodes.codeHash, codeHash),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: mfaRecoveryCodes.id });
  return rows.length === 1;
}

export async function hasUnusedRecoveryCode(q: Queryable, userId: string, codeHash: string) {
  const [row] = await q
    .select({ id: mfaRecoveryCodes.id })
    .from(mfaRecoveryCodes)
    .where(
      and(
        eq(mfaRecoveryCodes.userId, userId),
        eq(mfaRecoveryCodes.codeHash, codeHash),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    );
  return Boolean(row);
}

export async function findRecoveryCodeSummary(q: Queryable, userId: string) {
  const [row] = await q
    .select({
      remaining: sql<number>`count(*) filter (where ${mfaRecoveryCodes.usedAt} is null)::int`,
      generatedAt: sql<string | null>`min(${mfaRecoveryCodes.createdAt})::text`,
    })
    .from(mfaRecoveryCodes)
    .where(eq(mfaRecoveryCodes.userId, userId));
  return {
    remaining: row?.remaining ?? 0,
    generatedAt: row?.generatedAt ? new Date(row.generatedAt) : null,
  };
}

export async function deleteRecoveryCodesOfUser(q: Queryable, userId: string) {
  await q.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
}

// --- Factor summaries ---

/** Whether a person has a factor that proves them (a confirmed app or a passkey); recovery codes only back one up. */
export async function hasFactor(q: Queryable, userId: string) {
  const [app] = await q
    .select({ id: mfaTotp.id })
    .from(mfaTotp)
    .where(and(eq(mfaTotp.userId, userId), isNotNull(mfaTotp.confirmedAt)));
  if (app) return { totp: true, passkeys: (await findPasskeysOfUser(q, userId)).length };
  const passkeys = (await findPasskeysOfUser(q, userId)).length;
  return passkeys > 0 ? { totp: false, passkeys } : null;
}

/** Per person of a page of users: their confirmed app, passkey count and unused recovery codes. */
export async function findFactorCounts(q: Queryable, userIds: string[]) {
  const out = new Map<string, { totp: boolean; passkeys: number; recoveryCodesRemaining: number }>();
  if (!userIds.length) return out;
  for (const id of userIds) out.set(id, { totp: false, passkeys: 0, recoveryCodesRemaining: 0 });
  const apps = await q
    .select({ userId: mfaTotp.userId })
    .from(mfaTotp)
    .where(and(inArray(mfaTotp.userId, userIds), isNotNull(mfaTotp.confirmedAt)));
  for (const a of apps) out.get(a.userId)!.totp = true;
  const keys = await q
    .select({ userId: mfaPasskeys.userId, n: count() })
    .from(mfaPasskeys)
    .where(inArray(mfaPasskeys.userId, userIds))
    .groupBy(mfaPasskeys.userId);
  for (const k of keys) out.get(k.userId)!.passkeys = Number(k.n);
  const codes = await q
    .select({ userId: mfaRecoveryCodes.userId, n: count() })
    .from(mfaRecoveryCodes)
    .where(and(inArray(mfaRecoveryCodes.userId, userIds), isNull(mfaRecoveryCodes.usedAt)))
    .groupBy(mfaRecoveryCodes.userId);
  for (const c of codes) out.get(c.userId)!.recoveryCodesRemaining = Number(c.n);
  return out;
}

// --- WebAuthn challenges ---

export async function insertChallenge(
  q: Queryable,
  values: { challenge: string; purpose: ChallengePurpose; userId: string | null; expiresAt: Date },
) {
  await q.insert(mfaChallenges).values({ id: newId(), ...values });
}

/** Spends a live challenge of this purpose (and person): answers undefined when unknown, used, expired or someone else's. */
export async function spendChallenge(
  q: Queryable,
  challenge: string,
  purpose: ChallengePurpose,
  userId: string | null,
) {
  const now = new Date();
  const [row] = await q
    .update(mfaChallenges)
    .set({ usedAt: now })
    .where(
      and(
        eq(mfaChallenges.challenge, challenge),
        eq(mfaChallenges.purpose, purpose),
        userId ? eq(mfaChallenges.userId, userId) : isNull(mfaChallenges.userId),
        isNull(mfaChallenges.usedAt),
        gt(mfaChallenges.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

/** Spent and expired challenges and pending sign-ins are worthless: cleared as new ones are made. */
export async function deleteStaleSignInState(q: Queryable, before: Date) {
  await q.delete(mfaChallenges).where(lt(mfaChallenges.expiresAt, before));
  await q.delete(mfaPendingSignIns).where(lt(mfaPendingSignIns.expiresAt, before));
}

// --- Pending sign-ins ---

export async function insertPendingSignIn(
  q: Queryable,
  values: { userId: string; tokenHash: string; purpose: PendingSignInRow['purpose']; expiresAt: Date },
) {
  const [row] = await q
    .insert(mfaPendingSignIns)
    .values({ id: newId(), ...values })
    .returning();
  return row!;
}

export async function findLivePendingSignIn(q: Queryable, tokenHash: string, now: Date) {
  const [row] = await q
    .select()
    .from(mfaPendingSignIns)
    .where(
      and(
        eq(mfaPendingSignIns.tokenHash, tokenHash),
        isNull(mfaPendingSignIns.usedAt),
        gt(mfaPendingSignIns.expiresAt, now),
      ),
    );
  return row;
}

export async function spendPendingSignIn(q: Queryable, id: string) {
  const rows = await q
    .update(mfaPendingSignIns)
    .set({ usedAt: new Date() })
    .where(and(eq(mfaPendingSignIns.id, id), isNull(mfaPendingSignIns.usedAt)))
    .returning({ id: mfaPendingSignIns.id });
  return rows.length === 1;
}

// --- Policy ---

export async function findPolicy(q: Queryable, organizationId: string) {
  const [row] = await q.select().from(mfaPolicies).where(eq(mfaPolicies.organizationId, organizationId));
  return row ?? { organizationId, required: false, requiredAfterSso: false, version: 1, updatedAt: null };
}

/** Writes the policy if `version` is still the stored one (checked by the caller first; this guards races). */
export async function storePolicy(
  q: Queryable,
  organizationId: string,
  values: { required: boolean; requiredAfterSso: boolean },
  version: number,
) {
  const rows = await q
    .insert(mfaPolicies)
    .values({ organizationId, ...values, version: version + 1, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: mfaPolicies.organizationId,
      set: { ...values, version: sql`${mfaPolicies.version} + 1`, updatedAt: new Date() },
      setWhere: eq(mfaPolicies.version, version),
    })
    .returning();
  return rows[0] ?? null;
}
