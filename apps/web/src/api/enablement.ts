import type {
  Asset,
  Certification,
  CollectionDetail,
  Course,
  CourseSummary,
  createAssetBody,
  createCertificationTypeBody,
  createCourseBody,
  recordCertificationBody,
  submitQuizBody,
  pathSchema,
  updateCollectionBody,
  updateCourseBody,
  updatePathBody,
} from '@partnergraph/shared/contracts/enablement';
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';

export type { Asset, Certification, CollectionDetail, Course, CourseSummary };
export type UpdateCourseInput = (typeof updateCourseBody)['_input'];
export type UpdateCollectionInput = (typeof updateCollectionBody)['_input'];
export type UpdatePathInput = (typeof updatePathBody)['_input'];
export type LearningPath = (typeof pathSchema)['_output'];
export type CreateAssetInput = (typeof createAssetBody)['_input'];
export type CreateCourseInput = (typeof createCourseBody)['_input'];
export type RecordCertificationInput = (typeof recordCertificationBody)['_input'];
export type CreateCertificationTypeInput = (typeof createCertificationTypeBody)['_input'];
export type SubmitQuizInput = (typeof submitQuizBody)['_input'];

export const enablementKeys = {
  all: ['enablement'] as const,
  assets: (q: AssetFilters) => ['enablement', 'assets', q] as const,
  asset: (id: string) => ['enablement', 'asset', id] as const,
  versions: (id: string) => ['enablement', 'asset', id, 'versions'] as const,
  collections: ['enablement', 'collections'] as const,
  collection: (id: string) => ['enablement', 'collections', id] as const,
  usage: (assetId?: string) => ['enablement', 'usage', assetId ?? null] as const,
  courses: (q: string) => ['enablement', 'courses', q] as const,
  course: (id: string) => ['enablement', 'course', id] as const,
  progress: (id: string) => ['enablement', 'course', id, 'progress'] as const,
  paths: ['enablement', 'paths'] as const,
  types: ['enablement', 'certification-types'] as const,
  certifications: (q: CertificationFilters) => ['enablement', 'certifications', q] as const,
};

export interface AssetFilters {
  q?: string;
  collectionId?: string;
  fresh?: boolean;
}

export const assetsQueryOptions = (f: AssetFilters) =>
  infiniteQueryOptions({
    queryKey: enablementKeys.assets(f),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      call(
        http.GET('/content/assets', {
          params: {
            query: {
              ...(f.q ? { q: f.q } : {}),
              ...(f.collectionId ? { collectionId: f.collectionId } : {}),
              ...(f.fresh ? { fresh: 'true' as const } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
              limit: 50,
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const assetQueryOptions = (id: string) =>
  queryOptions({
    queryKey: enablementKeys.asset(id),
    queryFn: ({ signal }) => call(http.GET('/content/assets/{id}', { params: { path: { id } }, signal })),
    // Each read counts as a view: do not refetch on every focus.
    staleTime: 5 * 60_000,
  });

export const assetVersionsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: enablementKeys.versions(id),
    queryFn: ({ signal }) =>
      call(http.GET('/content/assets/{id}/versions', { params: { path: { id } }, signal })),
    select: (d) => d.items,
  });

export const collectionsQueryOptions = queryOptions({
  queryKey: enablementKeys.collections,
  queryFn: ({ signal }) => call(http.GET('/content/collections', { signal })),
  select: (d) => d.items,
});

export const collectionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: enablementKeys.collection(id),
    queryFn: ({ signal }) =>
      call(http.GET('/content/collections/{id}', { params: { path: { id } }, signal })),
  });

export const usageQueryOptions = (assetId?: string) =>
  queryOptions({
    queryKey: enablementKeys.usage(assetId),
    queryFn: ({ signal }) =>
      call(http.GET('/content/usage', { params: { query: assetId ? { assetId } : {} }, signal })),
    select: (d) => d.items,
  });

export const coursesQueryOptions = (q = '') =>
  queryOptions({
    queryKey: enablementKeys.courses(q),
    queryFn: ({ signal }) =>
      call(http.GET('/courses', { params: { query: { limit: 200, ...(q ? { q } : {}) } }, signal })),
    select: (d) => d.items,
  });

export const courseQueryOptions = (id: string) =>
  queryOptions({
    queryKey: enablementKeys.course(id),
    queryFn: ({ signal }) => call(http.GET('/courses/{id}', { params: { path: { id } }, signal })),
  });

export const courseProgressQueryOptions = (id: string) =>
  queryOptions({
    queryKey: enablementKeys.progress(id),
    queryFn: ({ signal }) => call(http.GET('/courses/{id}/progress', { params: { path: { id } }, signal })),
    select: (d) => d.items,
  });

export const pathsQueryOptions = queryOptions({
  queryKey: enablementKeys.paths,
  queryFn: ({ signal }) => call(http.GET('/learning-paths', { signal })),
  select: (d) => d.items,
});

export const certificationTypesQueryOptions = queryOptions({
  queryKey: enablementKeys.types,
  queryFn: ({ signal }) => call(http.GET('/certification-types', { signal })),
  select: (d) => d.items,
});

export interface CertificationFilters {
  userId?: string;
  status?: 'valid' | 'expired' | 'revoked';
}

export const certificationsQueryOptions = (f: CertificationFilters = {}) =>
  queryOptions({
    queryKey: enablementKeys.certifications(f),
    queryFn: ({ signal }) =>
      call(http.GET('/certifications', { params: { query: { limit: 200, ...f } }, signal })),
    select: (d) => d.items,
  });

export const badgeQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['badge', id] as const,
    queryFn: ({ signal }) =>
      call(http.GET('/certifications/verify/{id}', { params: { path: { id } }, signal })),
  });

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: enablementKeys.all });
}

