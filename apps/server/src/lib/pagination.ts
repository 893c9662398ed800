import { and, asc, desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { invalid } from './errors';
import { isId } from './ids';

/**
 * Keyset pagination over (sort column, id). The cursor is the last row's
 * sort value and id, so pages stay stable while rows are inserted.
 */
export interface SortSpec {
  column: PgColumn;
  /** How the cursor value is cast back in SQL. */
  cast: 'text' | 'timestamptz' | 'date';
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
  sort: string;
}

type CursorValue = { v: string | null; id: string };

export function encodeCursor(value: unknown, id: string): string {
  const v =
    value instanceof Date
      ? value.toISOString()
      : value === null || value === undefined
        ? null
        : String(value);
  return Buffer.from(JSON.stringify({ v, id } satisfies CursorValue)).toString('base64url');
}

function decodeCursor(cursor: string): CursorValue {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorValue;
    if (!isId(parsed.id) || (parsed.v !== null && typeof parsed.v !== 'string')) throw new Error();
    return parsed;
  } catch {
    throw invalid([{ path: 'cursor', message: 'Not a cursor from a previous page' }]);
  }
}

/** Builds ORDER BY and the "after the cursor" condition for a whitelisted sort field. */
export function keyset(sorts: Record<string, SortSpec>, idColumn: PgColumn, req: PageRequest) {
  const descending = req.sort.startsWith('-');
  const field = descending ? req.sort.slice(1) : req.sort;
  const spec = sorts[field];
  if (!spec) throw invalid([{ path: 'sort', message: `Unknown sort field ${field}` }]);
  const dir = descending ? desc : asc;
  // NULLs sort as the empty string so that the row comparison below is total
  // (timestamp and date sort columns are NOT NULL). A NOT NULL text column is
  // ordered as it is, so its (column, id) index serves the page: wrapped in
  // coalesce, 100,000 partners were sorted for every page of 50.
  // Timestamps are stored to the microsecond but a cursor carries milliseconds (a JS Date): ordering and
  // comparing at millisecond precision keeps a page boundary from repeating or skipping a row.
  const key =
    spec.cast === 'text'
      ? spec.column.notNull
        ? sql`${spec.column}`
        : sql`coalesce(${spec.column}, '')`
      : spec.cast === 'timestamptz'
        ? sql`date_trunc('milliseconds', ${spec.column})`
        : sql`${spec.column}`;
  const orderBy = [dir(key), dir(idColumn)];
  let after: SQL | undefined;
  if (req.cursor) {
    const c = decodeCursor(req.cursor);
    // Only the shapes encodeCursor writes: anything else would fail in SQL's cast.
    const shape =
      spec.cast === 'date' ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    if (spec.cast !== 'text' && (c.v === null || !shape.test(c.v) || Number.isNaN(Date.parse(c.v)))) {
      throw invalid([{ path: 'cursor', message: 'Not a cursor from a previous page' }]);
    }
    const value =
      spec.cast === 'text'
        ? sql`${c.v ?? ''}::text`
        : spec.cast === 'date'
          ? sql`${c.v}::date`
          : sql`${c.v}::timestamptz`;
    const op = descending ? sql`<` : sql`>`;
    after = sql`(${key}, ${idColumn}) ${op} (${value}, ${c.id}::uuid)`;
  }
  return {
    orderBy,
    after,
    limit: req.limit + 1,
    /** Trims the extra row fetched to learn whether another page exists. */
    page<T extends { id: string }>(rows: T[], valueOf: (row: T) => unknown) {
      const items = rows.slice(0, req.limit);
      const last = items[items.length - 1];
      const nextCursor = rows.length > req.limit && last ? encodeCursor(valueOf(last), last.id) : null;
      return { items, nextCursor };
    },
  };
}

export const where = (...conds: (SQL | undefined)[]) => and(...conds.filter(Boolean));

/** A LIKE/ILIKE pattern matching `term` anywhere, with its wildcards taken literally. */
export const containing = (term: string) => `%${term.replace(/[%_\\]/g, '\\$&')}%`;

/** The whole count of a limited query, on each of its rows (a digest's "3 of 12 waiting"). */
export const countOver = () => sql<number>`count(*) over ()`.mapWith(Number);
