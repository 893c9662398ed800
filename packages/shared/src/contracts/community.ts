import { z } from 'zod';
import { countryCode, idSchema, paginationQuery, timestamp, versionField } from './common';
import { partnerTypeCode } from './organizations';
import {
  eventKinds,
  notificationKinds,
  reactionKinds,
  rsvpStatuses,
  spaceVisibilities,
} from '../community-codes';

export {
  eventKinds,
  notificationKinds,
  reactionKinds,
  rsvpStatuses,
  spaceVisibilities,
} from '../community-codes';

const text = (max: number) => z.string().trim().max(max);
const httpUrl = z
  .url({ protocol: /^https?$/, message: 'An http(s) address' })
  .max(500)
  .describe('An http(s) URL');

/** Markdown as written; the server renders it to sanitized HTML (no raw HTML, no script, only http(s)/mailto links). */
export const MAX_POST_CHARS = 20_000;
export const MAX_COMMENT_CHARS = 5_000;
const markdown = (max: number) =>
  z
    .string()
    .max(max, `At most ${max.toLocaleString('en')} characters`)
    .refine((s) => !s.includes('\u0000'), 'Contains a NUL character')
    .refine((s) => s.trim().length > 0, 'Write something first')
    .describe(
      'Markdown. Mention a member with `@[Their name](user:<user id>)`; raw HTML is shown as text and unsafe links are dropped.',
    );

const ref = z.object({ id: z.string(), name: z.string() });
const author = z.object({
  id: z.string(),
  name: z.string(),
  organization: ref,
});

// --- Segments: who a space, an announcement or an event is for ---

export const segmentSchema = z
  .strictObject({
    partnerTypes: z.array(partnerTypeCode).max(20).default([]),
    programIds: z.array(idSchema).max(20).default([]),
    tierIds: z.array(idSchema).max(50).default([]),
    countries: z.array(countryCode).max(250).default([]),
  })
  .describe(
    'Partners matching every non-empty list (any entry within a list): e.g. partner type reseller and the Gold tier. Programs and tiers count through active enrollments.',
  );
export type Segment = z.infer<typeof segmentSchema>;
export const segmentOut = z.object({
  partnerTypes: z.array(z.string()),
  programIds: z.array(z.string()),
  tierIds: z.array(z.string()),
  countries: z.array(z.string()),
  /** Readable: "Reseller · Reseller Program: Gold". */
  label: z.string(),
});

// --- Spaces ---

export const spaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  visibility: z.enum(spaceVisibilities),
  segment: segmentOut.nullable(),
  membership: z
    .object({ role: z.enum(['member', 'moderator']), status: z.enum(['invited', 'active', 'suspended']) })
    .nullable()
    .describe("The caller's membership, if any"),
  canPost: z.boolean(),
  canModerate: z.boolean(),
  memberCount: z.number().int(),
  postCount: z.number().int(),
  lastActivityAt: timestamp.nullable(),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: timestamp,
});
export type Space = z.infer<typeof spaceSchema>;

export const createSpaceBody = z
  .strictObject({
    name: text(120).min(2),
    description: text(2000).default(''),
    visibility: z.enum(spaceVisibilities).default('open'),
    segment: segmentSchema.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.visibility === 'segment' && !b.segment) {
      ctx.addIssue({ code: 'custom', path: ['segment'], message: 'A segment space needs its segment' });
    }
    if (b.visibility !== 'segment' && b.segment) {
      ctx.addIssue({ code: 'custom', path: ['segment'], message: 'Only segment spaces take a segment' });
    }
  });
export const updateSpaceBody = z.strictObject({
  version: versionField,
  name: text(120).min(2).optional(),
  description: text(2000).optional(),
  segment: segmentSchema.optional(),
  archived: z.boolean().optional(),
});
export const spaceListQuery = paginationQuery.extend({
  joined: z.enum(['true', 'false']).optional().describe('Only spaces you joined (true) or not (false)'),
  q: text(100).optional(),
});

export const spaceMemberSchema = z.object({
  user: author,
  role: z.enum(['member', 'moderator']),
  status: z.enum(['invited', 'active', 'suspended']),
  suspendedReason: z.string().nullable(),
  joinedAt: timestamp.nullable(),
});
export type SpaceMember = z.infer<typeof spaceMemberSchema>;
export const inviteMembersBody = z.strictObject({
  userIds: z.array(idSchema).min(1).max(100),
});
export const memberRoleBody = z.strictObject({ role: z.enum(['member', 'moderator']) });
export const suspendMemberBody = z.strictObject({ reason: text(1000).min(1) });
export const spaceUserParams = z.object({ id: idSchema, userId: idSchema });

// --- Posts and comments ---

export const attachmentSchema = z.strictObject({ title: text(200).min(1), url: httpUrl });
export const reactionSummary = z.array(
  z.object({ kind: z.enum(reactionKinds), count: z.number().int(), mine: z.boolean() }),
);

