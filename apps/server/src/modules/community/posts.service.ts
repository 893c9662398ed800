import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Post,
  createPostBody,
  postListQuery,
  updatePostBody,
} from '@partnergraph/shared/contracts/community';
import { reactionKinds } from '@partnergraph/shared/community-codes';
import type { Db, Queryable } from '../../db/client';
import { qualified } from '../../db/qualified';
import { assertVersion, runChange, type Tx } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import type { Deps } from '../../lib/deps';
import { takeAttempt } from '../../lib/rate-limit';
import { peopleView } from '../identity/identity.repository';
import { contentRevisions, posts, reactions, spaces, type comments } from './community.tables';
import { mentionableIn } from './candidates';
import { loadSpace, userReadsSpace, type SpaceAccess } from './community.visibility';
import { excerpt, mentionedIds, renderMarkdown } from './markdown';
import { addNotifications, emailNotifications, type Created } from '../notifications/notifications.service';

// Posting limits per member: enough for a lively discussion, too few for a
// script flooding a space. Counted per user across spaces (comments: comments.service.ts).
export const postLimit = { bucket: 'community.post', max: 10, windowMs: 10 * 60_000 };

type PostRow = typeof posts.$inferSelect;

/** Names of the mentioned users the mention picker would offer (candidates.ts); others stay plain text and are not told. */
export async function resolveMentions(q: Queryable, spaceId: string, body: string) {
  const ids = mentionedIds(body).filter(isId);
  if (!ids.length) return new Map<string, string>();
  const rows = await q
    .select({ id: peopleView.id, name: peopleView.name })
    .from(peopleView)
    .where(and(inArray(peopleView.id, ids), mentionableIn(spaceId, sql`${peopleView.id}`)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Of these users, those who may read the space: only they are told about activity in it. */
export async function readersOfSpace(q: Queryable, spaceId: string, ids: string[]) {
  if (!ids.length) return [];
  const rows = await q
    .select({ id: peopleView.id })
    .from(peopleView)
    .where(and(inArray(peopleView.id, ids), userReadsSpace(sql`${peopleView.id}`, spaceId)));
  return rows.map((r) => r.id);
}

export async function previewMarkdown(db: Db, ctx: Ctx, body: string, spaceId: string | undefined) {
  // Without a space the mentions are resolved among everyone the actor could mention nowhere: none.
  const known =
    spaceId && isId(spaceId)
      ? await resolveMentions(db, (await loadSpace(db, ctx.actor, spaceId)).space.id, body)
      : new Map<string, string>();
  return { html: renderMarkdown(body, known), mentions: [...known].map(([id, name]) => ({ id, name })) };
}

export const authorOf = (column: typeof posts.authorUserId | typeof comments.authorUserId) => {
  const userId = qualified(column);
  return {
    authorName: sql<string | null>`(select u.name from users u where u.id = ${userId})`,
    authorOrgName: sql<string>`(select o.name from organizations o join users u on u.organization_id = o.id where u.id = ${userId})`,
  };
};

export async function reactionSummaries(
  q: Queryable,
  actor: Actor,
  targetType: 'post' | 'comment',
  ids: string[],
) {
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
export async function mentionNotices(
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
  deps: Deps,
  ctx: Ctx,
  spaceId: string,
  input: z.output<typeof createPostBody>,
) {
  const { db } = deps;
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
  await emailNotifications(deps, created);
  return getPost(db, ctx, id);
}

export function notMember(access: SpaceAccess) {
  if (access.space.archivedAt) return unprocessable('This space is archived');
  if (access.membership?.status === 'suspended')
    return forbidden('A moderator suspended you from this space');
  return forbidden('Join the space to take part');
}

/** Keeps the replaced text: edits never lose what was said. */
export async function keepRevision(
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

export async function updatePost(deps: Deps, ctx: Ctx, id: string, input: z.output<typeof updatePostBody>) {
  const { db } = deps;
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
  await emailNotifications(deps, created);
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
