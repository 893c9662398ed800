import { and, asc, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { keyset, where, type PageRequest } from '../../lib/pagination';
import { findUserNames } from '../identity/identity.repository';
import { auditLog } from './audit.tables';
import { visibleAudit } from './audit.visibility';

export interface AuditFilters {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: string | undefined;
  organizationId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

const sorts = { at: { column: auditLog.at, cast: 'timestamptz' } } as const;

export async function findAuditEntries(
  q: Queryable,
  actor: Actor,
  f: AuditFilters,
  page: Omit<PageRequest, 'sort'>,
) {
  if (
    (f.actorUserId !== undefined && !isId(f.actorUserId)) ||
    (f.organizationId !== undefined && !isId(f.organizationId))
  ) {
    return { items: [], nextCursor: null };
  }
  const ks = keyset(sorts, auditLog.id, { ...page, sort: '-at' });
  const rows = await q
    .select()
    .from(auditLog)
    .where(
      where(
        visibleAudit(actor),
        f.action ? eq(auditLog.action, f.action) : undefined,
        f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
        f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
        f.actorUserId ? eq(auditLog.actorUserId, f.actorUserId) : undefined,
        // An organization's entries: what its people did, and what was done to the organization itself.
        f.organizationId
          ? or(
              eq(auditLog.actorOrgId, f.organizationId),
              and(eq(auditLog.entityType, 'organization'), eq(auditLog.entityId, f.organizationId)),
            )
          : undefined,
        f.from ? gte(auditLog.at, f.from) : undefined,
        f.to ? lt(auditLog.at, f.to) : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const names = new Map(
    (
      await findUserNames(
        q,
        rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])),
      )
    ).map((u) => [u.id, u.name]),
  );
  const flat = rows.map((r) => ({ ...r, actorName: (r.actorUserId && names.get(r.actorUserId)) || null }));
  return ks.page(flat, (r) => r.at);
}

/**
 * What the log's pickers offer: the distinct actions, record types, people and organizations of the
 * entries the actor may read (each small beside the log itself: one row per code or person).
 */
export async function findAuditFacets(q: Queryable, actor: Actor) {
  const visible = visibleAudit(actor);
  const actions = await q
    .selectDistinct({ value: auditLog.action })
    .from(auditLog)
    .where(visible)
    .orderBy(auditLog.action);
  const entityTypes = await q
    .selectDistinct({ value: auditLog.entityType })
    .from(auditLog)
    .where(visible)
    .orderBy(auditLog.entityType);
  const people = await q
    .selectDistinct({ userId: auditLog.actorUserId, orgId: auditLog.actorOrgId })
    .from(auditLog)
    .where(and(visible, isNotNull(auditLog.actorUserId)));
  return {
    actions: actions.map((a) => a.value),
    entityTypes: entityTypes.map((e) => e.value),
    people: people.map((p) => ({ userId: p.userId!, orgId: p.orgId })),
  };
}

/** One record's audit entries, oldest first: the history its own module shows (e.g. a deal's timeline). */
export function findEntityHistory(q: Queryable, entityType: string, entityId: string) {
  return q
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}

/** Appends entries to the log: the only writer of the audit table (db/transaction.ts calls it for every change). */
export async function insertAuditEntries(q: Queryable, entries: (typeof auditLog.$inferInsert)[]) {
  await q.insert(auditLog).values(entries);
}

/** Of these records, those with an entry of this action whose `after.day` is this day (a once-a-day send). */
export async function findEntitiesAuditedOnDay(
  q: Queryable,
  e: { action: string; entityType: string; day: string; entityIds?: string[] },
) {
  const rows = await q
    .select({ entityId: auditLog.entityId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, e.action),
        eq(auditLog.entityType, e.entityType),
        e.entityIds ? inArray(auditLog.entityId, e.entityIds) : undefined,
        sql`${auditLog.after}->>'day' = ${e.day}`,
      ),
    );
  return new Set(rows.map((r) => r.entityId));
}
