// /scim/v2/Users: the organization's people as its identity provider sees them. Creating one
// provisions a person without a password (they sign in by SSO or a reset link); `active: false`
// or DELETE deactivates them and ends their sessions and API tokens in the same transaction.
import { and } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '../../db/client';
import { runChange, type ChangeRecorder } from '../../db/transaction';
import {
  countActiveUsersWithRole,
  findUserForSignIn,
  findUserOfOrganization,
  findUsersOfOrganization,
  insertProvisionedUser,
  revokeSessionsOfUser,
  updateProvisionedUser,
  type UserRow,
} from '../identity/identity.repository';
import { toUserDto } from '../identity/identity.service';
import { revokeApiTokensOfUser } from '../identity/tokens.repository';
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
import { adminRoleOf, baseRole } from './scim-roles';
import { ENTERPRISE_SCHEMA, USER_SCHEMA, userSchema } from './scim-schemas';
import {
  deleteScimUser,
  findGroupsOfUsers,
  findScimUsers,
  saveScimUser,
  userFilterAttributes,
  type ScimUserRow,
} from './scim.repository';
import { scimVisibleUsers } from './scim.visibility';

const emailSchema = z.email().max(254);

function toScimUser(
  user: UserRow,
  row: ScimUserRow | undefined,
  groups: { groupId: string; displayName: string }[],
  baseUrl: string,
): Resource {
  const stored = row?.resource ?? {};
  const lastModified = row && row.updatedAt > user.updatedAt ? row.updatedAt : user.updatedAt;
  return {
    schemas: [USER_SCHEMA, ...(stored[ENTERPRISE_SCHEMA] ? [ENTERPRISE_SCHEMA] : [])],
    id: user.id,
    ...(row?.externalId ? { externalId: row.externalId } : {}),
    userName: user.email,
    name: { formatted: user.name },
    emails: [{ value: user.email, type: 'work', primary: true }],
    ...stored,
    displayName: user.name,
    active: user.status === 'active',
    groups: groups.map((g) => ({
      value: g.groupId,
      display: g.displayName,
      $ref: `${baseUrl}/Groups/${g.groupId}`,
    })),
    meta: {
      resourceType: 'User',
      created: user.createdAt.toISOString(),
      lastModified: lastModified.toISOString(),
      location: `${baseUrl}/Users/${user.id}`,
    },
  };
}

/** The attributes the provider may write, as it last wrote them (the PATCH starting point). */
function editable(user: UserRow, row: ScimUserRow | undefined): Resource {
  return {
    ...(row?.resource ?? {}),
    userName: user.email,
    active: user.status === 'active',
    ...(row?.externalId ? { externalId: row.externalId } : {}),
  };
}

/** What a written resource means for the person: e-mail, name, status, and the attributes kept as sent. */
function fieldsOf(doc: Resource, currentName?: string) {
  const email = emailSchema.safeParse(doc.userName);
  if (!email.success)
    throw scimBadRequest(
      'invalidValue',
      'userName is required and is the e-mail address the person signs in with',
    );
  const name = (doc.name ?? {}) as Record<string, string | undefined>;
  const display =
    (doc.displayName as string | undefined)?.trim() ||
    name.formatted?.trim() ||
    [name.givenName, name.familyName].filter(Boolean).join(' ').trim() ||
    // A person who predates the provider keeps their name until it sends one.
    currentName ||
    email.data;
  const { userName: _u, active: _a, externalId, password: _p, ...resource } = doc;
  return {
    email: email.data,
    name: display.slice(0, 200),
    active: doc.active !== false,
    externalId: typeof externalId === 'string' ? externalId : null,
    resource,
  };
}

async function load(q: Queryable, r: ScimRequest, id: string, forUpdate = false) {
  const user = await findUserOfOrganization(q, r.client.orgId, id, { forUpdate });
  const row = user ? (await findScimUsers(q, [user.id])).get(user.id) : undefined;
  // Someone the provider deleted (deactivated, unlinked) is gone for it, as RFC 7644 §3.6 asks.
  if (!user || (user.status !== 'active' && !row)) throw scimNotFound('User');
  return { user, row };
}

