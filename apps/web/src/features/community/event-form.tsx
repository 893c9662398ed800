import {
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { eventKinds } from '@partnergraph/shared/community-codes';
import { type FormEvent, useMemo, useState } from 'react';
import { type CommunityEvent, useCreateEvent, useUpdateEvent } from '../../api/community';
import { ApiError, errorMessage, isStaleVersion } from '../../api/client';
import { isoToZoned, timeZoneOptions, viewerTimeZone, zonedToIso } from './event-time';
import { eventKindLabel } from './labels';
import { emptySegment, SegmentPicker, segmentIsEmpty, type SegmentValue } from './segment-picker';

interface Props {
  /** Editing this event; without it, a new one. */
  event?: CommunityEvent;
  onDone: (event?: CommunityEvent) => void;
}

/** Create or edit an event; the times are wall-clock times in the event's own time zone. */
export function EventForm({ event, onDone }: Props) {
  const create = useCreateEvent();
  const update = useUpdateEvent(event?.id ?? '');
  const mutation = event ? update : create;
  const zones = useMemo(() => timeZoneOptions(), []);
  const [title, setTitle] = useState(event?.title ?? '');
  const [description, setDescription] = useState(event?.description ?? '');
  const [kind, setKind] = useState<CommunityEvent['kind']>(event?.kind ?? 'webinar');
  const [timeZone, setTimeZone] = useState(event?.timeZone ?? viewerTimeZone());
  const [startsAt, setStartsAt] = useState(event ? isoToZoned(event.startsAt, event.timeZone) : '');
  const [endsAt, setEndsAt] = useState(event ? isoToZoned(event.endsAt, event.timeZone) : '');
  const [location, setLocation] = useState(event?.location ?? '');
  const [joinUrl, setJoinUrl] = useState(event?.joinUrl ?? '');
  const [capacity, setCapacity] = useState<number | ''>(event?.capacity ?? '');
  const [everyone, setEveryone] = useState(true);
  const [segment, setSegment] = useState<SegmentValue>(emptySegment);
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = mutation.error instanceof ApiError ? mutation.error.fieldErrors() : {};
  const errors = { ...server, ...local };

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const start = zonedToIso(startsAt, timeZone);
    const end = zonedToIso(endsAt, timeZone);
    if (!title.trim()) problems.title = 'Give the event a title';
    if (!start) problems.startsAt = 'When it starts';
    if (!end) problems.endsAt = 'When it ends';
    if (start && end && end <= start) problems.endsAt = 'Ends after it starts';
    if (joinUrl.trim() && !/^https?:\/\/\S+$/i.test(joinUrl.trim())) problems.joinUrl = 'An http(s) address';
    if (!event && !everyone && segmentIsEmpty(segment)) problems.segment = 'Choose who it is for';
    setLocal(problems);
    if (Object.keys(problems).length || !start || !end) return;
    const done = (saved: CommunityEvent) => {
      notifications.show({
        color: 'green',
        message: event ? 'The event is saved.' : `“${saved.title}” is scheduled.`,
      });
      onDone(saved);
    };
    if (event) {
      update.mutate(
        {
          version: event.version,
          title: title.trim(),
          description: description.trim(),
          startsAt: start,
          endsAt: end,
          timeZone,
          location: location.trim(),
          joinUrl: joinUrl.trim() || null,
          capacity: capacity === '' ? null : capacity,
        },
        { onSuccess: done },
      );
    } else {
      create.mutate(
        {
          title: title.trim(),
          description: description.trim(),
          kind,
          startsAt: start,
          endsAt: end,
          timeZone,
          location: location.trim(),
          ...(joinUrl.trim() ? { joinUrl: joinUrl.trim() } : {}),
          ...(capacity === '' ? {} : { capacity }),
          ...(everyone ? {} : { segment }),
        },
        { onSuccess: done },
      );
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mutation.isError && !Object.keys(server).length && (
          <Alert color="red" role="alert">
            {isStaleVersion(mutation.error)
              ? 'Someone changed the event first; it has been reloaded. Close this and try again.'
              : errorMessage(mutation.error)}
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
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Kind"
            data={eventKinds.map((k) => ({ value: k, label: eventKindLabel[k] }))}
            value={kind}
            onChange={(v) => v && setKind(v as CommunityEvent['kind'])}
            allowDeselect={false}
            disabled={Boolean(event)}
          />
          <Select
            label="Time zone"
            description="Where the event is held; the times below are in it"
            data={zones}
            value={timeZone}
            onChange={(v) => v && setTimeZone(v)}
            searchable
            allowDeselect={false}
            error={errors.timeZone}
          />
          <TextInput
            type="datetime-local"
            label="Starts"
            required
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
            error={errors.startsAt}
          />
          <TextInput
            type="datetime-local"
            label="Ends"
            required
            value={endsAt}
            onChange={(e) => setEndsAt(e.currentTarget.value)}
            error={errors.endsAt}
          />
          <TextInput
            label="Location"
            description="Leave empty for an online event"
            maxLength={300}
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
            error={errors.location}
          />
          <TextInput
            label="Join link"
            description="Shown to those going"
            type="url"
            placeholder="https://"
            maxLength={500}
            value={joinUrl}
            onChange={(e) => setJoinUrl(e.currentTarget.value)}
            error={errors.joinUrl}
          />
          <NumberInput
            label="Capacity"
            description="Leave empty for no limit; beyond it, people join a waitlist"
            min={1}
            max={100_000}
            allowDecimal={false}
            value={capacity}
            onChange={(v) => setCapacity(typeof v === 'number' ? v : '')}
            error={errors.capacity}
          />
        </SimpleGrid>
        <Textarea
          label="Description"
          description="Markdown"
          autosize
          minRows={3}
          maxLength={20_000}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
        {!event && (
          <>
            <Switch
              label="Every partner"
              description="Turn off to invite a segment only"
              checked={everyone}
              onChange={(e) => setEveryone(e.currentTarget.checked)}
            />
            {!everyone && (
              <SegmentPicker legend="Audience" value={segment} onChange={setSegment} error={errors.segment} />
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {event ? 'Save event' : 'Create event'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
