import { eq, getTableColumns, inArray, or, sql, type Table } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { isId } from '../../lib/ids';
import type { connections } from '../marketplace/marketplace.tables';
import type { deals, referrals } from '../deals/deals.tables';
import { users } from '../identity/identity.tables';
import { organizations } from '../organizations/organizations.tables';

export interface OrgRef {
  id: string;
  kind: 'vendor' | 'partner';
  name: string;
}

/**
 * Organizations named by the rows of a batch: by the external id they were
 * imported with, or by their id here (what an export writes), in one query.
 */
export async function findOrganizationsByRef(q: Queryable, refs: Iterable<string>) {
  const wanted = [...new Set(refs)];
  const found = new Map<string, OrgRef>();
  if (!wanted.length) return found;
  const ids = wanted.filter(isId);
  const rows = await q
    .select({
      id: organizations.id,
      externalId: organizations.externalId,
      kind: organizations.kind,
      name: organizations.name,
    })
    .from(organizations)
    .where(
      ids.length
        ? or(inArray(organizations.externalId, wanted), inArray(organizations.id, ids))
        : inArray(organizations.externalId, wanted),
    );
  for (const r of rows) {
    const ref = { id: r.id, kind: r.kind, name: r.name };
    if (r.externalId) found.set(r.externalId, ref);
    found.set(r.id, ref);
  }
  return found;
}

/** Users by e-mail (case-insensitive), with their organization's kind. */
export async function findUsersByEmail(q: Queryable, emails: Iterable<string>) {
  const wanted = [...new Set([...emails].map((e) => e.toLowerCase()))];
  const found = new Map<string, { id: string; organizationId: string; role: string; orgKind: string }>();
  if (!wanted.length) return found;
  const rows = await q
    .select({
      id: users.id,
      email: users.email,
      organizationId: users.organizationId,
      role: users.role,
      orgKind: organizations.kind,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(inArray(sql`lower(${users.email})`, wanted));
  for (const r of rows) found.set(r.email.toLowerCase(), r);
  return found;
}

/** The imported tables: each record has an id, an external id and its creation time. */
type Imported = typeof organizations | typeof deals | typeof referrals | typeof connections;

/**
 * Records of a table by external id, with their creation time (kept when a
 * re-import gives none): one query for a batch.
 */
export async function findByExternalId(q: Queryable, table: Imported, externalIds: string[]) {
  const rows = externalIds.length
    ? await q
        .select({ id: table.id, externalId: table.externalId, createdAt: table.createdAt })
        .from(table as typeof deals)
        .where(inArray(table.externalId, externalIds))
    : [];
  return new Map(rows.map((r) => [r.externalId!, { id: r.id, createdAt: r.createdAt }]));
}

/**
 * Inserts the rows or, where a record with the same external id exists,
 * replaces every column but its id: one statement for a whole batch.
 */
export async function upsertByExternalId<T extends typeof deals | typeof referrals | typeof connections>(
  q: Queryable,
  table: T,
  rows: T['$inferInsert'][],
) {
  if (!rows.length) return;
  const columns = getTableColumns(table);
  const set = Object.fromEntries(
    Object.entries(columns)
      .filter(([key]) => key !== 'id' && key !== 'externalId')
      .map(([key, column]) => [
        key,
        key === 'version' ? sql`${column} + 1` : sql.raw(`excluded."${column.name}"`),
      ]),
  );
  await q
    .insert(table)
    .values(rows as never)
    .onConflictDoUpdate({ target: table.externalId, set: set as never });
}

/**
 * Updates many records by id in one statement: each row carries the values
 * to store under their field names; a value left out (undefined or null)
 * keeps what is stored, as a blank cell does. Bumps `version` and
 * `updatedAt` like a single update.
 */
export async function updateByIds<T extends Table>(
  q: Queryable,
  table: T,
  fields: (keyof T['$inferInsert'] & string)[],
  rows: ({ id: string } & Partial<T['$inferInsert']>)[],
) {
  if (!rows.length) return;
  const columns = getTableColumns(table);
  const cols = fields.map((f) => columns[f]!);
  const records = rows.map((r) =>
    Object.fromEntries([
      ['id', r.id],
      ...fields.map((f, i) => {
        const v = (r as Record<string, unknown>)[f];
        return [cols[i]!.name, v instanceof Date ? v.toISOString() : (v ?? null)];
      }),
    ]),
  );
  const q1 = (name: string) => `"${name.replace(/"/g, '""')}"`;
  await q.execute(sql`
    update ${table} as t set
      ${sql.raw(cols.map((c) => `${q1(c.name)} = coalesce(x.${q1(c.name)}, t.${q1(c.name)})`).join(', '))},
      "updated_at" = now(), "version" = t."version" + 1
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
      as x("id" uuid, ${sql.raw(cols.map((c) => `${q1(c.name)} ${c.getSQLType()}`).join(', '))})
    where t."id" = x."id"`);
}
