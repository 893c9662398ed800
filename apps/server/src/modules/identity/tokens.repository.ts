import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { findOrganizationById } from '../organizations/organizations.repository';
import { apiTokens, sessions, users } from './identity.tables';

/** A user's own tokens and sessions are theirs alone: nobody else lists or ends them. */
const ownedBy = (actor: Actor) => eq(apiTokens.userId, actor.userId);

export async function findTokensOfActor(q: Queryable, actor: Actor) {
  return q.select().from(apiTokens).where(ownedBy(actor)).orderBy(desc(apiTokens.createdAt));
}

export async function findTokenById(q: Queryable, actor: Actor, id: string) {
  if (!isId(id)) return undefined;
  const [row] = await q
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, id), ownedBy(actor)));
  return row;
}

export async function findLiveTokenByHash(q: Queryable, tokenHash: string, now: Date) {
  const [row] = await q
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)),
    );
  const org = row && (await findOrganizationById(q, row.user.organizationId));
  return row && org ? { ...row, org } : undefined;
}

export async function findLiveSessionsOfActor(q: Queryable, actor: Actor, now: Date) {
  return q
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, actor.userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));
}

export async function findSessionOfActor(q: Queryable, actor: Actor, id: string) {
  if (!isId(id)) return undefined;
  const [row] = await q
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, actor.userId), isNull(sessions.revokedAt)));
  return row;
}

/** Ends every API token of a user at once (a deactivation by the identity provider): a later reactivation does not revive them. */
export async function revokeApiTokensOfUser(q: Queryable, userId: string, now: Date) {
  await q
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}
