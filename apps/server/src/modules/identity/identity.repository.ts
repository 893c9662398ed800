import {
  and,
  asc,
  eq,
  gt,
  ilike,
  inArray,
  isNotNull,
  isNull,
  ne,
  or,
  sql,
  type AnyColumn,
  type SQL,
} from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Db, Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId, newId } from '../../lib/ids';
import { containing, keyset, where, type PageRequest } from '../../lib/pagination';
import { findOrganizationById, organizationsView } from '../organizations/organizations.repository';
import { passwordResets, sessions, users } from './identity.tables';
import { visibleUsers } from './identity.visibility';

export type UserRow = typeof users.$inferSelect;

/**
 * People with their organization, read-only, as another module joins them (member lists, pickers and
 * directories that filter, sort and page by a person's or an organization's name in one statement).
 * No credentials: hashes and addresses stay in this module.
 */
export const peopleView = new QueryBuilder()
  .select({
    id: users.id,
    name: users.name,
    role: users.role,
    status: users.status,
    orgId: users.organizationId,
    orgName: sql<string>`${organizationsView.name}`.as('org_name'),
    orgKind: sql<'vendor' | 'partner'>`${organizationsView.kind}`.as('org_kind'),
    orgStatus: sql<string>`${organizationsView.status}`.as('org_status'),
    orgCountry: sql<string | null>`${organizationsView.country}`.as('org_country'),
  })
  .from(users)
  .innerJoin(organizationsView, eq(organizationsView.id, users.organizationId))
  .as('people');

