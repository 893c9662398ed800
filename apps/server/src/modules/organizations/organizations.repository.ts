import { and, asc, eq, ilike, inArray, isNull, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Db, Queryable } from '../../db/client';
import { prepared } from '../../db/prepared';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { containing, keyset, where, type PageRequest } from '../../lib/pagination';
import { organizationPartnerTypes, organizations, partnerTypes } from './organizations.tables';
import { visiblePartners, visiblePartnersTo } from './organizations.visibility';

/**
 * The organizations as another module may join them, read-only: for a list that filters, sorts or pages
 * by an organization's name or state in one statement (a member directory), where a second query by id
 * cannot. Only the columns other modules have reason to read.
 */
export const organizationsView = new QueryBuilder()
  .select({
    id: organizations.id,
    name: organizations.name,
    kind: organizations.kind,
    status: organizations.status,
    country: organizations.country,
    channelManagerId: organizations.channelManagerId,
  })
  .from(organizations)
  .as('organizations_view');

export type OrganizationRow = typeof organizations.$inferSelect;
export type PartnerTypeRow = typeof partnerTypes.$inferSelect;

export interface PartnerFilters {
  q?: string | undefined;
  status?: OrganizationRow['status'] | undefined;
  type?: string | undefined;
  country?: string | undefined;
  channelManagerId?: string | undefined;
}

const partnerSorts = {
  name: { column: organizations.name, cast: 'text' },
  createdAt: { column: organizations.createdAt, cast: 'timestamptz' },
  country: { column: organizations.country, cast: 'text' },
} as const;

export async function findPartners(q: Queryable, actor: Actor, f: PartnerFilters, page: PageRequest) {
  if (f.channelManagerId !== undefined && !isId(f.channelManagerId)) return { items: [], nextCursor: null };
  const ks = keyset(partnerSorts, organizations.id, page);
  const rows = await q
    .select()
    .from(organizations)
    .where(
      where(
        visiblePartners(actor),
        f.q
          ? or(ilike(organizations.name, containing(f.q)), ilike(organizations.domain, containing(f.q)))
          : undefined,
        f.status ? eq(organizations.status, f.status) : undefined,
        f.country ? eq(organizations.country, f.country) : undefined,
        f.channelManagerId ? eq(organizations.channelManagerId, f.channelManagerId) : undefined,
        f.type
          ? sql`exists (select 1 from ${organizationPartnerTypes} opt where opt.organization_id = ${organizations.id} and opt.type_code = ${f.type})`
          : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const field = page.sort.replace(/^-/, '') as keyof typeof partnerSorts;
  return ks.page(rows, (r) => r[field]);
}

export async function findPartnerById(
  q: Queryable,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, id), visiblePartners(actor)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/** The by-id read of a partner, prepared once per database and visibility shape (see findVisiblePartnerById). */
function partnerByIdLookup(db: Db, orgKind: Actor['orgKind']) {
  return db
    .select()
    .from(organizations)
    .where(
      and(eq(organizations.id, sql.placeholder('id')), visiblePartnersTo(orgKind, sql.placeholder('orgId'))),
    )
    .prepare(`partner_by_id_${orgKind}`);
}
const partnerByIdLookups = new WeakMap<Db, Map<Actor['orgKind'], ReturnType<typeof partnerByIdLookup>>>();

/**
 * findPartnerById outside a transaction, as a prepared statement (GET /partners/{id}, a hot read):
 * the same visibility filter, built once per database and parsed once per connection.
 */
export async function findVisiblePartnerById(db: Db, actor: Actor, id: string) {
  if (!isId(id)) return undefined;
  let byKind = partnerByIdLookups.get(db);
  if (!byKind) partnerByIdLookups.set(db, (byKind = new Map()));
  let lookup = byKind.get(actor.orgKind);
  if (!lookup) byKind.set(actor.orgKind, (lookup = partnerByIdLookup(db, actor.orgKind)));
  const [row] = await lookup.execute({ id, orgId: actor.orgId });
  return row;
}

export async function findOrganizationOfActor(q: Queryable, actor: Actor) {
  const [row] = await q.select().from(organizations).where(eq(organizations.id, actor.orgId));
  return row;
}

export async function findVendor(q: Queryable) {
  const [row] = await q.select().from(organizations).where(eq(organizations.kind, 'vendor'));
  return row;
}

export async function findOrganizationById(q: Queryable, id: string) {
  if (!isId(id)) return undefined;
  const [row] = await q.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

/** Names and kinds of the organizations a page of records points at, in one query (none for no ids). */
export async function findOrganizationsByIds(q: Queryable, ids: string[]) {
  // No statement for an empty list: a read-back with no involvements or no protecting deal asks with none.
  if (!ids.length) return [];
  return q
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      channelManagerId: organizations.channelManagerId,
    })
    .from(organizations)
    .where(inArray(organizations.id, [...new Set(ids)]));
}

/** The organizations a channel manager is assigned, as a subquery for another module's filter. */
export function organizationIdsManagedBy(q: Queryable, userId: string) {
  return q
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.channelManagerId, userId));
}

