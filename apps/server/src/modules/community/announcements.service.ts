import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Announcement,
  announcementListQuery,
  createAnnouncementBody,
} from '@partnergraph/shared/contracts/community';
import type { Db, Queryable } from '../../db/client';
import { qualified } from '../../db/qualified';
import { runChange } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { forbidden, notFound } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import type { Deps } from '../../lib/deps';
import { keyset, where } from '../../lib/pagination';
import { peopleView } from '../identity/identity.repository';
import { announcementReads, announcements } from './community.tables';
import { excerpt, renderMarkdown } from './markdown';
import { addNotifications, emailNotifications } from '../notifications/notifications.service';
import { checkSegment, labelSegments, orgInSegment } from './segments';
import { seesReadReceipts, visibleAnnouncements } from './community.visibility';

// Announcements go from the vendor to partners: a partner sees those whose
// segment includes its organization, at the time it reads (a partner that
// reaches Gold later sees the Gold announcements too); vendor staff see all,
// with read receipts.

/** SQL over users `u` and organizations `o`: the partner users an announcement is for. */
const audienceOf = (segment: SQL) => sql`u.status = 'active' and o.kind = 'partner' and o.status = 'active'
  and ${orgInSegment(segment, sql`o.id`)}`;

const readByMe = (actor: Actor) =>
  sql<boolean>`exists (select 1 from announcement_reads r where r.announcement_id = ${qualified(announcements.id)}
    and r.user_id = ${actor.userId}::uuid)`;

async function toDtos(
  q: Queryable,
  actor: Actor,
  rows: { a: typeof announcements.$inferSelect; read: boolean; authorName: string | null }[],
): Promise<Announcement[]> {
  const labels = await labelSegments(
    q,
    rows.map((r) => r.a.segment ?? null),
  );
  // One statement for the page: each announcement's audience under its own segment, and its readers.
  const receipts = new Map<string, { audience: number; read: number }>();
  if (seesReadReceipts(actor) && rows.length) {
    const res = await q.execute<{ id: string; audience: number; read: number }>(sql`
      select a.id,
        (select count(*)::int from users u join organizations o on o.id = u.organization_id
          where ${audienceOf(sql`a.segment`)}) as audience,
        (select count(*)::int from announcement_reads r join users u on u.id = r.user_id
          join organizations o on o.id = u.organization_id
          where r.announcement_id = a.id and ${audienceOf(sql`a.segment`)}) as read
      from announcements a
      where a.id in (${sql.join(
        rows.map((r) => sql`${r.a.id}::uuid`),
        sql`, `,
      )})`);
    for (const r of res.rows) receipts.set(r.id, { audience: r.audience, read: r.read });
  }
  return rows.map(({ a, read, authorName }, i) => ({
    id: a.id,
    title: a.title,
    body: a.body,
    html: a.html,
    segment: labels[i] ?? null,
    author: a.authorUserId && authorName ? { id: a.authorUserId, name: authorName } : null,
    publishedAt: a.publishedAt.toISOString(),
    read,
    receipts: receipts.get(a.id) ?? null,
  }));
}

function selectAnnouncements(q: Queryable, actor: Actor) {
  return q
    .select({
      a: announcements,
      read: readByMe(actor),
      authorName: sql<
        string | null
      >`(select u.name from users u where u.id = ${qualified(announcements.authorUserId)})`,
    })
    .from(announcements);
}

export async function getAnnouncement(db: Queryable, ctx: Ctx, id: string) {
  if (!isId(id)) throw notFound('announcement');
  const rows = await selectAnnouncements(db, ctx.actor).where(
    and(eq(announcements.id, id), visibleAnnouncements(ctx.actor)),
  );
  if (!rows.length) throw notFound('announcement');
  return (await toDtos(db, ctx.actor, rows))[0]!;
}

