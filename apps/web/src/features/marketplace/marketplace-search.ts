import { facetKeys, type MarketplaceFilters } from '../../api/marketplace-filters';
import { searchText } from '../../components/search-params';

/** At most this many values per filter, as the server takes them. */
const MAX_VALUES = 50;

/** A filter's values from the URL: a list, or one value; numbers (the router parses `22` as one) as text. */
function searchList(value: unknown): string[] | undefined {
  const raw = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const values = [
    ...new Set(raw.map(searchText).filter((v): v is string => v !== undefined && v.length <= 120)),
  ];
  return values.length ? values.slice(0, MAX_VALUES) : undefined;
}

/**
 * The marketplace search and the public locator keep their words and filters in the URL, so a
 * search can be bookmarked, shared and reloaded.
 */
export function parseMarketplaceSearch(search: Record<string, unknown>): MarketplaceFilters {
  const filters: MarketplaceFilters = { q: searchText(search.q)?.slice(0, 200) };
  for (const key of facetKeys) filters[key] = searchList(search[key]);
  return filters;
}

/** Whether anything narrows the search beyond its words. */
export const hasFacetFilters = (filters: MarketplaceFilters) =>
  facetKeys.some((key) => (filters[key]?.length ?? 0) > 0);

// The server reads at most this many matches of a search (`totalExact` false past it).
export const SAMPLE_TEXT = '1,000';

/** "1 partner", "12 partners", or "1,000+ partners" when the search matched more than it read. */
export function resultTotal(page: { total: number; totalExact: boolean } | undefined) {
  if (!page) return '0 partners';
  if (!page.totalExact) return `${page.total.toLocaleString('en')}+ partners`;
  return page.total === 1 ? '1 partner' : `${page.total.toLocaleString('en')} partners`;
}
