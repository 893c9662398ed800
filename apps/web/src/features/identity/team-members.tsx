import {
  Badge,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { OrgKind } from '@partnergraph/shared/permissions';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { teamQueryOptions, type TeamFilters } from '../../api/identity';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { roleLabels } from '../../components/roles';
import { useSession } from '../auth/session';
import { MemberRoleSelect } from './member-role-select';
import { UserStatusModal, type UserStatusVerb } from './user-status-modal';

type StatusFilter = 'all' | 'active' | 'deactivated';

interface Props {
  organizationId: string;
  kind: OrgKind;
  /** Whether this person may change roles and deactivate (users:manage); the server checks again. */
  canManage: boolean;
}

/** The people of one organization, with their roles and status, and for admins the means to change them. */
export function TeamMembers({ organizationId, kind, canManage }: Props) {
  const { user: me } = useSession();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [q] = useDebouncedValue(search.trim(), 300);
  const filters: TeamFilters = { q: q || undefined, status: status === 'all' ? undefined : status };
  const members = useInfiniteQuery({
    ...teamQueryOptions(organizationId, filters),
    placeholderData: keepPreviousData,
  });
  const items = members.data?.pages.flatMap((page) => page.items) ?? [];
  // The row's id, not a copy of the user: after a refresh the modal acts on the latest version.
  const [target, setTarget] = useState<{ id: string; verb: UserStatusVerb } | null>(null);
  const targetUser = target ? (items.find((u) => u.id === target.id) ?? null) : null;

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <TextInput
          label="Search"
          placeholder="Name or email"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={280}
        />
        <SegmentedControl
          aria-label="Status"
          value={status}
          onChange={(value) => setStatus(value as StatusFilter)}
          data={[
            { value: 'all', label: 'All' },
            { value: 'active', label: 'Active' },
            { value: 'deactivated', label: 'Deactivated' },
          ]}
        />
      </Group>
      {members.isPending ? (
        <LoadingState label="Loading the team…" />
      ) : members.isError ? (
        <ErrorAlert error={members.error} title="The team could not be loaded" />
      ) : items.length === 0 ? (
        <Text c="dimmed">
          {q || status !== 'all' ? 'Nobody matches these filters.' : 'Nobody is here yet.'}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="xs" aria-label="Team members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Status</Table.Th>
                  {canManage && (
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((user) => {
                  const isMe = user.id === me.id;
                  return (
                    <Table.Tr key={user.id}>
                      <Table.Td>
                        {user.name}
                        {isMe && (
                          <Badge ml="xs" variant="light" size="sm">
                            You
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{user.email}</Table.Td>
                      <Table.Td>
                        {/* Nobody changes their own role here: one slip could lock them out. */}
                        {canManage && !isMe ? (
                          <MemberRoleSelect user={user} kind={kind} />
                        ) : (
                          roleLabels[user.role]
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={user.status === 'active' ? 'green' : 'gray'} variant="light">
                          {user.status === 'active' ? 'Active' : 'Deactivated'}
                        </Badge>
                      </Table.Td>
                      {canManage && (
                        <Table.Td>
                          {!isMe && (
                            <Group justify="flex-end">
                              {user.status === 'active' ? (
                                <Button
                                  size="xs"
                                  variant="light"
                                  color="red"
                                  aria-label={`Deactivate ${user.name}`}
                                  onClick={() => setTarget({ id: user.id, verb: 'deactivate' })}
                                >
                                  Deactivate
                                </Button>
                              ) : (
                                <Button
                                  size="xs"
                                  variant="default"
                                  aria-label={`Reactivate ${user.name}`}
                                  onClick={() => setTarget({ id: user.id, verb: 'reactivate' })}
                                >
                                  Reactivate
                                </Button>
                              )}
                            </Group>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {members.hasNextPage && (
            <LoadMore
              hasNextPage={members.hasNextPage}
              isFetchingNextPage={members.isFetchingNextPage}
              fetchNextPage={members.fetchNextPage}
              shown={items.length}
              noun="people"
            />
          )}
        </>
      )}
      <UserStatusModal
        user={targetUser}
        verb={target?.verb ?? 'deactivate'}
        onClose={() => setTarget(null)}
      />
    </Stack>
  );
}
