import { and, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Space,
  createSpaceBody,
  spaceListQuery,
  updateSpaceBody,
} from '@partnergraph/shared/contracts/community';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { containing, keyset, where } from '../../lib/pagination';
import { spaceMembers, spaces } from './community.tables';
import { accessOf, loadSpace, visibleSpaces } from './community.visibility';
import { checkSegment, labelSegments } from './segments';

// Drizzle writes a single-table query's columns unqualified ("id"), which
// inside a subquery over posts would mean posts.id: name the outer row.
const outerSpaceId = sql`${sql.identifier('spaces')}.${sql.identifier('id')}`;
const memberCount = sql<number>`(select count(*)::int from space_members m
  where m.space_id = ${outerSpaceId} and m.status = 'active')`;
const postCount = sql<number>`(select count(*)::int from posts p
  where p.space_id = ${outerSpaceId} and p.deleted_at is null and p.hidden_at is null)`;

async function toDtos(
  q: Queryable,
  actor: Actor,
  rows: { s: typeof spaces.$inferSelect; members: number; posts: number }[],
) {
  if (!rows.length) return [];
  const mine = await q
    .select()
    .from(spaceMembers)
    .where(
      and(
        eq(spaceMembers.userId, actor.userId),
        inArray(
          spaceMembers.spaceId,
          rows.map((r) => r.s.id),
        ),
      ),
    );
  const bySpace = new Map(mine.map((m) => [m.spaceId, m]));
  const labels = await labelSegments(
    q,
    rows.map((r) => r.s.segment ?? null),
  );
  return rows.map((r, i): Space => {
    const access = accessOf(actor, r.s, bySpace.get(r.s.id) ?? null);
    return {
      id: r.s.id,
      name: r.s.name,
      description: r.s.description,
      visibility: r.s.visibility,
      segment: r.s.visibility === 'segment' ? (labels[i] ?? null) : null,
      membership: access.membership
        ? { role: access.membership.role, status: access.membership.status }
        : null,
      canPost: access.canPost,
      canModerate: access.canModerate,
      memberCount: r.members,
      postCount: r.posts,
      lastActivityAt: r.s.lastActivityAt?.toISOString() ?? null,
      archived: r.s.archivedAt !== null,
      version: r.s.version,
      createdAt: r.s.createdAt.toISOString(),
    };
  });
}

export async function getSpace(db: Queryable, ctx: Ctx, id: string): Promise<Space> {
  await loadSpace(db, ctx.actor, id);
  const rows = await db
    .select({ s: spaces, members: memberCount, posts: postCount })
    .from(spaces)
    .where(eq(spaces.id, id));
  const [dto] = await toDtos(db, ctx.actor, rows);
  if (!dto) throw notFound('space');
  return dto;
}

export async function listSpaces(db: Db, ctx: Ctx, query: z.output<typeof spaceListQuery>) {
  const actor = ctx.actor;
  const ks = keyset({ name: { column: spaces.name, cast: 'text' } }, spaces.id, { ...query, sort: 'name' });
  const joined = sql`exists (select 1 from space_members m where m.space_id = ${spaces.id}
    and m.user_id = ${actor.userId}::uuid and m.status in ('active', 'suspended'))`;
  const rows = await db
    .select({ s: spaces, members: memberCount, posts: postCount })
    .from(spaces)
    .where(
      where(
        visibleSpaces(actor),
        query.joined === 'true' ? joined : query.joined === 'false' ? sql`not ${joined}` : undefined,
        query.q ? ilike(spaces.name, containing(query.q)) : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(
    rows.map((r) => ({ ...r, id: r.s.id })),
    (r) => r.s.name,
  );
  return { items: await toDtos(db, actor, items), nextCursor };
}

function uniqueName(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string; constraint?: string } }).cause ?? err;
  return (cause as { code?: string }).code === '23505';
}

