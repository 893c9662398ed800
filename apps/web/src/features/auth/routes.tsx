import { createRoute, redirect } from '@tanstack/react-router';
import { meQueryOptions } from '../../api/auth';
import { rootRoute } from '../../routes/root';
import { parseSignInNotice, type SignInNotice } from '../identity/sign-in-extras';
import { homePath } from './session';
// Loads with the app, as the other signed-out screens do (features/identity/routes.tsx says why).
import { LoginPage } from './login-page';

/** Only a path on this site may be a post-sign-in destination: never another origin, never the sign-in page. */
function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return undefined;
  return value.startsWith('/login') ? undefined : value;
}

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (
    search: Record<string, unknown>,
  ): { redirect?: string; notice?: SignInNotice; ssoError?: string } => ({
    redirect: safeRedirect(search.redirect),
    notice: parseSignInNotice(search.notice),
    ssoError: typeof search.ssoError === 'string' ? search.ssoError.slice(0, 50) : undefined,
  }),
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(meQueryOptions);
    if (session) throw redirect({ href: search.redirect ?? homePath(session) });
  },
  loaderDeps: ({ search }) => ({ ssoError: search.ssoError, notice: search.notice }),
  loader: async ({ deps }) => {
    if (!deps.ssoError && !deps.notice) return {};
    const { signInNotices, ssoErrorText } = await import('./sign-in-messages');
    return {
      ssoError: deps.ssoError ? ssoErrorText(deps.ssoError) : undefined,
      notice: deps.notice ? signInNotices[deps.notice] : undefined,
    };
  },
  component: function LoginRoute() {
    const search = loginRoute.useSearch();
    const messages = loginRoute.useLoaderData();
    return <LoginPage redirectTo={search.redirect} ssoError={messages.ssoError} notice={messages.notice} />;
  },
});
