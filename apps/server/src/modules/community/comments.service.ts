import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Comment,
  Post,
  createCommentBody,
  updateCommentBody,
} from '@partnergraph/shared/contracts/community';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import type { Deps } from '../../lib/deps';
import { keyset } from '../../lib/pagination';
import { takeAttempt } from '../../lib/rate-limit';
import { addNotifications, emailNotifications } from '../notifications/notifications.service';
import { comments, posts, spaces } from './community.tables';
import type { SpaceAccess } from './community.visibility';
import { excerpt, renderMarkdown } from './markdown';
import {
  authorOf,
  keepRevision,
  loadPost,
  mentionNotices,
  notMember,
  reactionSummaries,
  readersOfSpace,
  resolveMentions,
} from './posts.service';

// A member may comment at most 40 times in 10 minutes, across spaces (posts: postLimit).
export const commentLimit = { bucket: 'community.comment', max: 40, windowMs: 10 * 60_000 };

type CommentRow = typeof comments.$inferSelect;

type LoadedComment = { c: CommentRow; authorName: string | null; authorOrgName: string };

function commentDtos(
  actor: Actor,
  access: SpaceAccess,
  locked: boolean,
  rows: LoadedComment[],
  summaries: Map<string, Post['reactions']>,
): Comment[] {
  return rows.map(({ c, authorName, authorOrgName }) => {
    // Threads keep their shape: a hidden or deleted comment stays as a placeholder without its text.
    const showText = !c.deletedAt && (!c.hiddenAt || access.canModerate || c.authorUserId === actor.userId);
    return {
      id: c.id,
      postId: c.postId,
      parentId: c.parentId,
      author:
        c.authorUserId && authorName
          ? { id: c.authorUserId, name: authorName, organization: { id: c.authorOrgId, name: authorOrgName } }
          : null,
      body: showText ? c.body : '',
      html: showText ? c.html : '',
      reactions: summaries.get(c.id) ?? [],
      hidden: c.hiddenAt !== null,
      hiddenReason: c.hiddenReason,
      deleted: c.deletedAt !== null,
      edited: c.editedAt !== null,
      canEdit: c.authorUserId === actor.userId && !c.deletedAt && (!locked || access.canModerate),
      version: c.version,
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt?.toISOString() ?? null,
    };
  });
}

function selectComments(q: Queryable) {
  return q.select({ c: comments, ...authorOf(comments.authorUserId) }).from(comments);
}

export async function loadComment(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) throw notFound('comment');
  const query = selectComments(q).where(eq(comments.id, id));
  const [row] = forUpdate ? await query.for('update', { of: comments }) : await query;
  if (!row) throw notFound('comment');
  const post = await loadPost(q, actor, row.c.postId).catch(() => {
    throw notFound('comment');
  });
  return { row, post: post.row.p, access: post.access };
}

export async function getComment(db: Queryable, ctx: Ctx, id: string) {
  const { row, post, access } = await loadComment(db, ctx.actor, id);
  const summaries = await reactionSummaries(db, ctx.actor, 'comment', [id]);
  return commentDtos(ctx.actor, access, post.lockedAt !== null, [row], summaries)[0]!;
}

export async function listComments(
  db: Db,
  ctx: Ctx,
  postId: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const { row, access } = await loadPost(db, ctx.actor, postId);
  const ks = keyset({ createdAt: { column: comments.createdAt, cast: 'timestamptz' } }, comments.id, {
    ...page,
    sort: 'createdAt',
  });
  const rows = await selectComments(db)
    .where(and(eq(comments.postId, postId), ks.after))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(
    rows.map((r) => ({ ...r, id: r.c.id })),
    (r) => r.c.createdAt,
  );
  const summaries = await reactionSummaries(
    db,
    ctx.actor,
    'comment',
    items.map((r) => r.c.id),
  );
  return { items: commentDtos(ctx.actor, access, row.p.lockedAt !== null, items, summaries), nextCursor };
}

