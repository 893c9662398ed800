import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { spaceVisibilities } from '@partnergraph/shared/community-codes';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import {
  type Space,
  type SpaceFilters,
  spacesQueryOptions,
  useCreateSpace,
  useSpaceMembership,
} from '../../api/community';
import { ApiError, errorMessage } from '../../api/client';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan } from '../auth/session';
import { timeAgo, visibilityCopy } from './labels';
import { emptySegment, SegmentPicker, segmentIsEmpty, type SegmentValue } from './segment-picker';
import { useBrandTitle } from '../brand/brand-mark';

type JoinedFilter = 'all' | 'true' | 'false';

export function SpacesPage() {
  useBrandTitle('Spaces');
  const canManage = useCan('spaces:manage');
  const [q, setQ] = useState('');
  const [joined, setJoined] = useState<JoinedFilter>('all');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [creating, createModal] = useDisclosure(false);
  const filters: SpaceFilters = {
    q: debouncedQ || undefined,
    joined: joined === 'all' ? undefined : joined,
  };
  const spaces = useInfiniteQuery({ ...spacesQueryOptions(filters), placeholderData: keepPreviousData });
  const items = spaces.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Spaces</Title>
          <Text c="dimmed" size="sm">
            Discussions among partners and the vendor: join a space to post, reply and follow along.
          </Text>
        </div>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
            New space
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="sm" role="search" aria-label="Filter spaces">
        <TextInput
          label="Search spaces"
          placeholder="Name or description"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: '100%', sm: 280 }}
        />
        <SegmentedControl
          aria-label="Which spaces"
          value={joined}
          onChange={(v) => setJoined(v as JoinedFilter)}
          data={[
            { value: 'all', label: 'All' },
            { value: 'true', label: 'Joined' },
            { value: 'false', label: 'Not joined' },
          ]}
        />
      </Group>
      {spaces.isPending ? (
        <LoadingState label="Loading spaces…" />
      ) : spaces.isError ? (
        <ErrorAlert error={spaces.error} title="The spaces could not be loaded" />
      ) : items.length === 0 ? (
        <Alert color="gray">
          {filters.q || filters.joined
            ? 'No spaces match.'
            : canManage
              ? 'No spaces yet. Create the first with “New space”.'
              : 'No spaces are open to you yet.'}
        </Alert>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} role="list" aria-label="Spaces">
            {items.map((space) => (
              <SpaceCard key={space.id} space={space} />
            ))}
          </SimpleGrid>
          <LoadMore
            hasNextPage={spaces.hasNextPage}
            isFetchingNextPage={spaces.isFetchingNextPage}
            fetchNextPage={spaces.fetchNextPage}
            shown={items.length}
            noun="spaces"
          />
        </>
      )}
      <Modal opened={creating} onClose={createModal.close} title="New space" size="lg">
        {creating && <NewSpaceForm onDone={createModal.close} />}
      </Modal>
    </Stack>
  );
}

function SpaceCard({ space }: { space: Space }) {
  const visibility = visibilityCopy[space.visibility];
  return (
    <Card withBorder role="listitem" aria-label={space.name}>
      <Stack gap="xs" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <AnchorLink to="/community/spaces/$spaceId" params={{ spaceId: space.id }} fw={600}>
            {space.name}
          </AnchorLink>
          <Group gap={4} wrap="nowrap">
            {space.archived && <Badge color="gray">Archived</Badge>}
            <Badge color={visibility.color} variant="light" title={visibility.hint}>
              {visibility.label}
            </Badge>
          </Group>
        </Group>
        {space.segment && (
          <Text size="xs" c="dimmed">
            For {space.segment.label}
          </Text>
        )}
        <Text size="sm" lineClamp={2}>
          {space.description || (
            <Text span c="dimmed">
              No description
            </Text>
          )}
        </Text>
        <Group justify="space-between" mt="auto">
          <Text size="xs" c="dimmed">
            {space.memberCount} members · {space.postCount} posts
            {space.lastActivityAt ? ` · active ${timeAgo(space.lastActivityAt)}` : ''}
          </Text>
          <MembershipButton space={space} />
        </Group>
      </Stack>
    </Card>
  );
}

/** Join an open (or matching segment) space, accept an invitation, or leave. */
export function MembershipButton({ space }: { space: Space }) {
  const membership = useSpaceMembership();
  // Analysts read the community and take no part in it: nothing to join.
  const participates = useCan('community:participate');
  const m = space.membership;
  const run = (verb: 'join' | 'leave') =>
    membership.mutate(
      { id: space.id, verb },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: verb === 'join' ? `You joined ${space.name}.` : `You left ${space.name}.`,
          }),
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
      },
    );
  if (!participates) return null;
  if (m?.status === 'suspended')
    return (
      <Badge color="red" variant="light">
        Suspended
      </Badge>
    );
  if (m?.status === 'active')
    return (
      <Button
        size="xs"
        variant="default"
        loading={membership.isPending}
        onClick={() => run('leave')}
        aria-label={`Leave ${space.name}`}
      >
        Leave
      </Button>
    );
  if (space.archived || (space.visibility === 'private' && m?.status !== 'invited')) return null;
  return (
    <Button
      size="xs"
      loading={membership.isPending}
      onClick={() => run('join')}
      aria-label={`Join ${space.name}`}
    >
      {m?.status === 'invited' ? 'Accept invitation' : 'Join'}
    </Button>
  );
}

function NewSpaceForm({ onDone }: { onDone: () => void }) {
  const create = useCreateSpace();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [visibility, setVisibility] = useState<Space['visibility']>('open');
  const [segment, setSegment] = useState<SegmentValue>(emptySegment);
  const [localError, setLocalError] = useState<Record<string, string>>({});
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const errors = { ...fieldErrors, ...localError };

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (name.trim().length < 2) problems.name = 'At least 2 characters';
    if (visibility === 'segment' && segmentIsEmpty(segment)) problems.segment = 'Choose who the space is for';
    setLocalError(problems);
    if (Object.keys(problems).length) return;
    create.mutate(
      {
        name: name.trim(),
        description: description.trim(),
        visibility,
        ...(visibility === 'segment' ? { segment } : {}),
      },
      {
        onSuccess: (space) => {
          notifications.show({ color: 'green', message: `Space “${space.name}” created.` });
          onDone();
          void navigate({ to: '/community/spaces/$spaceId', params: { spaceId: space.id } });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {create.isError && !Object.keys(fieldErrors).length && (
          <Alert color="red" role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
        <TextInput
          label="Name"
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
        <Radio.Group
          label="Who may join"
          value={visibility}
          onChange={(v) => setVisibility(v as Space['visibility'])}
        >
          <Stack gap="xs" mt="xs">
            {spaceVisibilities.map((v) => (
              <Radio key={v} value={v} label={visibilityCopy[v].label} description={visibilityCopy[v].hint} />
            ))}
          </Stack>
        </Radio.Group>
        {visibility === 'segment' && (
          <SegmentPicker legend="Segment" value={segment} onChange={setSegment} error={errors.segment} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create space
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
