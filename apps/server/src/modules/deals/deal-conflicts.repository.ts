// The conflict checks' reads: which open deals may be the same customer, and which protect it.
import { and, asc, eq, ne, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { prepared } from '../../db/prepared';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { organizationsView } from '../organizations/organizations.repository';
import type { CustomerKey } from './customer-key';
import { deals } from './deals.tables';
import { visibleConflictCandidatesTo } from './deals.visibility';

/**
 * Open deals that may be the same customer, among those the actor may see as
 * candidates: awaiting review and registered within `protectionDays`, or
 * approved and still protected; matching by domain, name or trigram similarity.
 * With their registering organization (its name, and whether it is a partner).
 * One prepared statement per visibility shape: a match the key has no part for
 * (no domain, no domain label) compares with null, which matches nothing.
 */
export async function findConflictCandidates(
  q: Queryable,
  actor: Actor,
  key: CustomerKey,
  opts: { excludeDealId?: string | undefined; protectionDays: number; nameSimilarity: number },
) {
  const nameKey = sql.placeholder('nameKey');
  const compact = sql.placeholder('compact');
  return prepared(q, `deal_conflict_candidates_${actor.orgKind}`, (on) => {
    const similarity = sql<number>`similarity(${deals.customerNameKey}, ${nameKey})::float8`;
    return on
      .select({
        deal: deals,
        sim: similarity,
        registrantName: organizationsView.name,
        registrantKind: organizationsView.kind,
      })
      .from(deals)
      .innerJoin(organizationsView, eq(organizationsView.id, deals.registeredByOrgId))
      .where(
        and(
          sql`((${deals.status} = 'registered' and ${deals.createdAt} > now() - make_interval(days => ${sql.placeholder('protectionDays')}::int))
          or (${deals.status} = 'approved' and (${deals.protectionExpiresAt} is null or ${deals.protectionExpiresAt} > now())))`,
          or(
            eq(deals.customerRootDomain, sql.placeholder('root')),
            sql`replace(${deals.customerNameKey}, ' ', '') = ${sql.placeholder('label')}::text`,
            eq(deals.customerDomainLabel, compact),
            sql`replace(${deals.customerNameKey}, ' ', '') = ${compact}::text`,
            sql`(${deals.customerNameKey} % ${nameKey}::text and ${similarity} >= ${sql.placeholder('nameSimilarity')}::float8)`,
          ),
          sql`${deals.id} is distinct from ${sql.placeholder('excludeDealId')}::uuid`,
          visibleConflictCandidatesTo(actor.orgKind, sql.placeholder('orgId')),
        ),
      )
      .orderBy(asc(deals.createdAt))
      .limit(25);
  }).execute({
    nameKey: key.nameKey,
    compact: key.nameKey.replace(/ /g, ''),
    protectionDays: opts.protectionDays,
    root: key.root || null,
    label: key.label || null,
    nameSimilarity: opts.nameSimilarity,
    excludeDealId: opts.excludeDealId && isId(opts.excludeDealId) ? opts.excludeDealId : null,
    orgId: actor.orgId,
  });
}

/**
 * Deals protecting this customer for a partner other than `orgId`: approved,
 * protection running, held by a partner, and a strong match (the same
 * registrable domain or the same normalized name). A similar name alone never
 * counts: that is the reviewer's judgement, shown among the conflicts.
 * One prepared statement (a key with no domain compares its domain with null: no match).
 */
export async function findProtectingDeals(
  q: Queryable,
  key: CustomerKey,
  orgId: string,
  excludeDealId?: string,
) {
  return prepared(q, 'deal_protecting', (on) =>
    on
      .select({ deal: deals, registrantName: organizationsView.name })
      .from(deals)
      .innerJoin(organizationsView, eq(organizationsView.id, deals.registeredByOrgId))
      .where(
        and(
          eq(deals.status, 'approved'),
          sql`${deals.protectionExpiresAt} > now()`,
          ne(deals.registeredByOrgId, sql.placeholder('orgId')),
          eq(organizationsView.kind, 'partner'),
          or(
            eq(deals.customerRootDomain, sql.placeholder('root')),
            sql`replace(${deals.customerNameKey}, ' ', '') = ${sql.placeholder('compact')}::text`,
          ),
          sql`${deals.id} is distinct from ${sql.placeholder('excludeDealId')}::uuid`,
        ),
      )
      .orderBy(asc(deals.approvedAt), asc(deals.id)),
  ).execute({
    orgId,
    root: key.root || null,
    compact: key.nameKey.replace(/ /g, ''),
    excludeDealId: excludeDealId ?? null,
  });
}
