// The toasts' renderer with its stylesheet, loaded by deferred-notifications.tsx when the first toast is shown;
// a toast shown earlier waits in @mantine/notifications' store until the renderer is there.
import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';

export function AppNotifications() {
  return <Notifications position="top-right" />;
}
