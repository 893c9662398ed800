import type {
  addInvolvementBody,
  approveDealBody,
  attributionModel,
  attributionSchema,
  closeDealBody,
  Conflict,
  ConflictCheck,
  conflictCheckQuery,
  counterpartSchema,
  createDealBody,
  Deal,
  dealCreatedSchema,
  dealListQuery,
  extendDealBody,
  Involvement,
  rejectDealBody,
  requestExtensionBody,
  timelineEntrySchema,
  updateDealBody,
} from '@partnergraph/shared/contracts/deals';
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http, isApiError, isStaleVersion } from './client';
import { pagedQueryOptions } from './paged';

// Request shapes come from the contract's schemas (as sent, before the server applies defaults),
// so a change there shows up here as a type error rather than as a 400 at run time.
export type DealFilters = (typeof dealListQuery)['_input'];
export type DealSort = NonNullable<DealFilters['sort']>;
export type CreateDealInput = (typeof createDealBody)['_input'];
export type UpdateDealInput = (typeof updateDealBody)['_input'];
export type ApproveDealInput = (typeof approveDealBody)['_input'];
export type RejectDealInput = (typeof rejectDealBody)['_input'];
export type RequestExtensionInput = (typeof requestExtensionBody)['_input'];
export type ExtendDealInput = (typeof extendDealBody)['_input'];
export type CloseDealInput = (typeof closeDealBody)['_input'];
export type AddInvolvementInput = (typeof addInvolvementBody)['_input'];
export type ConflictCheckParams = (typeof conflictCheckQuery)['_input'];

export type DealCreated = (typeof dealCreatedSchema)['_output'];
export type AttributionModel = (typeof attributionModel)['_output'];
export type Attribution = (typeof attributionSchema)['_output'];
export type TimelineEntry = (typeof timelineEntrySchema)['_output'];
export type Counterpart = (typeof counterpartSchema)['_output'];
export type { Conflict, ConflictCheck, Deal, Involvement };

const PAGE_SIZE = 25;

export const dealKeys = {
  all: ['deals'] as const,
  lists: ['deals', 'list'] as const,
  list: (filters: DealFilters) => ['deals', 'list', filters] as const,
  detail: (id: string) => ['deals', 'detail', id] as const,
  /** Everything read beside a deal (conflicts, involvements, attribution, timeline): stale whenever the deal changes. */
  related: (id: string) => ['deals', 'related', id] as const,
  conflicts: (id: string) => ['deals', 'related', id, 'conflicts'] as const,
  involvements: (id: string) => ['deals', 'related', id, 'involvements'] as const,
  attribution: (id: string, model: AttributionModel) =>
    ['deals', 'related', id, 'attribution', model] as const,
  timeline: (id: string) => ['deals', 'related', id, 'timeline'] as const,
  conflictCheck: (params: ConflictCheckParams) => ['deals', 'conflict-check', params] as const,
  /**
   * The conflicts POST /deals answered with, and whether another partner holds the customer, kept for
   * the deal page the form goes to next (no fetch).
   */
  createdConflicts: (id: string) => ['deals', 'created-conflicts', id] as const,
  counterparts: ['deals', 'counterparts'] as const,
};

// --- Queries ---

export const dealListQueryOptions = (filters: DealFilters) =>
  pagedQueryOptions(
    dealKeys.list(filters),
    (page, signal) =>
      call(
        http.GET('/deals', {
          params: { query: { ...filters, ...page } },
          signal,
        }),
      ),
    PAGE_SIZE,
  );

export const dealQueryOptions = (id: string) =>
  queryOptions({
    queryKey: dealKeys.detail(id),
    queryFn: ({ signal }) => call(http.GET('/deals/{id}', { params: { path: { id } }, signal })),
  });

export const dealConflictsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: dealKeys.conflicts(id),
    queryFn: ({ signal }) => call(http.GET('/deals/{id}/conflicts', { params: { path: { id } }, signal })),
    select: (data) => data.items,
  });

export const involvementsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: dealKeys.involvements(id),
    queryFn: ({ signal }) => call(http.GET('/deals/{id}/involvements', { params: { path: { id } }, signal })),
    select: (data) => data.items,
  });

export const attributionQueryOptions = (id: string, model: AttributionModel) =>
  queryOptions({
    queryKey: dealKeys.attribution(id, model),
    queryFn: ({ signal }) =>
      call(http.GET('/deals/{id}/attribution', { params: { path: { id }, query: { model } }, signal })),
  });

export const timelineQueryOptions = (id: string) =>
  queryOptions({
    queryKey: dealKeys.timeline(id),
    queryFn: ({ signal }) => call(http.GET('/deals/{id}/timeline', { params: { path: { id } }, signal })),
    select: (data) => data.items,
  });

/**
 * Live hints while a deal is typed in: open deals that look like the same customer, and whether
 * another partner holds it under protection (never who).
 */
export const conflictCheckQueryOptions = (params: ConflictCheckParams) =>
  queryOptions({
    queryKey: dealKeys.conflictCheck(params),
    queryFn: ({ signal }) => call(http.GET('/deals/conflict-check', { params: { query: params }, signal })),
    staleTime: 30_000,
  });

