import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { type QueryClient, useInfiniteQuery } from '@tanstack/react-query';
import { announcementsQueryOptions, useMarkAnnouncementRead } from '../../api/community';
import { AnchorLink } from '../../components/links';
import { useCan, useSession } from '../auth/session';
import { ServerHtml } from './html-content';

/** The banner's first answer, awaited by the signed-in routes' loader (routes/root.tsx) so it shows with the screen. */
export function prefetchUnreadAnnouncements(queryClient: QueryClient) {
  return queryClient.prefetchInfiniteQuery({ ...announcementsQueryOptions(true), retry: false });
}

/**
 * The newest announcement a partner has not read, at the top of every screen until they mark it
 * read: the vendor's news should not wait for someone to open the announcements page.
 */
export function UnreadAnnouncementBanner() {
  const { organization } = useSession();
  const canRead = useCan('community:read');
  const enabled = canRead && organization.kind === 'partner';
  const unread = useInfiniteQuery({
    ...announcementsQueryOptions(true),
    enabled,
    // Announcements are rare: once a minute, and on focus, is soon enough.
    refetchInterval: 60_000,
    retry: false,
  });
  const markRead = useMarkAnnouncementRead();
  const items = unread.data?.pages.flatMap((p) => p.items).filter((a) => !a.read) ?? [];
  const first = items[0];
  if (!enabled || !first) return null;
  const more = items.length - 1 + (unread.hasNextPage ? 1 : 0);

  return (
    <section aria-label="Unread announcement">
      <Alert
        mb="md"
        color="indigo"
        variant="light"
        icon={<IconSpeakerphone />}
        title={`Announcement: ${first.title}`}
      >
        <Stack gap="xs">
          <div style={{ maxHeight: 160, overflow: 'auto' }}>
            <ServerHtml html={first.html} />
          </div>
          <Group gap="sm">
            <Button
              size="xs"
              loading={markRead.isPending && markRead.variables === first.id}
              onClick={() => markRead.mutate(first.id)}
            >
              Mark as read
            </Button>
            <AnchorLink to="/community/announcements" size="sm">
              {more > 0 ? `${more}${unread.hasNextPage ? '+' : ''} more unread` : 'All announcements'}
            </AnchorLink>
          </Group>
          {markRead.isError && (
            <Text size="sm" c="red" role="alert">
              The announcement could not be marked read. Try again.
            </Text>
          )}
        </Stack>
      </Alert>
    </section>
  );
}
