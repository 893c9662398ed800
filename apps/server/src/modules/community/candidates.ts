import { and, sql, type SQL } from 'drizzle-orm';
import { isVendor, type Actor } from '../../lib/actor';
import { userReadsSpace, type SpaceAccess } from './community.visibility';

// The people a community picker offers and the people its endpoint accepts are
// one predicate, read by both: an id typed by hand reaches no one the picker
// would not have offered, and the answer names no one the actor could not
// have found. Each takes the user id as SQL (a column or a parameter).

/** Opted into the member directory, active, in an active organization: what everyone may see of other organizations' people. */
export function listedInDirectory(userId: SQL): SQL {
  return sql`exists (select 1 from member_profiles mp join users lu on lu.id = mp.user_id
    join organizations lo on lo.id = lu.organization_id
    where mp.user_id = ${userId} and mp.listed and lu.status = 'active' and lo.status = 'active')`;
}

/** Whom an actor may find by name: vendor staff everyone; a partner's people their colleagues and the directory. */
export function findableBy(actor: Actor, userId: SQL): SQL | undefined {
  if (isVendor(actor)) return undefined;
  return sql`(exists (select 1 from users fu where fu.id = ${userId} and fu.organization_id = ${actor.orgId}::uuid)
    or ${listedInDirectory(userId)})`;
}

/**
 * Whom a space's moderator may invite (`GET /spaces/{id}/invitable`, `POST
 * /spaces/{id}/members`): active people of active organizations whom the
 * moderator may find, not yet in the space, and for a segment space within
 * its segment (an invitation cannot widen it).
 */
export function invitableTo(actor: Actor, access: SpaceAccess, userId: SQL): SQL {
  const spaceId = access.space.id;
  return and(
    sql`exists (select 1 from users iu join organizations io on io.id = iu.organization_id
      where iu.id = ${userId} and iu.status = 'active' and io.status = 'active'
      ${access.space.visibility === 'segment' ? sql`and (io.kind = 'vendor' or ${userReadsSpace(userId, spaceId)})` : sql``})`,
    sql`not exists (select 1 from space_members im where im.space_id = ${spaceId}::uuid and im.user_id = ${userId})`,
    findableBy(actor, userId),
  )!;
}

/**
 * Whom a post or comment in a space may @mention, and so name and notify
 * (`GET /spaces/{id}/mentionable`, posts, comments and the preview): people
 * listed in the member directory who may read the space. A mention of anyone
 * else stays the plain text its author typed.
 */
export function mentionableIn(spaceId: string, userId: SQL): SQL {
  return and(listedInDirectory(userId), userReadsSpace(userId, spaceId))!;
}

/**
 * Whom a moderator may suspend, reinstate or make a moderator in a space: a
 * person who may read it and, unless the actor is vendor staff (who see
 * everyone), whom the moderator sees there: in its member list (any status)
 * or as the author of a post or comment in it.
 */
export function actionableIn(actor: Actor, spaceId: string, userId: SQL): SQL {
  if (isVendor(actor)) return userReadsSpace(userId, spaceId);
  return sql`(${userReadsSpace(userId, spaceId)} and (
    exists (select 1 from space_members am where am.space_id = ${spaceId}::uuid and am.user_id = ${userId})
    or exists (select 1 from posts ap where ap.space_id = ${spaceId}::uuid and ap.author_user_id = ${userId}
      and ap.deleted_at is null)
    or exists (select 1 from comments ac join posts acp on acp.id = ac.post_id
      where acp.space_id = ${spaceId}::uuid and ac.author_user_id = ${userId} and ac.deleted_at is null)))`;
}
