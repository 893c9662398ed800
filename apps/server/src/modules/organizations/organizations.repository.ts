import { and, asc, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { containing, keyset, where, type PageRequest } from '../../lib/pagination';
import { users } from '../identity/identity.tables';
import { organizationPartnerTypes, organizations, partnerTypes } from './organizations.tables';
import { visiblePartners } from './organizations.visibility';

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

/** Names and kinds of the organizations a page of records points at, in one query. */
export function findOrganizationsByIds(q: Queryable, ids: string[]) {
  return q
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      channelManagerId: organizations.channelManagerId,
    })
    .from(organizations)
    .where(ids.length ? inArray(organizations.id, [...new Set(ids)]) : sql`false`);
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

/** Types and channel managers for a page of organizations, in two queries rather than two per row. */
export async function findPartnerDetails(q: Queryable, orgs: OrganizationRow[]) {
  const ids = orgs.map((o) => o.id);
  const managerIds = [...new Set(orgs.map((o) => o.channelManagerId).filter((x): x is string => !!x))];
  // One after the other: inside a transaction they share a client, which runs one query at a time.
  const types = ids.length
    ? await q
        .select({
          organizationId: organizationPartnerTypes.organizationId,
          code: partnerTypes.code,
          name: partnerTypes.name,
          primary: organizationPartnerTypes.isPrimary,
        })
        .from(organizationPartnerTypes)
        .innerJoin(partnerTypes, eq(partnerTypes.code, organizationPartnerTypes.typeCode))
        .where(inArray(organizationPartnerTypes.organizationId, ids))
        .orderBy(sql`${organizationPartnerTypes.isPrimary} desc`, asc(partnerTypes.sortOrder))
    : [];
  const managers = managerIds.length
    ? await q
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(inArray(users.id, managerIds))
    : [];
  return { types, managers: new Map(managers.map((m) => [m.id, m])) };
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
