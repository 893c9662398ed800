import type {
  convertedReferralSchema,
  convertReferralBody,
  counterpartSchema,
  createReferralBody,
  Referral,
  referralListQuery,
  rejectReferralBody,
} from '@partnergraph/shared/contracts/deals';
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http, isApiError, isStaleVersion } from './client';
import { pagedQueryOptions } from './paged';

// Request shapes come from the contract's schemas (as sent, before the server applies defaults),
// so a change there shows up here as a type error rather than as a 400 at run time.
export type ReferralFilters = (typeof referralListQuery)['_input'];
export type ReferralBox = NonNullable<ReferralFilters['box']>;
export type ReferralStatus = Referral['status'];
export type ReferralSource = Referral['source'];
export type CreateReferralInput = (typeof createReferralBody)['_input'];
export type RejectReferralInput = (typeof rejectReferralBody)['_input'];
export type ConvertReferralInput = (typeof convertReferralBody)['_input'];
export type ConvertedReferral = (typeof convertedReferralSchema)['_output'];
export type Counterpart = (typeof counterpartSchema)['_output'];
export type { Referral };

const PAGE_SIZE = 25;

export const referralKeys = {
  all: ['referrals'] as const,
  lists: ['referrals', 'list'] as const,
  list: (filters: ReferralFilters) => ['referrals', 'list', filters] as const,
  detail: (id: string) => ['referrals', 'detail', id] as const,
  counterparts: ['referrals', 'counterparts'] as const,
};

// --- Queries ---

export const referralsQueryOptions = (filters: ReferralFilters) =>
  pagedQueryOptions(
    referralKeys.list(filters),
    (page, signal) =>
      call(
        http.GET('/referrals', {
          params: { query: { ...filters, ...page } },
          signal,
        }),
      ),
    PAGE_SIZE,
  );

export const referralQueryOptions = (id: string) =>
  queryOptions({
    queryKey: referralKeys.detail(id),
    queryFn: ({ signal }) => call(http.GET('/referrals/{id}', { params: { path: { id } }, signal })),
  });

/** Partner organizations the caller's organization can refer to by name (until the marketplace lands). */
export const counterpartsQueryOptions = queryOptions({
  queryKey: referralKeys.counterparts,
  queryFn: ({ signal }) => call(http.GET('/referrals/counterparts', { signal })),
  select: (data) => data.items,
});

// --- Cache upkeep ---

/**
 * Puts a changed referral into the cache and marks the lists stale: its row may have moved
 * between status filters. Every change writes an audit entry.
 */
function storeReferral(queryClient: QueryClient, referral: Referral, ...keys: (readonly unknown[])[]) {
  queryClient.setQueryData(referralKeys.detail(referral.id), referral);
  return Promise.all(
    [referralKeys.lists, ...keys, ['audit-log']].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/**
 * After a 409 for a stale version (or a 422 because the referral moved on meanwhile), reload it so the
 * page shows where it stands. Returned as a promise: the mutation waits, so callers see fresh data.
 */
function useRefreshReferralWhenChanged(id: string) {
  const queryClient = useQueryClient();
  return (error: Error) =>
    isStaleVersion(error) || isApiError(error, 422)
      ? queryClient.invalidateQueries({ queryKey: referralKeys.detail(id) })
      : undefined;
}

// --- Mutations ---

export function useCreateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReferralInput) => call(http.POST('/referrals', { body })),
    // A first referral to someone makes them a counterpart.
    onSuccess: (referral) => storeReferral(queryClient, referral, referralKeys.counterparts),
  });
}

export type ReferralDecision =
  { verb: 'accept'; version: number } | ({ verb: 'reject' } & RejectReferralInput);

export function useDecideReferral(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshReferralWhenChanged(id);
  return useMutation({
    mutationFn: (decision: ReferralDecision) => {
      const params = { path: { id } };
      if (decision.verb === 'accept') {
        return call(http.POST('/referrals/{id}/accept', { params, body: { version: decision.version } }));
      }
      const { verb: _verb, ...body } = decision;
      return call(http.POST('/referrals/{id}/reject', { params, body }));
    },
    onSuccess: (referral) => storeReferral(queryClient, referral),
    onError: refresh,
  });
}

export function useConvertReferral(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshReferralWhenChanged(id);
  return useMutation({
    mutationFn: (body: ConvertReferralInput) =>
      call(http.POST('/referrals/{id}/convert', { params: { path: { id } }, body })),
    // The new deal joins the deal lists (and counterparts: the parties now share a deal).
    onSuccess: ({ referral }) => storeReferral(queryClient, referral, ['deals'], referralKeys.counterparts),
    onError: refresh,
  });
}
