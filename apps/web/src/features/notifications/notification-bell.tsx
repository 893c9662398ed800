import { ActionIcon, Button, Divider, Group, Indicator, Popover, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  notificationsQueryOptions,
  unreadCountQueryOptions,
  useMarkNotificationRead,
} from '../../api/notifications';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan } from '../auth/session';
import { NotificationList } from './notification-list';

/** The header's bell: the unread count, polled every 30 s and on focus, and the latest notifications. */
export function NotificationBell() {
  const allowed = useCan('notifications:read');
  const [opened, { toggle, close }] = useDisclosure(false);
  const unread = useQuery({ ...unreadCountQueryOptions, enabled: allowed });
  const latest = useInfiniteQuery({ ...notificationsQueryOptions(false, 8), enabled: allowed && opened });
  const markAll = useMarkNotificationRead();
  if (!allowed) return null;
  const count = unread.data ?? 0;
  const items = latest.data?.pages[0]?.items ?? [];

  // The indicator wraps the popover, not the other way round: the popover's target gets its
  // aria-expanded and aria-controls, which belong on the button, not on the indicator's wrapper. The
  // count is in the button's name; the badge repeats it for the eye only.
  return (
    <Indicator
      label={count > 99 ? '99+' : count}
      size={18}
      color="red"
      disabled={count === 0}
      offset={4}
      attributes={{ indicator: { 'aria-hidden': true } }}
    >
      <Popover
        opened={opened}
        onChange={(o) => !o && close()}
        position="bottom-end"
        width={380}
        shadow="md"
        withinPortal
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={toggle}
            aria-label={count > 0 ? `Notifications (${count} unread)` : 'Notifications'}
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="xs" role="dialog" aria-label="Notifications">
          <Stack gap="xs">
            <Group justify="space-between" px="xs">
              <Text fw={600}>Notifications</Text>
              {count > 0 && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  loading={markAll.isPending}
                  onClick={() => markAll.mutate('all')}
                >
                  Mark all read
                </Button>
              )}
            </Group>
            <Divider />
            {latest.isPending ? (
              <LoadingState label="Loading…" />
            ) : latest.isError ? (
              <ErrorAlert error={latest.error} />
            ) : items.length === 0 ? (
              <Text size="sm" c="dimmed" p="xs">
                Nothing yet. Mentions, replies, announcements and event news show up here.
              </Text>
            ) : (
              <div style={{ maxHeight: 420, overflowY: 'auto' }}>
                <NotificationList items={items} onOpen={close} compact />
              </div>
            )}
            <Divider />
            <Group justify="space-between" px="xs">
              <AnchorLink to="/notifications" size="sm" onClick={close}>
                See all
              </AnchorLink>
              <AnchorLink to="/notifications" search={{ settings: true }} size="sm" onClick={close}>
                Settings
              </AnchorLink>
            </Group>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
