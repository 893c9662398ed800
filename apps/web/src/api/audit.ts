import { call, http } from './client';
import { pagedQueryOptions } from './paged';

export interface AuditFilters {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  /** ISO timestamps: the page turns the dates a person picks into the edges of their local days. */
  from?: string;
  to?: string;
}

export const auditLogQueryOptions = (filters: AuditFilters) =>
  pagedQueryOptions(
    ['audit-log', filters],
    (page, signal) => call(http.GET('/audit-log', { params: { query: { ...filters, ...page } }, signal })),
    50,
  );
