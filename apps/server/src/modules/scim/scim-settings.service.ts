// The organization admin's side of SCIM (under /api/v1): group → role mappings, and the groups the
// provider has pushed with the role each gives. Tokens are in scim-tokens.service.ts.
import type { z } from 'zod';
import type { scimRoleMappingsBody } from '@partnergraph/shared/contracts/scim';
import { orgKindOfRole } from '@partnergraph/shared/permissions';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { invalid } from '../../lib/errors';
import { applyGroupRoles } from './scim-groups.service';
import { roleOfGroup } from './scim-roles';
import {
  findGroupsWithMemberCounts,
  findMembersOfGroups,
  findRoleMappings,
  replaceRoleMappings,
} from './scim.repository';

export async function getRoleMappings(db: Db, ctx: Ctx) {
  const items = await findRoleMappings(db, ctx.actor.orgId);
  const mappings = new Map(items.map((m) => [m.group, m.role]));
  const groups = await findGroupsWithMemberCounts(db, ctx.actor.orgId);
  return {
    items,
    groups: groups.map((g) => ({
      id: g.id,
      displayName: g.displayName,
      members: Number(g.members),
      role: roleOfGroup(g.displayName, mappings, ctx.actor.orgKind),
    })),
  };
}

/** Replaces the organization's mappings; people in groups whose role changed get their new role at once. */
export async function putRoleMappings(db: Db, ctx: Ctx, input: z.output<typeof scimRoleMappingsBody>) {
  const kind = ctx.actor.orgKind;
  const errors = input.mappings.flatMap((m, i) =>
    orgKindOfRole(m.role) === kind
      ? []
      : [{ path: `body.mappings.${i}.role`, message: `A ${kind} organization's people take ${kind} roles` }],
  );
  const seen = new Set<string>();
  input.mappings.forEach((m, i) => {
    if (seen.has(m.group.toLowerCase()))
      errors.push({ path: `body.mappings.${i}.group`, message: 'This group is mapped twice' });
    seen.add(m.group.toLowerCase());
  });
  if (errors.length) throw invalid(errors);
  await runChange(db, ctx, async (tx, record) => {
    const before = await findRoleMappings(tx, ctx.actor.orgId);
    const oldMap = new Map(before.map((m) => [m.group, m.role]));
    await replaceRoleMappings(tx, ctx.actor.orgId, input.mappings);
    const newMap = new Map(input.mappings.map((m) => [m.group.toLowerCase(), m.role]));
    record.audit({
      action: 'scim.role_mappings_changed',
      entityType: 'organization',
      entityId: ctx.actor.orgId,
      before: { mappings: before },
      after: { mappings: input.mappings },
    });
    const groups = await findGroupsWithMemberCounts(tx, ctx.actor.orgId);
    const changed = groups.filter(
      (g) => roleOfGroup(g.displayName, oldMap, kind) !== roleOfGroup(g.displayName, newMap, kind),
    );
    const members = await findMembersOfGroups(
      tx,
      changed.map((g) => g.id),
    );
    await applyGroupRoles(
      tx,
      { id: ctx.actor.orgId, kind },
      record,
      [...new Set(members.map((m) => m.userId))],
      { via: 'role_mappings' },
    );
  });
  return getRoleMappings(db, ctx);
}
