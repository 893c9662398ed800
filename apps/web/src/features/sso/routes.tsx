import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';

const SsoSettingsRoutePage = lazyRouteComponent(() => import('./route-pages'), 'SsoSettingsRoutePage');

// Single sign-on: the vendor admin's (for staff, and approving partners'), a partner admin's for its own.
export const ssoSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/sso',
  component: SsoSettingsRoutePage,
});
