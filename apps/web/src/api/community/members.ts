// The member directory and one's own profile in it.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http } from '../client';
import { pagedQueryOptions } from '../paged';
import { type MemberFilters, type UpdateMemberProfileInput, communityKeys } from './base';

export const membersQueryOptions = (filters: MemberFilters) =>
  pagedQueryOptions(communityKeys.memberList(filters), (page, signal) =>
    call(http.GET('/members', { params: { query: { ...filters, ...page } }, signal })),
  );

export const memberQueryOptions = (id: string) =>
  queryOptions({
    queryKey: communityKeys.member(id),
    queryFn: ({ signal }) => call(http.GET('/members/{id}', { params: { path: { id } }, signal })),
  });

export const myMemberProfileQueryOptions = queryOptions({
  queryKey: communityKeys.myProfile,
  queryFn: ({ signal }) => call(http.GET('/me/member-profile', { signal })),
});

export function useUpdateMemberProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMemberProfileInput) => call(http.PUT('/me/member-profile', { body })),
    onSuccess: (profile) => {
      queryClient.setQueryData(communityKeys.myProfile, profile);
      return queryClient.invalidateQueries({ queryKey: communityKeys.members });
    },
  });
}

export function useIntroduce(memberId: string) {
  return useMutation({
    mutationFn: (message: string) =>
      call(http.POST('/members/{id}/introduce', { params: { path: { id: memberId } }, body: { message } })),
  });
}
