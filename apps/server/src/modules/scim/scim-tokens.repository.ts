import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { isId } from '../../lib/ids';
import { scimTokens } from './scim.tables';

export type ScimTokenRow = typeof scimTokens.$inferSelect;

/** Tokens belong to their organization: its admin lists and revokes them, nobody else. */
export function findScimTokensOfOrganization(q: Queryable, organizationId: string) {
  return q
    .select()
    .from(scimTokens)
    .where(eq(scimTokens.organizationId, organizationId))
    .orderBy(desc(scimTokens.createdAt));
}

export async function findScimTokenOfOrganization(q: Queryable, organizationId: string, id: string) {
  if (!isId(id)) return undefined;
  const [row] = await q
    .select()
    .from(scimTokens)
    .where(and(eq(scimTokens.id, id), eq(scimTokens.organizationId, organizationId)))
    .for('update');
  return row;
}

export async function insertScimToken(
  q: Queryable,
  values: Omit<typeof scimTokens.$inferInsert, 'createdAt' | 'lastUsedAt' | 'revokedAt'>,
) {
  const [row] = await q.insert(scimTokens).values(values).returning();
  return row!;
}

export async function markScimTokenRevoked(q: Queryable, id: string, now: Date) {
  const [row] = await q.update(scimTokens).set({ revokedAt: now }).where(eq(scimTokens.id, id)).returning();
  return row!;
}

/** The live token behind a bearer secret: the secret is the credential. */
export async function findLiveScimTokenByHash(q: Queryable, tokenHash: string) {
  const [row] = await q
    .select()
    .from(scimTokens)
    .where(and(eq(scimTokens.tokenHash, tokenHash), isNull(scimTokens.revokedAt)));
  return row;
}

export async function touchScimToken(q: Queryable, id: string, now: Date) {
  await q.update(scimTokens).set({ lastUsedAt: now }).where(eq(scimTokens.id, id));
}
