import type {
  Connection,
  contactPartnerBody,
  createConnectionBody,
  Profile,
  profileView,
  publicProfileSchema,
  searchResponseSchema,
  SearchResult,
  updateProfileBody,
} from '@partnergraph/shared/contracts/marketplace';
import {
  infiniteQueryOptions,
  keepPreviousData,
  type QueryClient,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { call, http, isStaleVersion } from './client';
import { recommendationKeys } from './connections';
import type { FacetKey, MarketplaceFilters } from './marketplace-filters';

export { facetKeys, type FacetKey, type MarketplaceFilters } from './marketplace-filters';

// Marketplace profiles, search and the public partner locator. Connections as such (lists, answers)
// belong to api/connections.ts; the marketplace only asks for one, from a partner's profile.
// Request shapes come from the contract's schemas (as sent, before the server applies defaults),
// so a change there shows up here as a type error rather than as a 400 at run time.
export type ProfileFields = (typeof profileView)['_output'];
export type UpdateProfileInput = (typeof updateProfileBody)['_input'];
export type SearchResponse = (typeof searchResponseSchema)['_output'];
export type Facet = SearchResponse['facets'][FacetKey][number];
export type PublicProfile = (typeof publicProfileSchema)['_output'];
export type ContactPartnerInput = (typeof contactPartnerBody)['_input'];
export type ConnectInput = (typeof createConnectionBody)['_input'];
export type ConnectionKind = Connection['kind'];
export type ProfileStatus = Profile['status'];
export type { Connection, Profile, SearchResult };

const PAGE_SIZE = 20;
/** The most the API hands out in one page. */
const MAX_PAGE = 100;

export const marketplaceKeys = {
  all: ['marketplace'] as const,
  searches: ['marketplace', 'search'] as const,
  search: (filters: MarketplaceFilters) => ['marketplace', 'search', filters] as const,
  profile: (orgId: string) => ['marketplace', 'profile', orgId] as const,
};

export const locatorKeys = {
  all: ['public-partners'] as const,
  search: (filters: MarketplaceFilters) => ['public-partners', 'search', filters] as const,
  partner: (orgId: string) => ['public-partners', 'detail', orgId] as const,
};

/** Under the connections helper's prefix, so its changes (accept, end…) refresh this too. */
const connectionsWithKey = (orgId: string) => ['connections', 'with-partner', orgId] as const;

type SearchPath = '/marketplace/search' | '/public/partners';

const searchOptions = (path: SearchPath, queryKey: readonly unknown[], filters: MarketplaceFilters) =>
  infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }): Promise<SearchResponse> => {
      // Filters repeat (`?country=DE&country=FR`): the client's query serializer writes one pair per value.
      const query = { ...filters, limit: PAGE_SIZE, cursor: pageParam };
      return call(http.GET(path, { params: { query }, signal }));
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A new word or filter keeps the last results on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });

// --- Queries ---

/** Published profiles for signed-in people, with facet counts; pages come through the cursor. */
export const marketplaceSearchQueryOptions = (filters: MarketplaceFilters) =>
  searchOptions('/marketplace/search', marketplaceKeys.search(filters), filters);

/** The public partner locator: the same search without sign-in (429 when abused). */
export const locatorSearchQueryOptions = (filters: MarketplaceFilters) =>
  searchOptions('/public/partners', locatorKeys.search(filters), filters);

/**
 * A partner's profile: the organization itself and the vendor get the draft too; other partners
 * only the published profile, and 404 when there is none.
 */
export const profileQueryOptions = (orgId: string) =>
  queryOptions({
    queryKey: marketplaceKeys.profile(orgId),
    queryFn: ({ signal }) => call(http.GET('/profiles/{id}', { params: { path: { id: orgId } }, signal })),
  });

/** A partner's public page (404 unless published). */
export const publicPartnerQueryOptions = (orgId: string) =>
  queryOptions({
    queryKey: locatorKeys.partner(orgId),
    queryFn: ({ signal }) =>
      call(http.GET('/public/partners/{id}', { params: { path: { id: orgId } }, signal })),
  });