/** Active partners among the ids a subquery selects (another module's rule of who is known to whom). */
export function findActivePartnersAmong(q: Queryable, ids: SQL, except: string, limit: number) {
  return q
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(
      and(
        eq(organizations.kind, 'partner'),
        eq(organizations.status, 'active'),
        ne(organizations.id, except),
        sql`${organizations.id} in (select id from (${ids}) c)`,
      ),
    )
    .orderBy(asc(organizations.name))
    .limit(limit);
}

/** The partner types of a page of organizations, primary first, in one query rather than one per row. */
export async function findTypesOfOrganizations(q: Queryable, ids: string[]) {
  if (!ids.length) return [];
  // Prepared (a by-id read and every partner page ask it): the ids as one array parameter, whatever their number.
  return prepared(q, 'organization_types', (on) =>
    on
      .select({
        organizationId: organizationPartnerTypes.organizationId,
        code: partnerTypes.code,
        name: partnerTypes.name,
        primary: organizationPartnerTypes.isPrimary,
      })
      .from(organizationPartnerTypes)
      .innerJoin(partnerTypes, eq(partnerTypes.code, organizationPartnerTypes.typeCode))
      .where(sql`${organizationPartnerTypes.organizationId} = any(${sql.placeholder('ids')}::uuid[])`)
      .orderBy(sql`${organizationPartnerTypes.isPrimary} desc`, asc(partnerTypes.sortOrder)),
  ).execute({ ids });
}

/** Partner type code and name, in the vendor's order (reports label their rows with them). */
export function findPartnerTypeNames(q: Queryable) {
  return q
    .select({ code: partnerTypes.code, name: partnerTypes.name })
    .from(partnerTypes)
    .orderBy(asc(partnerTypes.sortOrder), asc(partnerTypes.code));
}

/**
 * Partner organizations that look like this company: the same domain, or a name (already normalized)
 * whose trigram similarity passes the threshold (an application's possible duplicates).
 */
export function findPartnersLike(
  q: Queryable,
  like: { name: string; domain: string | null; minSimilarity: number },
  limit: number,
) {
  return q
    .select({
      id: organizations.id,
      name: organizations.name,
      domain: organizations.domain,
      sim: sql<number>`similarity(lower(${organizations.name}), ${like.name})`,
    })
    .from(organizations)
    .where(
      and(
        eq(organizations.kind, 'partner'),
        or(
          like.domain ? eq(organizations.domain, like.domain) : undefined,
          sql`similarity(lower(${organizations.name}), ${like.name}) > ${like.minSimilarity}`,
        ),
      ),
    )
    .limit(limit);
}

/** A new organization's row, as a service that checked and audits it writes it. */
export async function insertOrganization(q: Queryable, values: typeof organizations.$inferInsert) {
  await q.insert(organizations).values(values);
}

/** Partner types among these codes, with their names (a segment's check and label). */
export function findPartnerTypeNamesByCodes(q: Queryable, codes: string[]) {
  return q
    .select({ code: partnerTypes.code, name: partnerTypes.name })
    .from(partnerTypes)
    .where(inArray(partnerTypes.code, codes));
}

