import type { MfaChallenge, MyMfa, OrganizationSecurity } from '@partnergraph/shared/contracts/mfa';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import {
  adoptSession,
  asBody,
  type CreationOptions,
  type RequestOptions,
  type SignedIn,
  webauthn,
} from './mfa-sign-in';

export type { MfaChallenge, MyMfa, OrganizationSecurity };
export { type SignedIn, usePasskeySignIn, usePendingSignIn } from './mfa-sign-in';

export const mfaKeys = {
  // Not under ['me']: a change of session keeps only that key, and factors belong to one person.
  mine: ['mfa', 'mine'] as const,
  organization: (id: string) => ['mfa', 'organization', id] as const,
};

// --- Signing in ---

type SecondStep =
  | { method: 'totp'; token: string; code: string }
  | { method: 'recovery_code'; token: string; code: string }
  | { method: 'passkey'; token: string };

/** Finishes a pending sign-in with a code, a recovery code, or one of the person's passkeys. */
export function useSecondStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (step: SecondStep): Promise<SignedIn> => {
      if (step.method === 'totp') {
        return call(http.POST('/auth/mfa/totp', { body: { token: step.token, code: step.code } }));
      }
      if (step.method === 'recovery_code') {
        return call(http.POST('/auth/mfa/recovery-code', { body: { token: step.token, code: step.code } }));
      }
      const library = webauthn();
      const options = await call(http.POST('/auth/mfa/passkey/options', { body: { token: step.token } }));
      const response = await (
        await library
      ).startAuthentication({ optionsJSON: options as unknown as RequestOptions });
      return call(
        http.POST('/auth/mfa/passkey', { body: { token: step.token, response: asBody(response) } }),
      );
    },
    onSuccess: (session) => adoptSession(queryClient, session),
  });
}

/** Enrolling an authenticator app while signing in, where the organization requires MFA. */
export function useTotpSetupForSignIn() {
  return useMutation({
    mutationFn: (token: string) => call(http.POST('/auth/mfa/totp-setup', { body: { token } })),
  });
}

/**
 * Enrolling a passkey while signing in, where the organization requires MFA: the browser creates it,
 * and the server registers it as the first factor and opens the session in one step.
 */
export function usePasskeyEnrollForSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ token, name }: { token: string; name: string }): Promise<SignedIn> => {
      const library = webauthn();
      const options = await call(http.POST('/auth/mfa/passkey-setup', { body: { token } }));
      const response = await (
        await library
      ).startRegistration({ optionsJSON: options as unknown as CreationOptions });
      return call(
        http.POST('/auth/mfa/passkey-enroll', { body: { token, name, response: asBody(response) } }),
      );
    },
    onSuccess: (session) => adoptSession(queryClient, session),
  });
}

// --- The account's own factors ---

export const myMfaQueryOptions = queryOptions({
  queryKey: mfaKeys.mine,
  queryFn: ({ signal }) => call(http.GET('/me/mfa', { signal })),
});

function useFactorChange<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: mfaKeys.mine }),
  });
}

export const useBeginTotp = () => useFactorChange(() => call(http.POST('/me/mfa/totp')));
export const useConfirmTotp = () =>
  useFactorChange((code: string) => call(http.POST('/me/mfa/totp/confirm', { body: { code } })));
export const useRemoveTotp = () => useFactorChange(() => call(http.DELETE('/me/mfa/totp')));

/** Creates a passkey in the browser (or on a phone or security key) and registers it under `name`. */
export const useAddPasskey = () =>
  useFactorChange(async (name: string) => {
    const library = webauthn();
    const options = await call(http.POST('/me/mfa/passkeys/options'));
    const response = await (
      await library
    ).startRegistration({ optionsJSON: options as unknown as CreationOptions });
    return call(http.POST('/me/mfa/passkeys', { body: { name, response: asBody(response) } }));
  });

export const useRenamePasskey = () =>
  useFactorChange(({ id, name }: { id: string; name: string }) =>
    call(http.PATCH('/me/mfa/passkeys/{id}', { params: { path: { id } }, body: { name } })),
  );
export const useRemovePasskey = () =>
  useFactorChange((id: string) => call(http.DELETE('/me/mfa/passkeys/{id}', { params: { path: { id } } })));
export const useRegenerateRecoveryCodes = () =>
  useFactorChange(() => call(http.POST('/me/mfa/recovery-codes')));

// --- An organization's policy and people (administrators) ---

export const organizationSecurityQueryOptions = (organizationId: string) =>
  queryOptions({
    queryKey: mfaKeys.organization(organizationId),
    queryFn: ({ signal }) =>
      call(http.GET('/mfa/organizations/{id}', { params: { path: { id: organizationId } }, signal })),
  });

export function useSetMfaPolicy(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { required: boolean; afterSso?: boolean; version: number }) =>
      call(http.POST('/mfa/organizations/{id}/policy', { params: { path: { id: organizationId } }, body })),
    onSuccess: (security) => queryClient.setQueryData(mfaKeys.organization(organizationId), security),
    onError: () => queryClient.invalidateQueries({ queryKey: mfaKeys.organization(organizationId) }),
  });
}

export function useResetFactors(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      call(http.POST('/mfa/users/{id}/reset', { params: { path: { id: userId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mfaKeys.organization(organizationId) }),
  });
}