/**
 * The caller's open connections (requested or active) with one partner, so a profile can show them
 * and the connect form can leave out kinds already asked for. The API filters by counterpart only
 * for the vendor, so this reads the caller's own open connections and keeps that partner's.
 */
export const openConnectionsWithQueryOptions = (orgId: string) =>
  queryOptions({
    queryKey: connectionsWithKey(orgId),
    queryFn: async ({ signal }) => {
      const found: Connection[] = [];
      for (const status of ['active', 'requested'] as const) {
        let cursor: string | undefined;
        // Bounded: a partner with thousands of open connections still gets an answer.
        for (let page = 0; page < 20; page++) {
          const result = await call(
            http.GET('/connections', {
              params: { query: { box: 'all', status, limit: MAX_PAGE, cursor } },
              signal,
            }),
          );
          found.push(...result.items.filter((c) => c.requester.id === orgId || c.recipient.id === orgId));
          if (!result.nextCursor) break;
          cursor = result.nextCursor;
        }
      }
      return found;
    },
  });

// --- Cache upkeep ---

function invalidate(queryClient: QueryClient, ...keys: (readonly unknown[])[]) {
  return Promise.all(
    // Every change here writes an audit entry.
    [...keys, ['audit-log']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

/**
 * Puts a changed profile into the cache. Publishing and withdrawing change what search and the
 * locator find, and who may be recommended; a draft edit changes only the profile.
 */
function storeProfile(queryClient: QueryClient, profile: Profile, listed: boolean) {
  queryClient.setQueryData(marketplaceKeys.profile(profile.organizationId), profile);
  return listed
    ? invalidate(queryClient, marketplaceKeys.searches, locatorKeys.all, recommendationKeys.all)
    : invalidate(queryClient);
}

/** After a 409 for a stale version, reload the profile (the mutation waits) so the page shows the current one. */
function useRefreshProfileWhenStale(orgId: string) {
  const queryClient = useQueryClient();
  return (error: Error) =>
    isStaleVersion(error)
      ? queryClient.invalidateQueries({ queryKey: marketplaceKeys.profile(orgId) })
      : undefined;
}

// --- Mutations ---

/** Changes the draft only; others see it once it is published. */
export function useUpdateProfile(orgId: string) {
  const queryClient = useQueryClient();
  const refreshWhenStale = useRefreshProfileWhenStale(orgId);
  return useMutation({
    mutationFn: (body: UpdateProfileInput) =>
      call(http.PATCH('/profiles/{id}', { params: { path: { id: orgId } }, body })),
    onSuccess: (profile) => storeProfile(queryClient, profile, false),
    onError: refreshWhenStale,
  });
}

export type ProfileVerb = 'publish' | 'unpublish';

/** Publish the draft (422 unless it has a description and a country) or withdraw the profile. */
export function useProfileStatusAction(orgId: string) {
  const queryClient = useQueryClient();
  const refreshWhenStale = useRefreshProfileWhenStale(orgId);
  return useMutation({
    mutationFn: ({ verb, version }: { verb: ProfileVerb; version: number }) =>
      call(http.POST(`/profiles/{id}/${verb}`, { params: { path: { id: orgId } }, body: { version } })),
    onSuccess: (profile) => storeProfile(queryClient, profile, true),
    onError: refreshWhenStale,
  });
}

/** Asks a partner found in the marketplace for a connection (409 while one of that kind is open). */
export function useConnectWithPartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConnectInput) => call(http.POST('/connections', { body })),
    // Connection lists and counts, recommendations (which leave out open connections) and referral counterparts.
    onSuccess: () =>
      invalidate(queryClient, ['connections'], recommendationKeys.all, ['referrals', 'counterparts']),
  });
}

/** A visitor's message to a partner from the public locator; it becomes a lead in the partner's inbox. */
export function useContactPartner(orgId: string) {
  return useMutation({
    mutationFn: (body: ContactPartnerInput) =>
      call(http.POST('/public/partners/{id}/contact', { params: { path: { id: orgId } }, body })),
  });
}
