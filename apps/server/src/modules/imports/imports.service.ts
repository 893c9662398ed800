import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { z } from 'zod';
import type { ImportType, importListQuery } from '@partnergraph/shared/contracts/imports';
import type { Db, Queryable } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { conflict, invalid, notFound } from '../../lib/errors';
import { isId } from '../../lib/ids';
import { keyset, where } from '../../lib/pagination';
import { findUserNames } from '../identity/identity.repository';
import { readRecords } from './csv-source';
import { certificationsImporter } from './certifications.importer';
import { dealsImporter } from './deals.importer';
import { fxRatesImporter } from './fx-rates.importer';
import { leadsImporter } from './leads.importer';
import { suggestMapping, type Importer } from './fields';
import { importErrors, imports } from './imports.tables';
import { partnersImporter } from './partners.importer';
import { enrollmentsImporter, usersImporter } from './people.importer';
import { connectionsImporter, referralsImporter } from './relations.importer';
import { visibleImports } from './imports.visibility';

export const importers: Record<ImportType, Importer> = {
  partners: partnersImporter,
  users: usersImporter,
  enrollments: enrollmentsImporter,
  connections: connectionsImporter,
  referrals: referralsImporter,
  'fx-rates': fxRatesImporter,
  deals: dealsImporter,
  leads: leadsImporter,
  certifications: certificationsImporter,
};

/** A run that has not reported for this long died with its process: it may be started again. */
const STALE_MS = 120_000;

export type ImportRow = typeof imports.$inferSelect;
export const running = new Set(['validating', 'committing']);
export const isStale = (r: ImportRow, now = Date.now()) =>
  running.has(r.status) && (!r.heartbeatAt || now - r.heartbeatAt.getTime() > STALE_MS);

function toDto(r: ImportRow, createdBy: string | null) {
  const importer = importers[r.type as ImportType];
  return {
    id: r.id,
    type: r.type as ImportType,
    fileName: r.fileName,
    encoding: r.encoding,
    bytes: r.bytes,
    columns: r.columns,
    suggestedMapping: suggestMapping(importer.fields, r.columns),
    mapping: r.mapping,
    valueMapping: r.valueMapping,
    status: isStale(r) ? ('interrupted' as const) : r.status,
    progress: {
      rows: r.rowsProcessed,
      bytes: r.bytesProcessed,
      fraction: r.bytes ? Math.min(1, r.bytesProcessed / r.bytes) : 0,
    },
    totalRows: r.totalRows,
    errorRows: r.errorRows,
    errorCount: r.errorCount,
    // A commit with rejected rows could only leave them out (any other row failing stops it).
    skipped: r.status === 'committed' ? r.errorRows : 0,
    created: r.created,
    updated: r.updated,
    failure: r.failure,
    validatedAt: r.validatedAt?.toISOString() ?? null,
    committedAt: r.committedAt?.toISOString() ?? null,
    createdBy: r.createdByUserId && createdBy ? { id: r.createdByUserId, name: createdBy } : null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
export type ImportDto = ReturnType<typeof toDto>;

/** The DTOs of import rows, with the name of whoever uploaded each. */
async function withCreators(q: Queryable, rows: ImportRow[]) {
  const ids = rows.map((r) => r.createdByUserId).filter((id): id is string => !!id);
  const names = new Map((await findUserNames(q, ids)).map((u) => [u.id, u.name]));
  return rows.map((r) => toDto(r, r.createdByUserId ? (names.get(r.createdByUserId) ?? null) : null));
}

export async function load(q: Queryable, id: string) {
  if (!isId(id)) throw notFound('import');
  const [row] = await q.select().from(imports).where(eq(imports.id, id));
  if (!row) throw notFound('import');
  return row;
}

/**
 * An import as its record reads; with an actor (a request), only one it may see. Without one it is the
 * command line's own import, or a service's that has already loaded it for its actor.
 */
export async function getImport(db: Queryable, id: string, actor?: Actor): Promise<ImportDto> {
  if (!isId(id)) throw notFound('import');
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.id, id), actor ? visibleImports(actor) : undefined));
  if (!row) throw notFound('import');
  return (await withCreators(db, [row]))[0]!;
}

export async function listImports(
  db: Db,
  actor: Actor,
  query: z.output<typeof importListQuery>,
  page: { limit: number; cursor?: string | undefined },
) {
  const ks = keyset({ createdAt: { column: imports.createdAt, cast: 'timestamptz' } }, imports.id, {
    ...page,
    sort: '-createdAt',
  });
  const rows = await db
    .select()
    .from(imports)
    .where(where(visibleImports(actor), query.type ? eq(imports.type, query.type) : undefined, ks.after))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(rows, (r) => r.createdAt.toISOString());
  return { items: await withCreators(db, items), nextCursor };
}

