import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';

const EmailsRoutePage = lazyRouteComponent(() => import('./route-pages'), 'EmailsRoutePage');

// The email outbox: the vendor admin's, under the settings.
export const emailsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/emails',
  component: EmailsRoutePage,
});
