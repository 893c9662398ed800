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