export const postSchema = z.object({
  id: z.string(),
  space: ref,
  author: author.nullable().describe('null once the author was removed'),
  title: z.string(),
  body: z.string().describe('Markdown as written (empty when deleted or hidden from you)'),
  html: z.string().describe('Sanitized HTML rendering of the body'),
  attachments: z.array(attachmentSchema),
  reactions: reactionSummary,
  commentCount: z.number().int(),
  pinned: z.boolean(),
  locked: z.boolean(),
  hidden: z.boolean().describe('Hidden by a moderator: only moderators and the author still read it'),
  hiddenReason: z.string().nullable(),
  deleted: z.boolean(),
  edited: z.boolean(),
  canEdit: z.boolean(),
  canModerate: z.boolean(),
  version: z.number().int(),
  createdAt: timestamp,
  editedAt: timestamp.nullable(),
  lastActivityAt: timestamp,
});
export type Post = z.infer<typeof postSchema>;

export const createPostBody = z.strictObject({
  title: text(200).min(1),
  body: markdown(MAX_POST_CHARS),
  attachments: z.array(attachmentSchema).max(10).default([]),
});
export const updatePostBody = z.strictObject({
  version: versionField,
  title: text(200).min(1).optional(),
  body: markdown(MAX_POST_CHARS).optional(),
  attachments: z.array(attachmentSchema).max(10).optional(),
});
export const postListQuery = paginationQuery.extend({
  q: text(100).optional().describe('Words in the title or body'),
});

export const commentSchema = z.object({
  id: z.string(),
  postId: z.string(),
  parentId: z.string().nullable(),
  author: author.nullable(),
  body: z.string(),
  html: z.string(),
  reactions: reactionSummary,
  hidden: z.boolean(),
  hiddenReason: z.string().nullable(),
  deleted: z.boolean(),
  edited: z.boolean(),
  canEdit: z.boolean(),
  version: z.number().int(),
  createdAt: timestamp,
  editedAt: timestamp.nullable(),
});
export type Comment = z.infer<typeof commentSchema>;
export const createCommentBody = z.strictObject({
  body: markdown(MAX_COMMENT_CHARS),
  parentId: idSchema.optional().describe('The comment this replies to (threads)'),
});
export const updateCommentBody = z.strictObject({ version: versionField, body: markdown(MAX_COMMENT_CHARS) });

export const revisionSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  body: z.string(),
  editedBy: ref.nullable(),
  at: timestamp.describe('When this text was replaced'),
});
export const reactBody = z.strictObject({ kind: z.enum(reactionKinds) });
export const previewBody = z.strictObject({ body: z.string().max(MAX_POST_CHARS) });
export const previewSchema = z.object({
  html: z.string(),
  mentions: z.array(ref).describe('Members the text mentions'),
});

// --- Moderation ---

export const reportBody = z.strictObject({
  targetType: z.enum(['post', 'comment']),
  targetId: idSchema,
  reason: text(1000).min(1),
});
export const reportSchema = z.object({
  id: z.string(),
  space: ref,
  targetType: z.enum(['post', 'comment']),
  targetId: z.string(),
  postId: z.string(),
  excerpt: z.string(),
  targetAuthor: ref.nullable(),
  reason: z.string(),
  reporter: ref,
  status: z.enum(['open', 'resolved', 'dismissed']),
  resolution: z.string().nullable(),
  createdAt: timestamp,
  resolvedAt: timestamp.nullable(),
});
export type Report = z.infer<typeof reportSchema>;
export const reportListQuery = paginationQuery.extend({
  status: z.enum(['open', 'resolved', 'dismissed']).optional(),
  spaceId: idSchema.optional(),
});
export const resolveReportBody = z.strictObject({
  outcome: z.enum(['resolved', 'dismissed']),
  note: text(1000).optional(),
});
export const moderationReasonBody = z.strictObject({ reason: text(1000).min(1) });
export const moderationEntrySchema = z.object({
  id: z.string(),
  space: ref,
  moderator: ref.nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  reason: z.string().nullable(),
  at: timestamp,
});

// --- Announcements ---

export const announcementSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  html: z.string(),
  segment: segmentOut.nullable().describe('null: every partner'),
  author: ref.nullable(),
  publishedAt: timestamp,
  read: z.boolean().describe('Whether you marked it read'),
  receipts: z
    .object({ audience: z.number().int(), read: z.number().int() })
    .nullable()
    .describe('Vendor staff only: users in the segment and how many read it'),
});
export type Announcement = z.infer<typeof announcementSchema>;
export const createAnnouncementBody = z.strictObject({
  title: text(200).min(1),
  body: markdown(MAX_POST_CHARS),
  segment: segmentSchema.optional().describe('Omit for every partner'),
});
export const announcementListQuery = paginationQuery.extend({
  unread: z.enum(['true', 'false']).optional(),
});
export const receiptSchema = z.object({ user: author, readAt: timestamp });

