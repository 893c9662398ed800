import type {
  acceptInvitationBody,
  ApiToken,
  createdTokenSchema,
  createInvitationBody,
  createTokenBody,
  deactivateUserBody,
  Invitation,
  invitationListQuery,
  invitationPreview,
  LoginResponse,
  MeResponse,
  passwordResetBody,
  passwordResetConfirmBody,
  sessionSchema,
  updateUserBody,
  User,
  userListQuery,
} from '@partnergraph/shared/contracts/identity';
import { queryOptions, type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { meQueryKey } from './auth';
import { call, http, isStaleVersion, setCsrfToken } from './client';
import { partnerKeys } from './partners';
import { pagedQueryOptions } from './paged';

// Request shapes come from the contract's schemas (as sent, before the server applies defaults).
export type InvitationFilters = (typeof invitationListQuery)['_input'];
export type CreateInvitationInput = (typeof createInvitationBody)['_input'];
export type InvitationPreview = (typeof invitationPreview)['_output'];
export type AcceptInvitationInput = (typeof acceptInvitationBody)['_input'];
export type TeamFilters = Omit<(typeof userListQuery)['_input'], 'organizationId'>;
export type UpdateUserInput = (typeof updateUserBody)['_input'];
export type DeactivateUserInput = (typeof deactivateUserBody)['_input'];
export type Session = (typeof sessionSchema)['_output'];
export type CreateTokenInput = (typeof createTokenBody)['_input'];
export type CreatedToken = (typeof createdTokenSchema)['_output'];
export type { ApiToken, Invitation, User };

const PAGE_SIZE = 50;

export const identityKeys = {
  invitations: ['invitations'] as const,
  invitationList: (filters: InvitationFilters) => [...identityKeys.invitations, 'list', filters] as const,
  invitationPreview: (token: string) => ['invitation-preview', token] as const,
  team: ['team'] as const,
  teamList: (organizationId: string, filters: TeamFilters) =>
    [...identityKeys.team, organizationId, filters] as const,
  // Not under ['me']: a change of session keeps only that key, and sessions belong to one person.
  sessions: ['sessions'] as const,
  tokens: ['tokens'] as const,
};

// --- Invitations ---

export const invitationsQueryOptions = (filters: InvitationFilters) =>
  pagedQueryOptions(
    identityKeys.invitationList(filters),
    (page, signal) =>
      call(
        http.GET('/invitations', {
          params: { query: { ...filters, ...page } },
          signal,
        }),
      ),
    PAGE_SIZE,
  );

/** What an emailed invitation link is for; public, since the token is the credential. */
export const invitationPreviewQueryOptions = (token: string) =>
  queryOptions({
    queryKey: identityKeys.invitationPreview(token),
    queryFn: ({ signal }) =>
      call(http.GET('/invitations/{token}/accept', { params: { path: { token } }, signal })),
    // A link is checked once per visit; a 404 or 422 is the answer, not a passing fault.
    staleTime: Infinity,
    retry: false,
  });

/** Invitations and team lists move together: accepting adds a user, revoking frees an address. */
function useRefreshTeam() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: identityKeys.invitations });
    void queryClient.invalidateQueries({ queryKey: identityKeys.team });
    void queryClient.invalidateQueries({ queryKey: ['audit-log'] });
  };
}

export function useCreateInvitation() {
  const refresh = useRefreshTeam();
  return useMutation({
    mutationFn: (body: CreateInvitationInput) => call(http.POST('/invitations', { body })),
    onSuccess: refresh,
  });
}

export function useInvitationAction() {
  const refresh = useRefreshTeam();
  return useMutation({
    mutationFn: ({ invitation, verb }: { invitation: Invitation; verb: 'resend' | 'revoke' }) =>
      call(
        http.POST(`/invitations/{id}/${verb}`, {
          params: { path: { id: invitation.id } },
          body: { version: invitation.version },
        }),
      ),
    onSuccess: refresh,
    // A stale version means someone else acted first: show the list as it now is.
    onError: (error) => (isStaleVersion(error) ? refresh() : undefined),
  });
}

