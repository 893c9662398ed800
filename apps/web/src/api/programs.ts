import type {
  acceptanceSchema,
  Agreement,
  applicationListQuery,
  applicationReceipt,
  applicationSchema,
  approveApplicationBody,
  createAgreementBody,
  createApplicationBody,
  createEnrollmentBody,
  createPartnerTypeBody,
  createProgramBody,
  Enrollment,
  enrollmentListQuery,
  Evaluation,
  Program,
  programListQuery,
  publicProgramSchema,
  rejectApplicationBody,
  replaceTiersBody,
  tierHistorySchema,
  updatePartnerTypeBody,
  updateProgramBody,
} from '@partnergraph/shared/contracts/programs';
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http, isApiError, isStaleVersion } from './client';
import { pagedQueryOptions } from './paged';

// Request shapes come from the contract's schemas (as sent, before the server applies defaults),
// so a change there shows up here as a type error rather than as a 400 at run time.
export type ProgramFilters = (typeof programListQuery)['_input'];
export type CreateProgramInput = (typeof createProgramBody)['_input'];
export type UpdateProgramInput = (typeof updateProgramBody)['_input'];
export type ReplaceTiersInput = (typeof replaceTiersBody)['_input'];
export type EnrollmentFilters = (typeof enrollmentListQuery)['_input'];
export type CreateEnrollmentInput = (typeof createEnrollmentBody)['_input'];
export type CreateAgreementInput = (typeof createAgreementBody)['_input'];
export type CreatePartnerTypeInput = (typeof createPartnerTypeBody)['_input'];
export type UpdatePartnerTypeInput = (typeof updatePartnerTypeBody)['_input'];
export type ApplicationFilters = (typeof applicationListQuery)['_input'];
export type CreateApplicationInput = (typeof createApplicationBody)['_input'];
export type ApproveApplicationInput = (typeof approveApplicationBody)['_input'];
export type RejectApplicationInput = (typeof rejectApplicationBody)['_input'];

export type Application = (typeof applicationSchema)['_output'];
export type ApplicationReceipt = (typeof applicationReceipt)['_output'];
export type Acceptance = (typeof acceptanceSchema)['_output'];
export type TierHistoryEntry = (typeof tierHistorySchema)['_output'];
export type PublicProgram = (typeof publicProgramSchema)['_output'];
export type { Agreement, Enrollment, Evaluation, Program };

const PAGE_SIZE = 50;

export const programKeys = {
  all: ['programs'] as const,
  list: (filters: ProgramFilters) => ['programs', 'list', filters] as const,
  detail: (id: string) => ['programs', 'detail', id] as const,
  public: ['public-programs'] as const,
};

export const enrollmentKeys = {
  all: ['enrollments'] as const,
  list: (filters: EnrollmentFilters) => ['enrollments', 'list', filters] as const,
  history: (id: string) => ['enrollments', 'history', id] as const,
};

export const agreementKeys = {
  all: ['agreements'] as const,
  list: ['agreements', 'list'] as const,
  detail: (id: string) => ['agreements', 'detail', id] as const,
  acceptances: (id: string) => ['agreements', 'acceptances', id] as const,
};

export const applicationKeys = {
  all: ['applications'] as const,
  list: (filters: ApplicationFilters) => ['applications', 'list', filters] as const,
};

const partnerTypesKey = ['partner-types'] as const;

// --- Queries ---

/** Programs fit on one page of 200: a vendor runs a handful, not hundreds. */
export const programsQueryOptions = (filters: ProgramFilters = {}) =>
  queryOptions({
    queryKey: programKeys.list(filters),
    queryFn: ({ signal }) =>
      call(http.GET('/programs', { params: { query: { ...filters, limit: 200 } }, signal })),
    select: (data) => data.items,
  });

export const programQueryOptions = (id: string) =>
  queryOptions({
    queryKey: programKeys.detail(id),
    queryFn: ({ signal }) => call(http.GET('/programs/{id}', { params: { path: { id } }, signal })),
  });

/** The programs open for applications; answers without sign-in. */
export const publicProgramsQueryOptions = queryOptions({
  queryKey: programKeys.public,
  queryFn: ({ signal }) => call(http.GET('/public/programs', { signal })),
  select: (data) => data.items,
});

/**
 * The partner types for a form that may be filled in signed out. The list is public on current
 * servers; an older one answers 401, and then the form falls back to the programs' eligible types.
 */
export const partnerTypesOrNullQueryOptions = queryOptions({
  queryKey: [...partnerTypesKey, 'or-null'],
  queryFn: async ({ signal }) => {
    try {
      return (await call(http.GET('/partner-types', { signal }))).items;
    } catch (error) {
      if (isApiError(error, 401)) return null;
      throw error;
    }
  },
  staleTime: 10 * 60_000,
});

/** Enrollments on one page of 200: an organization holds a few, and a program's list is filtered. */
export const enrollmentsQueryOptions = (filters: EnrollmentFilters) =>
  queryOptions({
    queryKey: enrollmentKeys.list(filters),
    queryFn: ({ signal }) =>
      call(http.GET('/enrollments', { params: { query: { ...filters, limit: 200 } }, signal })),
    select: (data) => data.items,
  });

