import type { userListQuery } from '@partnergraph/shared/contracts/identity';
import { queryOptions } from '@tanstack/react-query';
import { call, http } from './client';

export type UserFilters = (typeof userListQuery)['_input'];

/** One page of up to 200 users: enough for pickers such as the channel manager list. */
export const usersQueryOptions = (filters: UserFilters) =>
  queryOptions({
    queryKey: ['users', filters],
    queryFn: ({ signal }) =>
      call(http.GET('/users', { params: { query: { ...filters, limit: 200 } }, signal })),
  });
