import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { runChange, writeAudit } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { AppError, invalid, notFound, unauthorized } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { escapeHtml, type Mailer } from '../../lib/mail';
import type { PageRequest } from '../../lib/pagination';
import { decoyHash, hashPassword, verifyPassword } from '../../lib/passwords';
import { findOrganizationOfActor } from '../organizations/organizations.repository';
import { loginFailures, sessions, users } from './identity.tables';
import {
  countFailuresSince,
  findLiveSessionByTokenHash,
  findUserById,
  findUserForSignIn,
  findUsers,
  revokeSessionsOfUser,
  touchSession,
  type UserRow,
} from './identity.repository';

export const SESSION_IDLE_MS = 14 * 24 * 3600_000;
const TOUCH_EVERY_MS = 60_000;
const LOGIN_WINDOW_MS = 15 * 60_000;
const LOGIN_MAX_FAILURES = 10;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

export function toUserDto(u: UserRow) {
  return {
    id: u.id,
    organizationId: u.organizationId,
    email: u.email,
    name: u.name,
    role: u.role,
    status: u.status,
    createdAt: u.createdAt.toISOString(),
  };
}

interface RequestInfo {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

/** Resolves a session cookie to the actor, or null when it is unknown, revoked, expired or its user can no longer sign in. */
export async function resolveSession(db: Db, token: string): Promise<Actor | null> {
  const now = new Date();
  const row = await findLiveSessionByTokenHash(db, hashToken(token), now);
  if (!row || row.user.status !== 'active' || row.org.status === 'terminated') return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(db, row.session.id, now, new Date(now.getTime() + SESSION_IDLE_MS));
  }
  return {
    userId: row.user.id,
    name: row.user.name,
    orgId: row.org.id,
    orgKind: row.org.kind,
    role: row.user.role,
    via: 'session',
    sessionId: row.session.id,
  };
}

export async function csrfTokenOf(db: Db, sessionId: string): Promise<string | null> {
  const [row] = await db
    .select({ csrf: sessions.csrfToken })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  return row?.csrf ?? null;
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function retryAfterSeconds(db: Db, subjects: string[], now: Date): Promise<number | null> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  let wait: number | null = null;
  for (const subject of subjects) {
    const { count, oldest } = await countFailuresSince(db, subject, since);
    if (count >= LOGIN_MAX_FAILURES && oldest) {
      const s = Math.max(1, Math.ceil((oldest.getTime() + LOGIN_WINDOW_MS - now.getTime()) / 1000));
      wait = Math.max(wait ?? 0, s);
    }
  }
  return wait;
}

export async function signIn(
  db: Db,
  req: RequestInfo,
  input: { email: string; password: string },
  previousToken: string | undefined,
) {
  const now = new Date();
  const email = input.email.trim().toLowerCase();
  const subjects = [`email:${email}`, ...(req.ip ? [`ip:${req.ip}`] : [])];
  const wait = await retryAfterSeconds(db, subjects, now);
  if (wait !== null) {
    await writeAudit(db, { ...req, actor: null }, [
      { action: 'auth.login_rate_limited', entityType: 'user', entityId: null, after: { email } },
    ]);
    throw new AppError('rate_limited', `Too many failed sign-in attempts; try again in ${wait} seconds`, {
      retryAfterSeconds: wait,
    });
  }

  const found = await findUserForSignIn(db, email);
  const ok = await verifyPassword(found?.user.passwordHash ?? (await decoyHash()), input.password);
  if (!found || !ok || found.user.status !== 'active' || found.org.status === 'terminated') {
    await db.transaction(async (tx) => {
      await tx.insert(loginFailures).values(subjects.map((subject) => ({ id: newId(), subject, at: now })));
      await writeAudit(tx, { ...req, actor: null }, [
        {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: found?.user.id ?? null,
          after: { email },
        },
      ]);
    });
    throw unauthorized('Invalid email or password');
  }

  const { user, org } = found;
  const token = randomToken();
  const csrfToken = randomToken();
  await runChange(db, { ...req, actor: { userId: user.id, orgId: org.id } }, async (tx, record) => {
    // A fresh id at every sign-in: a session id planted before sign-in is worthless after it.
    if (previousToken) {
      await tx
        .update(sessions)
        .set({ revokedAt: now })
        .where(eq(sessions.tokenHash, hashToken(previousToken)));
    }
    const id = newId();
    await tx.insert(sessions).values({
      id,
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      ip: req.ip,
      userAgent: req.userAgent?.slice(0, 500) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
    });
    record.audit({ action: 'auth.login', entityType: 'session', entityId: id, after: { userId: user.id } });
  });
  return {
    token,
    body: {
      user: toUserDto(user),
      organization: { id: org.id, kind: org.kind, name: org.name },
      csrfToken,
    },
  };
}

