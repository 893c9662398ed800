import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';

const WebhookRoutePage = lazyRouteComponent(() => import('./route-pages'), 'WebhookRoutePage');
const WebhooksRoutePage = lazyRouteComponent(() => import('./route-pages'), 'WebhooksRoutePage');

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
