import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { runChange, writeAudit, type ChangeRecorder, type Tx } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { AppError, invalid, notFound, unauthorized } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { hashToken, randomToken } from '../../lib/tokens';
import type { Mailer } from '../../lib/mail';
import type { PageRequest } from '../../lib/pagination';
import { decoyHash, hashPassword, verifyPassword } from '../../lib/passwords';
import { passwordChangedEmail, passwordResetEmail, type Site } from '../mail/templates';
import { mfaChallengeFor } from '../mfa/sign-in-gate';
import { findOrganizationOfActor } from '../organizations/organizations.repository';
import { assertPasswordSignInAllowed } from '../sso/sso.policy';
import { apiTokens, passwordResets, sessions, users } from './identity.tables';
import { subjectsOf, takeAttempt, withdrawAttempt, type Limit } from '../../lib/rate-limit';
import {
  findLiveSessionByTokenHash,
  findPasswordResetByTokenHash,
  findUserById,
  findUserForSignIn,
  findUsers,
  revokeSessionsOfUser,
  touchSession,
  type UserRow,
} from './identity.repository';

export const SESSION_IDLE_MS = 14 * 24 * 3600_000;
/** Last-seen and last-used times are written at most this often: they are for people, not accounting. */
export const TOUCH_EVERY_MS = 60_000;

export function toUserDto(u: UserRow) {
  return {
    id: u.id,
    organizationId: u.organizationId,
    email: u.email,
    name: u.name,
    role: u.role,
    status: u.status,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
  };
}

/** The signed-in user's own view of themselves: their preferences too, which no one else reads. */
export function toOwnUserDto(u: UserRow) {
  return { ...toUserDto(u), emailDigest: u.emailDigest };
}

/** Creates a session row and answers its (unhashed) cookie token and CSRF token. */
export async function openSession(q: Queryable, userId: string, req: RequestInfo) {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = new Date();
  const id = newId();
  await q.insert(sessions).values({
    id,
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    ip: req.ip,
    userAgent: req.userAgent?.slice(0, 500) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
  });
  return { id, token, csrfToken };
}

export interface RequestInfo {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Resolves a session cookie to the actor and the session's CSRF token (read
 * in the same statement, so a write costs no second lookup), or null when it
 * is unknown, revoked, expired or its user can no longer sign in.
 */
export async function resolveSession(
  db: Db,
  token: string,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  const now = new Date();
  const row = await findLiveSessionByTokenHash(db, hashToken(token), now);
  if (!row || row.user.status !== 'active' || row.org.status === 'terminated') return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(db, row.session.id, now, new Date(now.getTime() + SESSION_IDLE_MS));
  }
  return {
    actor: {
      userId: row.user.id,
      name: row.user.name,
      orgId: row.org.id,
      orgKind: row.org.kind,
      role: row.user.role,
      via: 'session',
      sessionId: row.session.id,
      scope: 'read_write',
    },
    csrfToken: row.session.csrfToken,
  };
}

export async function csrfTokenOf(db: Db, sessionId: string): Promise<string | null> {
  const [row] = await db
    .select({ csrf: sessions.csrfToken })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  return row?.csrf ?? null;
}

const loginLimit: Limit = { bucket: 'login', max: 10, windowMs: 15 * 60_000 };

export async function signIn(
  db: Db,
  req: RequestInfo,
  input: { email: string; password: string },
  previousToken: string | undefined,
) {
  const email = input.email.trim().toLowerCase();
  const subjects = subjectsOf(email, req.ip);
  const attempt = await takeAttempt(db, loginLimit, subjects, 'failed sign-in attempts').catch(
    async (err: unknown) => {
      if (err instanceof AppError && err.code === 'rate_limited') {
        await writeAudit(db, { ...req, actor: null }, [
          { action: 'auth.login_rate_limited', entityType: 'user', entityId: null, after: { email } },
        ]);
      }
      throw err;
    },
  );

  const found = await findUserForSignIn(db, email);
  const ok = await verifyPassword(found?.user.passwordHash ?? (await decoyHash()), input.password);
  if (!found || !ok || found.user.status !== 'active' || found.org.status === 'terminated') {
    // The attempt stays counted: it is the failure the limit is about.
    await writeAudit(db, { ...req, actor: null }, [
      { action: 'auth.login_failed', entityType: 'user', entityId: found?.user.id ?? null, after: { email } },
    ]);
    throw unauthorized('Invalid email or password');
  }
  await withdrawAttempt(db, attempt);
  await assertPasswordSignInAllowed(db, found.user);

  // A second factor (or enrolling one, where the organization requires it) comes before any session.
  const challenge = await mfaChallengeFor(db, req, found.user);
  if (challenge) return { challenge, token: null, body: null };
  return { challenge: null, ...(await completeSignIn(db, req, found, previousToken, 'password')) };
}

