import { and, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  NotificationSettings,
  notificationListQuery,
  updateNotificationSettingsBody,
} from '@partnergraph/shared/contracts/community';
import { notificationKinds, type NotificationKind } from '@partnergraph/shared/community-codes';
import type { Db, Queryable } from '../../db/client';
import { runChange, type Tx } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import type { Mailer } from '../../lib/mail';
import { keyset } from '../../lib/pagination';
import { users } from '../identity/identity.tables';
import { notificationEmail, type Site } from '../mail/templates';
import { notifications, notificationSettings } from './community.tables';

/**
 * E-mail unless the member turned the kind off. Comments on one's posts are
 * frequent, so they stay in the bell unless asked for. Referral, connection
 * and deal mail goes to partner admins from those modules
 * (organizations/notify.ts), which honour the same switches.
 */
const emailByDefault: Record<NotificationKind, boolean> = {
  mention: true,
  reply: true,
  comment: false,
  announcement: true,
  event: true,
  introduction: true,
  moderation: true,
  space: true,
  referral: true,
  connection: true,
  deal: true,
};
const sentByOtherModules = new Set<NotificationKind>(['referral', 'connection', 'deal']);

export interface NotificationInput {
  userIds: string[];
  kind: NotificationKind;
  title: string;
  body?: string;
  /** A path in the web app. */
  link: string;
  actorUserId?: string | null;
}

/** What was written, for the e-mails sent once the change has committed. */
export type Created = { userId: string; kind: NotificationKind; title: string; body: string; link: string }[];

/**
 * Writes in-app notifications inside the caller's transaction, so they exist
 * exactly when the change does. Nobody is notified of their own action.
 */
export async function addNotifications(tx: Tx | Queryable, input: NotificationInput): Promise<Created> {
  const userIds = [...new Set(input.userIds)].filter((id) => id !== input.actorUserId);
  if (!userIds.length) return [];
  const body = input.body ?? '';
  await tx.insert(notifications).values(
    userIds.map((userId) => ({
      id: newId(),
      userId,
      kind: input.kind,
      title: input.title,
      body,
      link: input.link,
      actorUserId: input.actorUserId ?? null,
    })),
  );
  return userIds.map((userId) => ({ userId, kind: input.kind, title: input.title, body, link: input.link }));
}

/** The active users of organizations, for notifications addressed to a whole partner. */
export async function usersOfOrganizations(q: Queryable, orgIds: string[]) {
  if (!orgIds.length) return [];
  const rows = await q
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.organizationId, orgIds), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}

async function settingsOf(q: Queryable, userIds: string[]) {
  if (!userIds.length) return new Map<string, Record<string, boolean>>();
  const rows = await q
    .select({ userId: notificationSettings.userId, email: notificationSettings.email })
    .from(notificationSettings)
    .where(inArray(notificationSettings.userId, userIds));
  return new Map(rows.map((r) => [r.userId, r.email]));
}

/** Of these users, those who want e-mail for a kind (their switch, else the default). */
export async function wantEmail(q: Queryable, userIds: string[], kind: NotificationKind) {
  const prefs = await settingsOf(q, userIds);
  return userIds.filter((id) => prefs.get(id)?.[kind] ?? emailByDefault[kind]);
}

/**
 * After the commit: e-mails for the notifications whose members want them.
 * A failed send never undoes the change; the bell already shows it.
 */
export async function emailNotifications(db: Db, mailer: Mailer, site: Site, created: Created) {
  const todo = created.filter((c) => !sentByOtherModules.has(c.kind));
  if (!todo.length) return;
  const ids = [...new Set(todo.map((c) => c.userId))];
  const people = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.status, 'active')));
  const byId = new Map(people.map((p) => [p.id, p]));
  const prefs = await settingsOf(db, ids);
  for (const c of todo) {
    const person = byId.get(c.userId);
    if (!person || !(prefs.get(c.userId)?.[c.kind] ?? emailByDefault[c.kind])) continue;
    try {
      await mailer.send({
        to: person.email,
        ...notificationEmail(
          { name: person.name, title: c.title, body: c.body, path: c.link, settingsPath: '/notifications' },
          site,
        ),
      });
    } catch {
      // See above: the notification stands.
    }
  }
}

