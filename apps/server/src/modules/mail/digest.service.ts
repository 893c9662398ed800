import {
  aliasedTable,
  and,
  asc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  lte,
  ne,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Actor } from '../../lib/actor';
import type { Mailer } from '../../lib/mail';
import { auditLog } from '../audit/audit.tables';
import { notifications } from '../notifications/notifications.tables';
import { deals, referrals } from '../deals/deals.tables';
import { visibleDeals, visibleReferrals } from '../deals/deals.visibility';
import { users } from '../identity/identity.tables';
import { kindWords, visibleConnections } from '../marketplace/connections.service';
import { connections } from '../marketplace/marketplace.tables';
import { organizations } from '../organizations/organizations.tables';
import { applications } from '../programs/programs.tables';
import { digestEmail, digestIsEmpty, type DigestData, type Site, type Waiting } from './templates';
import { unsubscribeToken } from './unsubscribe';

/** Each kind names its oldest few; the count says how many wait in all. */
const NAMED = 5;
const EXPIRY_WINDOW_MS = 14 * 86_400_000;
/** The digest goes out on the first run of the job at or after this hour (UTC): a morning in Europe and Africa, before the day starts in the Americas. */
export const DIGEST_HOUR_UTC = 7;
const JOB = { actor: null, requestId: 'job:send-daily-digests', ip: null };

export interface DigestDeps {
  mailer: Mailer;
  site: Site;
  log?: Pick<FastifyBaseLogger, 'error'> | undefined;
}

const total = sql<number>`count(*) over ()`.mapWith(Number);
const registrant = aliasedTable(organizations, 'registrant');
const referrerName = sql<
  string | null
>`(select o.name from organizations o where o.id = ${referrals.referrerOrgId})`;

function waiting<T extends { total: number }>(rows: T[]): Waiting<Omit<T, 'total'>> {
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _, ...rest }) => rest),
  };
}

// What waits for one person. Each query goes through the visibility filter
// of its resource, as the lists in the app do, so the digest can never name
// something its reader could not open.

async function applicationsToReview(db: Db) {
  return waiting(
    await db
      .select({
        id: applications.id,
        companyName: applications.companyName,
        since: applications.createdAt,
        total,
      })
      .from(applications)
      .where(eq(applications.status, 'submitted'))
      .orderBy(asc(applications.createdAt), asc(applications.id))
      .limit(NAMED),
  );
}

/** The review queue: every registration for an admin, those of the partners assigned to them for a channel manager. */
async function dealsToReview(db: Db, actor: Actor) {
  return waiting(
    await db
      .select({
        id: deals.id,
        customerName: deals.customerName,
        partnerName: registrant.name,
        amount: deals.amount,
        currency: deals.currency,
        since: deals.createdAt,
        total,
      })
      .from(deals)
      .innerJoin(registrant, eq(registrant.id, deals.registeredByOrgId))
      .where(
        and(
          visibleDeals(actor),
          eq(deals.status, 'registered'),
          actor.role === 'channel_manager' ? eq(registrant.channelManagerId, actor.userId) : undefined,
        ),
      )
      .orderBy(asc(deals.createdAt), asc(deals.id))
      .limit(NAMED),
  );
}

async function referralsAwaiting(db: Db, actor: Actor, inbox: SQL) {
  return waiting(
    await db
      .select({
        id: referrals.id,
        companyName: referrals.companyName,
        fromName: referrerName,
        since: referrals.createdAt,
        total,
      })
      .from(referrals)
      .where(and(visibleReferrals(actor), inbox, eq(referrals.status, 'submitted')))
      .orderBy(asc(referrals.createdAt), asc(referrals.id))
      .limit(NAMED),
  );
}