/**
 * Makes the session the server just opened the app's session, as sign-in does: the CSRF token for
 * later writes, and nothing cached for whoever used this browser before.
 */
function adoptSession(queryClient: QueryClient, session: LoginResponse) {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData<MeResponse | null>(meQueryKey, session);
  // The invitation page stays mounted until the navigation that follows: keep its preview, or it
  // would fetch again and hear that the invitation is spent.
  const keep = new Set<unknown>([meQueryKey[0], identityKeys.invitationPreview('')[0]]);
  queryClient.removeQueries({ predicate: (query) => !keep.has(query.queryKey[0]) });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptInvitationInput) =>
      call(http.POST('/invitations/{token}/accept', { params: { path: { token } }, body })),
    // A 202 is a pending sign-in (the organization requires MFA): no session until the second step.
    onSuccess: (answer) => {
      if (!('step' in answer)) adoptSession(queryClient, answer);
    },
  });
}

// --- Password reset ---

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: (typeof passwordResetBody)['_input']) =>
      call(http.POST('/auth/password-reset', { body })),
  });
}

export function useConfirmPasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: (typeof passwordResetConfirmBody)['_input']) =>
      call(http.POST('/auth/password-reset/confirm', { body })),
    // Every session of that account ended; if this browser held one, the cached session is stale.
    onSuccess: () => queryClient.removeQueries({ queryKey: meQueryKey }),
  });
}

// --- Team ---

export const teamQueryOptions = (organizationId: string, filters: TeamFilters = {}) =>
  pagedQueryOptions(
    identityKeys.teamList(organizationId, filters),
    (page, signal) =>
      call(
        http.GET('/users', {
          params: { query: { ...filters, organizationId, ...page } },
          signal,
        }),
      ),
    200,
  );

/** A changed user shows in the team lists, the partner page's user list and the audit log. */
function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: identityKeys.team });
    void queryClient.invalidateQueries({ queryKey: ['users'] });
    // Partner pages list their users, and a handover moves the partners someone managed.
    void queryClient.invalidateQueries({ queryKey: partnerKeys.lists.slice(0, 1) });
    void queryClient.invalidateQueries({ queryKey: ['audit-log'] });
  };
}

function useUserMutation<T>(request: (input: T) => Promise<User>) {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: request,
    onSuccess: refresh,
    onError: (error) => (isStaleVersion(error) ? refresh() : undefined),
  });
}

export function useUpdateUser() {
  return useUserMutation(({ id, ...body }: UpdateUserInput & { id: string }) =>
    call(http.PATCH('/users/{id}', { params: { path: { id } }, body })),
  );
}

export function useDeactivateUser() {
  return useUserMutation(({ id, ...body }: DeactivateUserInput & { id: string }) =>
    call(http.POST('/users/{id}/deactivate', { params: { path: { id } }, body })),
  );
}

export function useReactivateUser() {
  return useUserMutation(({ id, version }: { id: string; version: number }) =>
    call(http.POST('/users/{id}/reactivate', { params: { path: { id } }, body: { version } })),
  );
}

// --- Sessions ---

export const sessionsQueryOptions = queryOptions({
  queryKey: identityKeys.sessions,
  queryFn: ({ signal }) => call(http.GET('/me/sessions', { signal })),
});

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(http.DELETE('/me/sessions/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: identityKeys.sessions }),
  });
}

// --- API tokens ---

export const tokensQueryOptions = queryOptions({
  queryKey: identityKeys.tokens,
  queryFn: ({ signal }) => call(http.GET('/tokens', { signal })),
});

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenInput) => call(http.POST('/tokens', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.tokens }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(http.DELETE('/tokens/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: identityKeys.tokens }),
  });
}
