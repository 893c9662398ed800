import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { notificationsQueryOptions, useMarkNotificationRead } from '../../api/notifications';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';
import { NotificationList } from './notification-list';
import { NotificationSettingsForm } from './notification-settings';
import { useBrandTitle } from '../brand/brand-mark';

export function NotificationsPage({
  settingsOpen,
  onSettingsChange,
}: {
  settingsOpen: boolean;
  onSettingsChange: (open: boolean) => void;
}) {
  useBrandTitle('Notifications');
  const allowed = useCan('notifications:read');
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const list = useInfiniteQuery({ ...notificationsQueryOptions(filter === 'unread'), enabled: allowed });
  const markAll = useMarkNotificationRead();
  if (!allowed) return <NotAllowedPage what="notifications" />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unreadCount = list.data?.pages[0]?.unreadCount ?? 0;

  return (
    <Stack maw={760}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Notifications</Title>
          <Text c="dimmed" size="sm">
            {unreadCount > 0 ? `${unreadCount} unread` : 'All read'}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            disabled={unreadCount === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate('all')}
          >
            Mark all read
          </Button>
          <Button
            variant="light"
            leftSection={<IconSettings size={16} />}
            onClick={() => onSettingsChange(true)}
          >
            Notification settings
          </Button>
        </Group>
      </Group>
      <SegmentedControl
        aria-label="Which notifications"
        w="fit-content"
        value={filter}
        onChange={(v) => setFilter(v as 'all' | 'unread')}
        data={[
          { value: 'all', label: 'All' },
          { value: 'unread', label: 'Unread' },
        ]}
      />
      {list.isPending ? (
        <LoadingState label="Loading notifications…" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="The notifications could not be loaded" />
      ) : items.length === 0 ? (
        <Alert color="gray">{filter === 'unread' ? 'Nothing unread.' : 'No notifications yet.'}</Alert>
      ) : (
        <>
          <NotificationList items={items} />
          <LoadMore
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={list.fetchNextPage}
            shown={items.length}
            noun="notifications"
          />
        </>
      )}
      <Modal
        opened={settingsOpen}
        onClose={() => onSettingsChange(false)}
        title="Notification settings"
        size="lg"
      >
        {settingsOpen && <NotificationSettingsForm onDone={() => onSettingsChange(false)} />}
      </Modal>
    </Stack>
  );
}
