import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Comment,
  Post,
  createCommentBody,
  createPostBody,
  postListQuery,
  updateCommentBody,
  updatePostBody,
} from '@partnergraph/shared/contracts/community';
import { reactionKinds } from '@partnergraph/shared/community-codes';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange, type Tx } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import type { Mailer } from '../../lib/mail';
import { keyset } from '../../lib/pagination';
import { takeAttempt } from '../../lib/rate-limit';
import { users } from '../identity/identity.tables';
import type { Site } from '../mail/templates';
import { comments, contentRevisions, posts, reactions, spaces } from './community.tables';
import { mentionableIn } from './candidates';
import { loadSpace, userReadsSpace, type SpaceAccess } from './community.visibility';
import { excerpt, mentionedIds, renderMarkdown } from './markdown';
import { addNotifications, emailNotifications, type Created } from '../notifications/notifications.service';

// Posting limits per member: enough for a lively discussion, too few for a
// script flooding a space. Counted per user across spaces.
export const postLimit = { bucket: 'community.post', max: 10, windowMs: 10 * 60_000 };
export const commentLimit = { bucket: 'community.comment', max: 40, windowMs: 10 * 60_000 };

type PostRow = typeof posts.$inferSelect;
type CommentRow = typeof comments.$inferSelect;

/** Names of the mentioned users the mention picker would offer (candidates.ts); others stay plain text and are not told. */
export async function resolveMentions(q: Queryable, spaceId: string, body: string) {
  const ids = mentionedIds(body).filter(isId);
  if (!ids.length) return new Map<string, string>();
  const rows = await q
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.id, ids), mentionableIn(spaceId, sql`${users.id}`)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function previewMarkdown(db: Db, ctx: Ctx, body: string, spaceId: string | undefined) {
  // Without a space the mentions are resolved among everyone the actor could mention nowhere: none.
  const known =
    spaceId && isId(spaceId)
      ? await resolveMentions(db, (await loadSpace(db, ctx.actor, spaceId)).space.id, body)
      : new Map<string, string>();
  return { html: renderMarkdown(body, known), mentions: [...known].map(([id, name]) => ({ id, name })) };
}

const authorOf = (userId: SQL | typeof posts.authorUserId | typeof comments.authorUserId) => ({
  authorName: sql<string | null>`(select u.name from users u where u.id = ${userId})`,
  authorOrgName: sql<string>`(select o.name from organizations o join users u on u.organization_id = o.id where u.id = ${userId})`,
});

async function reactionSummaries(q: Queryable, actor: Actor, targetType: 'post' | 'comment', ids: string[]) {
  const out = new Map<string, { kind: (typeof reactionKinds)[number]; count: number; mine: boolean }[]>();
  if (!ids.length) return out;
  const rows = await q
    .select({
      id: reactions.targetId,
      kind: reactions.kind,
      n: sql<number>`count(*)::int`,
      mine: sql<boolean>`bool_or(${reactions.userId} = ${actor.userId}::uuid)`,
    })
    .from(reactions)
    .where(and(eq(reactions.targetType, targetType), inArray(reactions.targetId, ids)))
    .groupBy(reactions.targetId, reactions.kind);
  for (const r of rows) {
    const list = out.get(r.id) ?? [];
    list.push({ kind: r.kind, count: r.n, mine: r.mine });
    out.set(r.id, list);
  }
  for (const list of out.values())
    list.sort((a, b) => reactionKinds.indexOf(a.kind) - reactionKinds.indexOf(b.kind));
  return out;
}

type LoadedPost = { p: PostRow; spaceName: string; authorName: string | null; authorOrgName: string };

function selectPosts(q: Queryable) {
  return q
    .select({ p: posts, spaceName: spaces.name, ...authorOf(posts.authorUserId) })
    .from(posts)
    .innerJoin(spaces, eq(spaces.id, posts.spaceId));
}

/** Hidden and deleted posts: the author and moderators still see hidden ones; deleted ones only moderators. */
function postVisibleTo(actor: Actor, access: Pick<SpaceAccess, 'canModerate'>, p: PostRow) {
  if (access.canModerate) return true;
  if (p.deletedAt) return false;
  return !p.hiddenAt || p.authorUserId === actor.userId;
}