async function connectionRequests(db: Db, actor: Actor) {
  const rows = await db
    .select({
      id: connections.id,
      fromName: sql<string>`(select o.name from organizations o where o.id = ${connections.requesterOrgId})`,
      kind: connections.kind,
      since: connections.createdAt,
      total,
    })
    .from(connections)
    .where(
      and(
        visibleConnections(actor),
        eq(connections.recipientOrgId, actor.orgId),
        eq(connections.status, 'requested'),
      ),
    )
    .orderBy(asc(connections.createdAt), asc(connections.id))
    .limit(NAMED);
  return waiting(rows.map(({ kind, ...r }) => ({ ...r, relationship: kindWords[kind] })));
}

async function expiringDeals(db: Db, actor: Actor, now: Date) {
  return waiting(
    await db
      .select({
        id: deals.id,
        customerName: deals.customerName,
        expiresAt: deals.protectionExpiresAt,
        total,
      })
      .from(deals)
      .where(
        and(
          visibleDeals(actor),
          eq(deals.registeredByOrgId, actor.orgId),
          eq(deals.status, 'approved'),
          gt(deals.protectionExpiresAt, now),
          lte(deals.protectionExpiresAt, new Date(now.getTime() + EXPIRY_WINDOW_MS)),
        ),
      )
      .orderBy(asc(deals.protectionExpiresAt), asc(deals.id))
      .limit(NAMED)
      // The filter above holds only deals with an expiry.
      .then((rows) => rows.map((r) => ({ ...r, expiresAt: r.expiresAt! }))),
  );
}

/**
 * The community's unread notices (mentions, replies, announcements…). Referral,
 * connection and deal notices are not repeated: their own sections above list
 * what still waits.
 */
async function unreadNotices(db: Db, actor: Actor) {
  return waiting(
    await db
      .select({
        id: notifications.id,
        title: notifications.title,
        link: notifications.link,
        since: notifications.createdAt,
        total,
      })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, actor.userId),
          isNull(notifications.readAt),
          inArray(notifications.kind, [
            'mention',
            'reply',
            'comment',
            'announcement',
            'event',
            'introduction',
            'moderation',
            'space',
          ]),
        ),
      )
      .orderBy(asc(notifications.createdAt), asc(notifications.id))
      .limit(NAMED),
  );
}

type Sections = Omit<DigestData, 'name' | 'email' | 'unsubscribeToken'>;

async function sectionsFor(db: Db, actor: Actor, now: Date): Promise<Sections> {
  if (actor.role === 'admin' || actor.role === 'channel_manager') {
    return {
      applications: await applicationsToReview(db),
      dealsToReview: await dealsToReview(db, actor),
      // The vendor's inbox, as the referral list reads it.
      vendorReferrals: await referralsAwaiting(db, actor, eq(referrals.toVendor, true)),
    };
  }
  if (actor.role === 'partner_admin' || actor.role === 'partner_user') {
    return {
      referralsReceived: await referralsAwaiting(db, actor, eq(referrals.recipientOrgId, actor.orgId)),
      connectionRequests: await connectionRequests(db, actor),
      expiringDeals: await expiringDeals(db, actor, now),
    };
  }
  // Analysts only read: only their own notices (added per person) wait for them.
  return {};
}

const countsOf = (s: Sections) =>
  Object.fromEntries(Object.entries(s).map(([k, w]) => [k, (w as Waiting<unknown>).total]));

const sentToday = (userId: SQL | string, day: string) =>
  and(
    eq(auditLog.action, 'digest.sent'),
    eq(auditLog.entityType, 'user'),
    typeof userId === 'string' ? eq(auditLog.entityId, userId) : sql`${auditLog.entityId} = ${userId}`,
    sql`${auditLog.after}->>'day' = ${day}`,
  );

/**
 * Once a day, emails each active user who has the digest on what waits for
 * them; nothing waiting, no email. The send is claimed first, in a
 * transaction that locks the user's row and records `digest.sent` for the
 * day only if no such entry exists: two server processes, a restart or a
 * second run the same day find it and send nothing. The claim commits before
 * the mail goes out (no transaction is held open over SMTP), so a failed send
 * is not retried that day: at most one digest, never two.
 */
