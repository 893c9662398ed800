import type {
  announcementSchema,
  attachmentSchema,
  attendanceBody,
  attendeeSchema,
  commentSchema,
  createAnnouncementBody,
  createCommentBody,
  createEventBody,
  createPostBody,
  createSpaceBody,
  eventSchema,
  memberListQuery,
  memberProfileSchema,
  memberSchema,
  moderationEntrySchema,
  postSchema,
  previewSchema,
  receiptSchema,
  reportBody,
  reportSchema,
  resolveReportBody,
  revisionSchema,
  segmentSchema,
  spaceMemberSchema,
  spaceSchema,
  updateCommentBody,
  updateEventBody,
  updateMemberProfileBody,
  updatePostBody,
  updateSpaceBody,
} from '@partnergraph/shared/contracts/community';
import type { reactionKinds } from '@partnergraph/shared/community-codes';
import {
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { call, http, isApiError, isStaleVersion, type Page } from './client';

// The community (issue #8): spaces, posts and comments, moderation, announcements, events and the
// member directory. Shapes come from the shared contract, so a change there is a type error here.
export type Space = (typeof spaceSchema)['_output'];
export type SpaceMember = (typeof spaceMemberSchema)['_output'];
export type Post = (typeof postSchema)['_output'];
export type Comment = (typeof commentSchema)['_output'];
export type Revision = (typeof revisionSchema)['_output'];
export type Attachment = (typeof attachmentSchema)['_output'];
export type Preview = (typeof previewSchema)['_output'];
export type Report = (typeof reportSchema)['_output'];
export type ModerationEntry = (typeof moderationEntrySchema)['_output'];
export type Announcement = (typeof announcementSchema)['_output'];
export type Receipt = (typeof receiptSchema)['_output'];
export type CommunityEvent = (typeof eventSchema)['_output'];
export type Attendee = (typeof attendeeSchema)['_output'];
export type Member = (typeof memberSchema)['_output'];
export type MemberProfile = (typeof memberProfileSchema)['_output'];
export type ReactionKind = (typeof reactionKinds)[number];
export type SegmentInput = (typeof segmentSchema)['_input'];

export type CreateSpaceInput = (typeof createSpaceBody)['_input'];
export type UpdateSpaceInput = (typeof updateSpaceBody)['_input'];
export type CreatePostInput = (typeof createPostBody)['_input'];
export type UpdatePostInput = (typeof updatePostBody)['_input'];
export type CreateCommentInput = (typeof createCommentBody)['_input'];
export type UpdateCommentInput = (typeof updateCommentBody)['_input'];
export type ReportInput = (typeof reportBody)['_input'];
export type ResolveReportInput = (typeof resolveReportBody)['_input'];
export type CreateAnnouncementInput = (typeof createAnnouncementBody)['_input'];
export type CreateEventInput = (typeof createEventBody)['_input'];
export type UpdateEventInput = (typeof updateEventBody)['_input'];
export type AttendanceInput = (typeof attendanceBody)['_input'];
export type MemberFilters = Omit<(typeof memberListQuery)['_input'], 'limit' | 'cursor'>;
export type UpdateMemberProfileInput = (typeof updateMemberProfileBody)['_input'];

export interface SpaceFilters {
  joined?: 'true' | 'false';
  q?: string;
}
export interface ReportFilters {
  status?: Report['status'];
  spaceId?: string;
}
export type EventWhen = 'upcoming' | 'past';

const PAGE_SIZE = 25;

export const communityKeys = {
  all: ['community'] as const,
  spaces: ['community', 'spaces'] as const,
  spaceList: (filters: SpaceFilters) => ['community', 'spaces', 'list', filters] as const,
  space: (id: string) => ['community', 'spaces', 'detail', id] as const,
  spaceMembers: (id: string, q: string) => ['community', 'spaces', 'detail', id, 'members', q] as const,
  mentionable: (id: string, q: string) => ['community', 'spaces', 'detail', id, 'mentionable', q] as const,
  moderationLog: (id: string) => ['community', 'spaces', 'detail', id, 'moderation'] as const,
  posts: ['community', 'posts'] as const,
  spacePosts: (spaceId: string, q: string) => ['community', 'posts', 'list', spaceId, q] as const,
  post: (id: string) => ['community', 'posts', 'detail', id] as const,
  comments: (postId: string) => ['community', 'posts', 'detail', postId, 'comments'] as const,
  revisions: (kind: 'posts' | 'comments', id: string) => ['community', kind, 'revisions', id] as const,
  reports: ['community', 'reports'] as const,
  reportList: (filters: ReportFilters) => ['community', 'reports', filters] as const,
  announcements: ['community', 'announcements'] as const,
  announcementList: (unread: boolean) => ['community', 'announcements', 'list', unread] as const,
  announcement: (id: string) => ['community', 'announcements', 'detail', id] as const,
  receipts: (id: string) => ['community', 'announcements', 'detail', id, 'receipts'] as const,
  events: ['community', 'events'] as const,
  eventList: (when: EventWhen) => ['community', 'events', 'list', when] as const,
  event: (id: string) => ['community', 'events', 'detail', id] as const,
  attendees: (id: string) => ['community', 'events', 'detail', id, 'attendees'] as const,
  members: ['community', 'members'] as const,
  memberList: (filters: MemberFilters) => ['community', 'members', 'list', filters] as const,
  member: (id: string) => ['community', 'members', 'detail', id] as const,
  myProfile: ['community', 'members', 'me'] as const,
};

interface PageParams {
  limit: number;
  cursor: string | undefined;
}

/** A cursor-paged list, appended page by page; `fetchPage` makes the typed call for one page. */
function paged<T>(
  queryKey: readonly unknown[],
  fetchPage: (page: PageParams, signal: AbortSignal) => Promise<Page<T>>,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage({ limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

// --- Spaces ---

export const spacesQueryOptions = (filters: SpaceFilters) =>
  paged(communityKeys.spaceList(filters), (page, signal) =>
    call(http.GET('/spaces', { params: { query: { ...filters, ...page } }, signal })),
  );

export const spaceQueryOptions = (id: string) =>
  queryOptions({
    queryKey: communityKeys.space(id),
    queryFn: ({ signal }) => call(http.GET('/spaces/{id}', { params: { path: { id } }, signal })),
  });

export const spaceMembersQueryOptions = (id: string, q: string) =>
  paged(communityKeys.spaceMembers(id, q), (page, signal) =>
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
  paged(communityKeys.moderationLog(id), (page, signal) =>
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

// --- Posts ---

export const spacePostsQueryOptions = (spaceId: string, q: string) =>
  paged(communityKeys.spacePosts(spaceId, q), (page, signal) =>
    call(
      http.GET('/spaces/{id}/posts', { params: { path: { id: spaceId }, query: { q, ...page } }, signal }),
    ),
  );

export const postQueryOptions = (id: string) =>
  queryOptions({
    queryKey: communityKeys.post(id),
    queryFn: ({ signal }) => call(http.GET('/posts/{id}', { params: { path: { id } }, signal })),
  });

export const revisionsQueryOptions = (kind: 'posts' | 'comments', id: string) =>
  queryOptions({
    queryKey: communityKeys.revisions(kind, id),
    queryFn: ({ signal }) => call(http.GET(`/${kind}/{id}/revisions`, { params: { path: { id } }, signal })),
    select: (data) => data.items,
  });

function storePost(queryClient: QueryClient, post: Post) {
  queryClient.setQueryData(communityKeys.post(post.id), post);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['community', 'posts', 'list', post.space.id] }),
    queryClient.invalidateQueries({ queryKey: communityKeys.space(post.space.id) }),
    queryClient.invalidateQueries({ queryKey: communityKeys.revisions('posts', post.id) }),
  ]);
}

/** After a 409 (someone edited first) or a 404 (deleted meanwhile), reload what the page shows. */
function refreshPost(queryClient: QueryClient, id: string, error: Error) {
  if (!isStaleVersion(error) && !isApiError(error, 422)) return undefined;
  return queryClient.invalidateQueries({ queryKey: communityKeys.post(id) });
}

export function useCreatePost(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePostInput) =>
      call(http.POST('/spaces/{id}/posts', { params: { path: { id: spaceId } }, body })),
    onSuccess: (post) => storePost(queryClient, post),
  });
}