async function render(q: Queryable, r: ScimRequest, users: UserRow[]) {
  const ids = users.map((u) => u.id);
  const rows = await findScimUsers(q, ids);
  const groups = await findGroupsOfUsers(q, ids);
  return users.map((u) =>
    toScimUser(
      u,
      rows.get(u.id),
      groups.filter((g) => g.userId === u.id),
      r.baseUrl,
    ),
  );
}

export async function listScimUsers(db: Db, r: ScimRequest, query: ListQuery) {
  const filter = query.filter ? parseFilter(query.filter) : undefined;
  const page = pageOf(query);
  const { rows, total } = await findUsersOfOrganization(
    db,
    r.client.orgId,
    (c) =>
      and(
        scimVisibleUsers(r.client.orgId)(c),
        filter ? compileFilter(filter, userFilterAttributes(c)) : undefined,
      ),
    page,
  );
  const resources = (await render(db, r, rows)).map((u) => project(u, query));
  return listResponse(resources, total, page.startIndex);
}

export async function getScimUser(
  db: Db,
  r: ScimRequest,
  id: string,
  query: Pick<ListQuery, 'attributes' | 'excludedAttributes'>,
) {
  const { user } = await load(db, r, id);
  return project((await render(db, r, [user]))[0]!, query);
}

/** Sessions and API tokens end with the deactivation, in its transaction: the next request is refused. */
async function endAccess(tx: Queryable, userId: string) {
  const now = new Date();
  await revokeSessionsOfUser(tx, userId, now);
  await revokeApiTokensOfUser(tx, userId, now);
}

async function assertNotLastAdmin(tx: Queryable, r: ScimRequest, user: UserRow) {
  const adminRole = adminRoleOf(r.client.orgKind);
  if (
    user.role === adminRole &&
    user.status === 'active' &&
    (await countActiveUsersWithRole(tx, r.client.orgId, adminRole)) <= 1
  )
    throw scimConflict(
      'This is the last administrator of the organization: make someone else administrator first',
      'mutability',
    );
}

async function assertEmailFree(tx: Queryable, email: string, userId: string | null) {
  const holder = await findUserForSignIn(tx, email);
  if (holder && holder.user.id !== userId) throw scimConflict(`A user with userName ${email} already exists`);
  return holder;
}

/**
 * Webhook subscribers hear of people the IdP adds and removes under the same event types as those an
 * admin adds and removes by hand (`user.*`), told apart by `source`.
 */
function userEvent(record: ChangeRecorder, type: string, user: UserRow) {
  record.event({
    type,
    entityType: 'user',
    entityId: user.id,
    organizationIds: [user.organizationId],
    payload: { ...toUserDto(user), source: 'scim' },
  });
}

export async function createScimUser(db: Db, r: ScimRequest, body: unknown) {
  const f = fieldsOf(readResource(body, userSchema));
  const user = await runChange(db, auditCtx(r), async (tx, record) => {
    const holder = await findUserForSignIn(tx, f.email);
    let user: UserRow;
    if (holder) {
      const sameOrg = holder.user.organizationId === r.client.orgId;
      const linked = sameOrg && (await findScimUsers(tx, [holder.user.id])).has(holder.user.id);
      // Someone the provider deleted earlier comes back; anyone else with the address is a conflict.
      if (!sameOrg || linked || holder.user.status === 'active')
        throw scimConflict(`A user with userName ${f.email} already exists`);
      user = await updateProvisionedUser(tx, holder.user.id, {
        email: f.email,
        name: f.name,
        status: 'active',
      });
    } else {
      user = await insertProvisionedUser(tx, {
        organizationId: r.client.orgId,
        email: f.email,
        name: f.name,
        role: baseRole(r.client.orgKind),
      });
    }
    if (!f.active) user = await updateProvisionedUser(tx, user.id, { status: 'deactivated' });
    await saveScimUser(tx, {
      userId: user.id,
      organizationId: r.client.orgId,
      externalId: f.externalId,
      resource: f.resource,
    });
    record.audit({
      action: 'scim.user_provisioned',
      entityType: 'user',
      entityId: user.id,
      after: {
        email: user.email,
        name: user.name,
        role: user.role,
        status: user.status,
        externalId: f.externalId,
        ...via(r),
      },
    });
    // One who comes back deactivated was deactivated already: nothing a subscriber has not heard.
    if (!holder) userEvent(record, 'user.created', user);
    else if (user.status === 'active') userEvent(record, 'user.reactivated', user);
    return user;
  });
  return (await render(db, r, [user]))[0]!;
}

