import { and, eq, gt, ilike, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { containing, keyset, where, type PageRequest } from '../../lib/pagination';
import { organizations } from '../organizations/organizations.tables';
import { passwordResets, sessions, users } from './identity.tables';
import { visibleUsers } from './identity.visibility';

export type UserRow = typeof users.$inferSelect;

const userSorts = {
  name: { column: users.name, cast: 'text' },
  email: { column: users.email, cast: 'text' },
  createdAt: { column: users.createdAt, cast: 'timestamptz' },
} as const;

export async function findUsers(
  q: Queryable,
  actor: Actor,
  filters: {
    organizationId?: string | undefined;
    role?: string | undefined;
    status?: string | undefined;
    q?: string | undefined;
  },
  page: PageRequest,
) {
  if (filters.organizationId !== undefined && !isId(filters.organizationId))
    return { items: [], nextCursor: null };
  const ks = keyset(userSorts, users.id, page);
  const term = filters.q ? containing(filters.q) : undefined;
  const rows = await q
    .select()
    .from(users)
    .where(
      where(
        visibleUsers(actor),
        filters.organizationId ? eq(users.organizationId, filters.organizationId) : undefined,
        filters.role ? eq(users.role, filters.role as UserRow['role']) : undefined,
        filters.status ? eq(users.status, filters.status as UserRow['status']) : undefined,
        term ? or(ilike(users.name, term), ilike(users.email, term)) : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const field = page.sort.replace(/^-/, '') as keyof typeof userSorts;
  return ks.page(rows, (r) => r[field]);
}

export async function findUserById(
  q: Queryable,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<UserRow | undefined> {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(users)
    .where(and(eq(users.id, id), visibleUsers(actor)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/** An organization's first active admin: who the command line acts as. */
export async function findActiveAdmin(q: Queryable, organizationId: string) {
  const [row] = await q
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, 'admin'), eq(users.status, 'active')))
    .limit(1);
  return row;
}

/** The user with this exact address, whatever their state. */
export async function findUserByEmail(q: Queryable, email: string) {
  const [row] = await q.select().from(users).where(eq(users.email, email));
  return row;
}

/** A password-reset link by its token hash, with its user: the token is the credential. */
export async function findPasswordResetByTokenHash(q: Queryable, tokenHash: string) {
  const [row] = await q
    .select({ reset: passwordResets, user: users })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, tokenHash));
  return row;
}

// --- Sign-in and sessions. These run before an actor exists, so they take none. ---

export async function findUserForSignIn(q: Queryable, email: string) {
  const [row] = await q
    .select({ user: users, org: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row;
}

/** A person and their organization by id, for the second step of a sign-in (no actor yet). */
export async function findUserForSignInById(q: Queryable, userId: string) {
  if (!isId(userId)) return undefined;
  const [row] = await q
    .select({ user: users, org: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId));
  return row;
}

/**
 * The session behind a cookie, with what every request needs of its user and
 * organization (and nothing more: this runs on every request).
 */
export async function findLiveSessionByTokenHash(q: Queryable, tokenHash: string, now: Date) {
  const [row] = await q
    .select({
      session: { id: sessions.id, lastSeenAt: sessions.lastSeenAt, csrfToken: sessions.csrfToken },
      user: { id: users.id, name: users.name, role: users.role, status: users.status },
      org: { id: organizations.id, kind: organizations.kind, status: organizations.status },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  return row;
}

export async function touchSession(q: Queryable, sessionId: string, now: Date, expiresAt: Date) {
  await q.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, sessionId));
}

export async function revokeSessionsOfUser(q: Queryable, userId: string, now: Date) {
  await q
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

/** The names of the users a page of records points at, in one query. */
export function findUserNames(q: Queryable, ids: string[]) {
  return q
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(ids.length ? inArray(users.id, [...new Set(ids)]) : sql`false`);
}

// The addressees of notifications (modules/notifications), who are told about others' actions: no actor
// to filter by, only who is active.

export async function findActiveUserIdsOfOrganizations(q: Queryable, orgIds: string[]) {
  if (!orgIds.length) return [];
  const rows = await q
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.organizationId, orgIds), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}

export async function findActivePartnerAdmins(q: Queryable, organizationId: string) {
  return q
    .select({ id: users.id, to: users.email })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.role, 'partner_admin'),
        eq(users.status, 'active'),
      ),
    );
}

export async function findActiveUsersByIds(q: Queryable, ids: string[]) {
  return q
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.status, 'active')));
}

export async function findEmailDigest(q: Queryable, userId: string) {
  const [me] = await q.select({ digest: users.emailDigest }).from(users).where(eq(users.id, userId));
  return me?.digest;
}

export async function setEmailDigest(q: Queryable, userId: string, digest: boolean) {
  await q
    .update(users)
    .set({ emailDigest: digest, updatedAt: new Date() })
    .where(and(eq(users.id, userId), ne(users.emailDigest, digest)));
}
