import type {
  Import,
  importErrorSchema,
  importMappingSchema,
  importValuesSchema,
  ImportType,
  importTypeSchema,
  saveMappingBody,
  uploadImportQuery,
} from '@partnergraph/shared/contracts/imports';
import {
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { call, http, isApiError, type Page } from './client';
import { uploadFile } from './upload';

// Shapes from the contract (types only: the Zod schemas themselves stay out of the browser bundle).
export type ImportTypeInfo = (typeof importTypeSchema)['_output'];
export type ImportField = ImportTypeInfo['fields'][number];
export type ImportRowError = (typeof importErrorSchema)['_output'];
export type ImportMapping = (typeof importMappingSchema)['_output'];
export type SaveMappingInput = (typeof saveMappingBody)['_input'];
export type ImportEncoding = NonNullable<(typeof uploadImportQuery)['_input']['encoding']>;
export type ImportStatus = Import['status'];
/** Field key → the file's column it is read from. */
export type ColumnMapping = Record<string, string>;
/** Field key → (value as written → the code it is imported as). */
export type ValueMapping = Record<string, Record<string, string>>;
export type FieldValues = (typeof importValuesSchema)['_output']['items'][number];
export type { Import, ImportType };

const PAGE_SIZE = 50;
/** The most the errors route hands out in one page. */
export const MAX_ERRORS_PAGE = 200;

export const importKeys = {
  all: ['imports'] as const,
  types: ['imports', 'types'] as const,
  list: ['imports', 'list'] as const,
  detail: (id: string) => ['imports', 'detail', id] as const,
  errors: (id: string) => ['imports', 'errors', id] as const,
  errorPage: (id: string, run: string, cursor: string | undefined) =>
    [...importKeys.errors(id), run, cursor ?? ''] as const,
  mappings: (type: ImportType) => ['imports', 'mappings', type] as const,
  values: (id: string, version: number, mapping: ColumnMapping) =>
    ['imports', 'values', id, version, mapping] as const,
};

/** A run is under way: the import's page polls it for progress. */
export const isRunning = (status: ImportStatus) => status === 'validating' || status === 'committing';

// --- Queries ---

/** What can be imported; fixed by the server's code, so read once. */
export const importTypesQueryOptions = queryOptions({
  queryKey: importKeys.types,
  queryFn: ({ signal }) => call(http.GET('/imports/types', { signal })),
  select: (data) => data.items,
  staleTime: Infinity,
});

/** Past imports, newest first. */
export const importsQueryOptions = infiniteQueryOptions({
  queryKey: importKeys.list,
  queryFn: ({ pageParam, signal }) =>
    call(http.GET('/imports', { params: { query: { limit: PAGE_SIZE, cursor: pageParam } }, signal })),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
});

/** One import; while a run is under way it is polled (~700 ms) for its progress. */
export const importQueryOptions = (id: string) =>
  queryOptions({
    queryKey: importKeys.detail(id),
    queryFn: ({ signal }) => call(http.GET('/imports/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (query) => (query.state.data && isRunning(query.state.data.status) ? 700 : false),
  });

/**
 * One page of the last dry run's report. `run` names the run (the import's `updatedAt` when it
 * ended), so a new dry run never shows the previous one's pages from the cache.
 */
export const importErrorsQueryOptions = (id: string, run: string, cursor: string | undefined) =>
  queryOptions({
    queryKey: importKeys.errorPage(id, run, cursor),
    queryFn: ({ signal }) =>
      call(
        http.GET('/imports/{id}/errors', {
          params: { path: { id }, query: { limit: PAGE_SIZE, cursor } },
          signal,
        }),
      ),
    // A finished run's report never changes.
    staleTime: Infinity,
  });

/** Reads the report page by page, up to `max` errors; `truncated` says whether more were left. */
export async function fetchAllImportErrors(
  id: string,
  max: number,
  signal?: AbortSignal,
): Promise<{ items: ImportRowError[]; truncated: boolean }> {
  const items: ImportRowError[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await call(
      http.GET('/imports/{id}/errors', {
        params: { path: { id }, query: { limit: Math.min(MAX_ERRORS_PAGE, max - items.length), cursor } },
        signal,
      }),
    );
    items.push(...page.items);
    if (!page.nextCursor) return { items, truncated: false };
    if (items.length >= max) return { items, truncated: true };
    cursor = page.nextCursor;
  }
}

/**
 * The value mapping to confirm for this column mapping: the server reads the file and proposes a
 * code for each value that is not one. Nothing is written, so it is a query (sent as a POST).
 */
export const importValuesQueryOptions = (id: string, version: number, mapping: ColumnMapping) =>
  queryOptions({
    queryKey: importKeys.values(id, version, mapping),
    queryFn: ({ signal }) =>
      call(http.POST('/imports/{id}/values', { params: { path: { id } }, body: { mapping }, signal })),
    select: (data) => data.items,
    staleTime: Infinity,
  });

/** Where the rows the last dry run rejected download as a CSV (a plain link: the session cookie goes with it). */
export const rejectedRowsUrl = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}/rejected`;

export const importMappingsQueryOptions = (type: ImportType) =>
  queryOptions({
    queryKey: importKeys.mappings(type),
    queryFn: ({ signal }) => call(http.GET('/imports/mappings', { params: { query: { type } }, signal })),
    select: (data) => data.items,
  });

// --- Cache upkeep ---

/** The server's answer becomes the import's page; the list and the audit log (every step writes an entry) reload. */
function storeImport(queryClient: QueryClient, item: Import) {
  queryClient.setQueryData(importKeys.detail(item.id), item);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: importKeys.list }),
    queryClient.invalidateQueries({ queryKey: ['audit-log'] }),
  ]);
}

/** Someone (or another tab) moved the import on first: reload it so the page shows where it is. */
function reloadIfStale(queryClient: QueryClient, id: string, error: unknown) {
  // A stale version, or a run already started or finished meanwhile: both answer 409.
  if (!isApiError(error, 409)) return undefined;
  return queryClient.invalidateQueries({ queryKey: importKeys.detail(id) });
}

// --- Upload ---

export interface UploadInput {
  type: ImportType;
  encoding: ImportEncoding;
  file: File;
  /** Bytes sent so far, of the whole file. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/** The file itself is the body, streamed from disk with its progress reported (api/upload.ts). */
function sendFile({ type, encoding, file, onProgress, signal }: UploadInput) {
  const fileName = file.name.trim().slice(0, 200) || 'upload.csv';
  return uploadFile('/imports', file, {
    query: { type, fileName, encoding },
    contentType: 'text/csv',
    onProgress,
    signal,
  });
}

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendFile,
    onSuccess: (created) => storeImport(queryClient, created),
  });
}

// --- Runs ---

/** Starts a dry run with this mapping (202): the import comes back `validating`. */
export function useStartDryRun(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; mapping?: ColumnMapping; values?: ValueMapping }) =>
      call(http.POST('/imports/{id}/dry-run', { params: { path: { id } }, body })),
    onSuccess: (item) => storeImport(queryClient, item),
    onError: (error) => reloadIfStale(queryClient, id, error),
  });
}

/**
 * Starts the commit (202): the import comes back `committing`. `onlyValid` commits the rows a dry run
 * with errors found valid, leaving out the rejected ones.
 */
export function useStartCommit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; onlyValid?: boolean }) =>
      call(http.POST('/imports/{id}/commit', { params: { path: { id } }, body })),
    onSuccess: (item) => storeImport(queryClient, item),
    onError: (error) => reloadIfStale(queryClient, id, error),
  });
}

/** Deletes the file and its report; the records it imported stay. */
export function useDeleteImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(http.DELETE('/imports/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      // The import's own queries are left alone: refetched, they would only hear 404.
      queryClient.setQueryData<{ pages: Page<Import>[]; pageParams: unknown[] }>(importKeys.list, (data) =>
        data
          ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((i) => i.id !== id) })) }
          : data,
      );
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: importKeys.list }),
        queryClient.invalidateQueries({ queryKey: ['audit-log'] }),
      ]);
    },
  });
}

// --- Saved mappings ---

export function useSaveMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveMappingInput) => call(http.POST('/imports/mappings', { body })),
    onSuccess: (saved) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: importKeys.mappings(saved.type) }),
        queryClient.invalidateQueries({ queryKey: ['audit-log'] }),
      ]),
  });
}

export function useDeleteMapping(type: ImportType) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mappingId: string) =>
      call(http.DELETE('/imports/mappings/{id}', { params: { path: { id: mappingId } } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: importKeys.mappings(type) }),
        queryClient.invalidateQueries({ queryKey: ['audit-log'] }),
      ]),
  });
}
