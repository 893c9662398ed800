import type {
  createdScimTokenSchema,
  createScimTokenBody,
  scimRoleMappingsBody,
  scimRoleMappingsSchema,
  ScimToken,
} from '@partnergraph/shared/contracts/scim';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';

export type CreateScimTokenInput = (typeof createScimTokenBody)['_input'];
export type CreatedScimToken = (typeof createdScimTokenSchema)['_output'];
export type RoleMappingsInput = (typeof scimRoleMappingsBody)['_input'];
export type RoleMappings = (typeof scimRoleMappingsSchema)['_output'];
export type { ScimToken };

export const scimKeys = {
  tokens: ['scim', 'tokens'] as const,
  roleMappings: ['scim', 'role-mappings'] as const,
};

export const scimTokensQueryOptions = queryOptions({
  queryKey: scimKeys.tokens,
  queryFn: ({ signal }) => call(http.GET('/scim/tokens', { signal })),
});

export function useCreateScimToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateScimTokenInput) => call(http.POST('/scim/tokens', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scimKeys.tokens }),
  });
}

export function useRevokeScimToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(http.DELETE('/scim/tokens/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: scimKeys.tokens }),
  });
}

export const roleMappingsQueryOptions = queryOptions({
  queryKey: scimKeys.roleMappings,
  queryFn: ({ signal }) => call(http.GET('/scim/role-mappings', { signal })),
});

export function useSaveRoleMappings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoleMappingsInput) => call(http.PUT('/scim/role-mappings', { body })),
    onSuccess: (data) => queryClient.setQueryData(scimKeys.roleMappings, data),
  });
}
