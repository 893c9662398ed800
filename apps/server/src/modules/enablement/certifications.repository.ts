import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import { qualified } from '../../db/qualified';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { keyset, where, type PageRequest } from '../../lib/pagination';
import { certifications, certificationTypes } from './enablement.tables';
import { visibleCertifications } from './enablement.visibility';

export type CertificationRow = typeof certifications.$inferSelect;
export type CertificationTypeRow = typeof certificationTypes.$inferSelect;

/** Valid on `day`: issued, not revoked, not yet expired. */
export const validOn = (day: SQL) =>
  sql`(${certifications.revokedAt} is null and ${certifications.issuedOn} <= ${day}
    and (${certifications.expiresOn} is null or ${certifications.expiresOn} > ${day}))`;

const certColumns = {
  c: certifications,
  typeName: sql<string>`(select t.name from certification_types t where t.id = ${qualified(certifications.typeId)})`,
  typeCode: sql<string>`(select t.code from certification_types t where t.id = ${qualified(certifications.typeId)})`,
  personName: sql<string>`(select u.name from users u where u.id = ${qualified(certifications.userId)})`,
  orgName: sql<string>`(select o.name from organizations o where o.id = ${qualified(certifications.organizationId)})`,
};
export type CertificationWithNames = {
  c: CertificationRow;
  typeName: string;
  typeCode: string;
  personName: string;
  orgName: string;
};

export async function findCertificationTypes(q: Queryable) {
  return q
    .select({
      t: certificationTypes,
      // The outer row by its qualified name: Drizzle writes it unqualified ("id", the certification's own).
      holders: sql<number>`(select count(distinct c.user_id)::int from certifications c where c.type_id = certification_types.id
        and c.revoked_at is null and c.issued_on <= current_date and (c.expires_on is null or c.expires_on > current_date))`,
    })
    .from(certificationTypes)
    .orderBy(certificationTypes.name);
}

/** Certification types are the vendor's catalogue, read by everyone (their names are on every badge). */
export async function findCertificationTypeById(q: Queryable, id: string) {
  if (!isId(id)) return undefined;
  const [row] = await q.select().from(certificationTypes).where(eq(certificationTypes.id, id));
  return row;
}

