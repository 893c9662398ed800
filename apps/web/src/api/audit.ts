import { infiniteQueryOptions } from '@tanstack/react-query';
import { call, http } from './client';

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
  infiniteQueryOptions({
    queryKey: ['audit-log', filters],
    queryFn: ({ pageParam, signal }) =>
      call(
        http.GET('/audit-log', { params: { query: { ...filters, limit: 50, cursor: pageParam } }, signal }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
