import { ActionIcon, Button, Divider, Group, Popover, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { notificationsQueryOptions, useMarkNotificationRead } from '../../api/notifications';
import { AnchorLink } from '../../components/links';
import { usePressOnMount } from '../../components/press-on-mount';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { NotificationList } from './notification-list';

/**
 * The bell's popover with the latest notifications, loaded by the bell's first press (notification-bell.tsx).
 * Its button replaces the one pressed, so the press is passed on to it once it is there: focus moves to it
 * and the popover opens, as if it had been there all along.
 */
export function NotificationPopover({ count, label }: { count: number; label: string }) {
  const target = useRef<HTMLButtonElement>(null);
  const [opened, setOpened] = useState(false);
  const close = () => setOpened(false);
  const latest = useInfiniteQuery({ ...notificationsQueryOptions(false, 8), enabled: opened });
  const markAll = useMarkNotificationRead();
  const items = latest.data?.pages[0]?.items ?? [];
  usePressOnMount(target);

  return (
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
          ref={target}
          variant="subtle"
          color="gray"
          size="lg"
          onClick={() => setOpened((o) => !o)}
          aria-label={label}
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
  );
}
