import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';

// One loader for every screen of this file: the first page's script lists a lazy module's files once per
// import() written, not once per module.
const routePages = () => import('./route-pages');

const WebhookRoutePage = lazyRouteComponent(routePages, 'WebhookRoutePage');
const WebhooksRoutePage = lazyRouteComponent(routePages, 'WebhooksRoutePage');

// Webhooks: the vendor admin's, under the settings.
export const webhooksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/webhooks',
  component: WebhooksRoutePage,
});

export const webhookRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/webhooks/$webhookId',
  component: function WebhookRoute() {
    return <WebhookRoutePage webhookId={webhookRoute.useParams().webhookId} />;
  },
});
