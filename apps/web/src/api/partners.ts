import type {
  assignManagerBody,
  createPartnerBody,
  Partner,
  partnerListQuery,
  partnerStatusAction,
  updatePartnerBody,
} from '@partnergraph/shared/contracts/organizations';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http, isStaleVersion } from './client';
import { pagedQueryOptions } from './paged';

// Request shapes come from the contract's schemas (as sent, before the server applies defaults),
// so a change there shows up here as a type error rather than as a 400 at run time.
export type PartnerFilters = (typeof partnerListQuery)['_input'];
export type PartnerSort = NonNullable<PartnerFilters['sort']>;
export type CreatePartnerInput = (typeof createPartnerBody)['_input'];
export type UpdatePartnerInput = (typeof updatePartnerBody)['_input'];
type StatusActionInput = (typeof partnerStatusAction)['_input'];
type AssignManagerInput = (typeof assignManagerBody)['_input'];

export type PartnerStatusVerb = 'activate' | 'suspend' | 'terminate';

const PAGE_SIZE = 25;

export const partnerKeys = {
  lists: ['partners', 'list'] as const,
  list: (filters: PartnerFilters) => [...partnerKeys.lists, filters] as const,
  detail: (id: string) => ['partners', 'detail', id] as const,
  users: (id: string) => ['partners', 'detail', id, 'users'] as const,
};

export const partnerListQueryOptions = (filters: PartnerFilters) =>
  pagedQueryOptions(
    partnerKeys.list(filters),
    (page, signal) =>
      call(
        http.GET('/partners', {
          params: { query: { ...filters, ...page } },
          signal,
        }),
      ),
    PAGE_SIZE,
  );

export const partnerQueryOptions = (id: string) =>
  queryOptions({
    queryKey: partnerKeys.detail(id),
    queryFn: ({ signal }) => call(http.GET('/partners/{id}', { params: { path: { id } }, signal })),
  });

export const partnerUsersQueryOptions = (id: string) =>
  pagedQueryOptions(
    partnerKeys.users(id),
    (page, signal) =>
      call(
        http.GET('/partners/{id}/users', {
          params: { path: { id }, query: { ...page } },
          signal,
        }),
      ),
    PAGE_SIZE,
  );

/**
 * Puts a changed partner into the cache and marks every list stale: its row may have moved or left a
 * filter, and the change wrote an audit entry.
 */
function useStorePartner() {
  const queryClient = useQueryClient();
  return (partner: Partner) => {
    queryClient.setQueryData(partnerKeys.detail(partner.id), partner);
    void queryClient.invalidateQueries({ queryKey: partnerKeys.lists });
    void queryClient.invalidateQueries({ queryKey: ['audit-log'] });
  };
}

/**
 * After a 409 for a stale version, reload the partner so the page shows what the other person saved.
 * Returned as a promise: the mutation waits for it, so callers' own onError already sees fresh data.
 */
function useRefreshWhenStale(id: string) {
  const queryClient = useQueryClient();
  return (error: Error) =>
    isStaleVersion(error) ? queryClient.invalidateQueries({ queryKey: partnerKeys.detail(id) }) : undefined;
}

export function useCreatePartner() {
  const store = useStorePartner();
  return useMutation({
    mutationFn: (body: CreatePartnerInput) => call(http.POST('/partners', { body })),
    onSuccess: store,
  });
}

export function useUpdatePartner(id: string) {
  const store = useStorePartner();
  const refreshWhenStale = useRefreshWhenStale(id);
  return useMutation({
    mutationFn: (body: UpdatePartnerInput) =>
      call(http.PATCH('/partners/{id}', { params: { path: { id } }, body })),
    onSuccess: store,
    onError: refreshWhenStale,
  });
}

export function usePartnerStatusAction(id: string) {
  const store = useStorePartner();
  const refreshWhenStale = useRefreshWhenStale(id);
  return useMutation({
    mutationFn: ({ verb, ...body }: StatusActionInput & { verb: PartnerStatusVerb }) =>
      call(http.POST(`/partners/{id}/${verb}`, { params: { path: { id } }, body })),
    onSuccess: store,
    onError: refreshWhenStale,
  });
}

export function useAssignManager(id: string) {
  const store = useStorePartner();
  const refreshWhenStale = useRefreshWhenStale(id);
  return useMutation({
    mutationFn: (body: AssignManagerInput) =>
      call(http.POST('/partners/{id}/assign-manager', { params: { path: { id } }, body })),
    onSuccess: store,
    onError: refreshWhenStale,
  });
}
