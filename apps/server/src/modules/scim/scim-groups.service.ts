// /scim/v2/Groups: the provider's groups of the organization's people. A group whose name maps to a
// role (scim-roles.ts) gives its members that role: every membership change, rename or deletion
// recomputes the roles of the people it touches, in the same transaction, audited.
import type { OrgKind } from '@partnergraph/shared/permissions';
import type { Db, Queryable } from '../../db/client';
import { runChange, type ChangeRecorder } from '../../db/transaction';
import { newId } from '../../lib/ids';
import {
  countActiveUsersWithRole,
  findUserNames,
  findUsersOfOrganizationByIds,
  updateProvisionedUser,
} from '../identity/identity.repository';
import { toUserDto } from '../identity/identity.service';
import { findPolicy as findSsoPolicy } from '../sso/sso.repository';
import { compileFilter, parseFilter } from './scim-filter';
import { scimBadRequest, scimConflict, scimNotFound } from './scim-errors';
import { applyPatch, readResource, type PatchOperation, type Resource } from './scim-patch';
import {
  auditCtx,
  listResponse,
  pageOf,
  project,
  via,
  type ListQuery,
  type ScimRequest,
} from './scim-request';
import { adminRoleOf, baseRole, roleFromGroups, roleOfGroup } from './scim-roles';
import { GROUP_SCHEMA, groupSchema } from './scim-schemas';
import {
  deleteGroup,
  findGroupByName,
  findGroupOfOrganization,
  findGroupsOfOrganization,
  findGroupsOfUsers,
  findMembersOfGroups,
  findRoleMappings,
  findScimUsers,
  groupFilterAttributes,
  insertGroup,
  setGroupMembers,
  updateGroup,
  type ScimGroupRow,
} from './scim.repository';

async function render(q: Queryable, r: ScimRequest, groups: ScimGroupRow[], withMembers = true) {
  const members = withMembers
    ? await findMembersOfGroups(
        q,
        groups.map((g) => g.id),
      )
    : [];
  const names = new Map(
    (
      await findUserNames(
        q,
        members.map((m) => m.userId),
      )
    ).map((u) => [u.id, u.name]),
  );
  return groups.map((g): Resource => ({
    schemas: [GROUP_SCHEMA],
    id: g.id,
    ...(g.externalId ? { externalId: g.externalId } : {}),
    displayName: g.displayName,
    ...(withMembers
      ? {
          members: members
            .filter((m) => m.groupId === g.id)
            .map((m) => ({
              value: m.userId,
              display: names.get(m.userId) ?? '',
              type: 'User',
              $ref: `${r.baseUrl}/Users/${m.userId}`,
            })),
        }
      : {}),
    meta: {
      resourceType: 'Group',
      created: g.createdAt.toISOString(),
      lastModified: g.updatedAt.toISOString(),
      location: `${r.baseUrl}/Groups/${g.id}`,
    },
  }));
}

const wantsMembers = (query: Pick<ListQuery, 'attributes' | 'excludedAttributes'>) =>
  !/(^|,)\s*members\s*(,|$)/i.test(query.excludedAttributes ?? '') &&
  (!query.attributes || /(^|,)\s*members/i.test(query.attributes));

export async function listScimGroups(db: Db, r: ScimRequest, query: ListQuery) {
  const filter = query.filter ? parseFilter(query.filter) : undefined;
  const page = pageOf(query);
  const { rows, total } = await findGroupsOfOrganization(
    db,
    r.client.orgId,
    filter ? compileFilter(filter, groupFilterAttributes(r.client.orgId)) : undefined,
    page,
  );
  const resources = (await render(db, r, rows, wantsMembers(query))).map((g) => project(g, query));
  return listResponse(resources, total, page.startIndex);
}

async function load(q: Queryable, r: ScimRequest, id: string, forUpdate = false) {
  const group = await findGroupOfOrganization(q, r.client.orgId, id, { forUpdate });
  if (!group) throw scimNotFound('Group');
  return group;
}