type Row = typeof notifications.$inferSelect;
const actorName = sql<string | null>`(select u.name from users u where u.id = ${notifications.actorUserId})`;

function toDto(r: { n: Row; actorName: string | null }) {
  return {
    id: r.n.id,
    kind: (notificationKinds as readonly string[]).includes(r.n.kind)
      ? (r.n.kind as NotificationKind)
      : ('comment' as const),
    title: r.n.title,
    body: r.n.body,
    link: r.n.link,
    actor: r.n.actorUserId && r.actorName ? { id: r.n.actorUserId, name: r.actorName } : null,
    read: r.n.readAt !== null,
    createdAt: r.n.createdAt.toISOString(),
  };
}

export async function unreadCount(db: Queryable, ctx: Ctx) {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, ctx.actor.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function listNotifications(db: Db, ctx: Ctx, query: z.output<typeof notificationListQuery>) {
  const ks = keyset(
    { createdAt: { column: notifications.createdAt, cast: 'timestamptz' } },
    notifications.id,
    {
      ...query,
      sort: '-createdAt',
    },
  );
  const rows = await db
    .select({ n: notifications, actorName })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, ctx.actor.userId),
        query.unread === 'true' ? isNull(notifications.readAt) : undefined,
        query.unread === 'false' ? sql`${notifications.readAt} is not null` : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(
    rows.map((r) => ({ ...r, id: r.n.id })),
    (r) => r.n.createdAt,
  );
  return { items: items.map(toDto), nextCursor, unreadCount: await unreadCount(db, ctx) };
}

/**
 * Reading a notification is the member's own bookkeeping, not a change of
 * shared state: no audit entry, no event (the bell would flood the log).
 */
export async function markRead(db: Db, ctx: Ctx, id: string) {
  if (!isId(id)) throw notFound('notification');
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.userId)))
    .returning();
  if (!row) throw notFound('notification');
  return toDto({ n: row, actorName: null });
}

export async function markAllRead(db: Db, ctx: Ctx) {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, ctx.actor.userId), isNull(notifications.readAt)));
  return { unread: 0 };
}

export async function getNotificationSettings(db: Queryable, ctx: Ctx): Promise<NotificationSettings> {
  const prefs = (await settingsOf(db, [ctx.actor.userId])).get(ctx.actor.userId) ?? {};
  const [me] = await db
    .select({ digest: users.emailDigest })
    .from(users)
    .where(eq(users.id, ctx.actor.userId));
  return {
    email: Object.fromEntries(notificationKinds.map((k) => [k, prefs[k] ?? emailByDefault[k]])) as Record<
      NotificationKind,
      boolean
    >,
    digest: me?.digest ?? false,
  };
}

export async function updateNotificationSettings(
  db: Db,
  ctx: Ctx,
  input: z.output<typeof updateNotificationSettingsBody>,
) {
  const before = await getNotificationSettings(db, ctx);
  await runChange(db, ctx, async (tx, record) => {
    const email = { ...before.email, ...(input.email ?? {}) };
    await tx
      .insert(notificationSettings)
      .values({ userId: ctx.actor.userId, email })
      .onConflictDoUpdate({ target: notificationSettings.userId, set: { email, updatedAt: new Date() } });
    if (input.digest !== undefined && input.digest !== before.digest) {
      await tx
        .update(users)
        .set({ emailDigest: input.digest, updatedAt: new Date() })
        .where(and(eq(users.id, ctx.actor.userId), ne(users.emailDigest, input.digest)));
    }
    record.audit({
      action: 'notifications.settings_changed',
      entityType: 'user',
      entityId: ctx.actor.userId,
      before: { ...before.email, digest: before.digest },
      after: { ...email, digest: input.digest ?? before.digest },
    });
  });
  return getNotificationSettings(db, ctx);
}
