import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { can } from '@partnergraph/shared/permissions';
import { meQueryOptions } from '../api/auth';

// The signed-in shell (navigation, notifications, the user menu) loads with the first signed-in screen, in
// parallel with that screen's own code: the sign-in page and the public pages do not carry it.
const AppLayout = lazyRouteComponent(() => import('../features/shell/app-layout'), 'AppLayout');

// The two parents every feature's routes hang under. This file imports no feature's routes, so each
// feature's routes.tsx can import it without a cycle; router.tsx assembles the tree.

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Outlet });

/** Every screen behind sign-in hangs under this pathless route, so the check happens in one place. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!session) throw redirect({ to: '/login', search: { redirect: location.href } });
    return { session };
  },
  // A partner's newest unread announcement is a banner above every screen (UnreadAnnouncementBanner): its
  // answer is awaited with the shell's code, so the banner is there when the screen first shows rather
  // than arriving later and pushing the screen down. A failed request only leaves the banner out. The
  // request's code comes with the banner's, which the shell imports: not in the first page's script.
  loader: async ({ context }) => {
    const { organization, user } = context.session;
    if (organization.kind !== 'partner' || !can(user.role, 'community:read')) return;
    const { prefetchUnreadAnnouncements } = await import('../features/community/unread-announcements');
    await prefetchUnreadAnnouncements(context.queryClient);
  },
  // Once per visit to the signed-in screens: the banner refreshes itself from then on.
  shouldReload: false,
  component: AppLayout,
});
