import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { qualified } from '../../db/qualified';
import type { Tx } from '../../db/transaction';
import { newId } from '../../lib/ids';
import { countOver, keyset, type PageRequest } from '../../lib/pagination';
import { notifications, notificationSettings } from './notifications.tables';
import { addressedTo } from './notifications.visibility';

export type NotificationRow = typeof notifications.$inferSelect;

export async function insertNotifications(
  tx: Tx | Queryable,
  userIds: string[],
  n: { kind: string; title: string; body: string; link: string; actorUserId: string | null },
) {
  await tx.insert(notifications).values(userIds.map((userId) => ({ id: newId(), userId, ...n })));
}

/** Each user's e-mail switches, by kind; a user who never changed one has no entry. */
export async function findEmailSettings(q: Queryable, userIds: string[]) {
  if (!userIds.length) return new Map<string, Record<string, boolean>>();
  const rows = await q
    .select({ userId: notificationSettings.userId, email: notificationSettings.email })
    .from(notificationSettings)
    .where(inArray(notificationSettings.userId, userIds));
  return new Map(rows.map((r) => [r.userId, r.email]));
}

export async function upsertEmailSettings(
  tx: Tx | Queryable,
  userId: string,
  email: Record<string, boolean>,
) {
  await tx
    .insert(notificationSettings)
    .values({ userId, email })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: { email, updatedAt: new Date() } });
}

export async function countUnread(q: Queryable, userId: string) {
  const [row] = await q
    .select({ n: count() })
    .from(notifications)
    .where(and(addressedTo(userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

const actorName = sql<
  string | null
>`(select u.name from users u where u.id = ${qualified(notifications.actorUserId)})`;

export async function findNotificationsOf(
  q: Queryable,
  userId: string,
  query: Omit<PageRequest, 'sort'> & { unread?: 'true' | 'false' | undefined },
) {
  const ks = keyset(
    { createdAt: { column: notifications.createdAt, cast: 'timestamptz' } },
    notifications.id,
    {
      ...query,
      sort: '-createdAt',
    },
  );
  const rows = await q
    .select({ n: notifications, actorName })
    .from(notifications)
    .where(
      and(
        addressedTo(userId),
        query.unread === 'true' ? isNull(notifications.readAt) : undefined,
        query.unread === 'false' ? sql`${notifications.readAt} is not null` : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(
    rows.map((r) => ({ ...r, id: r.n.id })),
    (r) => r.n.createdAt,
  );
}

/** Marks one of the user's notifications read (keeping the first reading's time); undefined if not theirs. */
export async function markNotificationRead(q: Queryable, userId: string, id: string) {
  const [row] = await q
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), addressedTo(userId)))
    .returning();
  return row;
}

export async function markAllNotificationsRead(q: Queryable, userId: string) {
  await q
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(addressedTo(userId), isNull(notifications.readAt)));
}

/** A person's oldest unread notices of these kinds, with how many there are in all (the daily digest). */
export function findUnreadNoticesOfKinds(q: Queryable, userId: string, kinds: string[], limit: number) {
  return q
    .select({
      id: notifications.id,
      title: notifications.title,
      link: notifications.link,
      since: notifications.createdAt,
      total: countOver(),
    })
    .from(notifications)
    .where(
      and(
        addressedTo(userId),
        isNull(notifications.readAt),
        inArray(notifications.kind, kinds as NotificationRow['kind'][]),
      ),
    )
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .limit(limit);
}
