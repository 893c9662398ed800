import type {
  changePasswordBody,
  loginBody,
  MeResponse,
  updateMeBody,
} from '@partnergraph/shared/contracts/identity';
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http, isApiError, setCsrfToken } from './client';

export const meQueryKey = ['me'] as const;

/** The signed-in session, or null when nobody is signed in (GET /me answers 401). */
export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: async ({ signal }): Promise<MeResponse | null> => {
    try {
      const me = await call(http.GET('/me', { signal }));
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (isApiError(error, 401)) return null;
      throw error;
    }
  },
  // The session changes only through sign-in, sign-out and a 401 from another call; all of them set it here.
  staleTime: Infinity,
  retry: false,
});

/**
 * Switches the cached session and drops everything cached for the previous one, so nothing one
 * person loaded can show up for the next. The session entry is updated in place, not removed,
 * so screens watching it hear of the change.
 */
function replaceSession(queryClient: QueryClient, session: MeResponse | null) {
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(meQueryKey, session);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
}

/**
 * The password step. It answers the session, or — for a person with a second factor, or whose
 * organization requires one — a pending sign-in (`step`) that the MFA step finishes; no session yet.
 */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: (typeof loginBody)['_input']) => call(http.POST('/auth/login', { body })),
    onSuccess: (answer) => {
      if (!('step' in answer)) replaceSession(queryClient, answer);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(http.POST('/auth/logout')),
    // Forget the session even when the call fails: the person asked to leave, and the app shell
    // answers a forgotten session by showing the sign-in page.
    onSettled: () => replaceSession(queryClient, null),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: (typeof changePasswordBody)['_input']) => call(http.POST('/auth/password', { body })),
    onSuccess: ({ csrfToken }) => {
      // The server replaced the session: the old token is dead, later writes need the new one.
      setCsrfToken(csrfToken);
      queryClient.setQueryData<MeResponse | null>(meQueryKey, (me) => (me ? { ...me, csrfToken } : me));
    },
  });
}

/** The person's own preferences (the daily digest): the answer is the whole session, kept as it is. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: (typeof updateMeBody)['_input']) => call(http.PATCH('/me', { body })),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
