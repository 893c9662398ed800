import type { PartnerHome } from '@partnergraph/shared/contracts/home';
import { queryOptions } from '@tanstack/react-query';
import { call, http } from './client';

export type { PartnerHome };

export const homeKeys = { all: ['home'] as const };

/** The partner's first screen in one request: each section is already what the partner may open. */
export const partnerHomeQueryOptions = queryOptions({
  queryKey: homeKeys.all,
  queryFn: ({ signal }) => call(http.GET('/me/home', { signal })),
});