/** A partner organization by id, whatever its status (a report's subject; the caller decides who asks). */
export async function findPartnerOrganization(q: Queryable, id: string) {
  if (!isId(id)) return undefined;
  const [row] = await q
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, id), eq(organizations.kind, 'partner')));
  return row;
}

/** Whole rows of the organizations a page of records points at, by id. */
export async function findOrganizationRowsByIds(q: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, OrganizationRow>();
  const rows = await q
    .select()
    .from(organizations)
    .where(inArray(organizations.id, [...new Set(ids)]));
  return new Map(rows.map((o) => [o.id, o]));
}

/**
 * Takes an organization's row lock: changes to one organization's team run one at a time, the
 * organization's row being their lock (taken before any user row, so two changes cannot deadlock).
 */
export async function lockOrganization(q: Queryable, id: string) {
  await q.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id)).for('update');
}

/** Hands every partner a channel manager looks after to another; answers the partners handed over. */
export async function reassignChannelManager(q: Queryable, fromUserId: string, toUserId: string) {
  return q
    .update(organizations)
    .set({ channelManagerId: toUserId, version: sql`${organizations.version} + 1`, updatedAt: new Date() })
    .where(eq(organizations.channelManagerId, fromUserId))
    .returning({ id: organizations.id });
}

export async function findPartnerTypes(q: Queryable, opts: { includeRetired?: boolean } = {}) {
  return q
    .select()
    .from(partnerTypes)
    .where(opts.includeRetired ? undefined : isNull(partnerTypes.retiredAt))
    .orderBy(asc(partnerTypes.sortOrder), asc(partnerTypes.code));
}

export async function replacePartnerTypes(
  q: Queryable,
  organizationId: string,
  codes: string[],
  primary: string,
) {
  await q.delete(organizationPartnerTypes).where(eq(organizationPartnerTypes.organizationId, organizationId));
  await q
    .insert(organizationPartnerTypes)
    .values(codes.map((typeCode) => ({ organizationId, typeCode, isPrimary: typeCode === primary })));
}

/** An organization's name as a column of another module's query (the other party of a referral or request). */
export const organizationNameOf = (id: SQL | AnyColumn) =>
  sql<string>`(select ${organizations.name} from ${organizations} where ${organizations.id} = ${id})`;

/** An organization's kind as a column of another module's query (who proposed an involvement). */
export const organizationKindOf = (id: SQL | AnyColumn) =>
  sql<
    'vendor' | 'partner'
  >`(select ${organizations.kind} from ${organizations} where ${organizations.id} = ${id})`;

/** Every partner organization's name and web identity: what a CRM sync matches accounts against. */
export function findPartnerIdentities(q: Queryable) {
  return q
    .select({
      id: organizations.id,
      name: organizations.name,
      website: organizations.website,
      domain: organizations.domain,
      country: organizations.country,
      status: organizations.status,
    })
    .from(organizations)
    .where(eq(organizations.kind, 'partner'));
}

export interface OrgRef {
  id: string;
  kind: 'vendor' | 'partner';
  name: string;
}

/**
 * Organizations named by the rows of a batch: by the external id they were
 * imported with, or by their id here (what an export writes), in one query.
 */
export async function findOrganizationsByRef(q: Queryable, refs: Iterable<string>) {
  const wanted = [...new Set(refs)];
  const found = new Map<string, OrgRef>();
  if (!wanted.length) return found;
  const ids = wanted.filter(isId);
  const rows = await q
    .select({
      id: organizations.id,
      externalId: organizations.externalId,
      kind: organizations.kind,
      name: organizations.name,
    })
    .from(organizations)
    .where(
      ids.length
        ? or(inArray(organizations.externalId, wanted), inArray(organizations.id, ids))
        : inArray(organizations.externalId, wanted),
    );
  for (const r of rows) {
    const ref = { id: r.id, kind: r.kind, name: r.name };
    if (r.externalId) found.set(r.externalId, ref);
    found.set(r.id, ref);
  }
  return found;
}
