// Events and attendance.
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http, isStaleVersion } from '../client';
import { pagedQueryOptions } from '../paged';
import {
  type CommunityEvent,
  type CreateEventInput,
  type UpdateEventInput,
  type AttendanceInput,
  type EventWhen,
  communityKeys,
} from './base';

export const eventsQueryOptions = (when: EventWhen) =>
  pagedQueryOptions(communityKeys.eventList(when), (page, signal) =>
    call(http.GET('/events', { params: { query: { when, ...page } }, signal })),
  );

export const eventQueryOptions = (id: string) =>
  queryOptions({
    queryKey: communityKeys.event(id),
    queryFn: ({ signal }) => call(http.GET('/events/{id}', { params: { path: { id } }, signal })),
  });

export const attendeesQueryOptions = (id: string) =>
  pagedQueryOptions(communityKeys.attendees(id), (page, signal) =>
    call(http.GET('/events/{id}/attendees', { params: { path: { id }, query: page }, signal })),
  );

export const icsHref = (id: string) => `/api/v1/events/${encodeURIComponent(id)}/ics`;

function storeEvent(queryClient: QueryClient, event: CommunityEvent) {
  queryClient.setQueryData(communityKeys.event(event.id), event);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['community', 'events', 'list'] }),
    queryClient.invalidateQueries({ queryKey: communityKeys.attendees(event.id) }),
  ]);
}

export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEventInput) => call(http.POST('/events', { body })),
    onSuccess: (event) => storeEvent(queryClient, event),
  });
}

export function useUpdateEvent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateEventInput) =>
      call(http.PATCH('/events/{id}', { params: { path: { id } }, body })),
    onSuccess: (event) => storeEvent(queryClient, event),
    onError: (error) =>
      isStaleVersion(error)
        ? queryClient.invalidateQueries({ queryKey: communityKeys.event(id) })
        : undefined,
  });
}

export type EventAction =
  | { verb: 'rsvp'; status: 'going' | 'cancelled' }
  | { verb: 'cancel' }
  | ({ verb: 'attendance' } & AttendanceInput);

export function useEventAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: EventAction) => {
      const params = { path: { id } };
      if (action.verb === 'rsvp')
        return call(http.POST('/events/{id}/rsvp', { params, body: { status: action.status } }));
      if (action.verb === 'cancel') return call(http.POST('/events/{id}/cancel', { params }));
      const { verb: _verb, ...body } = action;
      return call(http.POST('/events/{id}/attendance', { params, body }));
    },
    onSuccess: (event) =>
      event && typeof event === 'object' && 'id' in event
        ? storeEvent(queryClient, event)
        : queryClient.invalidateQueries({ queryKey: communityKeys.events }),
  });
}