async function postDtos(
  q: Queryable,
  actor: Actor,
  access: SpaceAccess,
  rows: LoadedPost[],
): Promise<Post[]> {
  const summaries = await reactionSummaries(
    q,
    actor,
    'post',
    rows.map((r) => r.p.id),
  );
  return rows.map(({ p, spaceName, authorName, authorOrgName }) => {
    const showText = !p.deletedAt || access.canModerate;
    return {
      id: p.id,
      space: { id: p.spaceId, name: spaceName },
      author:
        p.authorUserId && authorName
          ? { id: p.authorUserId, name: authorName, organization: { id: p.authorOrgId, name: authorOrgName } }
          : null,
      title: p.title,
      body: showText ? p.body : '',
      html: showText ? p.html : '',
      attachments: showText ? p.attachments : [],
      reactions: summaries.get(p.id) ?? [],
      commentCount: p.commentCount,
      pinned: p.pinnedAt !== null,
      locked: p.lockedAt !== null,
      hidden: p.hiddenAt !== null,
      hiddenReason: p.hiddenReason,
      deleted: p.deletedAt !== null,
      edited: p.editedAt !== null,
      canEdit: p.authorUserId === actor.userId && !p.deletedAt && (!p.lockedAt || access.canModerate),
      canModerate: access.canModerate,
      version: p.version,
      createdAt: p.createdAt.toISOString(),
      editedAt: p.editedAt?.toISOString() ?? null,
      lastActivityAt: p.lastActivityAt.toISOString(),
    };
  });
}

/** A post the actor may see, with the access they have in its space (404 otherwise). */
export async function loadPost(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) throw notFound('post');
  const query = selectPosts(q).where(eq(posts.id, id));
  const [row] = forUpdate ? await query.for('update', { of: posts }) : await query;
  if (!row) throw notFound('post');
  const access = await loadSpace(q, actor, row.p.spaceId).catch(() => {
    throw notFound('post');
  });
  if (!postVisibleTo(actor, access, row.p)) throw notFound('post');
  return { row, access };
}

export async function getPost(db: Queryable, ctx: Ctx, id: string) {
  const { row, access } = await loadPost(db, ctx.actor, id);
  const [dto] = await postDtos(db, ctx.actor, access, [row]);
  return dto!;
}

interface FeedCursor {
  pinned: number;
  at: string;
  id: string;
}

export async function listPosts(db: Db, ctx: Ctx, spaceId: string, query: z.output<typeof postListQuery>) {
  const actor = ctx.actor;
  const access = await loadSpace(db, actor, spaceId);
  const pinned = sql<number>`(case when ${posts.pinnedAt} is null then 0 else 1 end)`;
  let after: SQL | undefined;
  if (query.cursor) {
    let c: FeedCursor;
    try {
      c = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')) as FeedCursor;
      if (!isId(c.id) || Number.isNaN(Date.parse(c.at)) || (c.pinned !== 0 && c.pinned !== 1))
        throw new Error();
    } catch {
      throw invalid([{ path: 'cursor', message: 'Not a cursor from a previous page' }]);
    }
    // Pinned first, then the latest activity: one descending row comparison.
    after = sql`(${pinned}, date_trunc('milliseconds', ${posts.lastActivityAt}), ${posts.id}) < (${c.pinned}, ${c.at}::timestamptz, ${c.id}::uuid)`;
  }
  const rows = await selectPosts(db)
    .where(
      and(
        eq(posts.spaceId, spaceId),
        access.canModerate
          ? undefined
          : sql`${posts.deletedAt} is null and (${posts.hiddenAt} is null or ${posts.authorUserId} = ${actor.userId}::uuid)`,
        query.q
          ? sql`to_tsvector('simple', ${posts.title} || ' ' || ${posts.body}) @@ websearch_to_tsquery('simple', ${query.q})`
          : undefined,
        after,
      ),
    )
    .orderBy(
      sql`${pinned} desc`,
      sql`date_trunc('milliseconds', ${posts.lastActivityAt}) desc`,
      sql`${posts.id} desc`,
    )
    .limit(query.limit + 1);
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor =
    more && last
      ? Buffer.from(
          JSON.stringify({
            pinned: last.p.pinnedAt ? 1 : 0,
            at: last.p.lastActivityAt.toISOString(),
            id: last.p.id,
          } satisfies FeedCursor),
        ).toString('base64url')
      : null;
  return { items: await postDtos(db, actor, access, items), nextCursor };
}

