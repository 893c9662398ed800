import type {
  createSsoConnectionBody,
  SsoConnection,
  SsoDomain,
  updateSsoPolicyBody,
} from '@partnergraph/shared/contracts/sso';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';

export type CreateSsoConnectionInput = (typeof createSsoConnectionBody)['_input'];
export type UpdateSsoPolicyInput = (typeof updateSsoPolicyBody)['_input'];
export type { SsoConnection, SsoDomain };

export const ssoKeys = {
  all: ['sso'] as const,
  connections: ['sso', 'connections'] as const,
  domains: ['sso', 'domains'] as const,
  policy: ['sso', 'policy'] as const,
};

export const ssoConnectionsQueryOptions = queryOptions({
  queryKey: ssoKeys.connections,
  queryFn: ({ signal }) => call(http.GET('/sso/connections', { signal })),
  select: (data) => data.items,
});

export const ssoDomainsQueryOptions = queryOptions({
  queryKey: ssoKeys.domains,
  queryFn: ({ signal }) => call(http.GET('/sso/domains', { signal })),
  select: (data) => data.items,
});

export const ssoPolicyQueryOptions = queryOptions({
  queryKey: ssoKeys.policy,
  queryFn: ({ signal }) => call(http.GET('/sso/policy', { signal })),
});

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ssoKeys.all });
}

export function useCreateSsoConnection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateSsoConnectionInput) => call(http.POST('/sso/connections', { body })),
    onSuccess: invalidate,
  });
}

export function useApproveSsoConnection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      call(http.POST('/sso/connections/{id}/approve', { params: { path: { id } }, body: { version } })),
    onSuccess: invalidate,
  });
}

export function useDisableSsoConnection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      call(http.POST('/sso/connections/{id}/disable', { params: { path: { id } }, body: { version } })),
    onSuccess: invalidate,
  });
}

export function useTestSsoConnection() {
  return useMutation({
    mutationFn: (id: string) => call(http.POST('/sso/connections/{id}/test', { params: { path: { id } } })),
  });
}

export function useClaimSsoDomain() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (domain: string) => call(http.POST('/sso/domains', { body: { domain } })),
    onSuccess: invalidate,
  });
}

export function useVerifySsoDomain() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, byVendor }: { id: string; version: number; byVendor?: boolean }) =>
      call(http.POST('/sso/domains/{id}/verify', { params: { path: { id } }, body: { version, byVendor } })),
    onSuccess: invalidate,
  });
}

export function useReleaseSsoDomain() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => call(http.DELETE('/sso/domains/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useUpdateSsoPolicy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: UpdateSsoPolicyInput) => call(http.PUT('/sso/policy', { body })),
    onSuccess: invalidate,
  });
}

/** The sign-in page's question (public): does this address sign in through its company's IdP? */
export function useDiscoverSso() {
  return useMutation({
    mutationFn: (email: string) => call(http.POST('/auth/sso/discover', { body: { email } })),
  });
}
