import { queryOptions } from '@tanstack/react-query';
import { call, http } from './client';

export const partnerTypesQueryOptions = queryOptions({
  queryKey: ['partner-types'],
  queryFn: ({ signal }) => call(http.GET('/partner-types', { signal })),
  select: (data) => data.items,
  // The list of types is configuration: it hardly ever changes while someone works.
  staleTime: 10 * 60_000,
});
