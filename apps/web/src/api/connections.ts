import type {
  acceptSolutionBody,
  Connection,
  connectionActionBody,
  connectionListQuery,
  createIntegrationBody,
  createSolutionBody,
  installSchema,
  integrationListQuery,
  integrationSchema,
  recommendationSchema,
  recordInstallBody,
  reviewIntegrationBody,
  solutionSchema,
  updateIntegrationBody,
} from '@partnergraph/shared/contracts/marketplace';
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http, isApiError, isStaleVersion } from './client';
import { pagedQueryOptions } from './paged';

// Partner-to-partner connections, integration listings, joint solutions and recommendations.
// Request shapes come from the contract's schemas (as sent, before the server applies defaults),
// so a change there shows up here as a type error rather than as a 400 at run time.
export type ConnectionFilters = (typeof connectionListQuery)['_input'];
export type ConnectionBox = NonNullable<ConnectionFilters['box']>;
export type ConnectionKind = Connection['kind'];
export type ConnectionStatus = Connection['status'];
export type ConnectionActionInput = (typeof connectionActionBody)['_input'];
export type ConnectionVerb = 'accept' | 'decline' | 'end';

export type Integration = (typeof integrationSchema)['_output'];
export type IntegrationStatus = Integration['status'];
export type IntegrationFilters = (typeof integrationListQuery)['_input'];
export type CreateIntegrationInput = (typeof createIntegrationBody)['_input'];
export type UpdateIntegrationInput = (typeof updateIntegrationBody)['_input'];
export type ReviewIntegrationInput = (typeof reviewIntegrationBody)['_input'];
export type RecordInstallInput = (typeof recordInstallBody)['_input'];
export type Install = (typeof installSchema)['_output'];

export type Solution = (typeof solutionSchema)['_output'];
export type SolutionStatus = Solution['status'];
export interface SolutionFilters {
  status?: SolutionStatus;
  organizationId?: string;
}
export type CreateSolutionInput = (typeof createSolutionBody)['_input'];
export type AcceptSolutionInput = (typeof acceptSolutionBody)['_input'];

export type Recommendation = (typeof recommendationSchema)['_output'];

export type { Connection };

/** An organization on the other end of something: a connection's party, a picker's choice. */
export interface OrgRef {
  id: string;
  name: string;
}

const PAGE_SIZE = 25;
/** The most the API hands out in one page; used where a whole (small) list is wanted at once. */
const MAX_PAGE = 100;

export const connectionKeys = {
  all: ['connections'] as const,
  lists: ['connections', 'list'] as const,
  list: (filters: ConnectionFilters) => ['connections', 'list', filters] as const,
  incoming: ['connections', 'list', 'incoming-count'] as const,
  activePartners: ['connections', 'list', 'active-partners'] as const,
  detail: (id: string) => ['connections', 'detail', id] as const,
  partnerPicker: (q: string) => ['connections', 'partner-picker', q] as const,
};

export const integrationKeys = {
  all: ['integrations'] as const,
  lists: ['integrations', 'list'] as const,
  list: (filters: IntegrationFilters) => ['integrations', 'list', filters] as const,
  categories: ['integrations', 'list', 'categories'] as const,
  reviewCount: ['integrations', 'list', 'review-count'] as const,
  detail: (id: string) => ['integrations', 'detail', id] as const,
  installs: (id: string) => ['integrations', 'detail', id, 'installs'] as const,
};

export const solutionKeys = {
  all: ['solutions'] as const,
  lists: ['solutions', 'list'] as const,
  list: (filters: SolutionFilters) => ['solutions', 'list', filters] as const,
  detail: (id: string) => ['solutions', 'detail', id] as const,
};

export const recommendationKeys = {
  all: ['recommendations'] as const,
};

/** The referral form lists partners one has an active connection with (GET /referrals/counterparts). */
const counterpartsKey = ['referrals', 'counterparts'] as const;

// --- Connections: queries ---

export const connectionsQueryOptions = (filters: ConnectionFilters) =>
  pagedQueryOptions(
    connectionKeys.list(filters),
    (page, signal) =>
      call(
        http.GET('/connections', {
          params: { query: { ...filters, ...page } },
          signal,
        }),
      ),
    PAGE_SIZE,
  );

export const connectionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: connectionKeys.detail(id),
    queryFn: ({ signal }) => call(http.GET('/connections/{id}', { params: { path: { id } }, signal })),
  });

