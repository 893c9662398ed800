import { infiniteQueryOptions } from '@tanstack/react-query';
import type { Page } from './client';

/** The page a list asks the server for: at most `limit` rows after `cursor` (none for the first). */
export interface PageParams {
  limit: number;
  cursor: string | undefined;
}

/**
 * A cursor-paged list, appended page by page as someone scrolls or presses "Load more"; `fetchPage`
 * makes the typed call for one page. Every list in the app pages the same way, through this one helper.
 */
export function pagedQueryOptions<P extends Page<unknown>, Key extends readonly unknown[]>(
  queryKey: Key,
  // The whole page's type, so what a list answers beside its rows (an unread count) stays typed.
  fetchPage: (page: PageParams, signal: AbortSignal) => Promise<P>,
  pageSize = 25,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage({ limit: pageSize, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: P) => last.nextCursor ?? undefined,
  });
}
