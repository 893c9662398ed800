import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Report,
  reportBody,
  reportListQuery,
  resolveReportBody,
} from '@partnergraph/shared/contracts/community';
import type { Db } from '../../db/client';
import { qualified } from '../../db/qualified';
import { runChange, type ChangeRecorder, type Tx } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { conflict, forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import type { Deps } from '../../lib/deps';
import { keyset, where } from '../../lib/pagination';
import { comments, contentReports, moderationActions, posts, spaceMembers, spaces } from './community.tables';
import { loadSpace, visibleSpaces } from './community.visibility';
import { excerpt } from './markdown';
import { addNotifications, emailNotifications, type Created } from '../notifications/notifications.service';
import { getComment, loadComment } from './comments.service';
import { getPost, loadPost } from './posts.service';
import { reportsHandledBy } from './community.visibility';

/** Every moderation step goes to the space's trail and the audit log, in the caller's transaction. */
export async function recordModeration(
  tx: Tx,
  record: ChangeRecorder,
  actor: Actor,
  entry: {
    spaceId: string;
    action: string;
    targetType: string;
    targetId: string;
    reason: string | null;
    before?: Record<string, unknown> | null;
  },
) {
  await tx.insert(moderationActions).values({
    id: newId(),
    spaceId: entry.spaceId,
    moderatorUserId: actor.userId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    reason: entry.reason,
  });
  record.audit({
    action: `moderation.${entry.action}`,
    entityType: entry.targetType,
    entityId: entry.targetId,
    before: entry.before ?? null,
    after: { spaceId: entry.spaceId, reason: entry.reason },
  });
}

export type PostVerb = 'pin' | 'unpin' | 'lock' | 'unlock' | 'hide' | 'unhide';

const postPatch: Record<PostVerb, (now: Date, reason: string | null) => Partial<typeof posts.$inferInsert>> =
  {
    pin: (now) => ({ pinnedAt: now }),
    unpin: () => ({ pinnedAt: null }),
    lock: (now) => ({ lockedAt: now }),
    unlock: () => ({ lockedAt: null }),
    hide: (now, reason) => ({ hiddenAt: now, hiddenReason: reason }),
    unhide: () => ({ hiddenAt: null, hiddenReason: null }),
  };
const alreadyPost: Record<PostVerb, (p: typeof posts.$inferSelect) => boolean> = {
  pin: (p) => p.pinnedAt !== null,
  unpin: (p) => p.pinnedAt === null,
  lock: (p) => p.lockedAt !== null,
  unlock: (p) => p.lockedAt === null,
  hide: (p) => p.hiddenAt !== null,
  unhide: (p) => p.hiddenAt === null,
};
const pastTense: Record<PostVerb, string> = {
  pin: 'pinned',
  unpin: 'unpinned',
  lock: 'locked',
  unlock: 'unlocked',
  hide: 'hidden',
  unhide: 'unhidden',
};

export async function moderatePost(deps: Deps, ctx: Ctx, id: string, verb: PostVerb, reason: string | null) {
  const { db } = deps;
  const actor = ctx.actor;
  const created = await runChange(db, ctx, async (tx, record): Promise<Created> => {
    const { row, access } = await loadPost(tx, actor, id, true);
    if (!access.canModerate) throw forbidden("Only the space's moderators do this");
    const p = row.p;
    if (p.deletedAt) throw unprocessable('This post was deleted');
    if (alreadyPost[verb](p)) throw conflict(`This post is already ${pastTense[verb]}`);
    await tx
      .update(posts)
      .set({ ...postPatch[verb](new Date(), reason), version: p.version + 1 })
      .where(eq(posts.id, p.id));
    await recordModeration(tx, record, actor, {
      spaceId: p.spaceId,
      action: `post.${pastTense[verb]}`,
      targetType: 'post',
      targetId: p.id,
      reason,
    });
    if (verb !== 'hide' || !p.authorUserId) return [];
    return addNotifications(tx, {
      userIds: [p.authorUserId],
      kind: 'moderation',
      title: `A moderator hid your post “${p.title}”`,
      body: reason ?? '',
      link: `/community/posts/${p.id}`,
      actorUserId: actor.userId,
    });
  });
  await emailNotifications(deps, created);
  return getPost(db, ctx, id);
}

export async function moderateComment(
  deps: Deps,
  ctx: Ctx,
  id: string,
  verb: 'hide' | 'unhide',
  reason: string | null,
) {
  const { db } = deps;
  const actor = ctx.actor;
  const created = await runChange(db, ctx, async (tx, record): Promise<Created> => {
    const { row, post, access } = await loadComment(tx, actor, id, true);
    if (!access.canModerate) throw forbidden("Only the space's moderators do this");
    const c = row.c;
    if (c.deletedAt) throw unprocessable('This comment was deleted');
    if ((verb === 'hide') === (c.hiddenAt !== null))
      throw conflict(`This comment is already ${pastTense[verb]}`);
    await tx
      .update(comments)
      .set({
        hiddenAt: verb === 'hide' ? new Date() : null,
        hiddenReason: verb === 'hide' ? reason : null,
        version: c.version + 1,
      })
      .where(eq(comments.id, c.id));
    await recordModeration(tx, record, actor, {
      spaceId: post.spaceId,
      action: `comment.${pastTense[verb]}`,
      targetType: 'comment',
      targetId: c.id,
      reason,
    });
    if (verb !== 'hide' || !c.authorUserId) return [];
    return addNotifications(tx, {
      userIds: [c.authorUserId],
      kind: 'moderation',
      title: `A moderator hid your comment on “${post.title}”`,
      body: reason ?? '',
      link: `/community/posts/${post.id}#comment-${c.id}`,
      actorUserId: actor.userId,
    });
  });
  await emailNotifications(deps, created);
  return getComment(db, ctx, id);
}

// --- Reports ---

const reportSelect = {
  r: contentReports,
  spaceName: spaces.name,
  reporterName: sql<string>`(select u.name from users u where u.id = ${qualified(contentReports.reporterUserId)})`,
  postTitle: posts.title,
  postBody: posts.body,
  postAuthor: posts.authorUserId,
  commentBody: sql<
    string | null
  >`(select c.body from comments c where c.id = ${qualified(contentReports.targetId)})`,
  commentAuthor: sql<
    string | null
  >`(select c.author_user_id from comments c where c.id = ${qualified(contentReports.targetId)})`,
};

type ReportRow = {
  r: typeof contentReports.$inferSelect;
  spaceName: string;
  reporterName: string;
  postTitle: string;
  postBody: string;
  postAuthor: string | null;
  commentBody: string | null;
  commentAuthor: string | null;
};

async function reportDtos(db: Db, rows: ReportRow[]): Promise<Report[]> {
  const authorIds = [
    ...new Set(
      rows
        .map((r) => (r.r.targetType === 'post' ? r.postAuthor : r.commentAuthor))
        .filter((x): x is string => !!x),
    ),
  ];
  const names = new Map(
    authorIds.length
      ? (
          await db.execute<{ id: string; name: string }>(
            sql`select id, name from users where id in (${sql.join(
              authorIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`,
          )
        ).rows.map((r) => [r.id, r.name])
      : [],
  );
  return rows.map((row) => {
    const authorId = row.r.targetType === 'post' ? row.postAuthor : row.commentAuthor;
    return {
      id: row.r.id,
      space: { id: row.r.spaceId, name: row.spaceName },
      targetType: row.r.targetType,
      targetId: row.r.targetId,
      postId: row.r.postId,
      excerpt: excerpt(
        row.r.targetType === 'post' ? `${row.postTitle}: ${row.postBody}` : (row.commentBody ?? ''),
        240,
      ),
      targetAuthor: authorId && names.get(authorId) ? { id: authorId, name: names.get(authorId)! } : null,
      reason: row.r.reason,
      reporter: { id: row.r.reporterUserId, name: row.reporterName },
      status: row.r.status,
      resolution: row.r.resolution,
      createdAt: row.r.createdAt.toISOString(),
      resolvedAt: row.r.resolvedAt?.toISOString() ?? null,
    };
  });
}

function selectReports(db: Db) {
  return db
    .select(reportSelect)
    .from(contentReports)
    .innerJoin(spaces, eq(spaces.id, contentReports.spaceId))
    .innerJoin(posts, eq(posts.id, contentReports.postId));
}

export async function reportContent(deps: Deps, ctx: Ctx, input: z.output<typeof reportBody>) {
  const { db } = deps;
  const actor = ctx.actor;
  const { id, created } = await runChange(db, ctx, async (tx, record) => {
    const target =
      input.targetType === 'post'
        ? await loadPost(tx, actor, input.targetId).then(({ row }) => ({ post: row.p }))
        : await loadComment(tx, actor, input.targetId).then(({ post }) => ({ post }));
    const authorId =
      input.targetType === 'post'
        ? target.post.authorUserId
        : (
            await tx
              .select({ a: comments.authorUserId })
              .from(comments)
              .where(eq(comments.id, input.targetId))
          )[0]?.a;
    if (authorId === actor.userId)
      throw invalid([{ path: 'body.targetId', message: 'You cannot report your own words' }]);
    const [open] = await tx
      .select({ id: contentReports.id })
      .from(contentReports)
      .where(
        and(
          eq(contentReports.targetType, input.targetType),
          eq(contentReports.targetId, input.targetId),
          eq(contentReports.reporterUserId, actor.userId),
          eq(contentReports.status, 'open'),
        ),
      );
    if (open) throw conflict('You already reported this; the moderators have it');
    const id = newId();
    await tx.insert(contentReports).values({
      id,
      spaceId: target.post.spaceId,
      targetType: input.targetType,
      targetId: input.targetId,
      postId: target.post.id,
      reporterUserId: actor.userId,
      reason: input.reason,
    });
    record.audit({
      action: 'content.reported',
      entityType: input.targetType,
      entityId: input.targetId,
      after: { reportId: id, reason: input.reason },
    });
    const mods = await tx
      .select({ id: spaceMembers.userId })
      .from(spaceMembers)
      .where(
        and(
          eq(spaceMembers.spaceId, target.post.spaceId),
          eq(spaceMembers.role, 'moderator'),
          eq(spaceMembers.status, 'active'),
        ),
      );
    const created = await addNotifications(tx, {
      userIds: mods.map((m) => m.id),
      kind: 'moderation',
      title: `A ${input.targetType} in “${target.post.title}” was reported`,
      body: input.reason,
      link: '/community/moderation',
      actorUserId: actor.userId,
    });
    return { id, created };
  });
  await emailNotifications(deps, created);
  const rows = await selectReports(db).where(eq(contentReports.id, id));
  return (await reportDtos(db, rows))[0]!;
}

export async function listReports(db: Db, ctx: Ctx, query: z.output<typeof reportListQuery>) {
  const ks = keyset(
    { createdAt: { column: contentReports.createdAt, cast: 'timestamptz' } },
    contentReports.id,
    { ...query, sort: '-createdAt' },
  );
  const rows = await selectReports(db)
    .where(
      where(
        reportsHandledBy(ctx.actor),
        visibleSpaces(ctx.actor),
        query.status ? eq(contentReports.status, query.status) : undefined,
        query.spaceId && isId(query.spaceId) ? eq(contentReports.spaceId, query.spaceId) : undefined,
        query.spaceId && !isId(query.spaceId) ? sql`false` : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(
    rows.map((r) => ({ ...r, id: r.r.id })),
    (r) => r.r.createdAt,
  );
  return { items: await reportDtos(db, items), nextCursor };
}

export async function resolveReport(db: Db, ctx: Ctx, id: string, input: z.output<typeof resolveReportBody>) {
  const actor = ctx.actor;
  if (!isId(id)) throw notFound('report');
  await runChange(db, ctx, async (tx, record) => {
    const [r] = await tx
      .select()
      .from(contentReports)
      .where(and(eq(contentReports.id, id)))
      .for('update');
    if (!r) throw notFound('report');
    const access = await loadSpace(tx, actor, r.spaceId).catch(() => {
      throw notFound('report');
    });
    if (!access.canModerate) throw notFound('report');
    if (r.status !== 'open') throw conflict(`This report was already ${r.status}`);
    await tx
      .update(contentReports)
      .set({
        status: input.outcome,
        resolution: input.note ?? null,
        resolvedByUserId: actor.userId,
        resolvedAt: new Date(),
      })
      .where(eq(contentReports.id, id));
    await recordModeration(tx, record, actor, {
      spaceId: r.spaceId,
      action: `report.${input.outcome}`,
      targetType: r.targetType,
      targetId: r.targetId,
      reason: input.note ?? null,
      before: { status: r.status },
    });
  });
  const rows = await selectReports(db).where(eq(contentReports.id, id));
  return (await reportDtos(db, rows))[0]!;
}

/** The space's moderation trail, for its moderators. */
export async function moderationLog(
  db: Db,
  ctx: Ctx,
  spaceId: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const access = await loadSpace(db, ctx.actor, spaceId);
  if (!access.canModerate) throw forbidden("Only the space's moderators read its moderation trail");
  const ks = keyset(
    { createdAt: { column: moderationActions.createdAt, cast: 'timestamptz' } },
    moderationActions.id,
    { ...page, sort: '-createdAt' },
  );
  const rows = await db
    .select({
      a: moderationActions,
      name: sql<
        string | null
      >`(select u.name from users u where u.id = ${qualified(moderationActions.moderatorUserId)})`,
    })
    .from(moderationActions)
    .where(and(eq(moderationActions.spaceId, spaceId), ks.after))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(
    rows.map((r) => ({ ...r, id: r.a.id })),
    (r) => r.a.createdAt,
  );
  return {
    items: items.map(({ a, name }) => ({
      id: a.id,
      space: { id: spaceId, name: access.space.name },
      moderator: a.moderatorUserId && name ? { id: a.moderatorUserId, name } : null,
      action: a.action,
      targetType: a.targetType,
      targetId: a.targetId,
      reason: a.reason,
      at: a.createdAt.toISOString(),
    })),
    nextCursor,
  };
}