export async function createSpace(db: Db, ctx: Ctx, input: z.output<typeof createSpaceBody>) {
  try {
    const id = await runChange(db, ctx, async (tx, record) => {
      const segment = input.segment ? await checkSegment(tx, input.segment, 'body.segment') : null;
      const id = newId();
      await tx.insert(spaces).values({
        id,
        name: input.name,
        description: input.description,
        visibility: input.visibility,
        segment,
        createdByUserId: ctx.actor.userId,
      });
      const after = { name: input.name, visibility: input.visibility, segment };
      record.audit({ action: 'space.created', entityType: 'space', entityId: id, after });
      record.event({ type: 'space.created', entityType: 'space', entityId: id, payload: { id, ...after } });
      return id;
    });
    return getSpace(db, ctx, id);
  } catch (err) {
    if (uniqueName(err)) throw invalid([{ path: 'body.name', message: 'A space with this name exists' }]);
    throw err;
  }
}

export async function updateSpace(db: Db, ctx: Ctx, id: string, input: z.output<typeof updateSpaceBody>) {
  try {
    await runChange(db, ctx, async (tx, record) => {
      const { space } = await loadSpace(tx, ctx.actor, id, true);
      assertVersion(space, input.version);
      if (input.segment && space.visibility !== 'segment') {
        throw invalid([{ path: 'body.segment', message: 'Only segment spaces take a segment' }]);
      }
      const segment = input.segment ? await checkSegment(tx, input.segment, 'body.segment') : undefined;
      const patch = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(segment ? { segment } : {}),
        ...(input.archived !== undefined
          ? { archivedAt: input.archived ? (space.archivedAt ?? new Date()) : null }
          : {}),
      };
      await tx
        .update(spaces)
        .set({ ...patch, version: space.version + 1, updatedAt: new Date() })
        .where(eq(spaces.id, id));
      const before = {
        name: space.name,
        description: space.description,
        segment: space.segment,
        archived: space.archivedAt !== null,
      };
      const after = { ...input, version: undefined };
      record.audit({ action: 'space.updated', entityType: 'space', entityId: id, before, after });
      record.event({ type: 'space.updated', entityType: 'space', entityId: id, payload: { id, ...after } });
    });
  } catch (err) {
    if (uniqueName(err)) throw invalid([{ path: 'body.name', message: 'A space with this name exists' }]);
    throw err;
  }
  return getSpace(db, ctx, id);
}

export async function joinSpace(db: Db, ctx: Ctx, id: string) {
  const actor = ctx.actor;
  await runChange(
    db,
    ctx,
    async (tx, record) => {
      const access = await loadSpace(tx, actor, id, true);
      if (access.space.archivedAt) throw unprocessable('This space is archived');
      const m = access.membership;
      if (m?.status === 'active') return;
      if (m?.status === 'suspended') throw unprocessable('A moderator suspended you from this space');
      if (access.space.visibility === 'private' && !m) throw forbidden('This space is by invitation');
      await tx
        .insert(spaceMembers)
        .values({ spaceId: id, userId: actor.userId, status: 'active', joinedAt: new Date() })
        .onConflictDoUpdate({
          target: [spaceMembers.spaceId, spaceMembers.userId],
          set: { status: 'active', joinedAt: new Date() },
        });
      record.audit({
        action: 'space.joined',
        entityType: 'space',
        entityId: id,
        after: { userId: actor.userId },
      });
      // Asking twice changes nothing and records nothing.
    },
    { refreshOnly: true },
  );
  return getSpace(db, ctx, id);
}

export async function leaveSpace(db: Db, ctx: Ctx, id: string) {
  const actor = ctx.actor;
  await runChange(
    db,
    ctx,
    async (tx, record) => {
      const access = await loadSpace(tx, actor, id, true);
      const m = access.membership;
      if (!m) return;
      // Leaving and joining again must not lift a suspension.
      if (m.status === 'suspended') throw unprocessable('A moderator suspended you from this space');
      await tx
        .delete(spaceMembers)
        .where(and(eq(spaceMembers.spaceId, id), eq(spaceMembers.userId, actor.userId)));
      record.audit({
        action: 'space.left',
        entityType: 'space',
        entityId: id,
        before: { role: m.role, status: m.status },
      });
      // Asking twice changes nothing and records nothing.
    },
    { refreshOnly: true },
  );
  return undefined;
}
