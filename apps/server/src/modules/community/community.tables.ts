import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables';
import { organizations } from '../organizations/organizations.tables';

/** Who a space, an announcement or an event is for; an empty list does not narrow (see segments.ts). */
export interface SegmentSpec {
  partnerTypes: string[];
  programIds: string[];
  tierIds: string[];
  countries: string[];
}

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true });

export const spaces = pgTable(
  'spaces',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    visibility: text('visibility', { enum: ['open', 'segment', 'private'] }).notNull(),
    segment: jsonb('segment').$type<SegmentSpec>(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    archivedAt: at('archived_at'),
    lastActivityAt: at('last_activity_at'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('spaces_name_unique').on(sql`lower(${t.name})`)],
);

export const spaceMembers = pgTable(
  'space_members',
  {
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['member', 'moderator'] })
      .notNull()
      .default('member'),
    status: text('status', { enum: ['invited', 'active', 'suspended'] }).notNull(),
    suspendedReason: text('suspended_reason'),
    joinedAt: at('joined_at'),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.userId] }), index('space_members_user_idx').on(t.userId)],
);

export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The author's organization when posting: engagement counts for it even if the user later moves. */
    authorOrgId: uuid('author_org_id')
      .notNull()
      .references(() => organizations.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    html: text('html').notNull(),
    attachments: jsonb('attachments').$type<{ title: string; url: string }[]>().notNull().default([]),
    mentionedUserIds: uuid('mentioned_user_ids').array().notNull().default([]),
    commentCount: integer('comment_count').notNull().default(0),
    pinnedAt: at('pinned_at'),
    lockedAt: at('locked_at'),
    hiddenAt: at('hidden_at'),
    hiddenReason: text('hidden_reason'),
    deletedAt: at('deleted_at'),
    editedAt: at('edited_at'),
    lastActivityAt: at('last_activity_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    index('posts_feed_idx').on(t.spaceId, t.lastActivityAt, t.id),
    index('posts_org_created_idx').on(t.authorOrgId, t.createdAt),
    index('posts_search_idx').using('gin', sql`to_tsvector('simple', ${t.title} || ' ' || ${t.body})`),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorOrgId: uuid('author_org_id')
      .notNull()
      .references(() => organizations.id),
    body: text('body').notNull(),
    html: text('html').notNull(),
    mentionedUserIds: uuid('mentioned_user_ids').array().notNull().default([]),
    hiddenAt: at('hidden_at'),
    hiddenReason: text('hidden_reason'),
    deletedAt: at('deleted_at'),
    editedAt: at('edited_at'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    index('comments_post_idx').on(t.postId, t.createdAt, t.id),
    index('comments_org_created_idx').on(t.authorOrgId, t.createdAt),
  ],
);

/** The text a post or comment had before each edit: edits never lose what was said. */
export const contentRevisions = pgTable(
  'content_revisions',
  {
    id: uuid('id').primaryKey(),
    targetType: text('target_type', { enum: ['post', 'comment'] }).notNull(),
    targetId: uuid('target_id').notNull(),
    title: text('title'),
    body: text('body').notNull(),
    editedByUserId: uuid('edited_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: created(),
  },
  (t) => [index('content_revisions_target_idx').on(t.targetType, t.targetId, t.createdAt)],
);

export const reactions = pgTable(
  'reactions',
  {
    targetType: text('target_type', { enum: ['post', 'comment'] }).notNull(),
    targetId: uuid('target_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['like', 'celebrate', 'insightful', 'thanks'] }).notNull(),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.targetType, t.targetId, t.userId, t.kind] })],
);

export const contentReports = pgTable(
  'content_reports',
  {
    id: uuid('id').primaryKey(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    targetType: text('target_type', { enum: ['post', 'comment'] }).notNull(),
    targetId: uuid('target_id').notNull(),
    postId: uuid('post_id').notNull(),
    reporterUserId: uuid('reporter_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['open', 'resolved', 'dismissed'] })
      .notNull()
      .default('open'),
    resolution: text('resolution'),
    resolvedByUserId: uuid('resolved_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: at('resolved_at'),
    createdAt: created(),
  },
  (t) => [
    index('content_reports_queue_idx').on(t.status, t.createdAt, t.id),
    // One open report per person and item: a second click does not stack.
    uniqueIndex('content_reports_one_open')
      .on(t.targetType, t.targetId, t.reporterUserId)
      .where(sql`${t.status} = 'open'`),
  ],
);

/** Moderation's own trail, readable by the space's moderators (the audit log holds it too, for the vendor). */
export const moderationActions = pgTable(
  'moderation_actions',
  {
    id: uuid('id').primaryKey(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    moderatorUserId: uuid('moderator_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    reason: text('reason'),
    createdAt: created(),
  },
  (t) => [index('moderation_actions_space_idx').on(t.spaceId, t.createdAt, t.id)],
);

export const announcements = pgTable(
  'announcements',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    html: text('html').notNull(),
    segment: jsonb('segment').$type<SegmentSpec>(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: at('published_at').notNull().defaultNow(),
    createdAt: created(),
  },
  (t) => [index('announcements_published_idx').on(t.publishedAt, t.id)],
);

export const announcementReads = pgTable(
  'announcement_reads',
  {
    announcementId: uuid('announcement_id')
      .notNull()
      .references(() => announcements.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: at('read_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.userId] })],
);

export const communityEvents = pgTable(
  'community_events',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    html: text('html').notNull().default(''),
    kind: text('kind', { enum: ['webinar', 'meetup', 'workshop'] }).notNull(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    timeZone: text('time_zone').notNull(),
    location: text('location').notNull().default(''),
    joinUrl: text('join_url'),
    capacity: integer('capacity'),
    segment: jsonb('segment').$type<SegmentSpec>(),
    cancelledAt: at('cancelled_at'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [index('community_events_starts_idx').on(t.startsAt, t.id)],
);

export const eventRsvps = pgTable(
  'event_rsvps',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => communityEvents.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The user's organization at the time: attendance counts toward its engagement. */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status', { enum: ['going', 'waitlisted', 'cancelled'] }).notNull(),
    /** Order on the waitlist: the time the user asked for a seat. */
    requestedAt: at('requested_at').notNull().defaultNow(),
    attendedAt: at('attended_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.userId] }),
    index('event_rsvps_event_idx').on(t.eventId, t.status, t.requestedAt),
    index('event_rsvps_attended_idx').on(t.organizationId, t.attendedAt),
  ],
);

/** A user's entry in the member directory: only those who opted in are listed. */
export const memberProfiles = pgTable(
  'member_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    listed: boolean('listed').notNull().default(false),
    headline: text('headline').notNull().default(''),
    bio: text('bio').notNull().default(''),
    expertise: text('expertise').array().notNull().default([]),
    version: integer('version').notNull().default(1),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('member_profiles_expertise_idx').using('gin', t.expertise)],
);
