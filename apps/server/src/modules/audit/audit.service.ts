import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/actor';
import type { PageRequest } from '../../lib/pagination';
import { findAuditEntries, type AuditFilters } from './audit.repository';

export async function listAuditEntries(
  db: Db,
  ctx: Ctx,
  filters: AuditFilters,
  page: Omit<PageRequest, 'sort'>,
) {
  const res = await findAuditEntries(db, ctx.actor, filters, page);
  return {
    items: res.items.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: {
        userId: e.actorUserId,
        name: e.actorName,
        organizationId: e.actorOrgId,
        apiTokenId: e.apiTokenId,
      },
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before,
      after: e.after,
      requestId: e.requestId,
      ip: e.ip,
    })),
    nextCursor: res.nextCursor,
  };
}
