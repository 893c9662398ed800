import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import { type Notification, useMarkNotificationRead } from '../../api/notifications';
import { formatDateTime } from '../../components/dates';
import { notificationKindCopy } from './labels';

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
function ago(iso: string): string {
  const minutes = Math.round((new Date(iso).getTime() - Date.now()) / 60_000);
  if (Math.abs(minutes) < 60) return minutes === 0 ? 'just now' : relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
  return relative.format(Math.round(hours / 24), 'day');
}

/** Notifications as a list of links: opening one marks it read and goes where it points. */
export function NotificationList({
  items,
  onOpen,
  compact,
}: {
  items: Notification[];
  onOpen?: () => void;
  compact?: boolean;
}) {
  const router = useRouter();
  const markRead = useMarkNotificationRead();
  return (
    <Stack gap={2} role="list" aria-label="Notifications">
      {items.map((n) => (
        // The list item holds the link: a link cannot itself be a list item (its role is link).
        <div key={n.id} role="listitem">
          <UnstyledButton
            component="a"
            href={n.link}
            aria-label={`${n.read ? '' : 'Unread: '}${n.title}`}
            p="xs"
            style={{
              borderRadius: 6,
              background: n.read ? undefined : 'var(--mantine-color-indigo-light)',
            }}
            onClick={(e) => {
              if (e.metaKey || e.ctrlKey || e.shiftKey) return;
              e.preventDefault();
              if (!n.read) markRead.mutate(n.id);
              onOpen?.();
              void router.navigate({ href: n.link });
            }}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={n.read ? 400 : 600} lineClamp={compact ? 2 : undefined}>
                  {n.title}
                </Text>
                {n.body && (
                  <Text size="xs" c="dimmed" lineClamp={compact ? 2 : 4}>
                    {n.body}
                  </Text>
                )}
                <Text size="xs" c="dimmed" title={formatDateTime(n.createdAt)}>
                  {notificationKindCopy(n.kind).label} · {ago(n.createdAt)}
                </Text>
              </Stack>
            </Group>
          </UnstyledButton>
        </div>
      ))}
    </Stack>
  );
}