export async function sendDailyDigests(
  db: Db,
  deps: DigestDeps,
  { now = new Date(), fromHourUtc = DIGEST_HOUR_UTC }: { now?: Date; fromHourUtc?: number } = {},
) {
  const result = { candidates: 0, sent: 0, nothingWaiting: 0, alreadySent: 0, failed: 0 };
  if (now.getUTCHours() < fromHourUtc) return result;
  const day = now.toISOString().slice(0, 10);
  const candidates = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      passwordHash: users.passwordHash,
      orgId: organizations.id,
      orgKind: organizations.kind,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        eq(users.status, 'active'),
        eq(users.emailDigest, true),
        // No password: the person never signed in, and could not open what the digest names.
        isNotNull(users.passwordHash),
        ne(organizations.status, 'terminated'),
        sql`not exists (select 1 from ${auditLog} where ${sentToday(sql`${users.id}::text`, day)})`,
      ),
    )
    .orderBy(asc(users.id));
  result.candidates = candidates.length;
  // People who see the same things share one reading: a partner's users, the vendor's admins.
  const memo = new Map<string, Promise<Sections>>();
  for (const u of candidates) {
    const actor: Actor = {
      userId: u.id,
      name: u.name,
      orgId: u.orgId,
      orgKind: u.orgKind,
      role: u.role,
      via: 'session',
      sessionId: null,
      scope: 'read',
    };
    const key = u.orgKind === 'partner' ? `org:${u.orgId}` : u.role === 'admin' ? 'admin' : `user:${u.id}`;
    if (!memo.has(key)) memo.set(key, sectionsFor(db, actor, now));
    const sections = await memo.get(key)!;
    // Never null here: candidates have a password.
    const token = unsubscribeToken(u) ?? '';
    // Notices are each person's own: never shared through the memo.
    const data: DigestData = {
      name: u.name,
      email: u.email,
      unsubscribeToken: token,
      ...sections,
      notices: await unreadNotices(db, actor),
    };
    if (digestIsEmpty(data)) {
      result.nothingWaiting++;
      continue;
    }
    const claimed = await runChange(
      db,
      JOB,
      async (tx, record) => {
        const [row] = await tx
          .select({ status: users.status, emailDigest: users.emailDigest })
          .from(users)
          .where(eq(users.id, u.id))
          .for('update');
        // Read again under the lock: an unsubscribe or a deactivation since the list was read wins.
        if (row?.status !== 'active' || !row.emailDigest) return false;
        const [done] = await tx
          .select({ id: auditLog.id })
          .from(auditLog)
          .where(sentToday(u.id, day))
          .limit(1);
        if (done) return false;
        record.audit({
          action: 'digest.sent',
          entityType: 'user',
          entityId: u.id,
          after: { day, ...countsOf(sections) },
        });
        return true;
      },
      { refreshOnly: true },
    );
    if (!claimed) {
      result.alreadySent++;
      continue;
    }
    try {
      await deps.mailer.send({ to: u.email, ...digestEmail(data, deps.site) });
      result.sent++;
    } catch (err) {
      // The outbox page shows the failed send; the next day's digest is a new try.
      result.failed++;
      deps.log?.error({ err, userId: u.id }, 'the daily digest could not be sent');
    }
  }
  return result;
}

// The scheduler hands a job the database only, while a digest needs the
// mailer and the public address the app was built with: the mail routes
// register them here when the app starts (see mail.routes.ts).
let appDeps: DigestDeps | undefined;

export function setDigestDeps(deps: DigestDeps) {
  appDeps = deps;
}

/** The `send-daily-digests` job. */
export async function runDailyDigests(db: Db) {
  if (!appDeps) return { notReady: 1 };
  return sendDailyDigests(db, appDeps);
}
