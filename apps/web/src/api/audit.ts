import { queryOptions } from '@tanstack/react-query';
import { call, http } from './client';
import { pagedQueryOptions } from './paged';

export interface AuditFilters {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  organizationId?: string;
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

/** The filters' choices: actions and record kinds in words, the people and organizations in the log. */
export const auditFacetsQueryOptions = queryOptions({
  queryKey: ['audit-log', 'facets'],
  queryFn: ({ signal }) => call(http.GET('/audit-log/facets', { signal })),
  staleTime: 60_000,
});
