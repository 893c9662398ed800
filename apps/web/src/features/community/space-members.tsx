// A space's members: who is in it, inviting people, and what moderators may do to a member.
import {
  Alert,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  MultiSelect,
  Stack,
  Table,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  invitableQueryOptions,
  type Space,
  type SpaceMember,
  spaceMembersQueryOptions,
  useSpaceMemberAction,
} from '../../api/community';
import { errorMessage } from '../../api/client';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { ModerationReasonModal } from './post-parts';
import { UnseenHeader } from '../../components/unseen-header';

export function Members({ space }: { space: Space }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const members = useInfiniteQuery({
    ...spaceMembersQueryOptions(space.id, debounced),
    placeholderData: keepPreviousData,
  });
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <TextInput
          label="Search members"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: '100%', sm: 300 }}
        />
        {space.canModerate && !space.archived && <InviteButton space={space} />}
      </Group>
      {members.isPending ? (
        <LoadingState label="Loading members…" />
      ) : members.isError ? (
        <ErrorAlert error={members.error} title="The members could not be loaded" />
      ) : items.length === 0 ? (
        <Alert color="gray">{debounced ? 'No members match.' : 'No members yet.'}</Alert>
      ) : (
        <>
          <Table.ScrollContainer minWidth={600}>
            <Table aria-label="Space members" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Organization</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Joined</Table.Th>
                  {space.canModerate && <UnseenHeader>Actions</UnseenHeader>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <MemberRow key={m.user.id} member={m} space={space} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore
            hasNextPage={members.hasNextPage}
            isFetchingNextPage={members.isFetchingNextPage}
            fetchNextPage={members.fetchNextPage}
            shown={items.length}
            noun="members"
          />
        </>
      )}
    </Stack>
  );
}

/** Moderators invite people; a private space is by invitation only, and the invited accept by joining. */
function InviteButton({ space }: { space: Space }) {
  const [opened, modal] = useDisclosure(false);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<{ id: string; name: string }[]>([]);
  const candidates = useQuery({ ...invitableQueryOptions(space.id, debounced), enabled: opened });
  const action = useSpaceMemberAction(space.id);
  // Keep the names of those already chosen when the search moves on.
  const options = [...chosen, ...(candidates.data ?? []).filter((c) => !chosen.some((x) => x.id === c.id))];
  const close = () => {
    modal.close();
    setChosen([]);
    setSearch('');
  };
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} variant="light" onClick={modal.open}>
        Invite people
      </Button>
      <Modal opened={opened} onClose={close} title={`Invite people to ${space.name}`}>
        <Stack>
          <MultiSelect
            label="People"
            description={
              space.visibility === 'segment'
                ? 'Only people in the space’s segment can be invited.'
                : 'They are notified and join from the space.'
            }
            placeholder="Type a name"
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={options.map((o) => ({ value: o.id, label: o.name }))}
            value={chosen.map((c) => c.id)}
            onChange={(ids) => setChosen(options.filter((o) => ids.includes(o.id)))}
            nothingFoundMessage={candidates.isFetching ? 'Searching…' : 'Nobody to invite by that name'}
            filter={({ options: all }) => all}
          />
          {action.isError && <ErrorAlert error={action.error} title="The invitations were not sent" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              disabled={chosen.length === 0}
              loading={action.isPending}
              onClick={() =>
                action.mutate(
                  { verb: 'invite', userIds: chosen.map((c) => c.id) },
                  {
                    onSuccess: () => {
                      notifications.show({
                        color: 'green',
                        message: `${chosen.length === 1 ? chosen[0]!.name.replace(/ \(.*\)$/, '') + ' is' : `${chosen.length} people are`} invited.`,
                      });
                      close();
                    },
                  },
                )
              }
            >
              Send invitations
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function MemberRow({ member, space }: { member: SpaceMember; space: Space }) {
  const action = useSpaceMemberAction(space.id);
  const [suspending, suspendModal] = useDisclosure(false);
  const done = (message: string) => () => notifications.show({ color: 'green', message });
  const failed = (error: Error) => notifications.show({ color: 'red', message: errorMessage(error) });
  return (
    <Table.Tr>
      <Table.Td>{member.user.name}</Table.Td>
      <Table.Td>{member.user.organization.name}</Table.Td>
      <Table.Td>{member.role === 'moderator' ? 'Moderator' : 'Member'}</Table.Td>
      <Table.Td>
        {member.status === 'suspended' ? (
          <Badge color="red" variant="light" title={member.suspendedReason ?? undefined}>
            Suspended
          </Badge>
        ) : member.status === 'invited' ? (
          <Badge color="yellow" variant="light">
            Invited
          </Badge>
        ) : (
          <Badge color="green" variant="light">
            Active
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{member.joinedAt ? formatDateTime(member.joinedAt) : '—'}</Table.Td>
      {space.canModerate && (
        <Table.Td>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="subtle" size="compact-sm" aria-label={`Actions for ${member.user.name}`}>
                <IconDots size={16} />
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                onClick={() =>
                  action.mutate(
                    {
                      verb: 'role',
                      userId: member.user.id,
                      role: member.role === 'moderator' ? 'member' : 'moderator',
                    },
                    { onSuccess: done('Role changed.'), onError: failed },
                  )
                }
              >
                {member.role === 'moderator' ? 'Make member' : 'Make moderator'}
              </Menu.Item>
              {member.status === 'suspended' ? (
                <Menu.Item
                  onClick={() =>
                    action.mutate(
                      { verb: 'reinstate', userId: member.user.id },
                      { onSuccess: done(`${member.user.name} is reinstated.`), onError: failed },
                    )
                  }
                >
                  Reinstate
                </Menu.Item>
              ) : (
                <Menu.Item c="red" onClick={suspendModal.open}>
                  Suspend…
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
          <ModerationReasonModal
            title={`Suspend ${member.user.name}`}
            explanation="A suspended member still reads the space but can no longer post, comment or react in it."
            label="Suspend"
            opened={suspending}
            onClose={suspendModal.close}
            error={action.error}
            pending={action.isPending}
            onSubmit={(reason) =>
              action.mutate(
                { verb: 'suspend', userId: member.user.id, reason },
                {
                  onSuccess: () => {
                    suspendModal.close();
                    notifications.show({ color: 'green', message: `${member.user.name} is suspended.` });
                  },
                },
              )
            }
          />
        </Table.Td>
      )}
    </Table.Tr>
  );
}
