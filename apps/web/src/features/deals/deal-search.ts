import type { DealStatus } from '@partnergraph/shared/contracts/deals';
import type { DealFilters, DealSort } from '../../api/deals';
import { searchOneOf, searchText } from '../../components/search-params';

// Here rather than in labels.ts (which re-exports them): the route's search parser loads with the app, and
// a module the first page loads ships in the entry with all it holds that any screen uses.
export const dealStatuses = [
  'registered',
  'approved',
  'rejected',
  'won',
  'lost',
  'expired',
] as const satisfies readonly DealStatus[];

export const dealSorts = [
  '-createdAt',
  'createdAt',
  'expectedCloseDate',
  '-expectedCloseDate',
  'customerName',
  '-customerName',
] as const satisfies readonly DealSort[];

/** The deal list's filters live in the URL, so a filtered list can be bookmarked and shared. */
export function parseDealSearch(search: Record<string, unknown>): DealFilters {
  const country = searchText(search.country)?.toUpperCase();
  const registeredBy = searchText(search.registeredBy);
  return {
    q: searchText(search.q),
    status: searchOneOf(dealStatuses, search.status),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    // The router reads `?mine=true` as JSON, so it arrives as a boolean.
    mine: search.mine === true || search.mine === 'true' ? 'true' : undefined,
    registeredBy: registeredBy && registeredBy.length <= 64 ? registeredBy : undefined,
    sort: searchOneOf(dealSorts, search.sort),
  };
}

/** Whether the list is narrowed at all (sorting does not narrow it). */
export const hasFilters = (filters: DealFilters) =>
  Boolean(filters.q || filters.status || filters.country || filters.mine || filters.registeredBy);
