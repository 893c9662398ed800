import type {
  createCrmConnectionBody,
  CrmConnection,
  CrmLink,
  CrmMappings,
  CrmRun,
  crmRunRecordSchema,
} from '@partnergraph/shared/contracts/crm';
import { queryOptions, type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http, isStaleVersion } from './client';

// CRM sync: connections, mappings, runs and their log, the review queue. The vendor admin's alone.

export type ConnectInput = (typeof createCrmConnectionBody)['_input'];
export type CrmRunRecord = (typeof crmRunRecordSchema)['_output'];
export type CrmObjectName = 'account' | 'opportunity' | 'lead';
export type { CrmConnection, CrmLink, CrmMappings, CrmRun };

export const crmKeys = {
  all: ['crm'] as const,
  connections: ['crm', 'connections'] as const,
  connection: (id: string) => ['crm', 'connection', id] as const,
  schema: (id: string, object: CrmObjectName) => ['crm', 'schema', id, object] as const,
  runs: (id: string) => ['crm', 'runs', id] as const,
  records: (id: string, runId: string, outcome?: string) =>
    ['crm', 'records', id, runId, outcome ?? 'all'] as const,
  links: ['crm', 'links'] as const,
};

export const crmConnectionsQueryOptions = queryOptions({
  queryKey: crmKeys.connections,
  queryFn: ({ signal }) => call(http.GET('/crm/connections', { signal })),
  select: (data) => data.items,
});

export const crmConnectionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: crmKeys.connection(id),
    queryFn: ({ signal }) => call(http.GET('/crm/connections/{id}', { params: { path: { id } }, signal })),
  });

/** The CRM's own fields for an object, as its describe answers: what the mapping screen offers. */
export const crmSchemaQueryOptions = (id: string, object: CrmObjectName) =>
  queryOptions({
    queryKey: crmKeys.schema(id, object),
    queryFn: ({ signal }) =>
      call(http.GET('/crm/connections/{id}/schema', { params: { path: { id }, query: { object } }, signal })),
    staleTime: 5 * 60_000,
  });

/** The sync log; refreshed every few seconds while a run waits or works, so progress moves on screen. */
export const crmRunsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: crmKeys.runs(id),
    queryFn: ({ signal }) =>
      call(
        http.GET('/crm/connections/{id}/runs', { params: { path: { id }, query: { limit: 20 } }, signal }),
      ),
    refetchInterval: (query) =>
      query.state.data?.items.some(
        (r) => r.status === 'queued' || r.status === 'running' || r.status === 'deferred',
      )
        ? 3000
        : false,
  });

export const crmRunRecordsQueryOptions = (
  id: string,
  runId: string,
  outcome?: 'done' | 'planned' | 'error',
) =>
  queryOptions({
    queryKey: crmKeys.records(id, runId, outcome),
    queryFn: ({ signal }) =>
      call(
        http.GET('/crm/connections/{id}/runs/{runId}/records', {
          params: { path: { id, runId }, query: { limit: 200, ...(outcome ? { outcome } : {}) } },
          signal,
        }),
      ),
  });

export const crmReviewQueryOptions = queryOptions({
  queryKey: crmKeys.links,
  queryFn: ({ signal }) =>
    call(http.GET('/crm/links', { params: { query: { status: 'review', limit: 200 } }, signal })),
});

function storeConnection(queryClient: QueryClient, connection: CrmConnection) {
  queryClient.setQueryData(crmKeys.connection(connection.id), connection);
  return queryClient.invalidateQueries({ queryKey: crmKeys.connections });
}

function reloadIfStale(queryClient: QueryClient, id: string, error: unknown) {
  if (!isStaleVersion(error)) return undefined;
  return queryClient.invalidateQueries({ queryKey: crmKeys.connection(id) });
}

export function useConnectCrm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConnectInput) => call(http.POST('/crm/connections', { body })),
    onSuccess: (result) => storeConnection(queryClient, result.connection),
  });
}

export function useFinishCrmOAuth() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; state: string }) =>
      call(http.POST('/crm/connections/oauth-callback', { body })),
    onSuccess: (connection) => storeConnection(queryClient, connection),
  });
}

export function useTestCrm(id: string) {
  return useMutation({
    mutationFn: () => call(http.POST('/crm/connections/{id}/test', { params: { path: { id } } })),
  });
}

export function useReconnectCrm(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // A HubSpot private app reconnects with the new token the admin pastes; the others need none.
    mutationFn: (body: { version: number; token?: string }) =>
      call(http.POST('/crm/connections/{id}/reconnect', { params: { path: { id } }, body })),
    onSuccess: (result) => storeConnection(queryClient, result.connection),
    onError: (error) => reloadIfStale(queryClient, id, error),
  });
}

export function useSaveCrmMappings(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; mappings: CrmMappings }) =>
      call(http.PUT('/crm/connections/{id}/mappings', { params: { path: { id } }, body })),
    onSuccess: (connection) => storeConnection(queryClient, connection),
    onError: (error) => reloadIfStale(queryClient, id, error),
  });
}

export function useSetCrmPaused(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, paused }: { version: number; paused: boolean }) =>
      paused
        ? call(http.POST('/crm/connections/{id}/pause', { params: { path: { id } }, body: { version } }))
        : call(http.POST('/crm/connections/{id}/resume', { params: { path: { id } }, body: { version } })),
    onSuccess: (connection) => storeConnection(queryClient, connection),
    onError: (error) => reloadIfStale(queryClient, id, error),
  });
}

export function useStartCrmRun(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mode: 'dry_run' | 'sync' | 'retry') =>
      mode === 'dry_run'
        ? call(http.POST('/crm/connections/{id}/dry-run', { params: { path: { id } } }))
        : call(
            http.POST('/crm/connections/{id}/runs', {
              params: { path: { id } },
              body: { retryFailed: mode === 'retry' },
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmKeys.runs(id) }),
  });
}

/** Retries chosen record errors from the log (one run for them); the log shows them resolved once through. */
export function useRetryCrmRecords(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (recordIds: string[]) =>
      call(
        http.POST('/crm/connections/{id}/runs', {
          params: { path: { id } },
          body: { retryFailed: true, recordIds },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmKeys.runs(id) }),
  });
}

export function useResolveCrmLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, localId }: { id: string; localId: string | null }) =>
      call(http.POST('/crm/links/{id}/resolve', { params: { path: { id } }, body: { localId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmKeys.links }),
  });
}
