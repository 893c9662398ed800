import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '@partnergraph/shared/permissions';
import type { Queryable } from '../../db/client';
import { qualified } from '../../db/qualified';
import { isId } from '../../lib/ids';
import type { ProvisionedUserColumns } from '../identity/identity.repository';
import type { SqlAttr, SqlAttrResolver } from './scim-filter';
import { ENTERPRISE_SCHEMA } from './scim-schemas';
import { scimGroupMembers, scimGroups, scimRoleMappings, scimUsers } from './scim.tables';
import { scimVisibleGroups } from './scim.visibility';

export type ScimUserRow = typeof scimUsers.$inferSelect;
export type ScimGroupRow = typeof scimGroups.$inferSelect;

// --- Users: the SCIM attributes kept beside the user row ---

const column = (type: SqlAttr['type'], expr: SQL, caseExact = false): SqlAttr => ({
  type,
  caseExact,
  where: (cond) => cond(expr),
});

/** An attribute kept in scim_users: a subquery on the users' ids. */
const kept = (c: ProvisionedUserColumns, expr: SQL, caseExact = false): SqlAttr => ({
  type: 'string',
  caseExact,
  where: (cond) => inArray(c.id, sql`(select ${scimUsers.userId} from ${scimUsers} where ${cond(expr)})`),
});

/** An element's sub-attribute of a multi-valued attribute kept in scim_users (emails.value). */
const keptMulti = (c: ProvisionedUserColumns, attr: string, sub: string): SqlAttr => ({
  type: 'string',
  where: (cond) =>
    inArray(
      c.id,
      sql`(select ${scimUsers.userId} from ${scimUsers}
        cross join lateral jsonb_array_elements(case when jsonb_typeof(${scimUsers.resource} -> ${attr}::text) = 'array'
          then ${scimUsers.resource} -> ${attr}::text else '[]'::jsonb end) as el(v)
        where ${cond(sql`(el.v ->> ${sub}::text)`)})`,
    ),
});

const userScalars = new Map<string, string[]>([
  ['nickname', ['nickName']],
  ['title', ['title']],
  ['usertype', ['userType']],
  ['preferredlanguage', ['preferredLanguage']],
  ['locale', ['locale']],
  ['timezone', ['timezone']],
  ['name.formatted', ['name', 'formatted']],
  ['name.givenname', ['name', 'givenName']],
  ['name.familyname', ['name', 'familyName']],
  ['name.middlename', ['name', 'middleName']],
]);
const enterpriseScalars = ['employeeNumber', 'costCenter', 'organization', 'division', 'department'];

/** The User attributes a filter may name, as SQL over the user row and scim_users. */
export function userFilterAttributes(c: ProvisionedUserColumns): SqlAttrResolver {
  return (path) => {
    const key = `${path.attr}${path.sub ? `.${path.sub}` : ''}`.toLowerCase();
    const schema = path.schema?.toLowerCase();
    if (schema === ENTERPRISE_SCHEMA.toLowerCase()) {
      const name = enterpriseScalars.find((n) => n.toLowerCase() === key);
      if (name) return kept(c, sql`(${scimUsers.resource} #>> ${`{${ENTERPRISE_SCHEMA},${name}}`}::text[])`);
      if (key === 'manager.value')
        return kept(
          c,
          sql`(${scimUsers.resource} #>> ${`{${ENTERPRISE_SCHEMA},manager,value}`}::text[])`,
          true,
        );
      return undefined;
    }
    if (schema && schema !== 'urn:ietf:params:scim:schemas:core:2.0:user') return undefined;
    switch (key) {
      case 'id':
        return column('string', sql`${c.id}::text`);
      case 'username':
        return column('string', sql`${c.email}`);
      case 'active':
        return column('boolean', sql`(${c.status} = 'active')`);
      case 'externalid':
        return kept(c, sql`${scimUsers.externalId}`, true);
      case 'meta.created':
        return column('dateTime', sql`${c.createdAt}`);
      case 'meta.lastmodified':
        return column('dateTime', sql`${c.updatedAt}`);
      case 'emails':
      case 'emails.value': {
        // The sign-in address is an e-mail of everyone, linked or not (it is what /Users shows by default).
        const kept = keptMulti(c, 'emails', 'value');
        return { type: 'string', where: (cond) => or(cond(sql`${c.email}`), kept.where(cond))! };
      }
      case 'emails.type':
        return keptMulti(c, 'emails', 'type');
      case 'phonenumbers':
      case 'phonenumbers.value':
        return keptMulti(c, 'phoneNumbers', 'value');
    }
    if (key === 'displayname') return column('string', sql`${c.name}`);
    const path2 = userScalars.get(key);
    return path2 ? kept(c, sql`(${scimUsers.resource} #>> ${`{${path2.join(',')}}`}::text[])`) : undefined;
  };
}

export async function findScimUsers(q: Queryable, userIds: string[]) {
  if (!userIds.length) return new Map<string, ScimUserRow>();
  const rows = await q.select().from(scimUsers).where(inArray(scimUsers.userId, userIds));
  return new Map(rows.map((r) => [r.userId, r]));
}

export async function saveScimUser(
  q: Queryable,
  values: {
    userId: string;
    organizationId: string;
    externalId: string | null;
    resource: Record<string, unknown>;
  },
) {
  const now = new Date();
  await q
    .insert(scimUsers)
    .values({ ...values, updatedAt: now })
    .onConflictDoUpdate({
      target: scimUsers.userId,
      set: { externalId: values.externalId, resource: values.resource, updatedAt: now },
    });
}

export async function deleteScimUser(q: Queryable, userId: string) {
  await q.delete(scimUsers).where(eq(scimUsers.userId, userId));
  await q.delete(scimGroupMembers).where(eq(scimGroupMembers.userId, userId));
}

