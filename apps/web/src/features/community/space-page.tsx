import {
  Alert,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Collapse,
  Group,
  Menu,
  Modal,
  MultiSelect,
  Paper,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconMessageCircle, IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  invitableQueryOptions,
  moderationLogQueryOptions,
  type Post,
  type Space,
  type SpaceMember,
  spaceMembersQueryOptions,
  spacePostsQueryOptions,
  spaceQueryOptions,
  useCreatePost,
  useSpaceMemberAction,
  useUpdateSpace,
} from '../../api/community';
import { ApiError, errorMessage, isApiError, isStaleVersion } from '../../api/client';
import { formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan } from '../auth/session';
import { NotFoundPage } from '../errors/not-found-page';
import { ServerHtml } from './html-content';
import { timeAgo, visibilityCopy } from './labels';
import { PostForm } from './post-form';
import { AttachmentList, Byline, ModerationReasonModal, PostStateBadges } from './post-parts';
import { Reactions } from './reactions';
import { MembershipButton } from './spaces-page';

export function SpacePage({ spaceId }: { spaceId: string }) {
  const space = useQuery(spaceQueryOptions(spaceId));
  useDocumentTitle(`${space.data?.name ?? 'Space'} · PartnerGraph`);
  const [tab, setTab] = useState<string | null>('posts');
  const [editing, editModal] = useDisclosure(false);
  const participates = useCan('community:participate');

  if (space.isPending) return <LoadingState label="Loading the space…" />;
  if (isApiError(space.error, 404)) return <NotFoundPage />;
  if (space.isError) return <ErrorAlert error={space.error} title="The space could not be loaded" />;
  const s = space.data;
  const visibility = visibilityCopy[s.visibility];
  const member = s.membership?.status === 'active';

  return (
    <Stack>
      <Breadcrumbs>
        <AnchorLink to="/community/spaces">Spaces</AnchorLink>
        <Text>{s.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={1}>{s.name}</Title>
            <Badge color={visibility.color} variant="light" title={visibility.hint}>
              {visibility.label}
            </Badge>
            {s.archived && <Badge color="gray">Archived</Badge>}
            {s.membership?.role === 'moderator' && <Badge color="grape">Moderator</Badge>}
          </Group>
          {s.segment && (
            <Text size="sm" c="dimmed">
              For {s.segment.label}
            </Text>
          )}
          {s.description && <Text size="sm">{s.description}</Text>}
          <Text size="xs" c="dimmed">
            {s.memberCount} members · {s.postCount} posts
          </Text>
        </Stack>
        <Group gap="xs">
          {s.canModerate && (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPencil size={14} />}
              onClick={editModal.open}
            >
              Edit space
            </Button>
          )}
          <MembershipButton space={s} />
        </Group>
      </Group>
      {s.membership?.status === 'suspended' && (
        <Alert color="red">You are suspended from this space: you can read it but not post or react.</Alert>
      )}
      {participates && !member && !s.canPost && s.membership?.status !== 'suspended' && (
        <Alert color="blue">Join the space to post and reply.</Alert>
      )}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="posts">Posts</Tabs.Tab>
          <Tabs.Tab value="members">Members</Tabs.Tab>
          {s.canModerate && <Tabs.Tab value="moderation">Moderation log</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="posts" pt="md">
          <Feed space={s} />
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          <Members space={s} />
        </Tabs.Panel>
        {s.canModerate && (
          <Tabs.Panel value="moderation" pt="md">
            <ModerationLog spaceId={s.id} />
          </Tabs.Panel>
        )}
      </Tabs>
      <Modal opened={editing} onClose={editModal.close} title="Edit space">
        {editing && <EditSpaceForm space={s} onDone={editModal.close} />}
      </Modal>
    </Stack>
  );
}

function Feed({ space }: { space: Space }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [composing, composer] = useDisclosure(false);
  const posts = useInfiniteQuery({
    ...spacePostsQueryOptions(space.id, debounced),
    placeholderData: keepPreviousData,
  });
  const create = useCreatePost(space.id);
  const items = posts.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <TextInput
          label="Search posts"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: '100%', sm: 300 }}
        />
        {space.canPost && !composing && (
          <Button leftSection={<IconPlus size={16} />} onClick={composer.open}>
            New post
          </Button>
        )}
      </Group>
      {space.canPost && (
        <Collapse expanded={composing}>
          <Paper withBorder p="md">
            {composing && (
              <PostForm
                spaceId={space.id}
                submitLabel="Publish post"
                pending={create.isPending}
                error={create.error}
                onCancel={composer.close}
                onSubmit={(draft) =>
                  create.mutate(draft, {
                    onSuccess: () => {
                      notifications.show({ color: 'green', message: 'Your post is published.' });
                      composer.close();
                      create.reset();
                    },
                  })
                }
              />
            )}
          </Paper>
        </Collapse>
      )}
      {posts.isPending ? (
        <LoadingState label="Loading posts…" />
      ) : posts.isError ? (
        <ErrorAlert error={posts.error} title="The posts could not be loaded" />
      ) : items.length === 0 ? (
        <Alert color="gray">
          {debounced
            ? 'No posts match.'
            : space.canPost
              ? 'No posts yet: start the conversation.'
              : 'No posts yet.'}
        </Alert>
      ) : (
        <>
          <Stack gap="sm" role="feed" aria-label="Posts" aria-busy={posts.isFetching}>
            {items.map((post) => (
              <PostCard key={post.id} post={post} />
            ))}
          </Stack>
          <LoadMore
            hasNextPage={posts.hasNextPage}
            isFetchingNextPage={posts.isFetchingNextPage}
            fetchNextPage={posts.fetchNextPage}
            shown={items.length}
            noun="posts"
          />
        </>
      )}
    </Stack>
  );
}