export function useUpdatePost(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePostInput) =>
      call(http.PATCH('/posts/{id}', { params: { path: { id } }, body })),
    onSuccess: (post) => storePost(queryClient, post),
    onError: (error) => refreshPost(queryClient, id, error),
  });
}

export type PostVerb = 'pin' | 'unpin' | 'lock' | 'unlock' | 'unhide' | 'delete';

/** The author deletes; moderators pin, lock and unhide (hide takes a reason: usePostHide). */
export function usePostAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (verb: PostVerb) =>
      verb === 'delete'
        ? call(http.DELETE('/posts/{id}', { params: { path: { id } } }))
        : call(http.POST(`/posts/{id}/${verb}`, { params: { path: { id } } })),
    onSuccess: (post) =>
      post ? storePost(queryClient, post) : queryClient.invalidateQueries({ queryKey: communityKeys.posts }),
    onError: (error) => refreshPost(queryClient, id, error),
  });
}

export function useHidePost(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      call(http.POST('/posts/{id}/hide', { params: { path: { id } }, body: { reason } })),
    onSuccess: (post) => storePost(queryClient, post),
  });
}

/** Add or take back a reaction on a post or a comment. */
export function useReaction(target: 'posts' | 'comments', id: string, postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, mine }: { kind: ReactionKind; mine: boolean }) =>
      mine
        ? call(http.DELETE(`/${target}/{id}/reactions/{kind}`, { params: { path: { id, kind } } }))
        : call(http.POST(`/${target}/{id}/reactions`, { params: { path: { id } }, body: { kind } })),
    onSuccess: (result) => {
      if (target === 'posts' && result && 'space' in result) return storePost(queryClient, result);
      return queryClient.invalidateQueries({ queryKey: communityKeys.comments(postId) });
    },
  });
}

