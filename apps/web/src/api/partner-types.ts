import type { PartnerType } from '@partnergraph/shared/contracts/organizations';
import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

export const partnerTypesQueryOptions = queryOptions({
  queryKey: ['partner-types'],
  queryFn: ({ signal }) => api<{ items: PartnerType[] }>('/partner-types', { signal }),
  select: (data) => data.items,
  // The list of types is configuration: it hardly ever changes while someone works.
  staleTime: 10 * 60_000,
});