/** Vendor staff pick any partner organization by name. */
export const partnerPickerQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['partners', 'picker', q],
    queryFn: ({ signal }) =>
      call(
        http.GET('/partners', { params: { query: { q: q || undefined, limit: 20, sort: 'name' } }, signal }),
      ),
    select: (data) => data.items.map((p) => ({ id: p.id, name: p.name })),
    staleTime: 60_000,
  });

/** A partner picks among the organizations it has exchanged referrals or shared deals with. */
export const counterpartsQueryOptions = queryOptions({
  queryKey: dealKeys.counterparts,
  queryFn: ({ signal }) => call(http.GET('/referrals/counterparts', { signal })),
  select: (data) => data.items,
  staleTime: 60_000,
});

// --- Cache upkeep ---

/**
 * Puts a changed deal into the cache and marks stale what moves with it: the lists (its row may
 * have left a filter), what is read beside it (timeline, involvements, conflicts, attribution),
 * and the audit log, since every change writes an entry.
 */
function storeDeal(queryClient: QueryClient, deal: Deal) {
  queryClient.setQueryData(dealKeys.detail(deal.id), deal);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: dealKeys.lists }),
    queryClient.invalidateQueries({ queryKey: dealKeys.related(deal.id) }),
    queryClient.invalidateQueries({ queryKey: ['audit-log'] }),
  ]);
}

function refreshDeal(queryClient: QueryClient, id: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: dealKeys.detail(id) }),
    queryClient.invalidateQueries({ queryKey: dealKeys.related(id) }),
    queryClient.invalidateQueries({ queryKey: dealKeys.lists }),
    queryClient.invalidateQueries({ queryKey: ['audit-log'] }),
  ]);
}

/**
 * After a 409 (someone changed the deal first) or a 422 (it moved to a status where the action no
 * longer applies), reload the deal. Returned as a promise: the mutation waits for it, so callers'
 * own onError already sees the fresh deal.
 */
function refreshWhenOutdated(queryClient: QueryClient, id: string, error: Error) {
  return isStaleVersion(error) || isApiError(error, 422) ? refreshDeal(queryClient, id) : undefined;
}

// --- Deals ---

export function useCreateDeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDealInput) => call(http.POST('/deals', { body })),
    onSuccess: ({ conflicts, protectedByAnotherPartner, ...deal }) => {
      queryClient.setQueryData<ConflictCheck>(dealKeys.createdConflicts(deal.id), {
        items: conflicts,
        protectedByAnotherPartner,
      });
      return storeDeal(queryClient, deal);
    },
  });
}

export function useUpdateDeal(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateDealInput) =>
      call(http.PATCH('/deals/{id}', { params: { path: { id } }, body })),
    onSuccess: (deal) => storeDeal(queryClient, deal),
    onError: (error) => refreshWhenOutdated(queryClient, id, error),
  });
}

export type DealAction =
  | ({ verb: 'approve' } & ApproveDealInput)
  | ({ verb: 'reject' } & RejectDealInput)
  | ({ verb: 'request-extension' } & RequestExtensionInput)
  | ({ verb: 'extend' } & ExtendDealInput)
  | ({ verb: 'close' } & CloseDealInput);

export type DealVerb = DealAction['verb'];

/** The status actions: each takes the version last read and answers the changed deal. */
export function useDealAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ verb, ...body }: DealAction) =>
      call(http.POST(`/deals/{id}/${verb}`, { params: { path: { id } }, body })),
    onSuccess: (deal) => storeDeal(queryClient, deal),
    onError: (error) => refreshWhenOutdated(queryClient, id, error),
  });
}

// --- Involvements ---

/** Involvements change the deal as well (its list of involvements, the caller's role), so both reload. */
export function useInvolvementMutations(dealId: string) {
  const queryClient = useQueryClient();
  const changed = () => refreshDeal(queryClient, dealId);
  return {
    add: useMutation({
      mutationFn: (body: AddInvolvementInput) =>
        call(http.POST('/deals/{id}/involvements', { params: { path: { id: dealId } }, body })),
      onSuccess: changed,
    }),
    confirm: useMutation({
      mutationFn: (organizationId: string) =>
        call(
          http.POST('/deals/{id}/involvements/{organizationId}/confirm', {
            params: { path: { id: dealId, organizationId } },
            body: {},
          }),
        ),
      onSuccess: changed,
      onError: changed,
    }),
    /** The invited partner accepts the vendor's invitation (account mapping); it declines with `remove`. */
    accept: useMutation({
      mutationFn: (organizationId: string) =>
        call(
          http.POST('/deals/{id}/involvements/{organizationId}/accept', {
            params: { path: { id: dealId, organizationId } },
            body: {},
          }),
        ),
      onSuccess: changed,
      onError: changed,
    }),
    remove: useMutation({
      mutationFn: (organizationId: string) =>
        call(
          http.DELETE('/deals/{id}/involvements/{organizationId}', {
            params: { path: { id: dealId, organizationId } },
          }),
        ),
      onSuccess: changed,
      onError: changed,
    }),
  };
}