// --- Comments ---

/** A post's comments, oldest first; the page threads them by parentId. */
export const commentsQueryOptions = (postId: string) =>
  paged(communityKeys.comments(postId), (page, signal) =>
    call(http.GET('/posts/{id}/comments', { params: { path: { id: postId }, query: page }, signal })),
  );

function afterComment(queryClient: QueryClient, postId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: communityKeys.comments(postId) }),
    queryClient.invalidateQueries({ queryKey: communityKeys.post(postId) }),
  ]);
}

export function useCreateComment(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommentInput) =>
      call(http.POST('/posts/{id}/comments', { params: { path: { id: postId } }, body })),
    onSuccess: () => afterComment(queryClient, postId),
  });
}

export type CommentAction =
  | { verb: 'edit'; body: UpdateCommentInput }
  | { verb: 'delete' }
  | { verb: 'hide'; reason: string }
  | { verb: 'unhide' };

export function useCommentAction(id: string, postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: CommentAction): Promise<unknown> => {
      const params = { path: { id } };
      switch (action.verb) {
        case 'edit':
          return call(http.PATCH('/comments/{id}', { params, body: action.body }));
        case 'delete':
          return call(http.DELETE('/comments/{id}', { params }));
        case 'hide':
          return call(http.POST('/comments/{id}/hide', { params, body: { reason: action.reason } }));
        case 'unhide':
          return call(http.POST('/comments/{id}/unhide', { params }));
      }
    },
    onSuccess: () =>
      Promise.all([
        afterComment(queryClient, postId),
        queryClient.invalidateQueries({ queryKey: communityKeys.revisions('comments', id) }),
      ]),
    onError: (error) =>
      isStaleVersion(error)
        ? queryClient.invalidateQueries({ queryKey: communityKeys.comments(postId) })
        : undefined,
  });
}

/** The composer's Preview tab: the server's own rendering, sanitized, with the members it mentions. */
export function usePreview() {
  return useMutation({
    mutationFn: (body: string) => call(http.POST('/community/preview', { body: { body } })),
  });
}

// --- Moderation ---

export const reportsQueryOptions = (filters: ReportFilters) =>
  paged(communityKeys.reportList(filters), (page, signal) =>
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
  paged(communityKeys.announcementList(unread), (page, signal) =>
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
  paged(communityKeys.receipts(id), (page, signal) =>
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

// --- Events ---

export const eventsQueryOptions = (when: EventWhen) =>
  paged(communityKeys.eventList(when), (page, signal) =>
    call(http.GET('/events', { params: { query: { when, ...page } }, signal })),
  );

export const eventQueryOptions = (id: string) =>
  queryOptions({
    queryKey: communityKeys.event(id),
    queryFn: ({ signal }) => call(http.GET('/events/{id}', { params: { path: { id } }, signal })),
  });

export const attendeesQueryOptions = (id: string) =>
  paged(communityKeys.attendees(id), (page, signal) =>
    call(http.GET('/events/{id}/attendees', { params: { path: { id }, query: page }, signal })),
  );

export const icsHref = (id: string) => `/api/v1/events/${encodeURIComponent(id)}/ics`;

function storeEvent(queryClient: QueryClient, event: CommunityEvent) {
  queryClient.setQueryData(communityKeys.event(event.id), event);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['community', 'events', 'list'] }),
    queryClient.invalidateQueries({ queryKey: communityKeys.attendees(event.id) }),
  ]);
}

export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEventInput) => call(http.POST('/events', { body })),
    onSuccess: (event) => storeEvent(queryClient, event),
  });
}

export function useUpdateEvent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateEventInput) =>
      call(http.PATCH('/events/{id}', { params: { path: { id } }, body })),
    onSuccess: (event) => storeEvent(queryClient, event),
    onError: (error) =>
      isStaleVersion(error)
        ? queryClient.invalidateQueries({ queryKey: communityKeys.event(id) })
        : undefined,
  });
}

export type EventAction =
  | { verb: 'rsvp'; status: 'going' | 'cancelled' }
  | { verb: 'cancel' }
  | ({ verb: 'attendance' } & AttendanceInput);

export function useEventAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: EventAction) => {
      const params = { path: { id } };
      if (action.verb === 'rsvp')
        return call(http.POST('/events/{id}/rsvp', { params, body: { status: action.status } }));
      if (action.verb === 'cancel') return call(http.POST('/events/{id}/cancel', { params }));
      const { verb: _verb, ...body } = action;
      return call(http.POST('/events/{id}/attendance', { params, body }));
    },
    onSuccess: (event) =>
      event && typeof event === 'object' && 'id' in event
        ? storeEvent(queryClient, event)
        : queryClient.invalidateQueries({ queryKey: communityKeys.events }),
  });
}

// --- Member directory ---

export const membersQueryOptions = (filters: MemberFilters) =>
  paged(communityKeys.memberList(filters), (page, signal) =>
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
