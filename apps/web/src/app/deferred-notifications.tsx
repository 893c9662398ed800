import { useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useState } from 'react';

// The toasts' renderer (with react-remove-scroll, react-transition-group and its stylesheet, ~16 KB gzip) is
// fetched when the first toast is shown, not with every page: most visits show none. A toast shown before
// it has loaded waits in @mantine/notifications' store (this module imports only the store) and appears
// once the renderer is there; from then on the renderer stays mounted.
const Notifications = lazy(() => import('./notifications').then((m) => ({ default: m.AppNotifications })));

export function AppNotifications() {
  const { notifications, queue } = useNotifications();
  const [wanted, setWanted] = useState(false);
  if (!wanted && notifications.length + queue.length > 0) setWanted(true);
  return wanted ? (
    <Suspense fallback={null}>
      <Notifications />
    </Suspense>
  ) : null;
}
