import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { keyset, where, type PageRequest } from '../../lib/pagination';
import { users } from '../identity/identity.tables';
import { auditLog } from './audit.tables';

export interface AuditFilters {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** The audit log is the vendor's: the route's permission admits vendor roles only, and this filter holds it to that. */
function visibleAudit(actor: Actor) {
  return actor.orgKind === 'vendor' ? undefined : eq(auditLog.actorOrgId, actor.orgId);
}

const sorts = { at: { column: auditLog.at, cast: 'timestamptz' } } as const;

export async function findAuditEntries(
  q: Queryable,
  actor: Actor,
  f: AuditFilters,
  page: Omit<PageRequest, 'sort'>,
) {
  if (f.actorUserId !== undefined && !isId(f.actorUserId)) return { items: [], nextCursor: null };
  const ks = keyset(sorts, auditLog.id, { ...page, sort: '-at' });
  const rows = await q
    .select({ entry: auditLog, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      where(
        visibleAudit(actor),
        f.action ? eq(auditLog.action, f.action) : undefined,
        f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
        f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
        f.actorUserId ? eq(auditLog.actorUserId, f.actorUserId) : undefined,
        f.from ? gte(auditLog.at, f.from) : undefined,
        f.to ? lt(auditLog.at, f.to) : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const flat = rows.map((r) => ({ ...r.entry, actorName: r.actorName }));
  return ks.page(flat, (r) => r.at);
}

/** One record's audit entries, oldest first: the history its own module shows (e.g. a deal's timeline). */
export function findEntityHistory(q: Queryable, entityType: string, entityId: string) {
  return q
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}