export async function insertCertificationType(q: Queryable, values: typeof certificationTypes.$inferInsert) {
  const [row] = await q.insert(certificationTypes).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findCertificationById(
  q: Queryable,
  actor: Actor | null,
  id: string,
  forUpdate = false,
) {
  if (!isId(id)) return undefined;
  const query = q
    .select(certColumns)
    .from(certifications)
    .where(and(eq(certifications.id, id), actor ? visibleCertifications(actor) : undefined));
  const [row] = forUpdate ? await query.for('update', { of: certifications }) : await query;
  return row;
}

export interface CertificationFilters {
  userId?: string | undefined;
  partnerId?: string | undefined;
  typeId?: string | undefined;
  status?: 'valid' | 'expired' | 'revoked' | undefined;
}

const idOrNothing = (col: PgColumn, id: string | undefined) =>
  id === undefined ? undefined : isId(id) ? sql`${col} = ${id}::uuid` : sql`false`;

export async function findCertifications(
  q: Queryable,
  actor: Actor,
  f: CertificationFilters,
  page: Omit<PageRequest, 'sort'>,
) {
  const ks = keyset(
    { createdAt: { column: certifications.createdAt, cast: 'timestamptz' } },
    certifications.id,
    {
      ...page,
      sort: '-createdAt',
    },
  );
  const status =
    f.status === 'valid'
      ? validOn(sql`current_date`)
      : f.status === 'revoked'
        ? sql`${certifications.revokedAt} is not null`
        : f.status === 'expired'
          ? sql`(${certifications.revokedAt} is null and ${certifications.expiresOn} <= current_date)`
          : undefined;
  const rows = await q
    .select(certColumns)
    .from(certifications)
    .where(
      where(
        visibleCertifications(actor),
        idOrNothing(certifications.userId, f.userId),
        idOrNothing(certifications.organizationId, f.partnerId),
        idOrNothing(certifications.typeId, f.typeId),
        status,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(
    rows.map((r) => ({ ...r, id: r.c.id })),
    (r) => r.c.createdAt,
  );
}

/** A valid certification of this type held by the person: a second is not issued. */
export async function findValidCertification(q: Queryable, userId: string, typeId: string) {
  const [row] = await q
    .select({ id: certifications.id })
    .from(certifications)
    .where(
      and(eq(certifications.userId, userId), eq(certifications.typeId, typeId), validOn(sql`current_date`)),
    );
  return row;
}

/**
 * Which of these (person, type, issue day) certifications are recorded already, as `user:type:day`:
 * a CSV import run again finds them and leaves them as they are.
 */
export async function findIssuedKeys(
  q: Queryable,
  keys: { userId: string; typeId: string; issuedOn: string }[],
): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await q
    .select({
      userId: certifications.userId,
      typeId: certifications.typeId,
      issuedOn: certifications.issuedOn,
    })
    .from(certifications)
    .where(inArray(certifications.userId, [...new Set(keys.map((k) => k.userId))]));
  return new Set(rows.map((r) => `${r.userId}:${r.typeId}:${r.issuedOn}`));
}

/** Certification types by code, for the CSV import (which names them as the vendor does). */
export async function findCertificationTypesByCode(q: Queryable) {
  const rows = await q.select().from(certificationTypes);
  return new Map(rows.map((t) => [t.code.toLowerCase(), t]));
}

export async function insertCertification(q: Queryable, values: typeof certifications.$inferInsert) {
  await q.insert(certifications).values(values);
}

export async function revokeCertificationRow(q: Queryable, id: string, reason: string) {
  await q
    .update(certifications)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(eq(certifications.id, id));
}

/** The next bit of the revocation status list, drawn before signing so the badge can name it. */
export async function nextStatusListIndex(q: Queryable): Promise<number> {
  const res = await q.execute<{ n: number }>(
    sql`select nextval(pg_get_serial_sequence('certifications', 'status_list_index'))::int as n`,
  );
  return Number(res.rows[0]!.n);
}

/** The status list indexes of every revoked certification: the bits set in the public list. */
export async function findRevokedStatusIndexes(q: Queryable): Promise<number[]> {
  const rows = await q
    .select({ i: certifications.statusListIndex })
    .from(certifications)
    .where(isNotNull(certifications.revokedAt));
  return rows.map((r) => r.i);
}

/** People of an organization holding a valid certification on `day` (of any type): the tier metric. */
export async function countCertifiedPeople(q: Queryable, organizationId: string, day: string) {
  const [row] = await q
    .select({ n: sql<number>`count(distinct ${certifications.userId})::int` })
    .from(certifications)
    .where(
      and(
        eq(certifications.organizationId, organizationId),
        validOn(sql`${day}::date`),
        sql`exists (select 1 from users u where u.id = ${certifications.userId} and u.status = 'active'
          and u.organization_id = ${certifications.organizationId})`,
      ),
    );
  return row?.n ?? 0;
}

/**
 * Certified people per organization and certification type on `day`: active people of the
 * organization holding a certification of the type in force that day, each counted once per type.
 */
export async function countCertifiedByType(q: Queryable, organizationIds: string[] | null, day: string) {
  return q
    .select({
      organizationId: certifications.organizationId,
      code: certificationTypes.code,
      name: certificationTypes.name,
      people: sql<number>`count(distinct ${certifications.userId})::int`,
    })
    .from(certifications)
    .innerJoin(certificationTypes, eq(certificationTypes.id, certifications.typeId))
    .where(
      and(
        organizationIds ? inArray(certifications.organizationId, organizationIds) : undefined,
        validOn(sql`${day}::date`),
        sql`exists (select 1 from users u where u.id = ${certifications.userId} and u.status = 'active'
          and u.organization_id = ${certifications.organizationId})`,
      ),
    )
    .groupBy(certifications.organizationId, certificationTypes.code, certificationTypes.name)
    .orderBy(certificationTypes.name);
}

/** Valid certifications expiring within `days` whose holder has not been reminded yet (one, locked, when `id`). */
export async function findCertificationsToRemind(q: Queryable, days: number, id?: string) {
  const query = q
    .select(certColumns)
    .from(certifications)
    .where(
      and(
        validOn(sql`current_date`),
        sql`${certifications.expiresOn} <= current_date + ${days}::int`,
        sql`${certifications.reminderSentAt} is null`,
        id ? eq(certifications.id, id) : undefined,
      ),
    )
    .limit(500);
  return id ? query.for('update', { of: certifications }) : query;
}

export async function markReminded(q: Queryable, id: string) {
  await q.update(certifications).set({ reminderSentAt: new Date() }).where(eq(certifications.id, id));
}

/**
 * An organization's enablement over a period (docs/METRICS.md): people holding a valid certification
 * on the period's last day, by type; course completion rate (of its people who started a course in the period, the
 * share who completed it); content views and downloads and the distinct people behind them.
 */
export async function findEnablementFigures(q: Queryable, organizationId: string, from: Date, to: Date) {
  const day = new Date(to.getTime() - 86_400_000).toISOString().slice(0, 10);
  const byType = await q.execute<{ type_id: string; name: string; people: number }>(sql`
    select t.id as type_id, t.name, count(distinct c.user_id)::int as people
    from certifications c join certification_types t on t.id = c.type_id
    join users u on u.id = c.user_id and u.status = 'active' and u.organization_id = c.organization_id
    where c.organization_id = ${organizationId}::uuid and c.revoked_at is null
      and c.issued_on <= ${day}::date and (c.expires_on is null or c.expires_on > ${day}::date)
    group by t.id, t.name order by t.name`);
  const certified = await countCertifiedPeople(q, organizationId, day);
  const learning = await q.execute<{ started: number; completed: number }>(sql`
    with started as (
      select lc.user_id, lc.course_id, min(lc.completed_at) as at from lesson_completions lc group by 1, 2
      union all select s.user_id, s.course_id, min(s.submitted_at) from quiz_submissions s group by 1, 2
      union all select cc.user_id, cc.course_id, cc.completed_at from course_completions cc
    ), firsts as (
      select st.user_id, st.course_id, min(st.at) as at from started st
      join users u on u.id = st.user_id and u.organization_id = ${organizationId}::uuid
      group by 1, 2
    )
    select count(*)::int as started,
      count(*) filter (where exists (select 1 from course_completions cc where cc.user_id = f.user_id
        and cc.course_id = f.course_id and cc.completed_at < ${to}))::int as completed
    from firsts f where f.at >= ${from} and f.at < ${to}`);
  const content = await q.execute<{ views: number; downloads: number; people: number }>(sql`
    select count(*) filter (where kind = 'view')::int as views,
      count(*) filter (where kind = 'download')::int as downloads,
      count(distinct user_id)::int as people
    from content_usage_events
    where organization_id = ${organizationId}::uuid and at >= ${from} and at < ${to}`);
  return {
    certified,
    byType: byType.rows,
    learning: learning.rows[0] ?? { started: 0, completed: 0 },
    content: content.rows[0] ?? { views: 0, downloads: 0, people: 0 },
  };
}
