import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';
import { useWhileHere } from '../../routes/while-here';

const NotificationsPage = lazyRouteComponent(() => import('./notifications-page'), 'NotificationsPage');

// The notifications behind the header's bell.
export const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'notifications',
  validateSearch: (search: Record<string, unknown>): { settings?: boolean } =>
    search.settings === true || search.settings === 'true' ? { settings: true } : {},
  component: function NotificationsRoute() {
    const navigate = notificationsRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <NotificationsPage
        settingsOpen={notificationsRoute.useSearch().settings === true}
        onSettingsChange={(open) =>
          whileHere(() => navigate({ search: open ? { settings: true } : {}, replace: true }))
        }
      />
    );
  },
});