/** Members of the space told about activity in it: the mentioned (who may read it). */
async function mentionNotices(
  tx: Tx,
  actor: Actor,
  mentioned: string[],
  what: { title: string; link: string; body: string },
): Promise<Created> {
  return addNotifications(tx, {
    userIds: mentioned,
    kind: 'mention',
    title: `${actor.name} mentioned you in “${what.title}”`,
    body: what.body,
    link: what.link,
    actorUserId: actor.userId,
  });
}

export async function createPost(
  db: Db,
  ctx: Ctx,
  mailer: Mailer,
  site: Site,
  spaceId: string,
  input: z.output<typeof createPostBody>,
) {
  const actor = ctx.actor;
  const { id, created } = await runChange(db, ctx, async (tx, record) => {
    const access = await loadSpace(tx, actor, spaceId, true);
    if (!access.canPost) throw notMember(access);
    await takeAttempt(tx, postLimit, [`user:${actor.userId}`], 'posts');
    const known = await resolveMentions(tx, spaceId, input.body);
    const id = newId();
    const now = new Date();
    await tx.insert(posts).values({
      id,
      spaceId,
      authorUserId: actor.userId,
      authorOrgId: actor.orgId,
      title: input.title,
      body: input.body,
      html: renderMarkdown(input.body, known),
      attachments: input.attachments,
      mentionedUserIds: [...known.keys()],
      lastActivityAt: now,
      createdAt: now,
    });
    await tx.update(spaces).set({ lastActivityAt: now }).where(eq(spaces.id, spaceId));
    const after = { spaceId, title: input.title, mentions: [...known.keys()] };
    record.audit({ action: 'post.created', entityType: 'post', entityId: id, after });
    record.event({
      type: 'post.created',
      entityType: 'post',
      entityId: id,
      organizationIds: [actor.orgId],
      payload: { id, ...after, authorUserId: actor.userId },
    });
    const created = await mentionNotices(tx, actor, [...known.keys()], {
      title: input.title,
      link: `/community/posts/${id}`,
      body: excerpt(input.body),
    });
    return { id, created };
  });
  await emailNotifications(db, mailer, site, created);
  return getPost(db, ctx, id);
}

function notMember(access: SpaceAccess) {
  if (access.space.archivedAt) return unprocessable('This space is archived');
  if (access.membership?.status === 'suspended')
    return forbidden('A moderator suspended you from this space');
  return forbidden('Join the space to take part');
}

/** Keeps the replaced text: edits never lose what was said. */
async function keepRevision(
  tx: Tx,
  actor: Actor,
  targetType: 'post' | 'comment',
  targetId: string,
  title: string | null,
  body: string,
) {
  await tx.insert(contentRevisions).values({
    id: newId(),
    targetType,
    targetId,
    title,
    body,
    editedByUserId: actor.userId,
  });
}

export async function updatePost(
  db: Db,
  ctx: Ctx,
  mailer: Mailer,
  site: Site,
  id: string,
  input: z.output<typeof updatePostBody>,
) {
  const actor = ctx.actor;
  const created = await runChange(db, ctx, async (tx, record) => {
    const { row, access } = await loadPost(tx, actor, id, true);
    const p = row.p;
    if (p.authorUserId !== actor.userId) throw forbidden('Only the author edits a post');
    if (p.deletedAt) throw unprocessable('This post was deleted');
    if (p.lockedAt && !access.canModerate) throw unprocessable('A moderator locked this thread');
    assertVersion(p, input.version);
    const body = input.body ?? p.body;
    const known = await resolveMentions(tx, p.spaceId, body);
    await keepRevision(tx, actor, 'post', p.id, p.title, p.body);
    const now = new Date();
    await tx
      .update(posts)
      .set({
        title: input.title ?? p.title,
        body,
        html: renderMarkdown(body, known),
        attachments: input.attachments ?? p.attachments,
        mentionedUserIds: [...known.keys()],
        editedAt: now,
        version: p.version + 1,
      })
      .where(eq(posts.id, p.id));
    record.audit({
      action: 'post.edited',
      entityType: 'post',
      entityId: p.id,
      before: { title: p.title, body: p.body },
      after: { title: input.title ?? p.title, body },
    });
    record.event({
      type: 'post.edited',
      entityType: 'post',
      entityId: p.id,
      organizationIds: [p.authorOrgId],
      payload: { id: p.id, spaceId: p.spaceId },
    });
    // Only people newly mentioned by the edit are told.
    const fresh = [...known.keys()].filter((u) => !p.mentionedUserIds.includes(u));
    return mentionNotices(tx, actor, fresh, {
      title: input.title ?? p.title,
      link: `/community/posts/${p.id}`,
      body: excerpt(body),
    });
  });
  await emailNotifications(db, mailer, site, created);
  return getPost(db, ctx, id);
}

