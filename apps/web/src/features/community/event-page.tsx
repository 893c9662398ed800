import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarDown, IconPencil, IconX } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  attendeesQueryOptions,
  type CommunityEvent,
  eventQueryOptions,
  icsHref,
  useEventAction,
} from '../../api/community';
import { errorMessage, isApiError } from '../../api/client';
import { formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan } from '../auth/session';
import { NotFoundPage } from '../errors/not-found-page';
import { EventForm } from './event-form';
import { formatRange, viewerTimeZone } from './event-time';
import { RsvpBadge } from './events-page';
import { ServerHtml } from './html-content';
import { eventKindLabel } from './labels';
import { UnseenHeader } from '../../components/unseen-header';
import { useBrandTitle } from '../brand/brand-mark';

export function EventPage({ eventId }: { eventId: string }) {
  const event = useQuery(eventQueryOptions(eventId));
  useBrandTitle(`${event.data?.title ?? 'Event'}`);
  if (event.isPending) return <LoadingState label="Loading the event…" />;
  if (isApiError(event.error, 404)) return <NotFoundPage />;
  if (event.isError) return <ErrorAlert error={event.error} title="The event could not be loaded" />;
  return <EventView event={event.data} />;
}

function EventView({ event: e }: { event: CommunityEvent }) {
  const canManage = useCan('events:manage');
  // Analysts read the calendar and do not RSVP.
  const participates = useCan('community:participate');
  const action = useEventAction(e.id);
  const [editing, editModal] = useDisclosure(false);
  const mine = viewerTimeZone();
  const [now] = useState(() => Date.now());
  const past = new Date(e.endsAt).getTime() < now;
  const going = e.myRsvp?.status === 'going';
  const waitlisted = e.myRsvp?.status === 'waitlisted';
  const full = e.capacity !== null && e.going >= e.capacity;

  function rsvp(status: 'going' | 'cancelled') {
    action.mutate(
      { verb: 'rsvp', status },
      {
        onSuccess: (next) => {
          const r = next.myRsvp;
          notifications.show({
            color: 'green',
            message:
              status === 'cancelled'
                ? 'Your RSVP is cancelled.'
                : r?.status === 'waitlisted'
                  ? `The event is full: you are number ${r.waitlistPosition ?? '?'} on the waitlist.`
                  : 'You are going. Add it to your calendar.',
          });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
      },
    );
  }

  return (
    <Stack>
      <AnchorLink to="/community/events" size="sm">
        ← All events
      </AnchorLink>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={1}>{e.title}</Title>
            <Badge variant="outline">{eventKindLabel[e.kind]}</Badge>
            <RsvpBadge event={e} />
          </Group>
          <Text aria-label="When (event time)">{formatRange(e.startsAt, e.endsAt, e.timeZone)}</Text>
          {mine !== e.timeZone && (
            <Text size="sm" c="dimmed" aria-label="When (your time)">
              Your time: {formatRange(e.startsAt, e.endsAt, mine)}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {e.location || 'Online'}
            {e.segment ? ` · for ${e.segment.label}` : ''}
          </Text>
        </Stack>
        {canManage && !e.cancelled && (
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPencil size={14} />}
              onClick={editModal.open}
            >
              Edit event
            </Button>
            <Button
              variant="light"
              color="red"
              size="xs"
              leftSection={<IconX size={14} />}
              loading={action.isPending && action.variables.verb === 'cancel'}
              onClick={() => {
                if (window.confirm('Cancel this event? Everyone who RSVPed is told.'))
                  action.mutate(
                    { verb: 'cancel' },
                    {
                      onSuccess: () =>
                        notifications.show({ color: 'green', message: 'The event is cancelled.' }),
                      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
                    },
                  );
              }}
            >
              Cancel event
            </Button>
          </Group>
        )}
      </Group>
      {e.cancelled && <Alert color="red">This event is cancelled.</Alert>}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text size="sm">
            <strong>{e.going}</strong> going
            {e.capacity ? ` of ${e.capacity} seats` : ''}
            {e.waitlisted ? ` · ${e.waitlisted} on the waitlist` : ''}
          </Text>
          {waitlisted && (
            <Alert color="yellow" title="You are on the waitlist">
              Position {e.myRsvp?.waitlistPosition ?? '?'}. You get a seat automatically when one frees up,
              and we notify you.
            </Alert>
          )}
          {going && e.joinUrl && (
            <Text size="sm">
              Join link:{' '}
              <Anchor href={e.joinUrl} target="_blank" rel="noopener noreferrer">
                {e.joinUrl}
              </Anchor>
            </Text>
          )}
          {e.myRsvp?.attended && <Text size="sm">You attended this event.</Text>}
          {!e.cancelled && !past && (
            <Group gap="sm">
              {!participates ? null : going || waitlisted ? (
                <Button
                  variant="default"
                  loading={action.isPending && action.variables.verb === 'rsvp'}
                  onClick={() => rsvp('cancelled')}
                >
                  {going ? 'Cancel my RSVP' : 'Leave the waitlist'}
                </Button>
              ) : (
                <Button
                  loading={action.isPending && action.variables.verb === 'rsvp'}
                  onClick={() => rsvp('going')}
                >
                  {full ? 'Join the waitlist' : 'RSVP: I’m going'}
                </Button>
              )}
              <Button
                component="a"
                href={icsHref(e.id)}
                download
                variant="light"
                leftSection={<IconCalendarDown size={16} />}
              >
                Add to calendar (.ics)
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      {e.html && <ServerHtml html={e.html} />}
      {canManage && <Attendees event={e} />}
      <Modal opened={editing} onClose={editModal.close} title="Edit event" size="xl">
        {editing && <EventForm event={e} onDone={editModal.close} />}
      </Modal>
    </Stack>
  );
}

function Attendees({ event }: { event: CommunityEvent }) {
  const attendees = useInfiniteQuery(attendeesQueryOptions(event.id));
  const action = useEventAction(event.id);
  const [selected, setSelected] = useState<string[]>([]);
  const items = attendees.data?.pages.flatMap((p) => p.items) ?? [];
  const [now] = useState(() => Date.now());
  const started = new Date(event.startsAt).getTime() <= now;

  function mark(attended: boolean) {
    action.mutate(
      { verb: 'attendance', userIds: selected, attended },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: `${selected.length} marked as ${attended ? 'attended' : 'not attended'}.`,
          });
          setSelected([]);
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
      },
    );
  }

  return (
    <Stack component="section" aria-labelledby="attendees-heading">
      <Group justify="space-between">
        <Title order={2} size="h3" id="attendees-heading">
          Attendees
        </Title>
        {started && (
          <Group gap="xs">
            <Button
              size="xs"
              disabled={selected.length === 0}
              loading={action.isPending}
              onClick={() => mark(true)}
            >
              Mark attended ({selected.length})
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={selected.length === 0}
              loading={action.isPending}
              onClick={() => mark(false)}
            >
              Mark not attended
            </Button>
          </Group>
        )}
      </Group>
      {attendees.isPending ? (
        <LoadingState label="Loading attendees…" />
      ) : attendees.isError ? (
        <ErrorAlert error={attendees.error} />
      ) : items.length === 0 ? (
        <Text c="dimmed">Nobody has RSVPed yet.</Text>
      ) : (
        <>
          <Table aria-label="Attendees" striped>
            <Table.Thead>
              <Table.Tr>
                {started && <UnseenHeader>Select</UnseenHeader>}
                <Table.Th>Name</Table.Th>
                <Table.Th>Organization</Table.Th>
                <Table.Th>RSVP</Table.Th>
                <Table.Th>Attended</Table.Th>
                <Table.Th>Responded</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.user.id}>
                  {started && (
                    <Table.Td>
                      <Checkbox
                        aria-label={`Select ${a.user.name}`}
                        checked={selected.includes(a.user.id)}
                        onChange={(ev) =>
                          setSelected((s) =>
                            ev.currentTarget.checked ? [...s, a.user.id] : s.filter((id) => id !== a.user.id),
                          )
                        }
                      />
                    </Table.Td>
                  )}
                  <Table.Td>{a.user.name}</Table.Td>
                  <Table.Td>{a.user.organization.name}</Table.Td>
                  <Table.Td>
                    {a.status === 'waitlisted'
                      ? `Waitlist #${a.waitlistPosition ?? '?'}`
                      : a.status === 'going'
                        ? 'Going'
                        : 'Cancelled'}
                  </Table.Td>
                  <Table.Td>{a.attended ? 'Yes' : '—'}</Table.Td>
                  <Table.Td>{formatDateTime(a.respondedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <LoadMore
            hasNextPage={attendees.hasNextPage}
            isFetchingNextPage={attendees.isFetchingNextPage}
            fetchNextPage={attendees.fetchNextPage}
            shown={items.length}
            noun="people"
          />
        </>
      )}
    </Stack>
  );
}
