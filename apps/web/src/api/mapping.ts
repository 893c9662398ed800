import type {
  createLevelRequestBody,
  createPopulationBody,
  introBody,
  overlapInvolvementBody,
  MappingRun,
  Population,
  PopulationFilter,
  Round2,
  setLevelBody,
  SharingLevel,
} from '@partnergraph/shared/contracts/mapping';
import type { Transport } from '@partnergraph/shared/psi/initiator';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';

export type CreatePopulationInput = (typeof createPopulationBody)['_input'];
export type SetLevelInput = (typeof setLevelBody)['_input'];
export type LevelRequestInput = (typeof createLevelRequestBody)['_input'];
export type IntroInput = (typeof introBody)['_input'];
export type { MappingRun, Population, SharingLevel };

export const mappingKeys = {
  all: ['mapping'] as const,
  populations: ['mapping', 'populations'] as const,
  partnerships: ['mapping', 'partnerships'] as const,
  partnership: (id: string) => ['mapping', 'partnerships', id] as const,
};

export const populationsQueryOptions = queryOptions({
  queryKey: mappingKeys.populations,
  queryFn: ({ signal }) => call(http.GET('/mapping/populations', { signal })),
  select: (data) => data.items,
});

export const partnershipsQueryOptions = queryOptions({
  queryKey: mappingKeys.partnerships,
  queryFn: ({ signal }) => call(http.GET('/mapping/partnerships', { signal })),
  select: (data) => data.items,
});

export const matrixQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...mappingKeys.partnership(id), 'matrix'],
    queryFn: ({ signal }) =>
      call(http.GET('/mapping/partnerships/{id}/matrix', { params: { path: { id } }, signal })),
  });

export const overlapsQueryOptions = (id: string, q: string) =>
  queryOptions({
    queryKey: [...mappingKeys.partnership(id), 'overlaps', q],
    queryFn: ({ signal }) =>
      call(
        http.GET('/mapping/partnerships/{id}/overlaps', {
          params: { path: { id }, query: q ? { q } : {} },
          signal,
        }),
      ),
    select: (data) => data.items,
  });

export const runsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...mappingKeys.partnership(id), 'runs'],
    queryFn: ({ signal }) =>
      call(http.GET('/mapping/partnerships/{id}/runs', { params: { path: { id } }, signal })),
    select: (data) => data.items,
  });

export const requestsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...mappingKeys.partnership(id), 'requests'],
    queryFn: ({ signal }) =>
      call(http.GET('/mapping/partnerships/{id}/requests', { params: { path: { id } }, signal })),
    select: (data) => data.items,
  });

export const overlapsCsvUrl = (id: string) =>
  `/api/v1/mapping/partnerships/${encodeURIComponent(id)}/overlaps.csv`;

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: mappingKeys.all });
}

export function useCreatePopulation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreatePopulationInput) => call(http.POST('/mapping/populations', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdatePopulation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      defaultLevel?: SharingLevel;
      accountCount?: number;
      sharedFields?: Population['sharedFields'];
      filter?: PopulationFilter;
    }) => call(http.PATCH('/mapping/populations/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useUploadAccounts() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      version,
      accounts,
    }: {
      id: string;
      version: number;
      accounts: { name: string; domains: string[]; fields: Record<string, string> }[];
    }) =>
      call(
        http.PUT('/mapping/populations/{id}/accounts', {
          params: { path: { id } },
          body: { version, accounts },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useRefreshPopulation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) =>
      call(http.POST('/mapping/populations/{id}/refresh', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useOptIn() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (counterpartOrganizationId?: string) =>
      call(
        http.POST('/mapping/partnerships', {
          body: counterpartOrganizationId ? { counterpartOrganizationId } : {},
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useSetLevel() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, populationId, ...body }: SetLevelInput & { id: string; populationId: string }) =>
      call(
        http.PUT('/mapping/partnerships/{id}/levels/{populationId}', {
          params: { path: { id, populationId } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useRequestMore() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: LevelRequestInput & { id: string }) =>
      call(http.POST('/mapping/partnerships/{id}/requests', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useAnswerRequest() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, grant }: { id: string; grant: boolean }) =>
      call(http.POST('/mapping/requests/{id}/answer', { params: { path: { id } }, body: { grant } })),
    onSuccess: invalidate,
  });
}

export type OverlapInvolvementInput = (typeof overlapInvolvementBody)['_input'];

/** From an overlap: the vendor invites the partner onto its open deal there, or a partner asks to join it. */
export function useProposeInvolvement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, overlapId, ...body }: OverlapInvolvementInput & { id: string; overlapId: string }) =>
      call(
        http.POST('/mapping/partnerships/{id}/overlaps/{overlapId}/involvement', {
          params: { path: { id, overlapId } },
          body,
        }),
      ),
    onSuccess: (_data, { id }) => queryClient.invalidateQueries({ queryKey: mappingKeys.partnership(id) }),
  });
}

export function useAskForIntro() {
  return useMutation({
    mutationFn: ({ id, ...body }: IntroInput & { id: string }) =>
      call(http.POST('/mapping/partnerships/{id}/intros', { params: { path: { id } }, body })),
  });
}

/** The run's three messages through the typed client: what the shared initiator needs from the network. */
export function mappingTransport(partnershipId: string): Transport {
  return {
    start: () => call(http.POST('/mapping/runs', { body: { partnershipId } })),
    sendPoints: (runId, message) =>
      call(
        http.POST('/mapping/runs/{id}/points', { params: { path: { id: runId } }, body: message }),
      ) as Promise<Round2>,
    sendResults: (runId, message) =>
      call(http.POST('/mapping/runs/{id}/results', { params: { path: { id: runId } }, body: message })),
  };
}

export function readPeerRequest(runId: string) {
  return call(http.GET('/mapping/runs/{id}/request', { params: { path: { id: runId } } }));
}

export function postPeerAnswer(runId: string, body: Round2) {
  return call(http.POST('/mapping/runs/{id}/answer', { params: { path: { id: runId } }, body }));
}

export function readPeerAnswer(runId: string) {
  return call(http.GET('/mapping/runs/{id}/answer', { params: { path: { id: runId } } })) as Promise<Round2>;
}

/** Partner ↔ partner: the initiator's answer to my own sets, once it has finished the run. */
export function readPeerReverse(runId: string) {
  return call(http.GET('/mapping/runs/{id}/reverse', { params: { path: { id: runId } } })) as Promise<Round2>;
}
