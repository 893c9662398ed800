import type { User, userListQuery } from '@partnergraph/shared/contracts/identity';
import { queryOptions } from '@tanstack/react-query';
import { api, type Page } from './client';

export type UserFilters = (typeof userListQuery)['_input'];

/** One page of up to 200 users: enough for pickers such as the channel manager list. */
export const usersQueryOptions = (filters: UserFilters) =>
  queryOptions({
    queryKey: ['users', filters],
    queryFn: ({ signal }) => api<Page<User>>('/users', { query: { ...filters, limit: 200 }, signal }),
  });
