import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { partnerUsersQueryOptions } from '../../api/partners';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { roleLabels } from '../../components/roles';

export function PartnerUsers({ partnerId }: { partnerId: string }) {
  const users = useInfiniteQuery(partnerUsersQueryOptions(partnerId));
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby="partner-users-title">
      <Title order={2} size="h3" id="partner-users-title">
        Users
      </Title>
      {users.isPending ? (
        <LoadingState label="Loading users…" />
      ) : users.isError ? (
        <ErrorAlert error={users.error} title="The users could not be loaded" />
      ) : items.length === 0 ? (
        <Text c="dimmed">This partner has no users yet.</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing="xs" aria-label="Users">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>{user.name}</Table.Td>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>{roleLabels[user.role]}</Table.Td>
                    <Table.Td>
                      <Badge color={user.status === 'active' ? 'green' : 'gray'} variant="light">
                        {user.status === 'active' ? 'Active' : 'Deactivated'}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {users.hasNextPage && (
            <LoadMore
              hasNextPage={users.hasNextPage}
              isFetchingNextPage={users.isFetchingNextPage}
              fetchNextPage={users.fetchNextPage}
              shown={items.length}
              noun="users"
            />
          )}
        </>
      )}
    </Stack>
  );
}