// --- Events ---

const timeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown IANA time zone')
  .describe('IANA time zone the event is held in, e.g. Europe/Berlin');

export const eventSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  html: z.string(),
  kind: z.enum(eventKinds),
  startsAt: timestamp,
  endsAt: timestamp,
  timeZone: z.string(),
  location: z.string().describe('A place, or empty for online events'),
  joinUrl: z.string().nullable().describe('Shown to those going'),
  capacity: z.number().int().nullable(),
  segment: segmentOut.nullable(),
  cancelled: z.boolean(),
  going: z.number().int(),
  waitlisted: z.number().int(),
  myRsvp: z
    .object({
      status: z.enum(rsvpStatuses),
      waitlistPosition: z.number().int().nullable(),
      attended: z.boolean(),
    })
    .nullable(),
  version: z.number().int(),
  createdAt: timestamp,
});
export type CommunityEvent = z.infer<typeof eventSchema>;
const eventFields = {
  title: text(200).min(1),
  description: text(MAX_POST_CHARS).default(''),
  kind: z.enum(eventKinds),
  startsAt: timestamp,
  endsAt: timestamp,
  timeZone,
  location: text(300).default(''),
  joinUrl: httpUrl.optional(),
  capacity: z.number().int().min(1).max(100_000).optional().describe('Omit for no limit'),
  segment: segmentSchema.optional(),
};
export const createEventBody = z.strictObject(eventFields).superRefine((b, ctx) => {
  if (Date.parse(b.endsAt) <= Date.parse(b.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Ends after it starts' });
  }
});
export const updateEventBody = z.strictObject({
  version: versionField,
  title: eventFields.title.optional(),
  description: text(MAX_POST_CHARS).optional(),
  startsAt: timestamp.optional(),
  endsAt: timestamp.optional(),
  timeZone: timeZone.optional(),
  location: text(300).optional(),
  joinUrl: httpUrl.nullable().optional(),
  capacity: z.number().int().min(1).max(100_000).nullable().optional(),
});
export const eventListQuery = paginationQuery.extend({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
});
export const rsvpBody = z.strictObject({ status: z.enum(['going', 'cancelled']) });
export const attendeeSchema = z.object({
  user: author,
  status: z.enum(rsvpStatuses),
  waitlistPosition: z.number().int().nullable(),
  attended: z.boolean(),
  respondedAt: timestamp,
});
export const attendanceBody = z.strictObject({
  userIds: z.array(idSchema).min(1).max(1000),
  attended: z.boolean().default(true),
});

// --- Member directory ---

export const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  headline: z.string(),
  bio: z.string(),
  expertise: z.array(z.string()),
  organization: ref.extend({
    country: z.string().nullable(),
    partnerTypes: z.array(z.string()),
    hasProfile: z.boolean().describe('Whether its marketplace profile is published (link to it)'),
  }),
  engagement: z.number().describe("The member's engagement points, trailing 90 days"),
});
export type Member = z.infer<typeof memberSchema>;
export const memberListQuery = paginationQuery.extend({
  q: text(100).optional().describe('Name, headline, bio or organization'),
  expertise: text(80).optional(),
  country: countryCode.optional(),
  partnerType: partnerTypeCode.optional(),
});
export const memberProfileSchema = z.object({
  listed: z.boolean(),
  headline: z.string(),
  bio: z.string(),
  expertise: z.array(z.string()),
  version: z.number().int(),
});
export const updateMemberProfileBody = z.strictObject({
  listed: z.boolean(),
  headline: text(160).default(''),
  bio: text(2000).default(''),
  expertise: z
    .array(text(60).min(1))
    .max(20)
    .default([])
    .refine((a) => new Set(a.map((x) => x.toLowerCase())).size === a.length, 'Each entry at most once'),
});
export const introduceBody = z.strictObject({ message: text(1000).min(1) });

// --- Notifications ---

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(notificationKinds),
  title: z.string(),
  body: z.string(),
  link: z.string().describe('Path in the web app'),
  actor: ref.nullable(),
  read: z.boolean(),
  createdAt: timestamp,
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationListQuery = paginationQuery.extend({
  unread: z.enum(['true', 'false']).optional(),
});
export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export const notificationSettingsSchema = z.object({
  email: z.record(z.enum(notificationKinds), z.boolean()).describe('Kinds also sent by email'),
  digest: z.boolean().describe('The daily digest e-mail'),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;
export const updateNotificationSettingsBody = z.strictObject({
  email: z.partialRecord(z.enum(notificationKinds), z.boolean()).optional(),
  digest: z.boolean().optional(),
});
export const unreadCountSchema = z.object({ unread: z.number().int() });