export async function listAnnouncements(db: Db, ctx: Ctx, query: z.output<typeof announcementListQuery>) {
  const actor = ctx.actor;
  const ks = keyset(
    { publishedAt: { column: announcements.publishedAt, cast: 'timestamptz' } },
    announcements.id,
    { ...query, sort: '-publishedAt' },
  );
  const rows = await selectAnnouncements(db, actor)
    .where(
      where(
        visibleAnnouncements(actor),
        query.unread === 'true' ? sql`not ${readByMe(actor)}` : undefined,
        query.unread === 'false' ? readByMe(actor) : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(
    rows.map((r) => ({ ...r, id: r.a.id })),
    (r) => r.a.publishedAt,
  );
  return { items: await toDtos(db, actor, items), nextCursor };
}

export async function createAnnouncement(
  deps: Deps,
  ctx: Ctx,
  input: z.output<typeof createAnnouncementBody>,
) {
  const { db } = deps;
  const actor = ctx.actor;
  const { id, created } = await runChange(db, ctx, async (tx, record) => {
    const segment = input.segment ? await checkSegment(tx, input.segment, 'body.segment') : null;
    const id = newId();
    await tx.insert(announcements).values({
      id,
      title: input.title,
      body: input.body,
      html: renderMarkdown(input.body),
      segment,
      authorUserId: actor.userId,
    });
    const after = { title: input.title, segment };
    record.audit({ action: 'announcement.published', entityType: 'announcement', entityId: id, after });
    record.event({
      type: 'announcement.published',
      entityType: 'announcement',
      entityId: id,
      payload: { id, ...after },
    });
    const audience = await tx.execute<{ id: string }>(sql`
      select u.id from users u join organizations o on o.id = u.organization_id
      where ${audienceOf(sql`${segment ? JSON.stringify(segment) : null}::jsonb`)}`);
    const created = await addNotifications(tx, {
      userIds: audience.rows.map((r) => r.id),
      kind: 'announcement',
      title: input.title,
      body: excerpt(input.body),
      link: `/community/announcements/${id}`,
      actorUserId: actor.userId,
    });
    return { id, created };
  });
  await emailNotifications(deps, created);
  return getAnnouncement(db, ctx, id);
}

/**
 * A read receipt: the member's own acknowledgement, idempotent. Not audited
 * (receipts are the record; the log would otherwise hold one line per reader).
 */
export async function markAnnouncementRead(db: Db, ctx: Ctx, id: string) {
  await getAnnouncement(db, ctx, id);
  await db
    .insert(announcementReads)
    .values({ announcementId: id, userId: ctx.actor.userId })
    .onConflictDoNothing();
  return getAnnouncement(db, ctx, id);
}

export async function listReceipts(
  db: Db,
  ctx: Ctx,
  id: string,
  page: { limit: number; cursor?: string | undefined },
) {
  if (!seesReadReceipts(ctx.actor)) throw forbidden('Read receipts are the vendor’s');
  await getAnnouncement(db, ctx, id);
  const ks = keyset(
    { readAt: { column: announcementReads.readAt, cast: 'timestamptz' } },
    announcementReads.userId,
    {
      ...page,
      sort: '-readAt',
    },
  );
  const rows = await db
    .select({
      r: announcementReads,
      name: peopleView.name,
      orgId: peopleView.orgId,
      orgName: peopleView.orgName,
    })
    .from(announcementReads)
    .innerJoin(peopleView, eq(peopleView.id, announcementReads.userId))
    .where(and(eq(announcementReads.announcementId, id), ks.after))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(
    rows.map((r) => ({ ...r, id: r.r.userId })),
    (r) => r.r.readAt,
  );
  return {
    items: items.map((r) => ({
      user: { id: r.r.userId, name: r.name, organization: { id: r.orgId, name: r.orgName } },
      readAt: r.r.readAt.toISOString(),
    })),
    nextCursor,
  };
}

/** Unread announcements for the caller: the shell shows them prominently. */
export async function unreadAnnouncements(db: Queryable, ctx: Ctx) {
  const [row] = await db
    .select({ n: count() })
    .from(announcements)
    .where(and(visibleAnnouncements(ctx.actor), sql`not ${readByMe(ctx.actor)}`));
  return row?.n ?? 0;
}