export async function getScimGroup(
  db: Db,
  r: ScimRequest,
  id: string,
  query: Pick<ListQuery, 'attributes' | 'excludedAttributes'>,
) {
  const group = await load(db, r, id);
  return project((await render(db, r, [group], wantsMembers(query)))[0]!, query);
}

/**
 * Sets each person's role to what their groups give (or the organization's least role when no
 * group of theirs maps to one). The organization's last active administrator is never demoted, nor
 * the vendor's break-glass admin.
 */
export async function applyGroupRoles(
  tx: Queryable,
  org: { id: string; kind: OrgKind },
  record: ChangeRecorder,
  userIds: string[],
  audit: Record<string, unknown>,
) {
  if (!userIds.length) return;
  const mappings = new Map((await findRoleMappings(tx, org.id)).map((m) => [m.group, m.role]));
  const people = await findUsersOfOrganizationByIds(tx, org.id, userIds);
  const groups = await findGroupsOfUsers(tx, userIds);
  const adminRole = adminRoleOf(org.kind);
  // The vendor's break-glass admin is the way back in when the IdP is wrong or down: its groups never
  // demote them (as at an SSO sign-in).
  const breakGlassUserId = (await findSsoPolicy(tx, org.id))?.breakGlassUserId ?? null;
  for (const person of people) {
    const names = groups.filter((g) => g.userId === person.id).map((g) => g.displayName);
    const role = roleFromGroups(names, mappings, org.kind) ?? baseRole(org.kind);
    if (role === person.role) continue;
    if (person.id === breakGlassUserId && person.role === adminRole) {
      record.audit({
        action: 'scim.user_role_kept',
        entityType: 'user',
        entityId: person.id,
        after: { role: person.role, mappedRole: role, reason: 'break_glass_admin', groups: names, ...audit },
      });
      continue;
    }
    if (
      person.role === adminRole &&
      person.status === 'active' &&
      (await countActiveUsersWithRole(tx, org.id, adminRole)) <= 1
    )
      throw scimConflict(
        `${person.name} is the last administrator of the organization: make someone else administrator first`,
        'mutability',
      );
    const updated = await updateProvisionedUser(tx, person.id, { role });
    record.audit({
      action: 'scim.user_role_changed',
      entityType: 'user',
      entityId: person.id,
      before: { role: person.role },
      after: { role, groups: names, ...audit },
    });
    record.event({
      type: 'user.updated',
      entityType: 'user',
      entityId: person.id,
      organizationIds: [org.id],
      payload: { ...toUserDto(updated), source: 'scim' },
    });
  }
}

function readGroup(doc: Resource) {
  const displayName = typeof doc.displayName === 'string' ? doc.displayName.trim() : '';
  if (!displayName || displayName.length > 200)
    throw scimBadRequest('invalidValue', 'displayName is required (at most 200 characters)');
  const members = Array.isArray(doc.members) ? (doc.members as { value?: unknown }[]) : [];
  const ids = members.map((m, i) => {
    if (typeof m.value !== 'string') throw scimBadRequest('invalidValue', `members[${i}].value is a user id`);
    return m.value;
  });
  return {
    displayName,
    externalId: typeof doc.externalId === 'string' ? doc.externalId : null,
    memberIds: [...new Set(ids)],
  };
}

