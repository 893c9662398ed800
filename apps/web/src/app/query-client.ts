import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../api/auth';
import { isApiError } from '../api/client';

/**
 * A 401 from any call but GET /me means the session ended (expired, revoked,
 * password changed elsewhere). Forgetting the session sends the app shell to sign-in.
 */
function forgetSessionOn401(error: unknown) {
  if (isApiError(error, 401) && queryClient.getQueryData(meQueryKey)) {
    queryClient.setQueryData(meQueryKey, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: forgetSessionOn401 }),
  // A failed sign-in also answers 401, but then there is no session to forget.
  mutationCache: new MutationCache({ onError: forgetSessionOn401 }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // 4xx answers are final; retry only what may be passing trouble.
      retry: (failureCount, error) =>
        failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});
