import type {
  assignLeadBody,
  convertLeadBody,
  convertLeadResult,
  createLeadRuleBody,
  Lead,
  leadListQuery,
  LeadRule,
  RoutingExplanation,
  testLeadRuleBody,
  testLeadRuleResult,
} from '@partnergraph/shared/contracts/leads';
import {
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { call, http, isApiError, isStaleVersion } from './client';

export type LeadFilters = (typeof leadListQuery)['_input'];
export type ConvertLeadInput = (typeof convertLeadBody)['_input'];
export type AssignLeadInput = (typeof assignLeadBody)['_input'];
export type CreateLeadRuleInput = (typeof createLeadRuleBody)['_input'];
export type TestLeadRuleInput = (typeof testLeadRuleBody)['_input'];
export type TestLeadRuleResult = (typeof testLeadRuleResult)['_output'];
export type ConvertedLead = (typeof convertLeadResult)['_output'];
export type { Lead, LeadRule, RoutingExplanation };

const PAGE_SIZE = 25;

export const leadKeys = {
  all: ['leads'] as const,
  lists: ['leads', 'list'] as const,
  list: (filters: LeadFilters) => ['leads', 'list', filters] as const,
  detail: (id: string) => ['leads', 'detail', id] as const,
  sla: ['leads', 'sla'] as const,
  rules: ['lead-rules'] as const,
};

export const leadsQueryOptions = (filters: LeadFilters) =>
  infiniteQueryOptions({
    queryKey: leadKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      call(
        http.GET('/leads', {
          params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const leadQueryOptions = (id: string) =>
  queryOptions({
    queryKey: leadKeys.detail(id),
    queryFn: ({ signal }) => call(http.GET('/leads/{id}', { params: { path: { id } }, signal })),
  });

export const leadSlaQueryOptions = queryOptions({
  queryKey: leadKeys.sla,
  queryFn: ({ signal }) => call(http.GET('/leads/sla', { signal })),
});

export const leadRulesQueryOptions = queryOptions({
  queryKey: leadKeys.rules,
  queryFn: ({ signal }) => call(http.GET('/lead-rules', { signal })),
  select: (data) => data.items,
});

/** A changed lead into the cache; the lists and the SLA view are stale (its row may have moved). */
function storeLead(queryClient: QueryClient, lead: Lead) {
  queryClient.setQueryData(leadKeys.detail(lead.id), lead);
  return Promise.all(
    [leadKeys.lists, leadKeys.sla, ['audit-log']].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/** After a stale version, a 409 (withdrawn) or a 422, reload the lead so the page shows where it stands. */
function useRefreshWhenChanged(id: string) {
  const queryClient = useQueryClient();
  return (error: Error) =>
    isStaleVersion(error) || isApiError(error, 409) || isApiError(error, 422)
      ? queryClient.invalidateQueries({ queryKey: leadKeys.detail(id) })
      : undefined;
}

export type LeadAnswer =
  | { verb: 'accept'; version: number }
  | { verb: 'decline'; version: number; reason: string }
  | { verb: 'close'; version: number; reason: string }
  | { verb: 'refer'; version: number; organizationId: string; note: string }
  | ({ verb: 'assign' } & AssignLeadInput);

export function useLeadAction(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshWhenChanged(id);
  return useMutation({
    mutationFn: (a: LeadAnswer) => {
      const params = { path: { id } };
      switch (a.verb) {
        case 'accept':
          return call(http.POST('/leads/{id}/accept', { params, body: { version: a.version } }));
        case 'decline':
          return call(
            http.POST('/leads/{id}/decline', { params, body: { version: a.version, reason: a.reason } }),
          );
        case 'close':
          return call(
            http.POST('/leads/{id}/close', { params, body: { version: a.version, reason: a.reason } }),
          );
        case 'refer':
          return call(
            http.POST('/leads/{id}/refer', {
              params,
              body: { version: a.version, organizationId: a.organizationId, note: a.note },
            }),
          );
        case 'assign': {
          const { verb: _verb, ...body } = a;
          return call(http.POST('/leads/{id}/assign', { params, body }));
        }
      }
    },
    onSuccess: (lead) => storeLead(queryClient, lead),
    onError: refresh,
  });
}

export function useConvertLead(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshWhenChanged(id);
  return useMutation({
    mutationFn: (body: ConvertLeadInput) =>
      call(http.POST('/leads/{id}/convert', { params: { path: { id } }, body })),
    onSuccess: async ({ lead }) => {
      await storeLead(queryClient, lead);
      await queryClient.invalidateQueries({ queryKey: ['deals'] });
    },
    onError: refresh,
  });
}

export function useBulkLeads() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      action: 'route' | 'assign' | 'close';
      leadIds: string[];
      organizationId?: string;
      reason?: string;
    }) => call(http.POST('/leads/bulk', { body })),
    onSuccess: () =>
      Promise.all(
        [leadKeys.all, leadKeys.sla].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

export function useCreateLeadRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateLeadRuleInput) => call(http.POST('/lead-rules', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadKeys.rules }),
  });
}

export function useUpdateLeadRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; enabled?: boolean; position?: number }) =>
      call(http.PATCH('/lead-rules/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadKeys.rules }),
  });
}

export function useDeleteLeadRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(http.DELETE('/lead-rules/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadKeys.rules }),
  });
}

export function useTestLeadRule() {
  return useMutation({
    mutationFn: (body: TestLeadRuleInput) => call(http.POST('/lead-rules/test', { body })),
  });
}
