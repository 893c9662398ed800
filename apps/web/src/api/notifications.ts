import type {
  notificationPageSchema,
  notificationSchema,
  notificationSettingsSchema,
  updateNotificationSettingsBody,
} from '@partnergraph/shared/contracts/community';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import { pagedQueryOptions } from './paged';

export type Notification = (typeof notificationSchema)['_output'];
export type NotificationPage = (typeof notificationPageSchema)['_output'];
export type NotificationSettings = (typeof notificationSettingsSchema)['_output'];
export type UpdateNotificationSettingsInput = (typeof updateNotificationSettingsBody)['_input'];

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (unread: boolean) => ['notifications', 'list', unread] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  settings: ['notifications', 'settings'] as const,
};

/** How often the bell asks for the unread count while the page is open (and on focus). */
export const UNREAD_POLL_MS = 30_000;

export const unreadCountQueryOptions = queryOptions({
  queryKey: notificationKeys.unreadCount,
  queryFn: ({ signal }) => call(http.GET('/notifications/unread-count', { signal })),
  select: (data) => data.unread,
  refetchInterval: UNREAD_POLL_MS,
  refetchOnWindowFocus: 'always',
  // A failed poll is shown as "no count", and the next one tries again.
  retry: false,
});

export const notificationsQueryOptions = (unread: boolean, limit = 25) =>
  pagedQueryOptions(
    [...notificationKeys.list(unread), limit],
    (page, signal) =>
      call(
        http.GET('/notifications', {
          params: { query: { unread: unread ? 'true' : undefined, ...page } },
          signal,
        }),
      ),
    limit,
  );

export const notificationSettingsQueryOptions = queryOptions({
  queryKey: notificationKeys.settings,
  queryFn: ({ signal }) => call(http.GET('/notifications/settings', { signal })),
});

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string | 'all') => {
      if (id === 'all') await call(http.POST('/notifications/read-all'));
      else await call(http.POST('/notifications/{id}/read', { params: { path: { id } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationSettingsInput) =>
      call(http.PUT('/notifications/settings', { body })),
    onSuccess: (settings) => {
      queryClient.setQueryData(notificationKeys.settings, settings);
      // The digest switch is also the session's emailDigest.
      return queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