export async function deletePost(db: Db, ctx: Ctx, id: string) {
  const actor = ctx.actor;
  await runChange(
    db,
    ctx,
    async (tx, record) => {
      const { row, access } = await loadPost(tx, actor, id, true);
      const p = row.p;
      if (p.authorUserId !== actor.userId && !access.canModerate) {
        throw forbidden('Only the author or a moderator deletes a post');
      }
      // Deleting twice changes nothing and records nothing.
      if (p.deletedAt) return;
      await tx
        .update(posts)
        .set({ deletedAt: new Date(), version: p.version + 1 })
        .where(eq(posts.id, p.id));
      record.audit({
        action: 'post.deleted',
        entityType: 'post',
        entityId: p.id,
        before: { title: p.title },
      });
      record.event({
        type: 'post.deleted',
        entityType: 'post',
        entityId: p.id,
        organizationIds: [p.authorOrgId],
        payload: { id: p.id, spaceId: p.spaceId, byModerator: p.authorUserId !== actor.userId },
      });
    },
    { refreshOnly: true },
  );
}

export async function listRevisions(db: Db, ctx: Ctx, targetType: 'post' | 'comment', id: string) {
  if (targetType === 'post') await loadPost(db, ctx.actor, id);
  else await loadComment(db, ctx.actor, id);
  const rows = await db
    .select({
      r: contentRevisions,
      editorName: sql<
        string | null
      >`(select u.name from users u where u.id = ${contentRevisions.editedByUserId})`,
    })
    .from(contentRevisions)
    .where(and(eq(contentRevisions.targetType, targetType), eq(contentRevisions.targetId, id)))
    .orderBy(sql`${contentRevisions.createdAt} desc`, sql`${contentRevisions.id} desc`);
  return {
    items: rows.map(({ r, editorName }) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      editedBy: r.editedByUserId && editorName ? { id: r.editedByUserId, name: editorName } : null,
      at: r.createdAt.toISOString(),
    })),
  };
}

// --- Comments ---

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
  db: Db,
  ctx: Ctx,
  mailer: Mailer,
  site: Site,
  postId: string,
  input: z.output<typeof createCommentBody>,
) {
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
      const ok = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, wanted), userReadsSpace(sql`${users.id}`, p.spaceId)));
      ok.forEach((r) => told.add(r.id));
      return ok.map((r) => r.id);
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
  await emailNotifications(db, mailer, site, created);
  return getComment(db, ctx, id);
}

export async function updateComment(
  db: Db,
  ctx: Ctx,
  mailer: Mailer,
  site: Site,
  id: string,
  input: z.output<typeof updateCommentBody>,
) {
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
  await emailNotifications(db, mailer, site, created);
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

// --- Reactions ---

export async function react(
  db: Db,
  ctx: Ctx,
  targetType: 'post' | 'comment',
  id: string,
  kind: string,
  on: boolean,
) {
  const actor = ctx.actor;
  if (!isReactionKind(kind)) throw notFound('reaction');
  await runChange(db, ctx, async (tx, record) => {
    const access =
      targetType === 'post'
        ? (await loadPost(tx, actor, id)).access
        : (await loadComment(tx, actor, id)).access;
    if (!access.canPost) throw notMember(access);
    const key = and(
      eq(reactions.targetType, targetType),
      eq(reactions.targetId, id),
      eq(reactions.userId, actor.userId),
      eq(reactions.kind, kind),
    );
    if (on) {
      await tx
        .insert(reactions)
        .values({ targetType, targetId: id, userId: actor.userId, kind })
        .onConflictDoNothing();
    } else {
      await tx.delete(reactions).where(key);
    }
    record.audit({
      action: on ? 'reaction.added' : 'reaction.removed',
      entityType: targetType,
      entityId: id,
      after: { kind },
    });
  });
  return targetType === 'post' ? getPost(db, ctx, id) : getComment(db, ctx, id);
}

const isReactionKind = (k: string): k is (typeof reactionKinds)[number] =>
  (reactionKinds as readonly string[]).includes(k);
