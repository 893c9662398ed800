import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Actor } from '../../lib/actor';
import type { Mailer } from '../../lib/mail';
import { findEntitiesAuditedOnDay } from '../audit/audit.repository';
import { findDealsAwaitingReview, findDealsWithProtectionEnding } from '../deals/deals.repository';
import { findReferralsAwaitingDecision } from '../deals/referrals.repository';
import { findDigestRecipients, lockDigestState } from '../identity/identity.repository';
import { findConnectionRequestsAwaiting } from '../marketplace/connections.service';
import { findUnreadNoticesOfKinds } from '../notifications/notifications.repository';
import { findApplicationsAwaitingReview } from '../programs/programs.repository';
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

function waiting<T extends { total: number }>(rows: T[]): Waiting<Omit<T, 'total'>> {
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _, ...rest }) => rest),
  };
}

// What waits for one person. Each query is its module's, through the visibility filter of its resource,
// as the lists in the app do, so the digest can never name something its reader could not open.

/**
 * The community's unread notices (mentions, replies, announcements…). Referral,
 * connection and deal notices are not repeated: their own sections above list
 * what still waits.
 */
const noticeKinds = [
  'mention',
  'reply',
  'comment',
  'announcement',
  'event',
  'introduction',
  'moderation',
  'space',
];

type Sections = Omit<DigestData, 'name' | 'email' | 'unsubscribeToken'>;

async function sectionsFor(db: Db, actor: Actor, now: Date): Promise<Sections> {
  if (actor.role === 'admin' || actor.role === 'channel_manager') {
    return {
      applications: waiting(await findApplicationsAwaitingReview(db, NAMED)),
      dealsToReview: waiting(await findDealsAwaitingReview(db, actor, NAMED)),
      // The vendor's inbox, as the referral list reads it.
      vendorReferrals: waiting(await findReferralsAwaitingDecision(db, actor, NAMED)),
    };
  }
  if (actor.role === 'partner_admin' || actor.role === 'partner_user') {
    return {
      referralsReceived: waiting(await findReferralsAwaitingDecision(db, actor, NAMED)),
      connectionRequests: waiting(await findConnectionRequestsAwaiting(db, actor, NAMED)),
      expiringDeals: waiting(
        await findDealsWithProtectionEnding(
          db,
          actor,
          { from: now, to: new Date(now.getTime() + EXPIRY_WINDOW_MS) },
          NAMED,
        ),
      ),
    };
  }
  // Analysts only read: only their own notices (added per person) wait for them.
  return {};
}

const countsOf = (s: Sections) =>
  Object.fromEntries(Object.entries(s).map(([k, w]) => [k, (w as Waiting<unknown>).total]));

const DIGEST_SENT = { action: 'digest.sent', entityType: 'user' };

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
  const recipients = await findDigestRecipients(db);
  const sent = await findEntitiesAuditedOnDay(db, { ...DIGEST_SENT, day });
  const candidates = recipients.filter((u) => !sent.has(u.id));
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
      notices: waiting(await findUnreadNoticesOfKinds(db, actor.userId, noticeKinds, NAMED)),
    };
    if (digestIsEmpty(data)) {
      result.nothingWaiting++;
      continue;
    }
    const claimed = await runChange(
      db,
      JOB,
      async (tx, record) => {
        const row = await lockDigestState(tx, u.id);
        // Read again under the lock: an unsubscribe or a deactivation since the list was read wins.
        if (row?.status !== 'active' || !row.emailDigest) return false;
        const done = await findEntitiesAuditedOnDay(tx, { ...DIGEST_SENT, day, entityIds: [u.id] });
        if (done.size) return false;
        record.audit({
          ...DIGEST_SENT,
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
