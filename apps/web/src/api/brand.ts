import type { Brand, updateBrandBody } from '@partnergraph/shared/contracts/settings';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http, isStaleVersion } from './client';

export type UpdateBrandInput = (typeof updateBrandBody)['_input'];
export type { Brand };

export const brandKey = ['brand'] as const;

/** The vendor's brand: public, read by the signed-out pages as well as the app shell. */
export const brandQueryOptions = queryOptions({
  queryKey: brandKey,
  queryFn: ({ signal }) => call(http.GET('/brand', { signal })),
  staleTime: 5 * 60_000,
});

export function useUpdateBrand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateBrandInput) => call(http.PATCH('/brand', { body })),
    onSuccess: (brand) => {
      queryClient.setQueryData(brandKey, brand);
      return queryClient.invalidateQueries({ queryKey: ['audit-log'] });
    },
    onError: (error) =>
      isStaleVersion(error) ? queryClient.invalidateQueries({ queryKey: brandKey }) : undefined,
  });
}

export function useUploadLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    // The upload helper is fetched when a logo is sent: this module is on every page (the brand's colours).
    mutationFn: async (file: File) => {
      const { uploadFile } = await import('./upload');
      return uploadFile('/brand/logo', file, { query: { fileName: file.name } });
    },
    onSuccess: (brand) => queryClient.setQueryData(brandKey, brand),
  });
}

export function useRemoveLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(http.DELETE('/brand/logo')),
    onSuccess: (brand) => queryClient.setQueryData(brandKey, brand),
  });
}