async function write(
  tx: Queryable,
  r: ScimRequest,
  record: ChangeRecorder,
  current: { user: UserRow; row: ScimUserRow | undefined },
  doc: Resource,
) {
  const { user } = current;
  const f = fieldsOf(doc, user.name);
  if (f.email.toLowerCase() !== user.email.toLowerCase()) await assertEmailFree(tx, f.email, user.id);
  const status: UserRow['status'] = f.active ? 'active' : 'deactivated';
  if (status === 'deactivated' && user.status === 'active') await assertNotLastAdmin(tx, r, user);
  const change: Partial<Pick<UserRow, 'email' | 'name' | 'status'>> = {
    ...(f.email !== user.email ? { email: f.email } : {}),
    ...(f.name !== user.name ? { name: f.name } : {}),
    ...(status !== user.status ? { status } : {}),
  };
  const updated = Object.keys(change).length ? await updateProvisionedUser(tx, user.id, change) : user;
  await saveScimUser(tx, {
    userId: user.id,
    organizationId: r.client.orgId,
    externalId: f.externalId,
    resource: f.resource,
  });
  if (status === 'deactivated' && user.status === 'active') await endAccess(tx, user.id);
  const action =
    change.status === 'deactivated'
      ? 'scim.user_deactivated'
      : change.status === 'active'
        ? 'scim.user_reactivated'
        : 'scim.user_updated';
  record.audit({
    action,
    entityType: 'user',
    entityId: user.id,
    before: { email: user.email, name: user.name, status: user.status },
    after: {
      email: updated.email,
      name: updated.name,
      status: updated.status,
      externalId: f.externalId,
      ...via(r),
    },
  });
  if (change.status === 'deactivated') userEvent(record, 'user.deactivated', updated);
  else if (change.status === 'active') userEvent(record, 'user.reactivated', updated);
  else if (updated !== user) userEvent(record, 'user.updated', updated);
  return updated;
}

export async function replaceScimUser(db: Db, r: ScimRequest, id: string, body: unknown) {
  const doc = readResource(body, userSchema);
  const user = await runChange(db, auditCtx(r), async (tx, record) =>
    write(tx, r, record, await load(tx, r, id, true), doc),
  );
  return (await render(db, r, [user]))[0]!;
}

export async function patchScimUser(db: Db, r: ScimRequest, id: string, operations: PatchOperation[]) {
  const user = await runChange(db, auditCtx(r), async (tx, record) => {
    const current = await load(tx, r, id, true);
    const doc = applyPatch(editable(current.user, current.row), operations, userSchema);
    return write(tx, r, record, current, doc);
  });
  return (await render(db, r, [user]))[0]!;
}

/** The person is deactivated (their records stay) and unlinked: the provider no longer sees them. */
export async function deleteScimUserResource(db: Db, r: ScimRequest, id: string) {
  await runChange(db, auditCtx(r), async (tx, record) => {
    const { user } = await load(tx, r, id, true);
    if (user.status === 'active') {
      await assertNotLastAdmin(tx, r, user);
      userEvent(
        record,
        'user.deactivated',
        await updateProvisionedUser(tx, user.id, { status: 'deactivated' }),
      );
      await endAccess(tx, user.id);
    }
    await deleteScimUser(tx, user.id);
    record.audit({
      action: 'scim.user_deleted',
      entityType: 'user',
      entityId: user.id,
      before: { email: user.email, status: user.status },
      after: { status: 'deactivated', ...via(r) },
    });
  });
}
