import type { LoginResponse, MeResponse } from '@partnergraph/shared/contracts/identity';
import type { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { meQueryKey } from './auth';
import { call, http, setCsrfToken } from './client';

// What the sign-in page itself calls (a passkey, a second step handed over by single sign-on), apart from
// mfa.ts: a module the first page loads ships in the entry with every export any screen uses, and mfa.ts
// also holds the security settings' calls. mfa.ts re-exports these.

/** A finished sign-in: recovery codes when it enrolled the first factor, to show once. */
export type SignedIn = LoginResponse & { recoveryCodes?: string[] | undefined };

/** Switches the cached session to the one the second step opened, dropping whatever the last one loaded. */
export function adoptSession(queryClient: QueryClient, session: LoginResponse) {
  setCsrfToken(session.csrfToken);
  const me: MeResponse = session;
  queryClient.setQueryData(meQueryKey, me);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
}

// The WebAuthn browser library is fetched when a passkey is used, not with the sign-in page that offers it;
// each use starts fetching it beside the server's options, so the browser's prompt is not delayed further.
export const webauthn = () => import('@simplewebauthn/browser');

// The browser library's option types are the WebAuthn JSON shapes; the API hands them over as an open object.
export type CreationOptions = Parameters<typeof startRegistration>[0]['optionsJSON'];
export type RequestOptions = Parameters<typeof startAuthentication>[0]['optionsJSON'];

/** The browser's answer as the contract takes it: its extension results as a plain object. */
export const asBody = <R extends { clientExtensionResults: object }>(
  response: R,
): Omit<R, 'clientExtensionResults'> & { clientExtensionResults: Record<string, unknown> } => ({
  ...response,
  clientExtensionResults: { ...response.clientExtensionResults } as Record<string, unknown>,
});

/** The pending sign-in a single sign-on handed over (its token only, in the URL fragment). */
export function usePendingSignIn() {
  return useMutation({
    mutationFn: (token: string) => call(http.POST('/auth/mfa/pending', { body: { token } })),
  });
}

/** "Sign in with a passkey": no email, no password; the browser offers the passkeys it holds for this site. */
export function usePasskeySignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<SignedIn> => {
      const library = webauthn();
      const options = await call(http.POST('/auth/passkey/options'));
      const response = await (
        await library
      ).startAuthentication({ optionsJSON: options as unknown as RequestOptions });
      return call(http.POST('/auth/passkey', { body: { response: asBody(response) } }));
    },
    onSuccess: (session) => adoptSession(queryClient, session),
  });
}
