import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Progress,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  type Announcement,
  announcementQueryOptions,
  announcementsQueryOptions,
  receiptsQueryOptions,
  useCreateAnnouncement,
  useMarkAnnouncementRead,
} from '../../api/community';
import { ApiError, errorMessage, isApiError } from '../../api/client';
import { formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan } from '../auth/session';
import { NotFoundPage } from '../errors/not-found-page';
import { MarkdownComposer } from './composer';
import { ServerHtml } from './html-content';
import { MAX_POST_CHARS } from './labels';
import { emptySegment, SegmentPicker, segmentIsEmpty, type SegmentValue } from './segment-picker';
import { useBrandTitle } from '../brand/brand-mark';

export function AnnouncementsPage() {
  useBrandTitle('Announcements');
  const canManage = useCan('announcements:manage');
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [composing, composeModal] = useDisclosure(false);
  const [receiptsFor, setReceiptsFor] = useState<Announcement | null>(null);
  const list = useInfiniteQuery(announcementsQueryOptions(filter === 'unread'));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Announcements</Title>
          <Text c="dimmed" size="sm">
            {canManage
              ? 'News from the vendor to every partner or to a segment, and who has read it.'
              : 'News from the vendor for your organization.'}
          </Text>
        </div>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={composeModal.open}>
            New announcement
          </Button>
        )}
      </Group>
      {!canManage && (
        <SegmentedControl
          aria-label="Which announcements"
          w="fit-content"
          value={filter}
          onChange={(v) => setFilter(v as 'all' | 'unread')}
          data={[
            { value: 'all', label: 'All' },
            { value: 'unread', label: 'Unread' },
          ]}
        />
      )}
      {list.isPending ? (
        <LoadingState label="Loading announcements…" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="The announcements could not be loaded" />
      ) : items.length === 0 ? (
        <Alert color="gray">
          {filter === 'unread' ? 'You have read every announcement.' : 'No announcements yet.'}
        </Alert>
      ) : (
        <>
          <Stack role="list" aria-label="Announcements">
            {items.map((a) => (
              <AnnouncementCard key={a.id} announcement={a} onReceipts={() => setReceiptsFor(a)} />
            ))}
          </Stack>
          <LoadMore
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={list.fetchNextPage}
            shown={items.length}
            noun="announcements"
          />
        </>
      )}
      <Modal opened={composing} onClose={composeModal.close} title="New announcement" size="xl">
        {composing && <AnnouncementForm onDone={composeModal.close} />}
      </Modal>
      <Modal
        opened={receiptsFor !== null}
        onClose={() => setReceiptsFor(null)}
        title={receiptsFor ? `Read receipts: ${receiptsFor.title}` : 'Read receipts'}
        size="lg"
      >
        {receiptsFor && <Receipts announcement={receiptsFor} />}
      </Modal>
    </Stack>
  );
}

export function AnnouncementPage({ announcementId }: { announcementId: string }) {
  const a = useQuery(announcementQueryOptions(announcementId));
  const [receipts, receiptsModal] = useDisclosure(false);
  useBrandTitle(`${a.data?.title ?? 'Announcement'}`);
  if (a.isPending) return <LoadingState label="Loading the announcement…" />;
  if (isApiError(a.error, 404)) return <NotFoundPage />;
  if (a.isError) return <ErrorAlert error={a.error} />;
  return (
    <Stack>
      <AnchorLink to="/community/announcements" size="sm">
        ← All announcements
      </AnchorLink>
      <AnnouncementCard announcement={a.data} onReceipts={receiptsModal.open} headingLevel={1} />
      <Modal opened={receipts} onClose={receiptsModal.close} title="Read receipts" size="lg">
        {receipts && <Receipts announcement={a.data} />}
      </Modal>
    </Stack>
  );
}

