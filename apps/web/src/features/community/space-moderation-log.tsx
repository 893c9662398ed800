// What moderators did in a space, newest first: the space's own audit trail.
import { Alert, Stack, Table } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { moderationLogQueryOptions } from '../../api/community';
import { formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';

const actionLabel: Record<string, string> = {
  hide: 'Hid',
  unhide: 'Unhid',
  pin: 'Pinned',
  unpin: 'Unpinned',
  lock: 'Locked',
  unlock: 'Unlocked',
  suspend: 'Suspended',
  reinstate: 'Reinstated',
  delete: 'Deleted',
};

export function ModerationLog({ spaceId }: { spaceId: string }) {
  const log = useInfiniteQuery(moderationLogQueryOptions(spaceId));
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  if (log.isPending) return <LoadingState label="Loading the moderation log…" />;
  if (log.isError) return <ErrorAlert error={log.error} title="The moderation log could not be loaded" />;
  if (items.length === 0) return <Alert color="gray">No moderation actions in this space yet.</Alert>;
  return (
    <Stack>
      <Table aria-label="Moderation log" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Moderator</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>On</Table.Th>
            <Table.Th>Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{formatDateTime(e.at)}</Table.Td>
              <Table.Td>{e.moderator?.name ?? '—'}</Table.Td>
              <Table.Td>{actionLabel[e.action] ?? e.action}</Table.Td>
              <Table.Td>
                {e.targetType === 'post' ? (
                  <AnchorLink to="/community/posts/$postId" params={{ postId: e.targetId }}>
                    post
                  </AnchorLink>
                ) : (
                  e.targetType
                )}
              </Table.Td>
              <Table.Td>{e.reason ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <LoadMore
        hasNextPage={log.hasNextPage}
        isFetchingNextPage={log.isFetchingNextPage}
        fetchNextPage={log.fetchNextPage}
        shown={items.length}
        noun="entries"
      />
    </Stack>
  );
}