// --- Groups ---

export function groupFilterAttributes(organizationId: string): SqlAttrResolver {
  const col = (type: SqlAttr['type'], expr: SQL, caseExact = false) => column(type, expr, caseExact);
  return (path) => {
    if (path.schema && path.schema.toLowerCase() !== 'urn:ietf:params:scim:schemas:core:2.0:group')
      return undefined;
    const key = `${path.attr}${path.sub ? `.${path.sub}` : ''}`.toLowerCase();
    switch (key) {
      case 'id':
        return col('string', sql`${scimGroups.id}::text`);
      case 'displayname':
        return col('string', sql`${scimGroups.displayName}`);
      case 'externalid':
        return col('string', sql`${scimGroups.externalId}`, true);
      case 'meta.created':
        return col('dateTime', sql`${scimGroups.createdAt}`);
      case 'meta.lastmodified':
        return col('dateTime', sql`${scimGroups.updatedAt}`);
      case 'members':
      case 'members.value':
        return {
          type: 'string',
          where: (cond) =>
            inArray(
              scimGroups.id,
              sql`(select ${scimGroupMembers.groupId} from ${scimGroupMembers} where ${cond(sql`${scimGroupMembers.userId}::text`)})`,
            ),
        };
    }
    void organizationId;
    return undefined;
  };
}

export async function findGroupsOfOrganization(
  q: Queryable,
  organizationId: string,
  filter: SQL | undefined,
  page: { offset: number; limit: number },
) {
  const condition = and(scimVisibleGroups(organizationId), filter);
  const [{ total } = { total: 0 }] = await q
    .select({ total: sql<number>`count(*)::int` })
    .from(scimGroups)
    .where(condition);
  const rows =
    page.limit === 0
      ? []
      : await q
          .select()
          .from(scimGroups)
          .where(condition)
          .orderBy(scimGroups.createdAt, scimGroups.id)
          .offset(page.offset)
          .limit(page.limit);
  return { rows, total: Number(total) };
}

export async function findGroupOfOrganization(
  q: Queryable,
  organizationId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(scimGroups)
    .where(and(eq(scimGroups.id, id), scimVisibleGroups(organizationId)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findGroupByName(q: Queryable, organizationId: string, displayName: string) {
  const [row] = await q
    .select()
    .from(scimGroups)
    .where(
      and(
        scimVisibleGroups(organizationId),
        eq(sql`lower(${scimGroups.displayName})`, displayName.toLowerCase()),
      ),
    );
  return row;
}

export async function insertGroup(q: Queryable, values: typeof scimGroups.$inferInsert) {
  const [row] = await q.insert(scimGroups).values(values).returning();
  return row!;
}

export async function updateGroup(
  q: Queryable,
  id: string,
  change: { displayName: string; externalId: string | null },
) {
  const [row] = await q
    .update(scimGroups)
    .set({ ...change, updatedAt: new Date() })
    .where(eq(scimGroups.id, id))
    .returning();
  return row!;
}

export async function deleteGroup(q: Queryable, id: string) {
  await q.delete(scimGroups).where(eq(scimGroups.id, id));
}

/** Every membership of these groups. */
export async function findMembersOfGroups(q: Queryable, groupIds: string[]) {
  if (!groupIds.length) return [];
  return q
    .select()
    .from(scimGroupMembers)
    .where(inArray(scimGroupMembers.groupId, groupIds))
    .orderBy(scimGroupMembers.groupId, scimGroupMembers.userId);
}

/** Every group these users are in, with its name (what a role is mapped by). */
export async function findGroupsOfUsers(q: Queryable, userIds: string[]) {
  if (!userIds.length) return [];
  return q
    .select({ userId: scimGroupMembers.userId, groupId: scimGroups.id, displayName: scimGroups.displayName })
    .from(scimGroupMembers)
    .innerJoin(scimGroups, eq(scimGroups.id, scimGroupMembers.groupId))
    .where(inArray(scimGroupMembers.userId, userIds))
    .orderBy(scimGroups.displayName);
}

export async function setGroupMembers(q: Queryable, groupId: string, userIds: string[]) {
  await q.delete(scimGroupMembers).where(eq(scimGroupMembers.groupId, groupId));
  if (userIds.length)
    await q
      .insert(scimGroupMembers)
      .values([...new Set(userIds)].map((userId) => ({ groupId, userId })))
      .onConflictDoNothing();
}

// --- Group → role mappings ---

export async function findRoleMappings(q: Queryable, organizationId: string) {
  return q
    .select({ group: scimRoleMappings.groupName, role: scimRoleMappings.role })
    .from(scimRoleMappings)
    .where(eq(scimRoleMappings.organizationId, organizationId))
    .orderBy(scimRoleMappings.groupName);
}

export async function replaceRoleMappings(
  q: Queryable,
  organizationId: string,
  mappings: { group: string; role: Role }[],
) {
  await q.delete(scimRoleMappings).where(eq(scimRoleMappings.organizationId, organizationId));
  if (mappings.length)
    await q
      .insert(scimRoleMappings)
      .values(mappings.map((m) => ({ organizationId, groupName: m.group.toLowerCase(), role: m.role })));
}

export async function findGroupsWithMemberCounts(q: Queryable, organizationId: string) {
  return q
    .select({
      id: scimGroups.id,
      displayName: scimGroups.displayName,
      members: sql<number>`(select count(*)::int from ${scimGroupMembers} where ${scimGroupMembers.groupId} = ${qualified(scimGroups.id)})`,
    })
    .from(scimGroups)
    .where(scimVisibleGroups(organizationId))
    .orderBy(scimGroups.displayName);
}
