// Batch reads and writes of imported records, for any table: the owning modules bind them to their own
// tables in their *.records.ts, and importers call those (a module's tables stay private to it).
import { getTableColumns, inArray, sql, type Table } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from './client';

/** A table of imported records: each has an id, an external id and its creation time. */
type Imported = PgTable & { id: PgColumn; externalId: PgColumn; createdAt: PgColumn };

/**
 * Records of a table by external id, with their creation time (kept when a
 * re-import gives none): one query for a batch.
 */
export async function findByExternalId(q: Queryable, table: Imported, externalIds: string[]) {
  const rows = externalIds.length
    ? await q
        .select({ id: table.id, externalId: table.externalId, createdAt: table.createdAt })
        .from(table)
        .where(inArray(table.externalId, externalIds))
    : [];
  return new Map(
    rows.map((r) => [r.externalId as string, { id: r.id as string, createdAt: r.createdAt as Date }]),
  );
}

/**
 * Inserts the rows or, where a record with the same external id exists,
 * replaces every column but its id: one statement for a whole batch.
 */
export async function upsertByExternalId<T extends Imported>(
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