/** Requests waiting for the caller's organization to answer: the count on the "Incoming" tab. */
export const incomingCountQueryOptions = queryOptions({
  queryKey: connectionKeys.incoming,
  queryFn: ({ signal }) =>
    call(http.GET('/connections', { params: { query: { box: 'incoming', limit: MAX_PAGE } }, signal })),
  select: (data) => ({ count: data.items.length, more: data.nextCursor !== null }),
});

/** The other side of a connection, seen from `orgId`'s side (the requester for the vendor's staff). */
export function otherParty(connection: Connection, orgId: string): OrgRef {
  return connection.requester.id === orgId ? connection.recipient : connection.requester;
}

/**
 * The partners the caller's organization has an active connection with, once each, by name: the
 * people one may propose a joint solution with.
 */
export const activePartnersQueryOptions = (myOrgId: string) =>
  queryOptions({
    queryKey: [...connectionKeys.activePartners, myOrgId],
    queryFn: ({ signal }) =>
      call(http.GET('/connections', { params: { query: { box: 'active', limit: MAX_PAGE } }, signal })),
    select: (data) => {
      const byId = new Map<string, OrgRef>();
      for (const c of data.items) {
        const other = otherParty(c, myOrgId);
        byId.set(other.id, other);
      }
      return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
  });

/** Vendor staff pick a partner to filter by: the partner list's search (names and domains). */
export const partnerPickerQueryOptions = (q: string) =>
  queryOptions({
    queryKey: connectionKeys.partnerPicker(q),
    queryFn: ({ signal }) =>
      call(http.GET('/partners', { params: { query: { q, limit: 20, sort: 'name' } }, signal })),
    select: (data): OrgRef[] => data.items.map((p) => ({ id: p.id, name: p.name })),
    staleTime: 60_000,
  });

// --- Connections: mutations ---

/**
 * Puts a changed connection into the cache and marks what depends on it stale: the lists (a row
 * moves between tabs), recommendations (an open connection takes a partner off them), the referral
 * form's counterparts (an active one adds one) and the audit log.
 */
function storeConnection(queryClient: QueryClient, connection: Connection) {
  queryClient.setQueryData(connectionKeys.detail(connection.id), connection);
  return Promise.all(
    [connectionKeys.lists, recommendationKeys.all, counterpartsKey, ['audit-log']].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/**
 * After a 409 for a stale version (or a 422 because the connection moved on meanwhile), reload it and
 * the lists, so the page shows where it stands. The mutation waits: callers see fresh data.
 */
function refreshConnection(queryClient: QueryClient, id: string, error: Error) {
  if (!isStaleVersion(error) && !isApiError(error, 422)) return undefined;
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: connectionKeys.detail(id) }),
    queryClient.invalidateQueries({ queryKey: connectionKeys.lists }),
  ]);
}

export type ConnectionAction = { id: string; verb: ConnectionVerb } & ConnectionActionInput;

/** Accept or decline a request (its recipient), or end a connection / withdraw a request (either party). */
export function useConnectionAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, verb, ...body }: ConnectionAction) =>
      call(http.POST(`/connections/{id}/${verb}`, { params: { path: { id } }, body })),
    onSuccess: (connection) => storeConnection(queryClient, connection),
    onError: (error, { id }) => refreshConnection(queryClient, id, error),
  });
}

// --- Integrations: queries ---

export const integrationsQueryOptions = (filters: IntegrationFilters) =>
  pagedQueryOptions(
    integrationKeys.list(filters),
    (page, signal) =>
      call(
        http.GET('/integrations', {
          params: { query: { ...filters, ...page } },
          signal,
        }),
      ),
    PAGE_SIZE,
  );

/**
 * The categories of the published catalog, for its filter. The API keeps no list of its own:
 * categories are whatever listings name, so they are read off the first page of 100.
 */
export const integrationCategoriesQueryOptions = queryOptions({
  queryKey: integrationKeys.categories,
  queryFn: ({ signal }) =>
    call(http.GET('/integrations', { params: { query: { status: 'published', limit: MAX_PAGE } }, signal })),
  select: (data) => [...new Set(data.items.map((i) => i.category))].sort((a, b) => a.localeCompare(b)),
  staleTime: 5 * 60_000,
});

