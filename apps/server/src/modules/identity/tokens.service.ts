import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createTokenBody } from '@partnergraph/shared/contracts/identity';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { forbidden, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { hashToken, randomToken } from '../../lib/tokens';
import { TOUCH_EVERY_MS } from './identity.service';
import { apiTokens, sessions } from './identity.tables';
import {
  findLiveSessionsOfActor,
  findLiveTokenByHash,
  findSessionOfActor,
  findTokenById,
  findTokensOfActor,
} from './tokens.repository';

export const TOKEN_PREFIX = 'pgt_';

type TokenRow = typeof apiTokens.$inferSelect;

function toTokenDto(t: TokenRow) {
  return {
    id: t.id,
    name: t.name,
    scope: t.scope,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/** A bearer token acts as its creator with the creator's role, narrowed to its scope; it dies with the creator's access. */
export async function resolveApiToken(db: Db, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const now = new Date();
  const row = await findLiveTokenByHash(db, hashToken(token), now);
  if (!row || row.user.status !== 'active' || row.org.status === 'terminated') return null;
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  }
  return {
    userId: row.user.id,
    name: row.user.name,
    orgId: row.org.id,
    orgKind: row.org.kind,
    role: row.user.role,
    via: 'token',
    sessionId: null,
    tokenId: row.token.id,
    scope: row.token.scope,
  };
}

export async function listTokens(db: Db, ctx: Ctx) {
  return { items: (await findTokensOfActor(db, ctx.actor)).map(toTokenDto) };
}

export async function createToken(db: Db, ctx: Ctx, input: z.output<typeof createTokenBody>) {
  // A leaked token must not be able to mint more of itself.
  if (ctx.actor.via === 'token')
    throw forbidden('API tokens are created from a signed-in session, not with a token');
  const secret = randomToken(TOKEN_PREFIX);
  const expiresAt = new Date(Date.now() + input.expiresInDays * 24 * 3600_000);
  return runChange(db, ctx, async (tx, record) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        id: newId(),
        userId: ctx.actor.userId,
        name: input.name,
        scope: input.scope,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        expiresAt,
      })
      .returning();
    const dto = toTokenDto(row!);
    record.audit({ action: 'token.created', entityType: 'api_token', entityId: row!.id, after: dto });
    return { ...dto, token: secret };
  });
}

export async function revokeToken(db: Db, ctx: Ctx, id: string) {
  await runChange(db, ctx, async (tx, record) => {
    const token = await findTokenById(tx, ctx.actor, id);
    if (!token || token.revokedAt) throw notFound('token');
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id));
    record.audit({
      action: 'token.revoked',
      entityType: 'api_token',
      entityId: id,
      before: toTokenDto(token),
    });
  });
}

export async function listSessions(db: Db, ctx: Ctx) {
  const rows = await findLiveSessionsOfActor(db, ctx.actor, new Date());
  return {
    items: rows.map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
      current: s.id === ctx.actor.sessionId,
    })),
  };
}

export async function endSession(db: Db, ctx: Ctx, id: string) {
  await runChange(db, ctx, async (tx, record) => {
    const session = await findSessionOfActor(tx, ctx.actor, id);
    if (!session) throw notFound('session');
    await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, id));
    record.audit({ action: 'session.ended', entityType: 'session', entityId: id });
  });
}