function AnnouncementCard({
  announcement: a,
  onReceipts,
  headingLevel = 2,
}: {
  announcement: Announcement;
  onReceipts: () => void;
  headingLevel?: 1 | 2;
}) {
  const markRead = useMarkAnnouncementRead();
  const unread = !a.read && !a.receipts;
  return (
    <Card
      withBorder
      // An item of the announcements list; alone on its own page, an article (a list item needs a list).
      role={headingLevel === 1 ? 'article' : 'listitem'}
      aria-label={a.title}
      style={unread ? { borderColor: 'var(--mantine-color-indigo-5)' } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Group gap="xs">
              {unread && <Badge color="indigo">Unread</Badge>}
              <Title order={headingLevel} size="h4">
                <AnchorLink
                  to="/community/announcements/$announcementId"
                  params={{ announcementId: a.id }}
                  c="inherit"
                >
                  {a.title}
                </AnchorLink>
              </Title>
            </Group>
            <Text size="xs" c="dimmed">
              {formatDateTime(a.publishedAt)}
              {a.author ? ` · ${a.author.name}` : ''} · For {a.segment ? a.segment.label : 'every partner'}
            </Text>
          </Stack>
          {unread && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconCheck size={14} />}
              loading={markRead.isPending}
              onClick={() => markRead.mutate(a.id)}
            >
              Mark as read
            </Button>
          )}
        </Group>
        <ServerHtml html={a.html} />
        {a.receipts && (
          <Group gap="sm" align="center">
            <Text size="sm" aria-label="Read receipts">
              Read by {a.receipts.read} of {a.receipts.audience}
            </Text>
            <Progress
              value={a.receipts.audience ? (100 * a.receipts.read) / a.receipts.audience : 0}
              w={160}
              aria-hidden
            />
            <Button size="compact-xs" variant="subtle" onClick={onReceipts}>
              Who read it
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function Receipts({ announcement }: { announcement: Announcement }) {
  const receipts = useInfiniteQuery(receiptsQueryOptions(announcement.id));
  const items = receipts.data?.pages.flatMap((p) => p.items) ?? [];
  if (receipts.isPending) return <LoadingState label="Loading receipts…" />;
  if (receipts.isError) return <ErrorAlert error={receipts.error} />;
  if (items.length === 0) return <Text c="dimmed">Nobody has read it yet.</Text>;
  return (
    <Stack>
      <Table aria-label="Read receipts" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Organization</Table.Th>
            <Table.Th>Read</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.user.id}>
              <Table.Td>{r.user.name}</Table.Td>
              <Table.Td>{r.user.organization.name}</Table.Td>
              <Table.Td>{formatDateTime(r.readAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <LoadMore
        hasNextPage={receipts.hasNextPage}
        isFetchingNextPage={receipts.isFetchingNextPage}
        fetchNextPage={receipts.fetchNextPage}
        shown={items.length}
        noun="readers"
      />
    </Stack>
  );
}

function AnnouncementForm({ onDone }: { onDone: () => void }) {
  const create = useCreateAnnouncement();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [everyone, setEveryone] = useState(true);
  const [segment, setSegment] = useState<SegmentValue>(emptySegment);
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const errors = { ...server, ...local };

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!title.trim()) problems.title = 'Give it a title';
    if (!body.trim()) problems.body = 'Write something first';
    if (!everyone && segmentIsEmpty(segment))
      problems.segment = 'Choose who it is for, or send it to every partner';
    setLocal(problems);
    if (Object.keys(problems).length) return;
    create.mutate(
      { title: title.trim(), body, ...(everyone ? {} : { segment }) },
      {
        onSuccess: (a) => {
          notifications.show({
            color: 'green',
            icon: <IconSpeakerphone size={16} />,
            message: `“${a.title}” is sent${a.receipts ? ` to ${a.receipts.audience} people` : ''}.`,
          });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {create.isError && !Object.keys(server).length && (
          <Alert color="red" role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
        <TextInput
          label="Title"
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          data-autofocus
        />
        <MarkdownComposer
          label="Announcement"
          value={body}
          onChange={setBody}
          maxLength={MAX_POST_CHARS}
          error={errors.body}
          minRows={5}
        />
        <Switch
          label="Every partner"
          description="Turn off to send it to a segment only"
          checked={everyone}
          onChange={(e) => setEveryone(e.currentTarget.checked)}
        />
        {!everyone && (
          <SegmentPicker legend="Audience" value={segment} onChange={setSegment} error={errors.segment} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Send announcement
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
