import { and, asc, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SpaceMember, inviteMembersBody } from '@partnergraph/shared/contracts/community';
import type { Db, Queryable } from '../../db/client';
import { runChange } from '../../db/transaction';
import { isVendor, type Ctx } from '../../lib/actor';
import { conflict, forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId } from '../../lib/ids';
import type { Deps } from '../../lib/deps';
import { containing, keyset, where } from '../../lib/pagination';
import { peopleView } from '../identity/identity.repository';
import { spaceMembers } from './community.tables';
import { actionableIn, invitableTo, mentionableIn } from './candidates';
import { loadSpace, type SpaceAccess } from './community.visibility';
import { recordModeration } from './moderation.service';
import { addNotifications, emailNotifications, type Created } from '../notifications/notifications.service';

// Drizzle writes a single-table query's columns unqualified ("id"), which
// inside a subquery over posts would mean posts.id: name the outer row.
// A space's members: the list, invitations, roles and suspensions, and the people pickers.

const memberSelect = {
  m: spaceMembers,
  name: peopleView.name,
  orgId: peopleView.orgId,
  orgName: peopleView.orgName,
};

function memberDto(r: {
  m: typeof spaceMembers.$inferSelect;
  name: string;
  orgId: string;
  orgName: string;
}): SpaceMember {
  return {
    user: { id: r.m.userId, name: r.name, organization: { id: r.orgId, name: r.orgName } },
    role: r.m.role,
    status: r.m.status,
    suspendedReason: r.m.suspendedReason,
    joinedAt: r.m.joinedAt?.toISOString() ?? null,
  };
}