/** Members must be people of this organization the provider sees; any other id is unknown to it. */
async function assertMembers(tx: Queryable, r: ScimRequest, ids: string[]) {
  const found = await findUsersOfOrganizationByIds(tx, r.client.orgId, ids);
  const linked = await findScimUsers(
    tx,
    found.map((u) => u.id),
  );
  const known = new Set(found.filter((u) => u.status === 'active' || linked.has(u.id)).map((u) => u.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined)
    throw scimBadRequest('invalidValue', `No user ${JSON.stringify(unknown)} in this organization`);
}

async function assertNameFree(tx: Queryable, r: ScimRequest, displayName: string, groupId: string | null) {
  const other = await findGroupByName(tx, r.client.orgId, displayName);
  if (other && other.id !== groupId) throw scimConflict(`A group named ${displayName} already exists`);
}

async function groupRole(tx: Queryable, r: ScimRequest, displayName: string) {
  const mappings = new Map((await findRoleMappings(tx, r.client.orgId)).map((m) => [m.group, m.role]));
  return roleOfGroup(displayName, mappings, r.client.orgKind);
}

const org = (r: ScimRequest) => ({ id: r.client.orgId, kind: r.client.orgKind });

export async function createScimGroup(db: Db, r: ScimRequest, body: unknown) {
  const g = readGroup(readResource(body, groupSchema));
  const group = await runChange(db, auditCtx(r), async (tx, record) => {
    await assertNameFree(tx, r, g.displayName, null);
    await assertMembers(tx, r, g.memberIds);
    const group = await insertGroup(tx, {
      id: newId(),
      organizationId: r.client.orgId,
      displayName: g.displayName,
      externalId: g.externalId,
    });
    await setGroupMembers(tx, group.id, g.memberIds);
    record.audit({
      action: 'scim.group_created',
      entityType: 'scim_group',
      entityId: group.id,
      after: { displayName: group.displayName, members: g.memberIds, ...via(r) },
    });
    if (await groupRole(tx, r, group.displayName))
      await applyGroupRoles(tx, org(r), record, g.memberIds, via(r));
    return group;
  });
  return (await render(db, r, [group]))[0]!;
}

async function write(
  tx: Queryable,
  r: ScimRequest,
  record: ChangeRecorder,
  group: ScimGroupRow,
  doc: Resource,
) {
  const g = readGroup(doc);
  const before = (await findMembersOfGroups(tx, [group.id])).map((m) => m.userId);
  if (g.displayName.toLowerCase() !== group.displayName.toLowerCase())
    await assertNameFree(tx, r, g.displayName, group.id);
  const added = g.memberIds.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !g.memberIds.includes(id));
  await assertMembers(tx, r, added);
  const updated = await updateGroup(tx, group.id, { displayName: g.displayName, externalId: g.externalId });
  await setGroupMembers(tx, group.id, g.memberIds);
  record.audit({
    action: 'scim.group_updated',
    entityType: 'scim_group',
    entityId: group.id,
    before: { displayName: group.displayName },
    after: { displayName: updated.displayName, membersAdded: added, membersRemoved: removed, ...via(r) },
  });
  const roleBefore = await groupRole(tx, r, group.displayName);
  const roleAfter = await groupRole(tx, r, updated.displayName);
  const touched =
    roleBefore === roleAfter ? [...added, ...removed] : [...new Set([...before, ...g.memberIds])];
  if (roleBefore || roleAfter) await applyGroupRoles(tx, org(r), record, touched, via(r));
  return updated;
}

export async function replaceScimGroup(db: Db, r: ScimRequest, id: string, body: unknown) {
  const doc = readResource(body, groupSchema);
  const group = await runChange(db, auditCtx(r), async (tx, record) =>
    write(tx, r, record, await load(tx, r, id, true), doc),
  );
  return (await render(db, r, [group]))[0]!;
}

export async function patchScimGroup(db: Db, r: ScimRequest, id: string, operations: PatchOperation[]) {
  const group = await runChange(db, auditCtx(r), async (tx, record) => {
    const current = await load(tx, r, id, true);
    const members = await findMembersOfGroups(tx, [current.id]);
    const doc = applyPatch(
      {
        displayName: current.displayName,
        ...(current.externalId ? { externalId: current.externalId } : {}),
        members: members.map((m) => ({ value: m.userId })),
      },
      operations,
      groupSchema,
    );
    return write(tx, r, record, current, doc);
  });
  return (await render(db, r, [group]))[0]!;
}

export async function deleteScimGroup(db: Db, r: ScimRequest, id: string) {
  await runChange(db, auditCtx(r), async (tx, record) => {
    const group = await load(tx, r, id, true);
    const members = (await findMembersOfGroups(tx, [group.id])).map((m) => m.userId);
    await deleteGroup(tx, group.id);
    record.audit({
      action: 'scim.group_deleted',
      entityType: 'scim_group',
      entityId: group.id,
      before: { displayName: group.displayName, members },
      after: via(r),
    });
    if (await groupRole(tx, r, group.displayName)) await applyGroupRoles(tx, org(r), record, members, via(r));
  });
}