/** Listings waiting for the vendor's review: the count on the review queue's tab. */
export const reviewCountQueryOptions = queryOptions({
  queryKey: integrationKeys.reviewCount,
  queryFn: ({ signal }) =>
    call(http.GET('/integrations', { params: { query: { status: 'submitted', limit: MAX_PAGE } }, signal })),
  select: (data) => ({ count: data.items.length, more: data.nextCursor !== null }),
});

export const integrationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: integrationKeys.detail(id),
    queryFn: ({ signal }) => call(http.GET('/integrations/{id}', { params: { path: { id } }, signal })),
  });

/** Customer accounts running the integration: the vendor's staff and the listing partner only. */
export const installsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: integrationKeys.installs(id),
    queryFn: ({ signal }) =>
      call(http.GET('/integrations/{id}/installs', { params: { path: { id } }, signal })),
    select: (data) => data.items,
  });

// --- Integrations: mutations ---

function storeIntegration(queryClient: QueryClient, integration: Integration) {
  queryClient.setQueryData(integrationKeys.detail(integration.id), integration);
  return Promise.all(
    [integrationKeys.lists, ['audit-log']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

function refreshIntegration(queryClient: QueryClient, id: string, error: Error) {
  if (!isStaleVersion(error) && !isApiError(error, 422)) return undefined;
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: integrationKeys.detail(id) }),
    queryClient.invalidateQueries({ queryKey: integrationKeys.lists }),
  ]);
}

export function useCreateIntegration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIntegrationInput) => call(http.POST('/integrations', { body })),
    onSuccess: (integration) => storeIntegration(queryClient, integration),
  });
}

export function useUpdateIntegration(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateIntegrationInput) =>
      call(http.PATCH('/integrations/{id}', { params: { path: { id } }, body })),
    onSuccess: (integration) => storeIntegration(queryClient, integration),
    onError: (error) => refreshIntegration(queryClient, id, error),
  });
}

export type IntegrationStep =
  { verb: 'submit'; version: number } | ({ verb: 'publish' | 'reject' } & ReviewIntegrationInput);

/** The owner submits a listing for review; the vendor publishes or rejects it (with a reason). */
export function useIntegrationStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: IntegrationStep) => {
      const params = { path: { id } };
      if (step.verb === 'submit') {
        return call(http.POST('/integrations/{id}/submit', { params, body: { version: step.version } }));
      }
      const { verb, ...body } = step;
      return call(http.POST(`/integrations/{id}/${verb}`, { params, body }));
    },
    onSuccess: (integration) => storeIntegration(queryClient, integration),
    onError: (error) => refreshIntegration(queryClient, id, error),
  });
}

export function useRecordInstall(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordInstallInput) =>
      call(http.POST('/integrations/{id}/installs', { params: { path: { id } }, body })),
    onSuccess: (integration) =>
      Promise.all([
        storeIntegration(queryClient, integration),
        queryClient.invalidateQueries({ queryKey: integrationKeys.installs(id) }),
      ]),
  });
}

// --- Joint solutions ---

export const solutionsQueryOptions = (filters: SolutionFilters) =>
  pagedQueryOptions(
    solutionKeys.list(filters),
    (page, signal) =>
      call(
        http.GET('/solutions', {
          params: { query: { ...filters, ...page } },
          signal,
        }),
      ),
    PAGE_SIZE,
  );

export const solutionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: solutionKeys.detail(id),
    queryFn: ({ signal }) => call(http.GET('/solutions/{id}', { params: { path: { id } }, signal })),
  });

function storeSolution(queryClient: QueryClient, solution: Solution) {
  queryClient.setQueryData(solutionKeys.detail(solution.id), solution);
  return Promise.all(
    [solutionKeys.lists, ['audit-log']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

export function useCreateSolution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSolutionInput) => call(http.POST('/solutions', { body })),
    onSuccess: (solution) => storeSolution(queryClient, solution),
  });
}

export function useAcceptSolution(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptSolutionInput) =>
      call(http.POST('/solutions/{id}/accept', { params: { path: { id } }, body })),
    onSuccess: (solution) => storeSolution(queryClient, solution),
    onError: (error) =>
      isStaleVersion(error) || isApiError(error, 422)
        ? queryClient.invalidateQueries({ queryKey: solutionKeys.detail(id) })
        : undefined,
  });
}

// --- Recommendations ---

export const recommendationsQueryOptions = queryOptions({
  queryKey: recommendationKeys.all,
  queryFn: ({ signal }) => call(http.GET('/recommendations', { signal })),
  select: (data) => data.items,
});
