import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { can } from '@partnergraph/shared/permissions';
import type { Queryable } from '../../db/client';
import { isVendor, type Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { isId } from '../../lib/ids';
import { announcements, communityEvents, contentReports, spaceMembers, spaces } from './community.tables';
import { orgInSegment } from './segments';

// Who may see what in the community (product.md: "community content is
// visible to the members of its space"). A space's members are everyone it
// is open to: every partner for an open space, the partners in its segment
// for a segment space, the invited for a private one; vendor staff see all.
// Joining is what lets a member post, and what fills their feed.

/** The spaces an actor may read. */
export function visibleSpaces(actor: Actor): SQL | undefined {
  if (actor.orgKind === 'vendor') return undefined;
  return and(
    isNull(spaces.archivedAt),
    or(
      eq(spaces.visibility, 'open'),
      and(eq(spaces.visibility, 'segment'), orgInSegment(spaces.segment, actor.orgId)),
      and(
        eq(spaces.visibility, 'private'),
        sql`exists (select 1 from space_members m where m.space_id = ${spaces.id} and m.user_id = ${actor.userId}::uuid)`,
      ),
    ),
  );
}

/** SQL: whether the user in `userId` (a column) may read space `spaceId`; used for mentions and notifications. */
export function userReadsSpace(userId: SQL, spaceId: string): SQL {
  return sql`exists (
    select 1 from spaces s join users u on u.id = ${userId} join organizations o on o.id = u.organization_id
    where s.id = ${spaceId}::uuid and u.status = 'active' and (
      o.kind = 'vendor' or (s.archived_at is null and o.status = 'active' and (
        s.visibility = 'open'
        or (s.visibility = 'segment' and ${orgInSegment(sql`s.segment`, sql`o.id`)})
        or (s.visibility = 'private' and exists (select 1 from space_members m where m.space_id = s.id and m.user_id = u.id))
      ))
    )
  )`;
}

export type SpaceRow = typeof spaces.$inferSelect;
export type Membership = typeof spaceMembers.$inferSelect | null;

export interface SpaceAccess {
  space: SpaceRow;
  membership: Membership;
  canPost: boolean;
  canModerate: boolean;
}

export function accessOf(actor: Actor, space: SpaceRow, membership: Membership): SpaceAccess {
  const staff = actor.orgKind === 'vendor';
  const managing = staff && (actor.role === 'admin' || actor.role === 'channel_manager');
  const open = space.archivedAt === null;
  const moderator = membership?.role === 'moderator' && membership.status === 'active';
  return {
    space,
    membership,
    // The vendor may post in any space; a partner once it has joined and is not suspended; an analyst never (it only reads).
    canPost: open && can(actor.role, 'community:participate') && (staff || membership?.status === 'active'),
    canModerate: managing || moderator,
  };
}

/** Loads a space the actor may read (404 otherwise), with what the actor may do in it. */
export async function loadSpace(
  q: Queryable,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<SpaceAccess> {
  if (!isId(id)) throw notFound('space');
  const query = q
    .select()
    .from(spaces)
    .where(and(eq(spaces.id, id), visibleSpaces(actor)));
  const [space] = forUpdate ? await query.for('update') : await query;
  if (!space) throw notFound('space');
  const [membership] = await q
    .select()
    .from(spaceMembers)
    .where(and(eq(spaceMembers.spaceId, id), eq(spaceMembers.userId, actor.userId)));
  return accessOf(actor, space, membership ?? null);
}

// --- Announcements, events and reports ---

/**
 * Announcements a partner reads: those for every partner and those whose segment includes its
 * organization at the time it reads (a partner that reaches Gold later sees the Gold ones too);
 * vendor staff see all.
 */
export function visibleAnnouncements(actor: Actor): SQL | undefined {
  if (isVendor(actor)) return undefined;
  return orgInSegment(announcements.segment, actor.orgId);
}

/** Read receipts (who of an announcement's audience read it) are the vendor's. */
export const seesReadReceipts = (actor: Actor) => isVendor(actor);

/** Events are for every partner or a segment; vendor staff see all. */
export function visibleEvents(actor: Actor): SQL | undefined {
  if (isVendor(actor)) return undefined;
  return orgInSegment(communityEvents.segment, actor.orgId);
}

/** An event's joining details (its link) are read by vendor staff and by those going. */
export const seesEventJoinDetails = (actor: Actor, rsvp: { status: string } | undefined) =>
  isVendor(actor) || rsvp?.status === 'going';

/** The spaces whose reports an actor handles: all for vendor admins and channel managers, else those they moderate. */
export function reportsHandledBy(actor: Actor) {
  if (isVendor(actor) && (actor.role === 'admin' || actor.role === 'channel_manager')) return undefined;
  return sql`exists (select 1 from space_members m where m.space_id = ${contentReports.spaceId}
    and m.user_id = ${actor.userId}::uuid and m.role = 'moderator' and m.status = 'active')`;
}
