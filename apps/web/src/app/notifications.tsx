// The toasts' renderer with its stylesheet, mounted lazily by main.tsx: no screen shows a toast before it has
// loaded, and one shown earlier waits in @mantine/notifications' store until the renderer is there.
import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';

export function AppNotifications() {
  return <Notifications position="top-right" />;
}