export async function signOut(db: Db, ctx: Ctx) {
  const sessionId = ctx.actor.sessionId;
  if (!sessionId) return;
  await runChange(db, ctx, async (tx, record) => {
    await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
    record.audit({ action: 'auth.logout', entityType: 'session', entityId: sessionId });
  });
}

export async function getMe(db: Db, ctx: Ctx) {
  const user = await findUserById(db, ctx.actor, ctx.actor.userId);
  if (!user) throw unauthorized();
  const org = await findOrganizationOfActor(db, ctx.actor);
  if (!org) throw unauthorized();
  const csrfToken = ctx.actor.sessionId ? await csrfTokenOf(db, ctx.actor.sessionId) : null;
  return { user: toUserDto(user), organization: { id: org.id, kind: org.kind, name: org.name }, csrfToken };
}

/**
 * Changing the password ends every session of the user, this one included,
 * and opens a new one for the caller, so a stolen cookie dies with the old password.
 */
export async function changePassword(
  db: Db,
  ctx: Ctx,
  mailer: Mailer,
  input: { currentPassword: string; newPassword: string },
) {
  const user = await findUserById(db, ctx.actor, ctx.actor.userId);
  if (!user) throw notFound('user');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalid([{ path: 'body.currentPassword', message: 'This is not your current password' }]);
  }
  if (input.currentPassword === input.newPassword) {
    throw invalid([
      { path: 'body.newPassword', message: 'Choose a password different from the current one' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = new Date();
  const token = ctx.actor.via === 'session' ? randomToken() : null;
  const csrfToken = token ? randomToken() : null;
  await runChange(db, ctx, async (tx, record) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now, version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    await revokeSessionsOfUser(tx, user.id, now);
    if (token && csrfToken) {
      await tx.insert(sessions).values({
        id: newId(),
        tokenHash: hashToken(token),
        userId: user.id,
        csrfToken,
        ip: ctx.ip,
        userAgent: ctx.userAgent?.slice(0, 500) ?? null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
      });
    }
    record.audit({ action: 'auth.password_changed', entityType: 'user', entityId: user.id });
    record.event({
      type: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
      organizationIds: [user.organizationId],
      payload: { userId: user.id },
    });
  });
  await mailer.send({
    to: user.email,
    subject: 'Your PartnerGraph password was changed',
    text: `Hello ${user.name},\n\nThe password of your PartnerGraph account was changed at ${now.toISOString()}. All other sessions were signed out.\nIf this was not you, reset your password at once and tell your administrator.`,
    html: `<p>Hello ${escapeHtml(user.name)},</p><p>The password of your PartnerGraph account was changed at ${now.toISOString()}. All other sessions were signed out.</p><p>If this was not you, reset your password at once and tell your administrator.</p>`,
  });
  return { token, csrfToken };
}

export async function listUsers(
  db: Db,
  ctx: Ctx,
  filters: Parameters<typeof findUsers>[2],
  page: PageRequest,
) {
  const res = await findUsers(db, ctx.actor, filters, page);
  return { items: res.items.map(toUserDto), nextCursor: res.nextCursor };
}