export async function createComment(
  deps: Deps,
  ctx: Ctx,
  postId: string,
  input: z.output<typeof createCommentBody>,
) {
  const { db } = deps;
  const actor = ctx.actor;
  const { id, created } = await runChange(db, ctx, async (tx, record) => {
    const { row, access } = await loadPost(tx, actor, postId, true);
    const p = row.p;
    if (!access.canPost) throw notMember(access);
    if (p.deletedAt || p.hiddenAt) throw unprocessable('This post is no longer open for comments');
    if (p.lockedAt && !access.canModerate) throw unprocessable('A moderator locked this thread');
    let parent: CommentRow | undefined;
    if (input.parentId) {
      [parent] = isId(input.parentId)
        ? await tx
            .select()
            .from(comments)
            .where(and(eq(comments.id, input.parentId), eq(comments.postId, postId)))
        : [];
      if (!parent) throw invalid([{ path: 'body.parentId', message: 'No such comment on this post' }]);
      if (parent.deletedAt) throw invalid([{ path: 'body.parentId', message: 'That comment was deleted' }]);
    }
    await takeAttempt(tx, commentLimit, [`user:${actor.userId}`], 'comments');
    const known = await resolveMentions(tx, p.spaceId, input.body);
    const id = newId();
    const now = new Date();
    await tx.insert(comments).values({
      id,
      postId,
      parentId: parent?.id ?? null,
      authorUserId: actor.userId,
      authorOrgId: actor.orgId,
      body: input.body,
      html: renderMarkdown(input.body, known),
      mentionedUserIds: [...known.keys()],
      createdAt: now,
    });
    await tx
      .update(posts)
      .set({ commentCount: sql`${posts.commentCount} + 1`, lastActivityAt: now })
      .where(eq(posts.id, postId));
    await tx.update(spaces).set({ lastActivityAt: now }).where(eq(spaces.id, p.spaceId));
    const after = { postId, parentId: parent?.id ?? null, mentions: [...known.keys()] };
    record.audit({ action: 'comment.created', entityType: 'comment', entityId: id, after });
    record.event({
      type: 'post.commented',
      entityType: 'comment',
      entityId: id,
      organizationIds: [actor.orgId],
      payload: { id, ...after, spaceId: p.spaceId, authorUserId: actor.userId },
    });
    const link = `/community/posts/${postId}#comment-${id}`;
    const body = excerpt(input.body);
    // One notice per person, the most specific first: a mention, a reply, then a comment on one's post.
    const told = new Set<string>([actor.userId]);
    const mentioned = [...known.keys()].filter((u) => !told.has(u));
    mentioned.forEach((u) => told.add(u));
    const created = await mentionNotices(tx, actor, mentioned, { title: p.title, link, body });
    const readers = async (ids: (string | null | undefined)[]) => {
      const wanted = ids.filter((u): u is string => !!u && !told.has(u));
      if (!wanted.length) return [];
      const ok = await readersOfSpace(tx, p.spaceId, wanted);
      ok.forEach((id) => told.add(id));
      return ok;
    };
    created.push(
      ...(await addNotifications(tx, {
        userIds: await readers([parent?.authorUserId]),
        kind: 'reply',
        title: `${actor.name} replied to your comment on “${p.title}”`,
        body,
        link,
        actorUserId: actor.userId,
      })),
    );
    created.push(
      ...(await addNotifications(tx, {
        userIds: await readers([p.authorUserId]),
        kind: 'comment',
        title: `${actor.name} commented on your post “${p.title}”`,
        body,
        link,
        actorUserId: actor.userId,
      })),
    );
    return { id, created };
  });
  await emailNotifications(deps, created);
  return getComment(db, ctx, id);
}

export async function updateComment(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: z.output<typeof updateCommentBody>,
) {
  const { db } = deps;
  const actor = ctx.actor;
  const created = await runChange(db, ctx, async (tx, record) => {
    const { row, post, access } = await loadComment(tx, actor, id, true);
    const c = row.c;
    if (c.authorUserId !== actor.userId) throw forbidden('Only the author edits a comment');
    if (c.deletedAt) throw unprocessable('This comment was deleted');
    if (post.lockedAt && !access.canModerate) throw unprocessable('A moderator locked this thread');
    assertVersion(c, input.version);
    const known = await resolveMentions(tx, post.spaceId, input.body);
    await keepRevision(tx, actor, 'comment', c.id, null, c.body);
    await tx
      .update(comments)
      .set({
        body: input.body,
        html: renderMarkdown(input.body, known),
        mentionedUserIds: [...known.keys()],
        editedAt: new Date(),
        version: c.version + 1,
      })
      .where(eq(comments.id, c.id));
    record.audit({
      action: 'comment.edited',
      entityType: 'comment',
      entityId: c.id,
      before: { body: c.body },
      after: { body: input.body },
    });
    const fresh = [...known.keys()].filter((u) => !c.mentionedUserIds.includes(u));
    return mentionNotices(tx, actor, fresh, {
      title: post.title,
      link: `/community/posts/${post.id}#comment-${c.id}`,
      body: excerpt(input.body),
    });
  });
  await emailNotifications(deps, created);
  return getComment(db, ctx, id);
}

export async function deleteComment(db: Db, ctx: Ctx, id: string) {
  const actor = ctx.actor;
  await runChange(
    db,
    ctx,
    async (tx, record) => {
      const { row, access } = await loadComment(tx, actor, id, true);
      const c = row.c;
      if (c.authorUserId !== actor.userId && !access.canModerate) {
        throw forbidden('Only the author or a moderator deletes a comment');
      }
      // Deleting twice changes nothing and records nothing.
      if (c.deletedAt) return;
      await tx
        .update(comments)
        .set({ deletedAt: new Date(), version: c.version + 1 })
        .where(eq(comments.id, c.id));
      await tx
        .update(posts)
        .set({ commentCount: sql`greatest(${posts.commentCount} - 1, 0)` })
        .where(eq(posts.id, c.postId));
      record.audit({
        action: 'comment.deleted',
        entityType: 'comment',
        entityId: c.id,
        before: { body: c.body },
      });
    },
    { refreshOnly: true },
  );
}
