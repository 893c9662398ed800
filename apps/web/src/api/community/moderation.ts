// Reports and their resolution; announcements and their read receipts.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http } from '../client';
import { pagedQueryOptions } from '../paged';
import {
  type ReportInput,
  type ResolveReportInput,
  type CreateAnnouncementInput,
  type ReportFilters,
  communityKeys,
} from './base';

// --- Moderation ---

export const reportsQueryOptions = (filters: ReportFilters) =>
  pagedQueryOptions(communityKeys.reportList(filters), (page, signal) =>
    call(http.GET('/reports', { params: { query: { ...filters, ...page } }, signal })),
  );

export function useReport() {
  return useMutation({
    mutationFn: (body: ReportInput) => call(http.POST('/reports', { body })),
  });
}

export function useResolveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ResolveReportInput & { id: string }) =>
      call(http.POST('/reports/{id}/resolve', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: communityKeys.reports }),
  });
}

// --- Announcements ---

export const announcementsQueryOptions = (unread: boolean) =>
  pagedQueryOptions(communityKeys.announcementList(unread), (page, signal) =>
    call(
      http.GET('/announcements', {
        params: { query: { unread: unread ? 'true' : undefined, ...page } },
        signal,
      }),
    ),
  );

export const announcementQueryOptions = (id: string) =>
  queryOptions({
    queryKey: communityKeys.announcement(id),
    queryFn: ({ signal }) => call(http.GET('/announcements/{id}', { params: { path: { id } }, signal })),
  });

export const receiptsQueryOptions = (id: string) =>
  pagedQueryOptions(communityKeys.receipts(id), (page, signal) =>
    call(http.GET('/announcements/{id}/receipts', { params: { path: { id }, query: page }, signal })),
  );

export function useCreateAnnouncement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAnnouncementInput) => call(http.POST('/announcements', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: communityKeys.announcements }),
  });
}

export function useMarkAnnouncementRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(http.POST('/announcements/{id}/read', { params: { path: { id } } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: communityKeys.announcements }),
        queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      ]),
  });
}
