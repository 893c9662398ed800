import type { Email, emailDetailSchema } from '@partnergraph/shared/contracts/mail';
import { queryOptions } from '@tanstack/react-query';
import { call, http } from './client';
import { pagedQueryOptions } from './paged';

/** One message with its bodies: both null when it went out by SMTP (only logged messages keep them). */
export type EmailDetail = (typeof emailDetailSchema)['_output'];
export type { Email };

const PAGE_SIZE = 50;

export const emailKeys = {
  all: ['emails'] as const,
  list: ['emails', 'list'] as const,
  detail: (id: string) => ['emails', 'detail', id] as const,
};

/** The outbox, newest first. */
export const emailsQueryOptions = pagedQueryOptions(
  emailKeys.list,
  (page, signal) => call(http.GET('/emails', { params: { query: { ...page } }, signal })),
  PAGE_SIZE,
);

export const emailQueryOptions = (id: string) =>
  queryOptions({
    queryKey: emailKeys.detail(id),
    queryFn: ({ signal }) => call(http.GET('/emails/{id}', { params: { path: { id } }, signal })),
    // A message never changes once recorded.
    staleTime: Infinity,
  });
