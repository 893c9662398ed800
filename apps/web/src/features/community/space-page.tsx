import { Alert, Badge, Breadcrumbs, Button, Group, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { spaceQueryOptions } from '../../api/community';
import { isApiError } from '../../api/client';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan } from '../auth/session';
import { NotFoundPage } from '../errors/not-found-page';
import { visibilityCopy } from './labels';
import { MembershipButton } from './spaces-page';
import { Feed } from './space-feed';
import { Members } from './space-members';
import { ModerationLog } from './space-moderation-log';
import { EditSpaceForm } from './space-edit-form';
import { useBrandTitle } from '../brand/brand-mark';

export function SpacePage({ spaceId }: { spaceId: string }) {
  const space = useQuery(spaceQueryOptions(spaceId));
  useBrandTitle(`${space.data?.name ?? 'Space'}`);
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
