import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { partnerHomeQueryOptions } from '../../api/home';
import { appRoute } from '../../routes/root';

const PartnerHomePage = lazyRouteComponent(() => import('./partner-home-page'), 'PartnerHomePage');

// A partner's first screen: what needs the organization now. Vendor staff start from the partner list.
export const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'home',
  beforeLoad: ({ context }) => {
    if (context.session.organization.kind === 'vendor') throw redirect({ to: '/partners' });
  },
  // What waits is asked for while the screen's code loads, not after it renders. The loader runs on every
  // visit to the home, so it is the one place that refreshes it (coming back after acting elsewhere shows
  // what still waits); the screen then uses that answer rather than asking again as it mounts.
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery({ ...partnerHomeQueryOptions, staleTime: 0 });
  },
  component: PartnerHomePage,
});
