import type { FastifyBaseLogger } from 'fastify';
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
import { isId } from '../../lib/ids';
import type { Deps } from '../../lib/deps';
import type { Mailer } from '../../lib/mail';
import {
  findActivePartnerAdmins,
  findActiveUserIdsOfOrganizations,
  findActiveUsersByIds,
  findEmailDigest,
  setEmailDigest,
} from '../identity/identity.repository';
import { notificationEmail, siteOf, type Email } from '../mail/templates';
import {
  countUnread,
  findEmailSettings,
  findNotificationsOf,
  insertNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  upsertEmailSettings,
  type NotificationRow,
} from './notifications.repository';

/**
 * E-mail unless the member turned the kind off. Comments on one's posts are
 * frequent, so they stay in the bell unless asked for. Referral, connection
 * and deal mail goes to partner admins (notifyOrganization below), which
 * honours the same switches.
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
  lead: true,
};
const sentToOrganizations = new Set<NotificationKind>(['referral', 'connection', 'deal', 'lead']);

// The app's logger, given when the routes are registered (as the digest's deps are): notifyOrganization
// runs after its caller's change committed, where no request logger is passed down. Scripts and tests
// that never register the routes get stderr.
let log: Pick<FastifyBaseLogger, 'error'> = {
  error: (obj: unknown, msg?: string) => console.error(msg, obj),
};
export function setNotificationLog(logger: FastifyBaseLogger) {
  log = logger;
}

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
  await insertNotifications(tx, userIds, {
    kind: input.kind,
    title: input.title,
    body,
    link: input.link,
    actorUserId: input.actorUserId ?? null,
  });
  return userIds.map((userId) => ({ userId, kind: input.kind, title: input.title, body, link: input.link }));
}

/** The active users of organizations, for notifications addressed to a whole partner. */
export async function usersOfOrganizations(q: Queryable, orgIds: string[]) {
  return findActiveUserIdsOfOrganizations(q, orgIds);
}

/** Of these users, those who want e-mail for a kind (their switch, else the default). */
export async function wantEmail(q: Queryable, userIds: string[], kind: NotificationKind) {
  const prefs = await findEmailSettings(q, userIds);
  return userIds.filter((id) => prefs.get(id)?.[kind] ?? emailByDefault[kind]);
}

/**
 * After the commit: e-mails for the notifications whose members want them.
 * A failed send never undoes the change; the bell already shows it.
 */
export async function emailNotifications(
  { db, mailer, config }: Pick<Deps, 'db' | 'mailer' | 'config'>,
  created: Created,
) {
  const todo = created.filter((c) => !sentToOrganizations.has(c.kind));
  if (!todo.length) return;
  const ids = [...new Set(todo.map((c) => c.userId))];
  const people = await findActiveUsersByIds(db, ids);
  const byId = new Map(people.map((p) => [p.id, p]));
  const prefs = await findEmailSettings(db, ids);
  for (const c of todo) {
    const person = byId.get(c.userId);
    if (!person || !(prefs.get(c.userId)?.[c.kind] ?? emailByDefault[c.kind])) continue;
    try {
      await mailer.send({
        to: person.email,
        ...notificationEmail(
          { name: person.name, title: c.title, body: c.body, path: c.link, settingsPath: '/notifications' },
          siteOf(config),
        ),
      });
    } catch {
      // See above: the notification stands.
    }
  }
}

/** Where the bell's notice points and who caused it. */
export interface Notice {
  kind: Extract<NotificationKind, 'referral' | 'connection' | 'deal' | 'lead'>;
  /** A path in the web app. */
  link: string;
  actorUserId?: string | null;
}

/**
 * Tells an organization about something another party did (a connection
 * request, a lead, a decision on its deal): a notice in every one of its
 * users' bells, and the e-mail to its partner admins who did not turn that
 * kind off. Sent after the change committed: a failure must not undo it, and
 * the in-app lists already show the new state.
 */
export async function notifyOrganization(
  db: Db,
  mailer: Mailer,
  organizationId: string,
  email: Email,
  notice: Notice,
) {
  try {
    await addNotifications(db, {
      userIds: await usersOfOrganizations(db, [organizationId]),
      kind: notice.kind,
      title: email.subject,
      link: notice.link,
      actorUserId: notice.actorUserId ?? null,
    });
  } catch (err) {
    // Not fatal (see above), but the bell is missing a notice: someone should know.
    log.error(
      { err, organizationId, kind: notice.kind },
      'could not write the notifications of an organization',
    );
  }
  const admins = await findActivePartnerAdmins(db, organizationId);
  const wanted = new Set(
    await wantEmail(
      db,
      admins.map((a) => a.id),
      notice.kind,
    ),
  );
  for (const { id, to } of admins) {
    if (!wanted.has(id)) continue;
    try {
      await mailer.send({ to, ...email });
    } catch {
      // Not fatal: see above.
    }
  }
}

function toDto(r: { n: NotificationRow; actorName: string | null }) {
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
  return countUnread(db, ctx.actor.userId);
}

export async function listNotifications(db: Db, ctx: Ctx, query: z.output<typeof notificationListQuery>) {
  const { items, nextCursor } = await findNotificationsOf(db, ctx.actor.userId, query);
  return { items: items.map(toDto), nextCursor, unreadCount: await unreadCount(db, ctx) };
}

/**
 * Reading a notification is the member's own bookkeeping, not a change of
 * shared state: no audit entry, no event (the bell would flood the log).
 */
export async function markRead(db: Db, ctx: Ctx, id: string) {
  if (!isId(id)) throw notFound('notification');
  const row = await markNotificationRead(db, ctx.actor.userId, id);
  if (!row) throw notFound('notification');
  return toDto({ n: row, actorName: null });
}

export async function markAllRead(db: Db, ctx: Ctx) {
  await markAllNotificationsRead(db, ctx.actor.userId);
  return { unread: 0 };
}

export async function getNotificationSettings(db: Queryable, ctx: Ctx): Promise<NotificationSettings> {
  const prefs = (await findEmailSettings(db, [ctx.actor.userId])).get(ctx.actor.userId) ?? {};
  const digest = await findEmailDigest(db, ctx.actor.userId);
  return {
    email: Object.fromEntries(notificationKinds.map((k) => [k, prefs[k] ?? emailByDefault[k]])) as Record<
      NotificationKind,
      boolean
    >,
    digest: digest ?? false,
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
    await upsertEmailSettings(tx, ctx.actor.userId, email);
    if (input.digest !== undefined && input.digest !== before.digest) {
      await setEmailDigest(tx, ctx.actor.userId, input.digest);
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