export type SignInFound = NonNullable<Awaited<ReturnType<typeof findUserForSignIn>>>;

/**
 * Opens the session of a person whose sign-in is proven (a password alone, a
 * second factor, or a passkey), in one transaction with `within` (what the
 * proof spends, e.g. a single-use code), and answers the cookie token and body.
 */
export async function completeSignIn<T = undefined>(
  db: Db,
  req: RequestInfo,
  found: SignInFound,
  previousToken: string | undefined,
  method: 'password' | 'totp' | 'passkey' | 'recovery_code',
  within?: (tx: Tx, record: ChangeRecorder) => Promise<T>,
) {
  const now = new Date();
  const { user, org } = found;
  const { session, extra } = await runChange(
    db,
    { ...req, actor: { userId: user.id, orgId: org.id } },
    async (tx, record) => {
      const extra = within ? await within(tx, record) : undefined;
      // A fresh id at every sign-in: a session id planted before sign-in is worthless after it.
      if (previousToken) {
        await tx
          .update(sessions)
          .set({ revokedAt: now })
          .where(eq(sessions.tokenHash, hashToken(previousToken)));
      }
      const opened = await openSession(tx, user.id, req);
      record.audit({
        action: 'auth.login',
        entityType: 'session',
        entityId: opened.id,
        after: method === 'password' ? { userId: user.id } : { userId: user.id, method },
      });
      return { session: opened, extra };
    },
  );
  return {
    token: session.token,
    extra,
    body: {
      user: toOwnUserDto(user),
      organization: { id: org.id, kind: org.kind, name: org.name },
      csrfToken: session.csrfToken,
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
  return {
    user: toOwnUserDto(user),
    organization: { id: org.id, kind: org.kind, name: org.name },
    csrfToken,
  };
}

/**
 * A person's own preferences. Each is set to a value, not toggled, so two
 * tabs saving at once cannot undo each other: no version is asked, and the
 * user's version (which guards the name and role an admin edits) stays.
 */
export async function updateMe(db: Db, ctx: Ctx, input: { emailDigest?: boolean | undefined }) {
  const user = await findUserById(db, ctx.actor, ctx.actor.userId);
  if (!user) throw unauthorized();
  if (input.emailDigest !== undefined && input.emailDigest !== user.emailDigest) {
    const emailDigest = input.emailDigest;
    await runChange(db, ctx, async (tx, record) => {
      await tx.update(users).set({ emailDigest, updatedAt: new Date() }).where(eq(users.id, user.id));
      record.audit({
        action: 'user.preferences_updated',
        entityType: 'user',
        entityId: user.id,
        before: { emailDigest: user.emailDigest },
        after: { emailDigest },
      });
    });
  }
  return getMe(db, ctx);
}

/**
 * Changing the password ends every session of the user, this one included,
 * and opens a new one for the caller, so a stolen cookie dies with the old password.
 */
export async function changePassword(
  db: Db,
  ctx: Ctx,
  mailer: Mailer,
  site: Site,
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
  const session = await runChange(db, ctx, async (tx, record) => {
    await storePassword(tx, user, passwordHash);
    record.audit({ action: 'auth.password_changed', entityType: 'user', entityId: user.id });
    record.event(passwordEvent(user));
    // A session caller stays signed in on a new session; a token caller has none to keep.
    return ctx.actor.via === 'session' ? openSession(tx, user.id, ctx) : null;
  });
  await mailer.send({ to: user.email, ...passwordChangedEmail({ name: user.name, at: new Date() }, site) });
  return { token: session?.token ?? null, csrfToken: session?.csrfToken ?? null };
}

/** Sets a new password and ends every session of the user. */
async function storePassword(tx: Queryable, user: UserRow, passwordHash: string) {
  const now = new Date();
  await tx
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, updatedAt: now, version: sql`${users.version} + 1` })
    .where(eq(users.id, user.id));
  await revokeSessionsOfUser(tx, user.id, now);
}

