import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { type CommunityEvent, type EventWhen, eventsQueryOptions } from '../../api/community';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan } from '../auth/session';
import { EventForm } from './event-form';
import { formatInZone, formatRange, viewerTimeZone } from './event-time';
import { eventKindLabel } from './labels';
import { useBrandTitle } from '../brand/brand-mark';

export function EventsPage() {
  useBrandTitle('Events');
  const canManage = useCan('events:manage');
  const [when, setWhen] = useState<EventWhen>('upcoming');
  const [creating, createModal] = useDisclosure(false);
  const navigate = useNavigate();

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Events</Title>
          <Text c="dimmed" size="sm">
            Webinars, meetups and workshops for partners. Times show in the event&apos;s time zone and in
            yours.
          </Text>
        </div>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
            New event
          </Button>
        )}
      </Group>
      <Tabs value={when} onChange={(v) => setWhen((v as EventWhen | null) ?? 'upcoming')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="upcoming">Upcoming</Tabs.Tab>
          <Tabs.Tab value="past">Past</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="upcoming" pt="md">
          <EventList when="upcoming" />
        </Tabs.Panel>
        <Tabs.Panel value="past" pt="md">
          <EventList when="past" />
        </Tabs.Panel>
      </Tabs>
      <Modal opened={creating} onClose={createModal.close} title="New event" size="xl">
        {creating && (
          <EventForm
            onDone={(event) => {
              createModal.close();
              if (event) void navigate({ to: '/community/events/$eventId', params: { eventId: event.id } });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function EventList({ when }: { when: EventWhen }) {
  const events = useInfiniteQuery(eventsQueryOptions(when));
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  if (events.isPending) return <LoadingState label="Loading events…" />;
  if (events.isError) return <ErrorAlert error={events.error} title="The events could not be loaded" />;
  if (items.length === 0)
    return <Alert color="gray">{when === 'upcoming' ? 'No upcoming events.' : 'No past events.'}</Alert>;
  return (
    <Stack>
      <SimpleGrid
        cols={{ base: 1, md: 2 }}
        role="list"
        aria-label={when === 'upcoming' ? 'Upcoming events' : 'Past events'}
      >
        {items.map((e) => (
          <EventCard key={e.id} event={e} />
        ))}
      </SimpleGrid>
      <LoadMore
        hasNextPage={events.hasNextPage}
        isFetchingNextPage={events.isFetchingNextPage}
        fetchNextPage={events.fetchNextPage}
        shown={items.length}
        noun="events"
      />
    </Stack>
  );
}

export function RsvpBadge({ event }: { event: CommunityEvent }) {
  const r = event.myRsvp;
  if (event.cancelled) return <Badge color="red">Cancelled</Badge>;
  if (!r || r.status === 'cancelled') return null;
  if (r.status === 'waitlisted')
    return (
      <Badge color="yellow" variant="light">
        Waitlist #{r.waitlistPosition ?? '?'}
      </Badge>
    );
  return (
    <Badge color="green" variant="light">
      {r.attended ? 'Attended' : 'Going'}
    </Badge>
  );
}

function EventCard({ event: e }: { event: CommunityEvent }) {
  const mine = viewerTimeZone();
  return (
    <Card withBorder role="listitem" aria-label={e.title}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <AnchorLink to="/community/events/$eventId" params={{ eventId: e.id }} fw={600}>
            {e.title}
          </AnchorLink>
          <Group gap={4} wrap="nowrap">
            <Badge variant="outline">{eventKindLabel[e.kind]}</Badge>
            <RsvpBadge event={e} />
          </Group>
        </Group>
        <Text size="sm">{formatRange(e.startsAt, e.endsAt, e.timeZone)}</Text>
        {mine !== e.timeZone && (
          <Text size="xs" c="dimmed">
            Your time: {formatInZone(e.startsAt, mine)}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {e.location || 'Online'} · {e.going} going
          {e.capacity ? ` of ${e.capacity}` : ''}
          {e.waitlisted ? ` · ${e.waitlisted} waitlisted` : ''}
          {e.segment ? ` · for ${e.segment.label}` : ''}
        </Text>
      </Stack>
    </Card>
  );
}