/** A user's name as a column of another module's query (who registered a record); null when none. */
export const userNameOf = (id: SQL | AnyColumn) =>
  sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${id})`;

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

/** A user by id whatever their state, with no actor: for a signed link, which is itself the credential. */
export async function findUserRecordById(q: Queryable, id: string) {
  if (!isId(id)) return undefined;
  const [row] = await q.select().from(users).where(eq(users.id, id));
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
  const [user] = await q
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  const org = user && (await findOrganizationById(q, user.organizationId));
  return user && org ? { user, org } : undefined;
}

/** A person and their organization by id, for the second step of a sign-in (no actor yet). */
export async function findUserForSignInById(q: Queryable, userId: string) {
  if (!isId(userId)) return undefined;
  const [user] = await q.select().from(users).where(eq(users.id, userId));
  const org = user && (await findOrganizationById(q, user.organizationId));
  return user && org ? { user, org } : undefined;
}

/** The session lookup, built and prepared once per database (see findLiveSessionByTokenHash). */
function sessionLookup(db: Db) {
  return db
    .select({
      session: { id: sessions.id, lastSeenAt: sessions.lastSeenAt, csrfToken: sessions.csrfToken },
      user: { id: users.id, name: users.name, role: users.role, status: users.status },
      org: { id: organizationsView.id, kind: organizationsView.kind, status: organizationsView.status },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizationsView, eq(organizationsView.id, users.organizationId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
      ),
    )
    .prepare('session_lookup');
}
const sessionLookups = new WeakMap<Db, ReturnType<typeof sessionLookup>>();

/**
 * The session behind a cookie, with what every request needs of its user and
 * organization (and nothing more: this runs on every request). One statement,
 * prepared: built once per database, and parsed and planned by the server once
 * per connection rather than on every request.
 */
export async function findLiveSessionByTokenHash(db: Db, tokenHash: string, now: Date) {
  let lookup = sessionLookups.get(db);
  if (!lookup) sessionLookups.set(db, (lookup = sessionLookup(db)));
  const [row] = await lookup.execute({ tokenHash, now });
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

/** Name and address of the users a page of records points at (a partner's channel manager), in one query. */
export async function findUserContacts(q: Queryable, ids: string[]) {
  if (!ids.length) return [];
  return q
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
}

/** An active user of one organization holding one of these roles (who may be given a duty). */
export async function findActiveUserOfOrganization(
  q: Queryable,
  id: string,
  organizationId: string,
  roles: readonly string[],
) {
  if (!isId(id)) return undefined;
  const [row] = await q
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, id),
        eq(users.organizationId, organizationId),
        inArray(users.role, roles as UserRow['role'][]),
        eq(users.status, 'active'),
      ),
    );
  return row;
}

/** How many active users each of these organizations has (an enrollment checklist's team size). */
export async function countActiveUsersByOrganization(q: Queryable, orgIds: string[]) {
  if (!orgIds.length) return [];
  return q
    .select({ organizationId: users.organizationId, n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(inArray(users.organizationId, orgIds), eq(users.status, 'active')))
    .groupBy(users.organizationId);
}

/** Whether anyone holds this address, in any case and whatever their state (an invitation would clash). */
export async function hasUserWithEmail(q: Queryable, email: string) {
  const [row] = await q
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return !!row;
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

/**
 * Everyone who should receive the daily digest, by id: active, with the digest on, with a password (a
 * person who never signed in could not open what it names), in an organization not terminated.
 */
export function findDigestRecipients(q: Queryable) {
  return q
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      passwordHash: users.passwordHash,
      orgId: organizationsView.id,
      orgKind: organizationsView.kind,
    })
    .from(users)
    .innerJoin(organizationsView, eq(organizationsView.id, users.organizationId))
    .where(
      and(
        eq(users.status, 'active'),
        eq(users.emailDigest, true),
        isNotNull(users.passwordHash),
        ne(organizationsView.status, 'terminated'),
      ),
    )
    .orderBy(asc(users.id));
}

/** A user's digest switch and state, locked: an unsubscribe or a deactivation that raced the send wins. */
export async function lockDigestState(q: Queryable, userId: string) {
  const [row] = await q
    .select({ status: users.status, emailDigest: users.emailDigest })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  return row;
}

// --- Provisioning by an organization's identity provider (modules/scim). The SCIM client is no
// person, so these take the organization it provisions; every one holds to that organization. ---

/** What a provisioning filter may compare: the caller builds its predicate over these. */
export interface ProvisionedUserColumns {
  id: typeof users.id;
  email: typeof users.email;
  name: typeof users.name;
  status: typeof users.status;
  createdAt: typeof users.createdAt;
  updatedAt: typeof users.updatedAt;
}
const provisionedUserColumns: ProvisionedUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  status: users.status,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

/** A page of an organization's users matching `filter`, oldest first (stable for index paging), with the total. */
export async function findUsersOfOrganization(
  q: Queryable,
  organizationId: string,
  filter: (c: ProvisionedUserColumns) => SQL | undefined,
  page: { offset: number; limit: number },
) {
  const condition = and(eq(users.organizationId, organizationId), filter(provisionedUserColumns));
  const [{ total } = { total: 0 }] = await q
    .select({ total: sql<number>`count(*)::int` })
    .from(users)
    .where(condition);
  const rows =
    page.limit === 0
      ? []
      : await q
          .select()
          .from(users)
          .where(condition)
          .orderBy(users.createdAt, users.id)
          .offset(page.offset)
          .limit(page.limit);
  return { rows, total: Number(total) };
}

export async function findUserOfOrganization(
  q: Queryable,
  organizationId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<UserRow | undefined> {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.organizationId, organizationId)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Users of the organization among `ids` (the rest are another organization's, or none). */
export async function findUsersOfOrganizationByIds(q: Queryable, organizationId: string, ids: string[]) {
  const valid = [...new Set(ids.filter(isId))];
  if (!valid.length) return [];
  return q
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), inArray(users.id, valid)));
}

/** A person the identity provider created: no password, they sign in by SSO or a password-reset link. */
export async function insertProvisionedUser(
  q: Queryable,
  input: { organizationId: string; email: string; name: string; role: UserRow['role'] },
) {
  const [row] = await q
    .insert(users)
    .values({ id: newId(), ...input, passwordHash: null, status: 'active' })
    .returning();
  return row!;
}

export async function updateProvisionedUser(
  q: Queryable,
  id: string,
  change: Partial<Pick<UserRow, 'email' | 'name' | 'role' | 'status'>>,
) {
  const [row] = await q
    .update(users)
    .set({ ...change, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

/** How many active users of the organization hold `role` (the last administrator is kept). */
export async function countActiveUsersWithRole(q: Queryable, organizationId: string, role: UserRow['role']) {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, role), eq(users.status, 'active')));
  return Number(row?.n ?? 0);
}

/** Users by e-mail (case-insensitive), with their organization's kind. */
export async function findUsersByEmail(q: Queryable, emails: Iterable<string>) {
  const wanted = [...new Set([...emails].map((e) => e.toLowerCase()))];
  const found = new Map<
    string,
    { id: string; name: string; email: string; organizationId: string; role: string; orgKind: string }
  >();
  if (!wanted.length) return found;
  const rows = await q
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      organizationId: users.organizationId,
      role: users.role,
      orgKind: organizationsView.kind,
    })
    .from(users)
    .innerJoin(organizationsView, eq(organizationsView.id, users.organizationId))
    .where(inArray(sql`lower(${users.email})`, wanted));
  for (const r of rows) found.set(r.email.toLowerCase(), r);
  return found;
}