const passwordEvent = (user: UserRow) => ({
  type: 'user.password_changed',
  entityType: 'user',
  entityId: user.id,
  organizationIds: [user.organizationId],
  payload: { userId: user.id },
});

const RESET_TTL_MS = 3600_000;
const resetRequestLimit: Limit = { bucket: 'password_reset', max: 5, windowMs: 3600_000 };
const resetConfirmLimit: Limit = { bucket: 'password_reset_confirm', max: 20, windowMs: 15 * 60_000 };
export const RESET_ANSWER =
  'If an account exists for this address, we have sent it a link to choose a new password. The link works once, for one hour.';

/**
 * Answers the same whether or not the address has an account, and counts
 * every request against the limit, so neither the answer nor the limit tells
 * which addresses exist.
 */
export async function requestPasswordReset(
  db: Db,
  req: RequestInfo,
  mailer: Mailer,
  site: Site,
  emailIn: string,
) {
  const email = emailIn.trim().toLowerCase();
  const subjects = subjectsOf(email, req.ip);
  // Every request counts, found or not, so the limit tells nothing about which addresses exist.
  await takeAttempt(db, resetRequestLimit, subjects, 'password reset requests');
  const found = await findUserForSignIn(db, email);
  if (!found || found.user.status !== 'active' || found.org.status === 'terminated') {
    await writeAudit(db, { ...req, actor: null }, [
      {
        action: 'auth.password_reset_requested',
        entityType: 'user',
        entityId: null,
        after: { email, known: false },
      },
    ]);
    return { message: RESET_ANSWER };
  }
  const token = randomToken();
  await runChange(db, { ...req, actor: null }, async (tx, record) => {
    await tx.insert(passwordResets).values({
      id: newId(),
      userId: found.user.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + RESET_TTL_MS),
    });
    record.audit({
      action: 'auth.password_reset_requested',
      entityType: 'user',
      entityId: found.user.id,
      after: { email },
    });
  });
  await mailer.send({ to: found.user.email, ...passwordResetEmail({ name: found.user.name, token }, site) });
  return { message: RESET_ANSWER };
}

export async function confirmPasswordReset(
  db: Db,
  req: RequestInfo,
  mailer: Mailer,
  site: Site,
  input: { token: string; newPassword: string },
) {
  const subjects = subjectsOf(null, req.ip);
  const attempt = await takeAttempt(db, resetConfirmLimit, subjects, 'password reset attempts');
  const refuse = async () => {
    return invalid([
      {
        path: 'body.token',
        message: 'This reset link is invalid, already used or expired: ask for a new one',
      },
    ]);
  };
  const found = await findPasswordResetByTokenHash(db, hashToken(input.token));
  if (!found || found.reset.usedAt || found.reset.expiresAt <= new Date() || found.user.status !== 'active') {
    throw await refuse();
  }
  await withdrawAttempt(db, attempt);
  const passwordHash = await hashPassword(input.newPassword);
  const user = found.user;
  await runChange(
    db,
    { ...req, actor: { userId: user.id, orgId: user.organizationId } },
    async (tx, record) => {
      // Spend the token under a condition, so two confirms of one link cannot both succeed.
      const spent = await tx
        .update(passwordResets)
        .set({ usedAt: new Date() })
        .where(and(eq(passwordResets.id, found.reset.id), isNull(passwordResets.usedAt)))
        .returning({ id: passwordResets.id });
      if (spent.length === 0)
        throw invalid([{ path: 'body.token', message: 'This reset link was already used' }]);
      // Any other open link of this user dies with this one.
      await tx
        .update(passwordResets)
        .set({ usedAt: new Date() })
        .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
      await storePassword(tx, user, passwordHash);
      // Account recovery also ends the API tokens: one minted from a stolen session must not outlive it.
      await tx
        .update(apiTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiTokens.userId, user.id), isNull(apiTokens.revokedAt)));
      record.audit({
        action: 'auth.password_reset',
        entityType: 'user',
        entityId: user.id,
        after: { apiTokensRevoked: true },
      });
      record.event(passwordEvent(user));
    },
  );
  await mailer.send({ to: user.email, ...passwordChangedEmail({ name: user.name, at: new Date() }, site) });
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