export const tierHistoryQueryOptions = (id: string) =>
  queryOptions({
    queryKey: enrollmentKeys.history(id),
    queryFn: ({ signal }) =>
      call(http.GET('/enrollments/{id}/history', { params: { path: { id } }, signal })),
    select: (data) => data.items,
  });

export const agreementsQueryOptions = queryOptions({
  queryKey: agreementKeys.list,
  queryFn: ({ signal }) => call(http.GET('/agreements', { signal })),
  select: (data) => data.items,
});

export const agreementQueryOptions = (id: string) =>
  queryOptions({
    queryKey: agreementKeys.detail(id),
    queryFn: ({ signal }) => call(http.GET('/agreements/{id}', { params: { path: { id } }, signal })),
  });

export const acceptancesQueryOptions = (id: string) =>
  queryOptions({
    queryKey: agreementKeys.acceptances(id),
    queryFn: ({ signal }) =>
      call(http.GET('/agreements/{id}/acceptances', { params: { path: { id } }, signal })),
    select: (data) => data.items,
  });

export const applicationsQueryOptions = (filters: ApplicationFilters) =>
  pagedQueryOptions(
    applicationKeys.list(filters),
    (page, signal) =>
      call(
        http.GET('/applications', {
          params: { query: { ...filters, ...page } },
          signal,
        }),
      ),
    PAGE_SIZE,
  );

// --- Cache upkeep ---

function invalidate(queryClient: QueryClient, ...keys: (readonly unknown[])[]) {
  return Promise.all([
    ...keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    // Every change here writes an audit entry.
    queryClient.invalidateQueries({ queryKey: ['audit-log'] }),
  ]);
}

// --- Partner types ---

export function usePartnerTypeMutations() {
  const queryClient = useQueryClient();
  const done = () => invalidate(queryClient, partnerTypesKey);
  return {
    create: useMutation({
      mutationFn: (body: CreatePartnerTypeInput) => call(http.POST('/partner-types', { body })),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ code, ...body }: UpdatePartnerTypeInput & { code: string }) =>
        call(http.PATCH('/partner-types/{code}', { params: { path: { code } }, body })),
      onSuccess: done,
    }),
    setRetired: useMutation({
      mutationFn: ({ code, retired }: { code: string; retired: boolean }) =>
        call(
          http.POST(`/partner-types/{code}/${retired ? 'retire' : 'restore'}`, {
            params: { path: { code } },
          }),
        ),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (code: string) =>
        call(http.DELETE('/partner-types/{code}', { params: { path: { code } } })),
      onSuccess: done,
    }),
  };
}

// --- Programs ---

function useStoreProgram() {
  const queryClient = useQueryClient();
  return (program: Program) => {
    queryClient.setQueryData(programKeys.detail(program.id), program);
    return invalidate(queryClient, ['programs', 'list'], programKeys.public);
  };
}

/** After a 409 for a stale version, reload the program so the page can offer what the other person saved. */
function useRefreshProgramWhenStale(id: string) {
  const queryClient = useQueryClient();
  return (error: Error) =>
    isStaleVersion(error) ? queryClient.invalidateQueries({ queryKey: programKeys.detail(id) }) : undefined;
}

export function useCreateProgram() {
  const store = useStoreProgram();
  return useMutation({
    mutationFn: (body: CreateProgramInput) => call(http.POST('/programs', { body })),
    onSuccess: store,
  });
}

export interface SaveProgramInput {
  /** The version the form was loaded from. */
  version: number;
  /** Changed settings only; absent when none changed. */
  settings?: Omit<UpdateProgramInput, 'version'>;
  /** Sent only when the tiers changed: on a published program each replacement is a new tiers version. */
  tiers?: ReplaceTiersInput['tiers'];
  /** Hears of each step that the server took, so the form keeps the version it must send next. */
  onStep?: (program: Program) => void;
}

/**
 * Saves settings, then tiers, as two calls: the second takes the version the first returned. A failure
 * of the second names `tiers.*` fields, as the create call does, so the form places it the same way.
 */
export function useSaveProgram(id: string) {
  const store = useStoreProgram();
  const refreshWhenStale = useRefreshProgramWhenStale(id);
  return useMutation({
    mutationFn: async ({ version, settings, tiers, onStep }: SaveProgramInput) => {
      let program: Program | undefined;
      if (settings) {
        program = await call(
          http.PATCH('/programs/{id}', { params: { path: { id } }, body: { ...settings, version } }),
        );
        onStep?.(program);
        void store(program);
      }
      if (tiers) {
        program = await call(
          http.PUT('/programs/{id}/tiers', {
            params: { path: { id } },
            body: { version: program?.version ?? version, tiers },
          }),
        );
        onStep?.(program);
      }
      return program ?? null;
    },
    onSuccess: (program) => (program ? store(program) : undefined),
    onError: refreshWhenStale,
  });
}