export function describeTypes() {
  return {
    items: Object.values(importers).map((i) => ({
      type: i.type,
      label: i.label,
      key: i.key,
      dependsOn: i.dependsOn,
      fields: i.fields.map((f) => ({
        key: f.key,
        label: f.label,
        required: !!f.required,
        description: f.description,
        example: f.example,
        aliases: f.aliases ?? [],
      })),
    })),
  };
}

export async function deleteImport(db: Db, ctx: Ctx, id: string) {
  await runChange(db, ctx, async (tx, record) => {
    const row = await load(tx, id);
    if (running.has(row.status) && !isStale(row))
      throw conflict('The import is running: wait for it to finish');
    await tx.delete(imports).where(eq(imports.id, id));
    record.audit({
      action: 'import.deleted',
      entityType: 'import',
      entityId: id,
      before: { type: row.type, fileName: row.fileName, status: row.status },
    });
  });
}

/** The rows the last dry run reported, with what it said of each ("Country: 'XX' is not a country code"). */
export async function rejectedRows(db: Queryable, id: string) {
  const rows = new Map<number, string[]>();
  const errors = await db
    .select({ row: importErrors.row, column: importErrors.column, message: importErrors.message })
    .from(importErrors)
    .where(eq(importErrors.importId, id))
    .orderBy(asc(importErrors.seq));
  for (const e of errors)
    rows.set(e.row, [...(rows.get(e.row) ?? []), e.column ? `${e.column}: ${e.message}` : e.message]);
  return rows;
}

/** What a download adds to each rejected row; a file downloaded before has them already, and they are reused. */
export const REJECTED_COLUMNS = ['Row', 'Error'] as const;

/**
 * The rows the last dry run rejected, as a CSV: the file's own columns as
 * they were (so it maps and imports again once fixed), then the row's number
 * in the original file and what is wrong with it. Text a spreadsheet would
 * run as a formula gets its text marker (which the import reads past).
 */
export async function rejectedCsv(db: Db, id: string): Promise<{ fileName: string; body: Readable }> {
  const row = await load(db, id);
  if (!row.validatedAt || row.errorRows === 0 || row.totalRows === null)
    throw conflict(
      row.validatedAt && row.totalRows !== null
        ? 'The dry run rejected no rows'
        : 'Run a dry run first: the rows it rejects can then be downloaded',
    );
  const rejected = await rejectedRows(db, id);
  const safe = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
  const body = pipeline(
    Readable.from(
      (async function* () {
        let extra: number[] = [];
        let width = 0;
        let count = 0;
        for await (const record of readRecords(db, id, row.encoding)) {
          if (!width) {
            const header = record.cells.map((c) => c.trim());
            // A file downloaded from here before: its Row and Error columns are filled anew, not added twice.
            extra = REJECTED_COLUMNS.map((c) => header.indexOf(c));
            const added = REJECTED_COLUMNS.filter((_, i) => extra[i] === -1);
            extra = extra.map((i, k) => (i >= 0 ? i : header.length + added.indexOf(REJECTED_COLUMNS[k]!)));
            width = header.length;
            yield [...header, ...added];
            continue;
          }
          const line = ++count + 1;
          const messages = rejected.get(line);
          if (!messages) continue;
          const cells = record.cells.slice(0, width).map(safe);
          while (cells.length < width) cells.push('');
          cells[extra[0]!] = String(line);
          cells[extra[1]!] = safe(messages.join('; '));
          // A row with more cells than the header keeps them, after the added columns.
          yield [...cells, ...record.cells.slice(width).map(safe)];
        }
      })(),
    ),
    stringify({ bom: true, record_delimiter: 'windows' }),
    // A failure mid-way ends the download (the stream errors); the caller sees a cut-off file, not a wrong one.
    () => {},
  );
  return { fileName: `${row.fileName.replace(/\.[^.]*$/, '') || 'import'}-rejected.csv`, body };
}

export async function listImportErrors(
  db: Db,
  id: string,
  page: { limit: number; cursor?: string | undefined },
) {
  await load(db, id);
  if (page.cursor !== undefined && !/^\d{1,9}$/.test(page.cursor))
    throw invalid([{ path: 'cursor', message: 'Not a cursor from a previous page' }]);
  const after = page.cursor === undefined ? -1 : Number(page.cursor);
  const rows = await db
    .select()
    .from(importErrors)
    .where(and(eq(importErrors.importId, id), gt(importErrors.seq, after)))
    .orderBy(asc(importErrors.seq))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  return {
    items: items.map((e) => ({
      row: e.row,
      field: e.field,
      column: e.column,
      value: e.value,
      message: e.message,
    })),
    nextCursor: rows.length > page.limit ? String(items[items.length - 1]!.seq) : null,
  };
}
