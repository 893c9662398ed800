// The community's factories: valid records written directly, with their own
// dates, for the demo ecosystem and the tests alike (see factories.ts).
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { newId } from '../lib/ids';
import {
  announcementReads,
  announcements,
  comments,
  communityEvents,
  contentReports,
  eventRsvps,
  memberProfiles,
  posts,
  reactions,
  spaceMembers,
  spaces,
  type SegmentSpec,
} from '../modules/community/community.tables';
import { insertNotificationRecord } from '../modules/notifications/notifications.records';
import { renderMarkdown } from '../modules/community/markdown';

/** Seeded mentions name real users: render them as links with the name written. */
const render = (body: string) =>
  renderMarkdown(
    body,
    new Map(
      [...body.matchAll(/@\[([^\]\n]{1,100})\]\(user:([0-9a-f-]{36})\)/gi)].map((m) => [
        m[2]!.toLowerCase(),
        m[1]!,
      ]),
    ),
  );

const noSegment = (s?: Partial<SegmentSpec>): SegmentSpec => ({
  partnerTypes: s?.partnerTypes ?? [],
  programIds: s?.programIds ?? [],
  tierIds: s?.tierIds ?? [],
  countries: s?.countries ?? [],
});

export async function createSpaceRecord(
  q: Queryable,
  input: {
    name: string;
    description?: string;
    visibility?: 'open' | 'segment' | 'private';
    segment?: Partial<SegmentSpec>;
    createdAt?: Date;
  },
) {
  const [row] = await q
    .insert(spaces)
    .values({
      id: newId(),
      name: input.name,
      description: input.description ?? '',
      visibility: input.visibility ?? 'open',
      segment: input.visibility === 'segment' ? noSegment(input.segment) : null,
      ...(input.createdAt ? { createdAt: input.createdAt, updatedAt: input.createdAt } : {}),
    })
    .returning();
  return row!;
}

export async function addSpaceMember(
  q: Queryable,
  input: {
    spaceId: string;
    userId: string;
    role?: 'member' | 'moderator';
    status?: 'invited' | 'active' | 'suspended';
    joinedAt?: Date;
  },
) {
  const status = input.status ?? 'active';
  await q
    .insert(spaceMembers)
    .values({
      spaceId: input.spaceId,
      userId: input.userId,
      role: input.role ?? 'member',
      status,
      joinedAt: status === 'invited' ? null : (input.joinedAt ?? new Date()),
    })
    .onConflictDoNothing();
}

/** A post with its own date; the space's and the post's last activity follow it. */
export async function createPostRecord(
  q: Queryable,
  input: {
    spaceId: string;
    authorUserId: string;
    authorOrgId: string;
    title: string;
    body: string;
    createdAt?: Date;
    pinned?: boolean;
  },
) {
  const at = input.createdAt ?? new Date();
  const [row] = await q
    .insert(posts)
    .values({
      id: newId(),
      spaceId: input.spaceId,
      authorUserId: input.authorUserId,
      authorOrgId: input.authorOrgId,
      title: input.title,
      body: input.body,
      html: render(input.body),
      createdAt: at,
      lastActivityAt: at,
      pinnedAt: input.pinned ? at : null,
    })
    .returning();
  await q
    .update(spaces)
    .set({
      lastActivityAt: sql`greatest(coalesce(${spaces.lastActivityAt}, ${at.toISOString()}::timestamptz), ${at.toISOString()}::timestamptz)`,
    })
    .where(eq(spaces.id, input.spaceId));
  return row!;
}