export function useCreateAsset() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateAssetInput) => call(http.POST('/content/assets', { body })),
    onSuccess: invalidate,
  });
}

/** The file is the request body itself; its type is read from its content by the server. */
export function useUploadAssetFile() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) =>
      call(
        http.POST('/content/assets/{id}/file', {
          params: { path: { id }, query: { fileName: file.name } },
          body: file as never,
          bodySerializer: (b: unknown) => b as BodyInit,
          headers: { 'content-type': file.type || 'application/octet-stream' },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useRetireAsset() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      call(http.POST('/content/assets/{id}/retire', { params: { path: { id } }, body: { version } })),
    onSuccess: invalidate,
  });
}

export function useCreateCourse() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateCourseInput) => call(http.POST('/courses', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateCourse(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: UpdateCourseInput) =>
      call(http.PATCH('/courses/{id}', { params: { path: { id } }, body })),
    // A stale version reloads the course too, so a second try starts from what is there now.
    onSettled: invalidate,
  });
}

export function useUpdateCollection(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: UpdateCollectionInput) =>
      call(http.PATCH('/content/collections/{id}', { params: { path: { id } }, body })),
    onSettled: invalidate,
  });
}

export function useUpdatePath(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: UpdatePathInput) =>
      call(http.PATCH('/learning-paths/{id}', { params: { path: { id } }, body })),
    onSettled: invalidate,
  });
}

export function useCompleteLesson() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, lessonId }: { id: string; lessonId: string }) =>
      call(http.POST('/courses/{id}/lessons/{lessonId}/complete', { params: { path: { id, lessonId } } })),
    onSuccess: invalidate,
  });
}

export function useSubmitQuiz() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SubmitQuizInput }) =>
      call(http.POST('/courses/{id}/quiz', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useRecordCertification() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RecordCertificationInput) => call(http.POST('/certifications', { body })),
    onSuccess: invalidate,
  });
}

export function useCreateCertificationType() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateCertificationTypeInput) => call(http.POST('/certification-types', { body })),
    onSuccess: invalidate,
  });
}

export function useRevokeCertification() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      call(http.POST('/certifications/{id}/revoke', { params: { path: { id } }, body: { reason } })),
    onSuccess: invalidate,
  });
}
