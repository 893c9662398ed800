import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { deactivateUserBody, updateUserBody } from '@partnergraph/shared/contracts/identity';
import { orgKindOfRole, type Role } from '@partnergraph/shared/permissions';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId } from '../../lib/ids';
import {
  lockOrganization,
  organizationIdsManagedBy,
  reassignChannelManager,
} from '../organizations/organizations.repository';
import { users } from './identity.tables';
import { findUserById, revokeSessionsOfUser, type UserRow } from './identity.repository';
import { toUserDto } from './identity.service';

/** The role that administers an organization of each kind; its last holder cannot be removed. */
const adminRoleOf = (user: UserRow): Role =>
  orgKindOfRole(user.role) === 'vendor' ? 'admin' : 'partner_admin';

/**
 * Locks every active admin of the organization before counting, so two
 * requests removing two different admins at once cannot both see "one left".
 */
async function otherActiveAdmins(tx: Queryable, user: UserRow) {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.organizationId, user.organizationId),
        eq(users.role, adminRoleOf(user)),
        eq(users.status, 'active'),
      ),
    )
    .for('update');
  return admins.filter((a) => a.id !== user.id).length;
}

async function assertNotLastAdmin(tx: Queryable, user: UserRow) {
  if (
    user.role === adminRoleOf(user) &&
    user.status === 'active' &&
    (await otherActiveAdmins(tx, user)) === 0
  ) {
    throw unprocessable(
      'This is the last administrator of the organization: make someone else administrator first',
    );
  }
}

/** Visible (404 otherwise) and the actor's to manage (403 otherwise); locked for the change. */
async function lockUser(tx: Queryable, ctx: Ctx, id: string) {
  const visible = await findUserById(tx, ctx.actor, id);
  if (!visible) throw notFound('user');
  if (ctx.actor.role === 'partner_admin' && visible.organizationId !== ctx.actor.orgId) throw forbidden();
  // Team changes within one organization run one at a time, its row being their lock: taken
  // before any user row, two changes cannot lock each other's users in opposite order (a deadlock).
  await lockOrganization(tx, visible.organizationId);
  return (await findUserById(tx, ctx.actor, id, { forUpdate: true }))!;
}

export async function getUser(db: Db, ctx: Ctx, id: string) {
  const user = await findUserById(db, ctx.actor, id);
  if (!user) throw notFound('user');
  return toUserDto(user);
}

export async function updateUser(db: Db, ctx: Ctx, id: string, input: z.output<typeof updateUserBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const target = await lockUser(tx, ctx, id);
    assertVersion(target, input.version);
    if (input.role && input.role !== target.role) {
      const kind = orgKindOfRole(target.role);
      if (orgKindOfRole(input.role) !== kind) {
        if (ctx.actor.orgKind === 'partner') throw forbidden('You may not grant a vendor role');
        throw invalid([{ path: 'body.role', message: `A ${kind} organization's users take ${kind} roles` }]);
      }
      await assertNotLastAdmin(tx, target);
    }
    const [updated] = await tx
      .update(users)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning();
    const before = toUserDto(target);
    const after = toUserDto(updated!);
    record.audit({ action: 'user.updated', entityType: 'user', entityId: id, before, after });
    record.event({
      type: 'user.updated',
      entityType: 'user',
      entityId: id,
      organizationIds: [target.organizationId],
      payload: after,
    });
    return after;
  });
}

/**
 * Deactivation ends the user's sessions at once and stops their API tokens
 * (both are checked against the user's status on every request). Their records
 * stay; `reassignTo` hands what they own (today: the partners they manage) to
 * a teammate.
 */
export async function deactivateUser(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof deactivateUserBody>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const target = await lockUser(tx, ctx, id);
    assertVersion(target, input.version);
    if (target.id === ctx.actor.userId) throw unprocessable('You cannot deactivate yourself');
    if (target.status === 'deactivated') throw unprocessable('This user is already deactivated');
    await assertNotLastAdmin(tx, target);
    let reassigned = 0;
    if (input.reassignTo !== undefined) {
      const heir = isId(input.reassignTo) ? await findUserById(tx, ctx.actor, input.reassignTo) : undefined;
      if (
        !heir ||
        heir.organizationId !== target.organizationId ||
        heir.status !== 'active' ||
        heir.id === target.id
      ) {
        throw invalid([
          { path: 'body.reassignTo', message: 'Choose an active teammate in the same organization' },
        ]);
      }
      const managed = await organizationIdsManagedBy(tx, target.id);
      if (managed.length && !['admin', 'channel_manager'].includes(heir.role)) {
        throw invalid([
          { path: 'body.reassignTo', message: 'Partners can be handed only to a channel manager or admin' },
        ]);
      }
      if (managed.length) {
        await reassignChannelManager(tx, target.id, heir.id);
        // One entry per partner, so each partner's own history shows who took it over.
        for (const org of managed) {
          record.audit({
            action: 'partner.manager_assigned',
            entityType: 'organization',
            entityId: org.id,
            before: { channelManagerId: target.id },
            after: { channelManagerId: heir.id, reason: `${target.name} was deactivated` },
          });
        }
      }
      reassigned = managed.length;
    }
    const [updated] = await tx
      .update(users)
      .set({ status: 'deactivated', version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    await revokeSessionsOfUser(tx, id, new Date());
    const after = toUserDto(updated!);
    record.audit({
      action: 'user.deactivated',
      entityType: 'user',
      entityId: id,
      before: { status: target.status },
      after: {
        status: 'deactivated',
        reassignedTo: input.reassignTo ?? null,
        partnersReassigned: reassigned,
      },
    });
    record.event({
      type: 'user.deactivated',
      entityType: 'user',
      entityId: id,
      organizationIds: [target.organizationId],
      payload: after,
    });
    return after;
  });
}

export async function reactivateUser(db: Db, ctx: Ctx, id: string, version: number) {
  return runChange(db, ctx, async (tx, record) => {
    const target = await lockUser(tx, ctx, id);
    assertVersion(target, version);
    if (target.status === 'active') throw unprocessable('This user is already active');
    const [updated] = await tx
      .update(users)
      .set({ status: 'active', version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    const after = toUserDto(updated!);
    record.audit({
      action: 'user.reactivated',
      entityType: 'user',
      entityId: id,
      before: { status: target.status },
      after: { status: 'active' },
    });
    record.event({
      type: 'user.reactivated',
      entityType: 'user',
      entityId: id,
      organizationIds: [target.organizationId],
      payload: after,
    });
    return after;
  });
}
