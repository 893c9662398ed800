// Spaces: the list, one space, its members and what moderators may do to them.
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http, isStaleVersion } from '../client';
import { pagedQueryOptions } from '../paged';
import {
  type Space,
  type CreateSpaceInput,
  type UpdateSpaceInput,
  type SpaceFilters,
  communityKeys,
} from './base';

export const spacesQueryOptions = (filters: SpaceFilters) =>
  pagedQueryOptions(communityKeys.spaceList(filters), (page, signal) =>
    call(http.GET('/spaces', { params: { query: { ...filters, ...page } }, signal })),
  );

export const spaceQueryOptions = (id: string) =>
  queryOptions({
    queryKey: communityKeys.space(id),
    queryFn: ({ signal }) => call(http.GET('/spaces/{id}', { params: { path: { id } }, signal })),
  });

export const spaceMembersQueryOptions = (id: string, q: string) =>
  pagedQueryOptions(communityKeys.spaceMembers(id, q), (page, signal) =>
    call(http.GET('/spaces/{id}/members', { params: { path: { id }, query: { q, ...page } }, signal })),
  );

/** People a moderator may invite: not members yet (see GET /spaces/{id}/invitable). */
export const invitableQueryOptions = (spaceId: string, q: string) =>
  queryOptions({
    queryKey: ['community', 'spaces', 'detail', spaceId, 'invitable', q] as const,
    queryFn: ({ signal }) =>
      call(http.GET('/spaces/{id}/invitable', { params: { path: { id: spaceId }, query: { q } }, signal })),
    select: (data) => data.items,
    staleTime: 10_000,
  });

export const mentionableQueryOptions = (spaceId: string, q: string) =>
  queryOptions({
    queryKey: communityKeys.mentionable(spaceId, q),
    queryFn: ({ signal }) =>
      call(http.GET('/spaces/{id}/mentionable', { params: { path: { id: spaceId }, query: { q } }, signal })),
    select: (data) => data.items,
    staleTime: 30_000,
  });

export const moderationLogQueryOptions = (id: string) =>
  pagedQueryOptions(communityKeys.moderationLog(id), (page, signal) =>
    call(http.GET('/spaces/{id}/moderation', { params: { path: { id }, query: page }, signal })),
  );

function storeSpace(queryClient: QueryClient, space: Space) {
  queryClient.setQueryData(communityKeys.space(space.id), space);
  return queryClient.invalidateQueries({ queryKey: communityKeys.spaces });
}

export function useCreateSpace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSpaceInput) => call(http.POST('/spaces', { body })),
    onSuccess: (space) => storeSpace(queryClient, space),
  });
}

export function useUpdateSpace(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSpaceInput) =>
      call(http.PATCH('/spaces/{id}', { params: { path: { id } }, body })),
    onSuccess: (space) => storeSpace(queryClient, space),
    onError: (error) =>
      isStaleVersion(error)
        ? queryClient.invalidateQueries({ queryKey: communityKeys.space(id) })
        : undefined,
  });
}

/** Join or leave a space; the answer is the space with the caller's membership. */
export function useSpaceMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, verb }: { id: string; verb: 'join' | 'leave' }) =>
      call(http.POST(`/spaces/{id}/${verb}`, { params: { path: { id } } })),
    // Joining answers the space; leaving answers 204 (a private space may no longer be visible).
    onSuccess: (space, { id }) =>
      Promise.all([
        space
          ? storeSpace(queryClient, space)
          : queryClient.invalidateQueries({ queryKey: communityKeys.spaces }),
        queryClient.invalidateQueries({ queryKey: ['community', 'posts', 'list', id] }),
      ]),
  });
}

export type MemberAction =
  | { verb: 'invite'; userIds: string[] }
  | { verb: 'role'; userId: string; role: 'member' | 'moderator' }
  | { verb: 'suspend'; userId: string; reason: string }
  | { verb: 'reinstate'; userId: string };

/** A space moderator's (or the vendor's) changes to its members. */
export function useSpaceMemberAction(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: MemberAction): Promise<unknown> => {
      if (action.verb === 'invite') {
        return call(
          http.POST('/spaces/{id}/members', {
            params: { path: { id: spaceId } },
            body: { userIds: action.userIds },
          }),
        );
      }
      const params = { path: { id: spaceId, userId: action.userId } };
      switch (action.verb) {
        case 'role':
          return call(
            http.PUT('/spaces/{id}/members/{userId}/role', { params, body: { role: action.role } }),
          );
        case 'suspend':
          return call(
            http.POST('/spaces/{id}/members/{userId}/suspend', { params, body: { reason: action.reason } }),
          );
        case 'reinstate':
          return call(http.POST('/spaces/{id}/members/{userId}/reinstate', { params }));
      }
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: communityKeys.space(spaceId) }),
        queryClient.invalidateQueries({ queryKey: communityKeys.moderationLog(spaceId) }),
      ]),
  });
}
