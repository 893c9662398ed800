import type { PartnerStatus } from '@partnergraph/shared/contracts/organizations';
import type { PartnerFilters, PartnerSort } from '../../api/partners';
import { searchOneOf, searchText } from '../../components/search-params';

// Runtime copies of the contract's enums: importing the Zod schemas would ship Zod and the country
// database to the browser. `satisfies` checks every value against the contract's types.
export const partnerStatuses = [
  'applicant',
  'active',
  'suspended',
  'terminated',
] as const satisfies readonly PartnerStatus[];
export const partnerSorts = [
  'name',
  '-name',
  'createdAt',
  '-createdAt',
  'country',
  '-country',
] as const satisfies readonly PartnerSort[];

/** The partner list's filters live in the URL, so a filtered list can be bookmarked and shared. */
export function parsePartnerSearch(search: Record<string, unknown>): PartnerFilters {
  const country = searchText(search.country)?.toUpperCase();
  const type = searchText(search.type);
  return {
    q: searchText(search.q),
    status: searchOneOf(partnerStatuses, search.status),
    type: type && /^[a-z][a-z0-9_]{1,39}$/.test(type) ? type : undefined,
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    sort: searchOneOf(partnerSorts, search.sort),
  };
}

/** Whether the list is narrowed at all (sorting does not narrow it). */
export const hasFilters = (filters: PartnerFilters) =>
  Boolean(filters.q || filters.status || filters.type || filters.country);
