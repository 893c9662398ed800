import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';

const NotificationsPage = lazyRouteComponent(() => import('./notifications-page'), 'NotificationsPage');

// The notifications behind the header's bell.
export const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'notifications',
  validateSearch: (search: Record<string, unknown>): { settings?: boolean } =>
    search.settings === true || search.settings === 'true' ? { settings: true } : {},
  component: function NotificationsRoute() {
    const navigate = notificationsRoute.useNavigate();
    return (
      <NotificationsPage
        settingsOpen={notificationsRoute.useSearch().settings === true}
        onSettingsChange={(open) => void navigate({ search: open ? { settings: true } : {}, replace: true })}
      />
    );
  },
});