export async function createCommentRecord(
  q: Queryable,
  input: {
    postId: string;
    authorUserId: string;
    authorOrgId: string;
    body: string;
    parentId?: string | null;
    createdAt?: Date;
  },
) {
  const at = input.createdAt ?? new Date();
  const [row] = await q
    .insert(comments)
    .values({
      id: newId(),
      postId: input.postId,
      parentId: input.parentId ?? null,
      authorUserId: input.authorUserId,
      authorOrgId: input.authorOrgId,
      body: input.body,
      html: render(input.body),
      createdAt: at,
    })
    .returning();
  await q
    .update(posts)
    .set({
      commentCount: sql`${posts.commentCount} + 1`,
      lastActivityAt: sql`greatest(${posts.lastActivityAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(eq(posts.id, input.postId));
  return row!;
}

export async function addReactionRecord(
  q: Queryable,
  input: {
    targetType: 'post' | 'comment';
    targetId: string;
    userId: string;
    kind?: 'like' | 'celebrate' | 'insightful' | 'thanks';
  },
) {
  await q
    .insert(reactions)
    .values({
      targetType: input.targetType,
      targetId: input.targetId,
      userId: input.userId,
      kind: input.kind ?? 'like',
    })
    .onConflictDoNothing();
}

export async function createReportRecord(
  q: Queryable,
  input: { spaceId: string; postId: string; reporterUserId: string; reason?: string; commentId?: string },
) {
  const [row] = await q
    .insert(contentReports)
    .values({
      id: newId(),
      spaceId: input.spaceId,
      targetType: input.commentId ? 'comment' : 'post',
      targetId: input.commentId ?? input.postId,
      postId: input.postId,
      reporterUserId: input.reporterUserId,
      reason: input.reason ?? 'Off topic',
    })
    .returning();
  return row!;
}

export async function createAnnouncementRecord(
  q: Queryable,
  input: {
    title: string;
    body: string;
    segment?: Partial<SegmentSpec> | null;
    authorUserId?: string | null;
    publishedAt?: Date;
  },
) {
  const [row] = await q
    .insert(announcements)
    .values({
      id: newId(),
      title: input.title,
      body: input.body,
      html: render(input.body),
      segment: input.segment ? noSegment(input.segment) : null,
      authorUserId: input.authorUserId ?? null,
      ...(input.publishedAt ? { publishedAt: input.publishedAt, createdAt: input.publishedAt } : {}),
    })
    .returning();
  return row!;
}

export async function markAnnouncementReadRecord(
  q: Queryable,
  announcementId: string,
  userId: string,
  at?: Date,
) {
  await q
    .insert(announcementReads)
    .values({ announcementId, userId, ...(at ? { readAt: at } : {}) })
    .onConflictDoNothing();
}

export async function createEventRecord(
  q: Queryable,
  input: {
    title: string;
    description?: string;
    kind?: 'webinar' | 'meetup' | 'workshop';
    startsAt: Date;
    minutes?: number;
    timeZone?: string;
    location?: string;
    joinUrl?: string | null;
    capacity?: number | null;
    segment?: Partial<SegmentSpec> | null;
    createdAt?: Date;
  },
) {
  const description = input.description ?? '';
  const [row] = await q
    .insert(communityEvents)
    .values({
      id: newId(),
      title: input.title,
      description,
      html: description ? renderMarkdown(description) : '',
      kind: input.kind ?? 'webinar',
      startsAt: input.startsAt,
      endsAt: new Date(input.startsAt.getTime() + (input.minutes ?? 60) * 60_000),
      timeZone: input.timeZone ?? 'UTC',
      location: input.location ?? '',
      joinUrl: input.joinUrl ?? null,
      capacity: input.capacity ?? null,
      segment: input.segment ? noSegment(input.segment) : null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })
    .returning();
  return row!;
}

export async function createRsvpRecord(
  q: Queryable,
  input: {
    eventId: string;
    userId: string;
    organizationId: string;
    status?: 'going' | 'waitlisted' | 'cancelled';
    attendedAt?: Date | null;
    requestedAt?: Date;
  },
) {
  await q
    .insert(eventRsvps)
    .values({
      eventId: input.eventId,
      userId: input.userId,
      organizationId: input.organizationId,
      status: input.status ?? 'going',
      attendedAt: input.attendedAt ?? null,
      ...(input.requestedAt ? { requestedAt: input.requestedAt, updatedAt: input.requestedAt } : {}),
    })
    .onConflictDoNothing();
}

export async function createMemberProfileRecord(
  q: Queryable,
  input: { userId: string; listed?: boolean; headline?: string; bio?: string; expertise?: string[] },
) {
  await q
    .insert(memberProfiles)
    .values({
      userId: input.userId,
      listed: input.listed ?? true,
      headline: input.headline ?? '',
      bio: input.bio ?? '',
      expertise: input.expertise ?? [],
    })
    .onConflictDoNothing();
}

export function createNotificationRecord(
  q: Queryable,
  input: { userId: string; kind?: string; title?: string; link?: string; createdAt?: Date; read?: boolean },
) {
  return insertNotificationRecord(q, input);
}
