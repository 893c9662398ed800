import { and, asc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { where } from '../../lib/pagination';
import { ssoConnections, ssoDomains, ssoLoginStates, ssoPolicies, ssoSeenAssertions } from './sso.tables';
import { visibleConnections, visibleDomains } from './sso.visibility';

export type SsoConnectionRow = typeof ssoConnections.$inferSelect;
export type SsoDomainRow = typeof ssoDomains.$inferSelect;
export type SsoPolicyRow = typeof ssoPolicies.$inferSelect;
export type SsoLoginStateRow = typeof ssoLoginStates.$inferSelect;

// --- Connections ---

export async function findConnections(
  q: Queryable,
  actor: Actor,
  filters: { organizationId?: string | undefined; status?: SsoConnectionRow['status'] | undefined },
) {
  if (filters.organizationId !== undefined && !isId(filters.organizationId)) return [];
  return q
    .select()
    .from(ssoConnections)
    .where(
      where(
        visibleConnections(actor),
        filters.organizationId ? eq(ssoConnections.organizationId, filters.organizationId) : undefined,
        filters.status ? eq(ssoConnections.status, filters.status) : undefined,
      ),
    )
    .orderBy(asc(ssoConnections.createdAt), asc(ssoConnections.id))
    .limit(500);
}

export async function findConnectionById(
  q: Queryable,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<SsoConnectionRow | undefined> {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(ssoConnections)
    .where(and(eq(ssoConnections.id, id), visibleConnections(actor)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertConnection(q: Queryable, row: typeof ssoConnections.$inferInsert) {
  const [created] = await q.insert(ssoConnections).values(row).returning();
  return created!;
}

export async function updateConnection(
  q: Queryable,
  id: string,
  set: Partial<typeof ssoConnections.$inferInsert>,
) {
  const [row] = await q
    .update(ssoConnections)
    .set({ ...set, updatedAt: new Date(), version: sql`${ssoConnections.version} + 1` })
    .where(eq(ssoConnections.id, id))
    .returning();
  return row!;
}

// --- Sign-in: these run before anyone is signed in, so they take no actor. ---

/** A connection by id, for the sign-in endpoints: only one that serves sign-ins. */
export async function findActiveConnection(q: Queryable, id: string) {
  if (!isId(id)) return undefined;
  const [row] = await q
    .select()
    .from(ssoConnections)
    .where(and(eq(ssoConnections.id, id), eq(ssoConnections.status, 'active')));
  return row;
}

export async function findActiveConnectionsOfOrganization(q: Queryable, organizationId: string) {
  return q
    .select()
    .from(ssoConnections)
    .where(and(eq(ssoConnections.organizationId, organizationId), eq(ssoConnections.status, 'active')))
    .orderBy(asc(ssoConnections.createdAt));
}

export async function insertLoginState(q: Queryable, row: typeof ssoLoginStates.$inferInsert) {
  // Abandoned sign-ins are cleared as new ones start: the table holds minutes of traffic at most.
  await q.delete(ssoLoginStates).where(lt(ssoLoginStates.expiresAt, new Date()));
  await q.insert(ssoLoginStates).values(row);
}

/**
 * Spends a sign-in in progress: only the browser that started it (its cookie's hash), only once, only
 * before it expires. The condition is in the update, so two callbacks cannot both spend it.
 */
export async function spendLoginState(
  q: Queryable,
  connectionId: string,
  state: string,
  browserHash: string,
  now: Date,
) {
  const [row] = await q
    .update(ssoLoginStates)
    .set({ usedAt: now })
    .where(
      and(
        eq(ssoLoginStates.connectionId, connectionId),
        eq(ssoLoginStates.state, state),
        eq(ssoLoginStates.browserHash, browserHash),
        isNull(ssoLoginStates.usedAt),
        gt(ssoLoginStates.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

/** Records an assertion or ID-token id; false when it was seen before (a replay). */
export async function recordSeenAssertion(
  q: Queryable,
  connectionId: string,
  assertionId: string,
  expiresAt: Date,
) {
  await q.delete(ssoSeenAssertions).where(lt(ssoSeenAssertions.expiresAt, new Date()));
  const inserted = await q
    .insert(ssoSeenAssertions)
    .values({ connectionId, assertionId, expiresAt })
    .onConflictDoNothing()
    .returning({ id: ssoSeenAssertions.assertionId });
  return inserted.length === 1;
}

// --- Domains ---

export async function findDomains(q: Queryable, actor: Actor) {
  return q.select().from(ssoDomains).where(visibleDomains(actor)).orderBy(asc(ssoDomains.domain)).limit(500);
}

export async function findDomainById(
  q: Queryable,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<SsoDomainRow | undefined> {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(ssoDomains)
    .where(and(eq(ssoDomains.id, id), visibleDomains(actor)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/** The claim on a domain, whoever holds it: for the one-organization-per-domain rule. */
export async function findDomainClaim(q: Queryable, domain: string) {
  const [row] = await q.select().from(ssoDomains).where(eq(ssoDomains.domain, domain));
  return row;
}

/** The organization that proved a domain, for routing a sign-in by email (no actor: before sign-in). */
export async function findVerifiedDomain(q: Queryable, domain: string) {
  const [row] = await q
    .select()
    .from(ssoDomains)
    .where(and(eq(ssoDomains.domain, domain), eq(ssoDomains.status, 'verified')));
  return row;
}

export async function findVerifiedDomainsOfOrganization(q: Queryable, organizationId: string) {
  const rows = await q
    .select({ domain: ssoDomains.domain })
    .from(ssoDomains)
    .where(and(eq(ssoDomains.organizationId, organizationId), eq(ssoDomains.status, 'verified')));
  return rows.map((r) => r.domain);
}

export async function insertDomain(q: Queryable, row: typeof ssoDomains.$inferInsert) {
  const [created] = await q.insert(ssoDomains).values(row).onConflictDoNothing().returning();
  return created;
}

export async function updateDomain(q: Queryable, id: string, set: Partial<typeof ssoDomains.$inferInsert>) {
  const [row] = await q
    .update(ssoDomains)
    .set({ ...set, version: sql`${ssoDomains.version} + 1` })
    .where(eq(ssoDomains.id, id))
    .returning();
  return row!;
}

export async function deleteDomain(q: Queryable, id: string) {
  await q.delete(ssoDomains).where(eq(ssoDomains.id, id));
}

// --- Policy ---

export async function findPolicy(q: Queryable, organizationId: string, opts: { forUpdate?: boolean } = {}) {
  const query = q.select().from(ssoPolicies).where(eq(ssoPolicies.organizationId, organizationId));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findPoliciesOfOrganizations(q: Queryable, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  return q.select().from(ssoPolicies).where(inArray(ssoPolicies.organizationId, organizationIds));
}

export async function savePolicy(
  q: Queryable,
  organizationId: string,
  set: { ssoRequired: boolean; breakGlassUserId: string | null },
) {
  const [row] = await q
    .insert(ssoPolicies)
    .values({ organizationId, ...set })
    .onConflictDoUpdate({
      target: ssoPolicies.organizationId,
      set: { ...set, updatedAt: new Date(), version: sql`${ssoPolicies.version} + 1` },
    })
    .returning();
  return row!;
}

/** Any SAML connection by id, whatever its state: its SP metadata names only our own URLs. */
export async function findSamlConnectionForMetadata(q: Queryable, id: string) {
  if (!isId(id)) return undefined;
  const [row] = await q
    .select({ id: ssoConnections.id })
    .from(ssoConnections)
    .where(and(eq(ssoConnections.id, id), eq(ssoConnections.protocol, 'saml')));
  return row;
}
