import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { countOver, keyset, where, type PageRequest } from '../../lib/pagination';
import { applications, enrollments, programs, programTiers, tierHistory } from './programs.tables';
import { visibleEnrollments, visiblePrograms } from './programs.visibility';

export type ProgramRow = typeof programs.$inferSelect;
export type TierRow = typeof programTiers.$inferSelect;
export type EnrollmentRow = typeof enrollments.$inferSelect;

export async function findPrograms(
  q: Queryable,
  actor: Actor,
  f: { status?: ProgramRow['status'] | undefined },
  page: Omit<PageRequest, 'sort'>,
) {
  const ks = keyset({ name: { column: programs.name, cast: 'text' } }, programs.id, {
    ...page,
    sort: 'name',
  });
  const rows = await q
    .select()
    .from(programs)
    .where(where(visiblePrograms(actor), f.status ? eq(programs.status, f.status) : undefined, ks.after))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(rows, (r) => r.name);
}

export async function findProgramById(
  q: Queryable,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(programs)
    .where(and(eq(programs.id, id), visiblePrograms(actor)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Tiers of each program's current version, ordered by rank. */
export async function findCurrentTiers(q: Queryable, list: ProgramRow[]) {
  if (!list.length) return new Map<string, TierRow[]>();
  const rows = await q
    .select({ tier: programTiers })
    .from(programTiers)
    .innerJoin(
      programs,
      and(eq(programs.id, programTiers.programId), eq(programs.tiersVersion, programTiers.programVersion)),
    )
    .where(
      inArray(
        programTiers.programId,
        list.map((p) => p.id),
      ),
    )
    .orderBy(asc(programTiers.rank));
  const byProgram = new Map<string, TierRow[]>(list.map((p) => [p.id, []]));
  for (const { tier } of rows) byProgram.get(tier.programId)!.push(tier);
  return byProgram;
}

export async function findTiersByIds(q: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, TierRow>();
  const rows = await q.select().from(programTiers).where(inArray(programTiers.id, ids));
  return new Map(rows.map((t) => [t.id, t]));
}

export async function countEnrollments(q: Queryable, programIds: string[]) {
  if (!programIds.length) return new Map<string, number>();
  const rows = await q
    .select({ programId: enrollments.programId, n: sql<number>`count(*)::int` })
    .from(enrollments)
    .where(and(inArray(enrollments.programId, programIds), sql`${enrollments.status} <> 'terminated'`))
    .groupBy(enrollments.programId);
  return new Map(rows.map((r) => [r.programId, r.n]));
}

export interface EnrollmentFilters {
  organizationId?: string | undefined;
  programId?: string | undefined;
  status?: EnrollmentRow['status'] | undefined;
  actionRequired?: 'true' | 'false' | undefined;
}

export async function findEnrollments(
  q: Queryable,
  actor: Actor,
  f: EnrollmentFilters,
  page: Omit<PageRequest, 'sort'>,
) {
  if (
    (f.organizationId !== undefined && !isId(f.organizationId)) ||
    (f.programId !== undefined && !isId(f.programId))
  ) {
    return { items: [], nextCursor: null };
  }
  const ks = keyset({ createdAt: { column: enrollments.createdAt, cast: 'timestamptz' } }, enrollments.id, {
    ...page,
    sort: '-createdAt',
  });
  const rows = await q
    .select()
    .from(enrollments)
    .where(
      where(
        visibleEnrollments(actor),
        f.organizationId ? eq(enrollments.organizationId, f.organizationId) : undefined,
        f.programId ? eq(enrollments.programId, f.programId) : undefined,
        f.status ? eq(enrollments.status, f.status) : undefined,
        f.actionRequired ? eq(enrollments.actionRequired, f.actionRequired === 'true') : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(rows, (r) => r.createdAt);
}

export async function findEnrollmentById(
  q: Queryable,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.id, id), visibleEnrollments(actor)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Live enrollments of organizations (not terminated), for agreement and checklist bookkeeping. */
export async function findLiveEnrollmentsOfOrg(q: Queryable, organizationId: string) {
  return q
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.organizationId, organizationId), sql`${enrollments.status} <> 'terminated'`));
}

export async function findTierHistory(q: Queryable, enrollmentId: string) {
  return (
    q
      .select()
      .from(tierHistory)
      .where(eq(tierHistory.enrollmentId, enrollmentId))
      // Entries of one transaction share its time (an enrollment and its first evaluation): ids are UUIDv7, in order.
      .orderBy(desc(tierHistory.at), desc(tierHistory.id))
  );
}

/** An organization's active enrollments with their programs (its scorecard's tier progress). */
export function findActiveEnrollmentsWithPrograms(q: Queryable, organizationId: string) {
  return q
    .select({ enrollment: enrollments, program: programs })
    .from(enrollments)
    .innerJoin(programs, eq(programs.id, enrollments.programId))
    .where(and(eq(enrollments.organizationId, organizationId), eq(enrollments.status, 'active')));
}

/** Published programs, for the public application form: no actor, no visibility beyond "published". */
export async function findPublishedPrograms(q: Queryable) {
  return q.select().from(programs).where(eq(programs.status, 'published')).orderBy(asc(programs.name));
}

/** Names of programs by id (a community segment's label). */
export function findProgramNamesByIds(q: Queryable, ids: string[]) {
  return q.select({ id: programs.id, name: programs.name }).from(programs).where(inArray(programs.id, ids));
}

/** Names of tiers by id, with their program's name (a community segment's label). */
export function findTierNamesByIds(q: Queryable, ids: string[]) {
  return q
    .select({ id: programTiers.id, name: programTiers.name, program: programs.name })
    .from(programTiers)
    .innerJoin(programs, eq(programs.id, programTiers.programId))
    .where(inArray(programTiers.id, ids));
}

/** The oldest applications awaiting review, with how many wait in all (the vendor's daily digest). */
export function findApplicationsAwaitingReview(q: Queryable, limit: number) {
  return q
    .select({
      id: applications.id,
      companyName: applications.companyName,
      since: applications.createdAt,
      total: countOver(),
    })
    .from(applications)
    .where(eq(applications.status, 'submitted'))
    .orderBy(asc(applications.createdAt), asc(applications.id))
    .limit(limit);
}

/** The tier names organizations hold in their active enrollments (lead routing's tier conditions and weights). */
export async function findActiveTierNames(q: Queryable, organizationIds: string[]) {
  if (!organizationIds.length) return new Map<string, string[]>();
  const rows = await q
    .select({ organizationId: enrollments.organizationId, tier: programTiers.name })
    .from(enrollments)
    .innerJoin(programTiers, eq(programTiers.id, enrollments.tierId))
    .where(and(inArray(enrollments.organizationId, organizationIds), eq(enrollments.status, 'active')));
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.organizationId, [...(out.get(r.organizationId) ?? []), r.tier]);
  return out;
}

/** Every tier name a program has (any version): a routing rule naming another can never match. */
export async function findAllTierNames(q: Queryable): Promise<string[]> {
  const rows = await q.selectDistinct({ name: programTiers.name }).from(programTiers);
  return rows.map((r) => r.name);
}
