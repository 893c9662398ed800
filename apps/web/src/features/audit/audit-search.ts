import { searchDate, searchText } from '../../components/search-params';

export interface AuditSearch {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  organizationId?: string;
  /** `YYYY-MM-DD`, as a date input gives it. */
  from?: string;
  to?: string;
}

export function parseAuditSearch(search: Record<string, unknown>): AuditSearch {
  return {
    action: searchText(search.action),
    entityType: searchText(search.entityType),
    entityId: searchText(search.entityId),
    actorUserId: searchText(search.actorUserId),
    organizationId: searchText(search.organizationId),
    from: searchDate(search.from),
    to: searchDate(search.to),
  };
}