function PostCard({ post }: { post: Post }) {
  return (
    <Card withBorder component="article" aria-label={post.title}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <PostStateBadges pinned={post.pinned} locked={post.locked} hidden={post.hidden} />
              <AnchorLink to="/community/posts/$postId" params={{ postId: post.id }} fw={600} size="lg">
                {post.title}
              </AnchorLink>
            </Group>
            <Byline
              author={post.author}
              createdAt={post.createdAt}
              edited={post.edited}
              editedAt={post.editedAt}
            />
          </Stack>
        </Group>
        {post.deleted ? (
          <Text c="dimmed" fs="italic" size="sm">
            This post was deleted.
          </Text>
        ) : (
          <div style={{ maxHeight: 220, overflow: 'hidden' }}>
            <ServerHtml html={post.html} />
          </div>
        )}
        <AttachmentList attachments={post.attachments} />
        <Group justify="space-between">
          <Reactions target="posts" id={post.id} postId={post.id} reactions={post.reactions} />
          <AnchorLink
            to="/community/posts/$postId"
            params={{ postId: post.id }}
            size="sm"
            aria-label={`${post.commentCount} comments on ${post.title}`}
          >
            <Group gap={4}>
              <IconMessageCircle size={16} aria-hidden />
              {post.commentCount} {post.commentCount === 1 ? 'comment' : 'comments'}
            </Group>
          </AnchorLink>
        </Group>
        <Text size="xs" c="dimmed">
          Last activity {timeAgo(post.lastActivityAt)}
        </Text>
      </Stack>
    </Card>
  );
}

function Members({ space }: { space: Space }) {
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
                  {space.canModerate && <Table.Th aria-label="Actions" />}
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
                <Menu.Item color="red" onClick={suspendModal.open}>
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

function ModerationLog({ spaceId }: { spaceId: string }) {
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

function EditSpaceForm({ space, onDone }: { space: Space; onDone: () => void }) {
  const update = useUpdateSpace(space.id);
  const [name, setName] = useState(space.name);
  const [description, setDescription] = useState(space.description);
  const [archived, setArchived] = useState(space.archived);
  const errors = update.error instanceof ApiError ? update.error.fieldErrors() : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      { version: space.version, name: name.trim(), description: description.trim(), archived },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: 'The space is saved.' });
          onDone();
        },
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {update.isError && !Object.keys(errors).length && (
          <Alert color="red" role="alert">
            {isStaleVersion(update.error)
              ? 'Someone changed the space first; it has been reloaded. Close this and try again.'
              : errorMessage(update.error)}
          </Alert>
        )}
        <TextInput
          label="Name"
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Switch
          label="Archived"
          description="An archived space is read-only"
          checked={archived}
          onChange={(e) => setArchived(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Created {formatDateTime(space.createdAt)}.
        </Text>
      </Stack>
    </form>
  );
}
