import type { searchResponseSchema } from '@partnergraph/shared/contracts/marketplace';

// The search's filters, apart from api/marketplace.ts: the marketplace route's search parser reads them on
// the first page, which should not carry the marketplace's queries and mutations with them.

/** The search's filter dimensions: each is a facet in the answer and a repeatable query parameter. */
export type FacetKey = keyof (typeof searchResponseSchema)['_output']['facets'];
export const facetKeys = [
  'type',
  'country',
  'industry',
  'service',
  'badge',
  'certification',
] as const satisfies readonly FacetKey[];

/** What a search asks for: words, and any of several values per dimension. */
export type MarketplaceFilters = { q?: string } & { [K in FacetKey]?: string[] };