export function useProgramStatusAction(id: string) {
  const store = useStoreProgram();
  const refreshWhenStale = useRefreshProgramWhenStale(id);
  return useMutation({
    mutationFn: ({ verb, version }: { verb: 'publish' | 'retire'; version: number }) =>
      call(http.POST(`/programs/{id}/${verb}`, { params: { path: { id } }, body: { version } })),
    onSuccess: store,
    onError: refreshWhenStale,
  });
}

// --- Enrollments ---

function useEnrollmentChanged() {
  const queryClient = useQueryClient();
  // Counts on the program list and tiers in the partner's history move with enrollments.
  return () => invalidate(queryClient, enrollmentKeys.all, ['programs', 'list']);
}

export function useCreateEnrollment() {
  const changed = useEnrollmentChanged();
  return useMutation({
    mutationFn: (body: CreateEnrollmentInput) => call(http.POST('/enrollments', { body })),
    onSuccess: changed,
  });
}

export type EnrollmentVerb = 'suspend' | 'reactivate' | 'terminate';

export function useEnrollmentStatusAction() {
  const changed = useEnrollmentChanged();
  return useMutation({
    mutationFn: ({
      id,
      verb,
      ...body
    }: {
      id: string;
      verb: EnrollmentVerb;
      version: number;
      reason?: string;
    }) => call(http.POST(`/enrollments/{id}/${verb}`, { params: { path: { id } }, body })),
    onSuccess: changed,
    // A stale version: reload, so the next try carries the current one.
    onError: (error) => (isStaleVersion(error) ? changed() : undefined),
  });
}

export function useEvaluateEnrollment() {
  const changed = useEnrollmentChanged();
  return useMutation({
    mutationFn: (id: string) => call(http.POST('/enrollments/{id}/evaluate', { params: { path: { id } } })),
    onSuccess: changed,
  });
}

export function useCompleteChecklistItem() {
  const changed = useEnrollmentChanged();
  return useMutation({
    mutationFn: ({ id, key }: { id: string; key: string }) =>
      call(http.POST('/enrollments/{id}/checklist/{key}/complete', { params: { path: { id, key } } })),
    onSuccess: changed,
  });
}

export function useRecordAttestation() {
  const changed = useEnrollmentChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; label: string; attested: boolean }) =>
      call(http.POST('/enrollments/{id}/attestations', { params: { path: { id } }, body })),
    onSuccess: changed,
  });
}

// --- Agreements ---

function useAgreementChanged() {
  const queryClient = useQueryClient();
  return (agreement: Agreement) => {
    queryClient.setQueryData(agreementKeys.detail(agreement.id), agreement);
    // Acceptances and new versions change which enrollments wait on an agreement.
    return invalidate(
      queryClient,
      agreementKeys.list,
      agreementKeys.acceptances(agreement.id),
      enrollmentKeys.all,
    );
  };
}

export function useCreateAgreement() {
  const changed = useAgreementChanged();
  return useMutation({
    mutationFn: (body: CreateAgreementInput) => call(http.POST('/agreements', { body })),
    onSuccess: changed,
  });
}

export function usePublishAgreementVersion(id: string) {
  const changed = useAgreementChanged();
  return useMutation({
    mutationFn: (body: string) =>
      call(http.POST('/agreements/{id}/versions', { params: { path: { id } }, body: { body } })),
    onSuccess: changed,
  });
}

export function useAcceptAgreement(id: string) {
  const queryClient = useQueryClient();
  const changed = useAgreementChanged();
  return useMutation({
    mutationFn: (versionId: string) =>
      call(http.POST('/agreements/{id}/accept', { params: { path: { id } }, body: { versionId } })),
    onSuccess: changed,
    // 409: a newer version was published meanwhile. Reload it (the mutation waits) so the page shows it.
    onError: (error) =>
      isApiError(error, 409)
        ? queryClient.invalidateQueries({ queryKey: agreementKeys.detail(id) })
        : undefined,
  });
}

// --- Applications ---

export function useSubmitApplication() {
  return useMutation({
    mutationFn: (body: CreateApplicationInput) => call(http.POST('/applications', { body })),
  });
}

export type ApplicationDecision =
  | ({ verb: 'approve'; id: string } & ApproveApplicationInput)
  | ({ verb: 'reject'; id: string } & RejectApplicationInput);

export function useDecideApplication() {
  const queryClient = useQueryClient();
  const refresh = () => invalidate(queryClient, applicationKeys.all);
  return useMutation({
    mutationFn: ({ verb, id, ...body }: ApplicationDecision) =>
      call(http.POST(`/applications/{id}/${verb}`, { params: { path: { id } }, body })),
    onSuccess: (_application, { verb }) =>
      verb === 'approve'
        ? // Approval creates or links an organization and enrolls it.
          invalidate(queryClient, applicationKeys.all, ['partners'], enrollmentKeys.all, ['programs', 'list'])
        : refresh(),
    // Another reviewer acted first (409), or the application is decided already (422): show the queue as it is.
    onError: (error) => (isApiError(error, 409) || isApiError(error, 422) ? refresh() : undefined),
  });
}