export async function listMembers(
  db: Db,
  ctx: Ctx,
  id: string,
  query: { q?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const access = await loadSpace(db, ctx.actor, id);
  const ks = keyset({ name: { column: peopleView.name, cast: 'text' } }, peopleView.id, {
    ...query,
    sort: 'name',
  });
  const rows = await db
    .select(memberSelect)
    .from(spaceMembers)
    .innerJoin(peopleView, eq(peopleView.id, spaceMembers.userId))
    .where(
      where(
        eq(spaceMembers.spaceId, id),
        // Suspensions and pending invitations are the moderators' business.
        access.canModerate ? undefined : eq(spaceMembers.status, 'active'),
        query.q ? ilike(peopleView.name, containing(query.q)) : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(
    rows.map((r) => ({ ...r, id: r.m.userId })),
    (r) => r.name,
  );
  return { items: items.map(memberDto), nextCursor };
}

async function memberRows(q: Queryable, spaceId: string, userIds: string[]) {
  return q
    .select(memberSelect)
    .from(spaceMembers)
    .innerJoin(peopleView, eq(peopleView.id, spaceMembers.userId))
    .where(and(eq(spaceMembers.spaceId, spaceId), inArray(spaceMembers.userId, userIds)))
    .orderBy(asc(peopleView.name));
}

function requireModerator(access: SpaceAccess) {
  if (!access.canModerate) throw forbidden("Only the space's moderators do this");
}

/** Invites people into a space (private ones are by invitation only); each is told. */
export async function inviteMembers(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: z.output<typeof inviteMembersBody>,
) {
  const { db } = deps;
  const actor = ctx.actor;
  const created = await runChange(db, ctx, async (tx, record) => {
    const access = await loadSpace(tx, actor, id, true);
    requireModerator(access);
    const wanted = [...new Set(input.userIds)];
    const valid = wanted.filter(isId);
    // Those already in the space are in its member list: asking again changes nothing.
    const existing = valid.length
      ? await tx
          .select({ userId: spaceMembers.userId })
          .from(spaceMembers)
          .where(and(eq(spaceMembers.spaceId, id), inArray(spaceMembers.userId, valid)))
      : [];
    const have = new Set(existing.map((r) => r.userId));
    // Anyone else must be one the picker offers: someone it hides answers as if absent.
    const asked = valid.filter((u) => !have.has(u));
    const found = asked.length
      ? await tx
          .select({ id: peopleView.id })
          .from(peopleView)
          .where(and(inArray(peopleView.id, asked), invitableTo(actor, access, sql`${peopleView.id}`)))
      : [];
    const ok = new Set([...have, ...found.map((r) => r.id)]);
    const errors = input.userIds
      .map((u, i) => ({ u, i }))
      .filter(({ u }) => !ok.has(u))
      .map(({ i }) => ({
        path: `body.userIds.${i}`,
        message: 'No such active user who may join this space',
      }));
    if (errors.length) throw invalid(errors);
    const fresh = wanted.filter((u) => !have.has(u));
    if (fresh.length) {
      await tx
        .insert(spaceMembers)
        .values(fresh.map((userId) => ({ spaceId: id, userId, status: 'invited' as const })));
      record.audit({ action: 'space.invited', entityType: 'space', entityId: id, after: { userIds: fresh } });
    } else {
      record.audit({ action: 'space.invited', entityType: 'space', entityId: id, after: { userIds: [] } });
    }
    return addNotifications(tx, {
      userIds: fresh,
      kind: 'space',
      title: `${actor.name} invited you to the space ${access.space.name}`,
      body: access.space.description,
      link: `/community/spaces/${id}`,
      actorUserId: actor.userId,
    });
  });
  await emailNotifications(deps, created);
  return { items: (await memberRows(db, id, input.userIds)).map(memberDto) };
}

export async function setMemberRole(
  deps: Deps,
  ctx: Ctx,
  id: string,
  userId: string,
  role: 'member' | 'moderator',
) {
  const { db } = deps;
  const actor = ctx.actor;
  const created = await runChange(db, ctx, async (tx, record): Promise<Created> => {
    const access = await loadSpace(tx, actor, id, true);
    if (!isId(userId)) throw notFound('member');
    const [target] = await tx
      .select({ id: peopleView.id })
      .from(peopleView)
      .where(and(eq(peopleView.id, userId), actionableIn(actor, id, sql`${peopleView.id}`)));
    if (!target) throw notFound('member');
    const [before] = await tx
      .select()
      .from(spaceMembers)
      .where(and(eq(spaceMembers.spaceId, id), eq(spaceMembers.userId, userId)));
    await tx
      .insert(spaceMembers)
      .values({ spaceId: id, userId, role, status: 'active', joinedAt: new Date() })
      .onConflictDoUpdate({ target: [spaceMembers.spaceId, spaceMembers.userId], set: { role } });
    await recordModeration(tx, record, actor, {
      spaceId: id,
      action: role === 'moderator' ? 'member.made_moderator' : 'member.made_member',
      targetType: 'user',
      targetId: userId,
      reason: null,
      before: before ? { role: before.role, status: before.status } : null,
    });
    if (role !== 'moderator' || before?.role === 'moderator') return [];
    return addNotifications(tx, {
      userIds: [userId],
      kind: 'space',
      title: `You are now a moderator of ${access.space.name}`,
      link: `/community/spaces/${id}`,
      actorUserId: actor.userId,
    });
  });
  await emailNotifications(deps, created);
  const [row] = await memberRows(db, id, [userId]);
  if (!row) throw notFound('member');
  return memberDto(row);
}

export async function suspendMember(
  deps: Deps,
  ctx: Ctx,
  id: string,
  userId: string,
  reason: string | null,
  suspend: boolean,
) {
  const { db } = deps;
  const actor = ctx.actor;
  const created = await runChange(db, ctx, async (tx, record) => {
    const access = await loadSpace(tx, actor, id, true);
    requireModerator(access);
    if (!isId(userId)) throw notFound('member');
    if (userId === actor.userId) throw unprocessable('You cannot suspend yourself');
    const [target] = await tx
      .select({ m: spaceMembers, kind: peopleView.orgKind })
      .from(peopleView)
      .leftJoin(spaceMembers, and(eq(spaceMembers.userId, peopleView.id), eq(spaceMembers.spaceId, id)))
      .where(and(eq(peopleView.id, userId), actionableIn(actor, id, sql`${peopleView.id}`)));
    if (!target) throw notFound('member');
    if (suspend) {
      if (target.kind === 'vendor') throw unprocessable('Vendor staff are not suspended from spaces');
      if (target.m?.role === 'moderator' && !isVendor(actor)) {
        throw forbidden('Only the vendor suspends a moderator');
      }
      if (target.m?.status === 'suspended') throw conflict('This member is already suspended');
      await tx
        .insert(spaceMembers)
        .values({ spaceId: id, userId, status: 'suspended', suspendedReason: reason })
        .onConflictDoUpdate({
          target: [spaceMembers.spaceId, spaceMembers.userId],
          set: { status: 'suspended', suspendedReason: reason, role: 'member' },
        });
    } else {
      if (target.m?.status !== 'suspended') throw conflict('This member is not suspended');
      await tx
        .update(spaceMembers)
        .set({ status: 'active', suspendedReason: null, joinedAt: target.m.joinedAt ?? new Date() })
        .where(and(eq(spaceMembers.spaceId, id), eq(spaceMembers.userId, userId)));
    }
    await recordModeration(tx, record, actor, {
      spaceId: id,
      action: suspend ? 'member.suspended' : 'member.reinstated',
      targetType: 'user',
      targetId: userId,
      reason,
      before: target.m ? { status: target.m.status, role: target.m.role } : null,
    });
    return addNotifications(tx, {
      userIds: [userId],
      kind: 'moderation',
      title: suspend
        ? `You were suspended from the space ${access.space.name}`
        : `Your suspension from ${access.space.name} was lifted`,
      body: reason ?? '',
      link: `/community/spaces/${id}`,
      actorUserId: actor.userId,
    });
  });
  await emailNotifications(deps, created);
  const [row] = await memberRows(db, id, [userId]);
  if (!row) throw notFound('member');
  return memberDto(row);
}

/** People who may be @mentioned in a space (candidates.ts), joined members first. */
export async function mentionable(db: Db, ctx: Ctx, id: string, q: string | undefined) {
  await loadSpace(db, ctx.actor, id);
  const rows = await db
    .select({ id: peopleView.id, name: peopleView.name })
    .from(peopleView)
    .where(
      and(mentionableIn(id, sql`${peopleView.id}`), q ? ilike(peopleView.name, containing(q)) : undefined),
    )
    .orderBy(
      sql`(exists (select 1 from space_members m where m.space_id = ${id}::uuid and m.user_id = ${peopleView.id} and m.status = 'active')) desc`,
      asc(peopleView.name),
    )
    .limit(10);
  return { items: rows };
}

/**
 * People a moderator may invite (candidates.ts): vendor staff search every
 * active user; a partner moderator only its own colleagues and people listed
 * in the member directory, so moderating a space reveals no one who chose
 * not to be found.
 */
export async function invitable(db: Db, ctx: Ctx, id: string, q: string | undefined) {
  const actor = ctx.actor;
  const access = await loadSpace(db, actor, id);
  requireModerator(access);
  const rows = await db
    .select({ id: peopleView.id, name: peopleView.name, organization: peopleView.orgName })
    .from(peopleView)
    .where(
      and(
        invitableTo(actor, access, sql`${peopleView.id}`),
        q ? ilike(peopleView.name, containing(q)) : undefined,
      ),
    )
    .orderBy(asc(peopleView.name))
    .limit(20);
  return { items: rows.map((r) => ({ id: r.id, name: `${r.name} (${r.organization})` })) };
}
