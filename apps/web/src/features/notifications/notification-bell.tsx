import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { unreadCountQueryOptions } from '../../api/notifications';
import { useCan } from '../auth/session';

// The popover, its floating layer and the list (~20 KB gzip with what they share) load on the bell's first
// use, not with every screen. Pointing at or focusing the bell starts the download.
const loadPopover = () => import('./notification-popover');
const NotificationPopover = lazy(() => loadPopover().then((m) => ({ default: m.NotificationPopover })));
const preload = () => {
  loadPopover().catch(() => undefined);
};

/** The header's bell: the unread count, polled every 30 s and on focus, and the latest notifications. */
export function NotificationBell() {
  const allowed = useCan('notifications:read');
  const [wanted, setWanted] = useState(false);
  const unread = useQuery({ ...unreadCountQueryOptions, enabled: allowed });
  if (!allowed) return null;
  const count = unread.data ?? 0;
  // The count is in the button's name; the badge repeats it for the eye only.
  const label = count > 0 ? `Notifications (${count} unread)` : 'Notifications';
  const placeholder = (
    <ActionIcon
      variant="subtle"
      color="gray"
      size="lg"
      aria-label={label}
      aria-haspopup="dialog"
      aria-expanded={false}
      onPointerEnter={preload}
      onFocus={preload}
      onClick={() => setWanted(true)}
    >
      <IconBell size={20} aria-hidden />
    </ActionIcon>
  );

  // The indicator wraps the popover, not the other way round: the popover's target gets its
  // aria-expanded and aria-controls, which belong on the button, not on the indicator's wrapper.
  return (
    <Indicator
      label={count > 99 ? '99+' : count}
      size={18}
      color="red"
      disabled={count === 0}
      offset={4}
      attributes={{ indicator: { 'aria-hidden': true } }}
    >
      {wanted ? (
        <Suspense fallback={placeholder}>
          <NotificationPopover count={count} label={label} />
        </Suspense>
      ) : (
        placeholder
      )}
    </Indicator>
  );
}
