import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { and, asc, eq, getTableName, gt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  commitImportBody,
  dryRunBody,
  ImportType,
  importListQuery,
  saveMappingBody,
  uploadImportQuery,
  valuesBody,
} from '@partnergraph/shared/contracts/imports';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { AppError, conflict, invalid, notFound } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import { keyset, where } from '../../lib/pagination';
import { users } from '../identity/identity.tables';
import { FileProblem, readRecords } from './csv-source';
import { dealsImporter, fxRatesImporter } from './deals.importer';
import {
  loadMatchers,
  readRow,
  vocabularyOf,
  suggestMapping,
  type Cells,
  type Importer,
  type RowError,
  type ValueMapping,
} from './fields';
import { importChunks, importErrors, importMappings, imports } from './imports.tables';
import { partnersImporter } from './partners.importer';
import { RowKeys } from './row-keys';
import { enrollmentsImporter, usersImporter } from './people.importer';
import { connectionsImporter, referralsImporter } from './relations.importer';

export const importers: Record<ImportType, Importer> = {
  partners: partnersImporter,
  users: usersImporter,
  enrollments: enrollmentsImporter,
  connections: connectionsImporter,
  referrals: referralsImporter,
  'fx-rates': fxRatesImporter,
  deals: dealsImporter,
};

/** Rows checked and written together: one transaction per batch at commit. */
export const BATCH = 500;
const CHUNK_BYTES = 1 << 20;
/** Beyond this, errors are counted but not listed: the first ones are what a person fixes first. */
const MAX_LISTED_ERRORS = 100_000;
/** A run that has not reported for this long died with its process: it may be started again. */
const STALE_MS = 120_000;

type ImportRow = typeof imports.$inferSelect;
const running = new Set(['validating', 'committing']);
const isStale = (r: ImportRow, now = Date.now()) =>
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

const selectWithCreator = (q: Queryable) =>
  q
    .select({ i: imports, createdBy: users.name })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.createdByUserId));

async function load(q: Queryable, id: string) {
  if (!isId(id)) throw notFound('import');
  const [row] = await q.select().from(imports).where(eq(imports.id, id));
  if (!row) throw notFound('import');
  return row;
}

export async function getImport(db: Queryable, id: string): Promise<ImportDto> {
  if (!isId(id)) throw notFound('import');
  const [row] = await selectWithCreator(db).where(eq(imports.id, id));
  if (!row) throw notFound('import');
  return toDto(row.i, row.createdBy);
}

export async function listImports(
  db: Db,
  query: z.output<typeof importListQuery>,
  page: { limit: number; cursor?: string | undefined },
) {
  const ks = keyset({ createdAt: { column: imports.createdAt, cast: 'timestamptz' } }, imports.id, {
    ...page,
    sort: '-createdAt',
  });
  const rows = await selectWithCreator(db)
    .where(where(query.type ? eq(imports.type, query.type) : undefined, ks.after))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(
    rows.map((r) => ({ ...r, id: r.i.id })),
    (r) => r.i.createdAt.toISOString(),
  );
  return { items: items.map((r) => toDto(r.i, r.createdBy)), nextCursor };
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

/**
 * Stores an uploaded file as it streams in (1 MiB pieces; never the whole
 * file in memory), then reads its header. A file over the limit, empty, or
 * not text in its encoding is refused and nothing of it is kept.
 */
export async function uploadImport(
  db: Db,
  ctx: Ctx,
  query: z.output<typeof uploadImportQuery>,
  body: Readable,
  maxBytes: number,
): Promise<ImportDto> {
  const id = newId();
  // The row exists while the pieces arrive (they refer to it); it becomes an upload, with its audit entry, at the end.
  await db.insert(imports).values({
    id,
    type: query.type,
    fileName: query.fileName,
    encoding: query.encoding,
    bytes: 0,
    columns: [],
    status: 'uploading',
    createdByUserId: ctx.actor?.userId ?? null,
  });
  try {
    let bytes = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (!pendingBytes) return;
      await db.insert(importChunks).values({ importId: id, seq: seq++, data: Buffer.concat(pending) });
      pending = [];
      pendingBytes = 0;
    };
    for await (const chunk of body as AsyncIterable<Buffer | string>) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += buf.length;
      if (bytes > maxBytes)
        throw new AppError(
          'payload_too_large',
          `The file is larger than ${Math.round(maxBytes / 1048576)} MiB (IMPORT_MAX_BYTES)`,
        );
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    if (!bytes) throw new FileProblem('The file is empty');
    let columns: string[] | null = null;
    for await (const record of readRecords(db, id, query.encoding)) {
      columns = record.cells.map((c) => c.trim());
      break;
    }
    if (!columns || columns.every((c) => !c)) throw new FileProblem('The file has no header row');
    // Column names are stored as JSON, which cannot hold NUL.
    if (columns.some((c) => c.includes('\u0000')))
      throw new FileProblem('The header row contains a NUL character');
    const missing = columns.findIndex((c) => !c);
    if (missing >= 0) throw new FileProblem(`Column ${missing + 1} of the header row has no name`);
    const seen = new Set<string>();
    for (const c of columns) {
      if (seen.has(c)) throw new FileProblem(`Two columns are named ${c}`);
      seen.add(c);
    }
    const header = columns;
    await runChange(db, ctx, async (tx, record) => {
      await tx
        .update(imports)
        .set({ status: 'uploaded', bytes, columns: header, updatedAt: new Date() })
        .where(eq(imports.id, id));
      record.audit({
        action: 'import.uploaded',
        entityType: 'import',
        entityId: id,
        after: { type: query.type, fileName: query.fileName, bytes, columns: header.length },
      });
    });
  } catch (err) {
    await db.delete(imports).where(eq(imports.id, id));
    throw err;
  }
  return getImport(db, id);
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

// --- Runs ---

const inProcess = new Map<string, Promise<void>>();

/** Resolves when the run started by this process for `id` ends (tests, the CLI). */
export const settled = (id: string) => inProcess.get(id) ?? Promise.resolve();

/** Checks the mapping against the type's fields and the file's columns. */
function checkMapping(importer: Importer, columns: string[], mapping: Record<string, string>) {
  const errors: { path: string; message: string }[] = [];
  const keys = new Set(importer.fields.map((f) => f.key));
  for (const [field, column] of Object.entries(mapping)) {
    if (!keys.has(field))
      errors.push({ path: `mapping.${field}`, message: `No field ${field} in ${importer.type}` });
    else if (!columns.includes(column))
      errors.push({ path: `mapping.${field}`, message: `The file has no column ${column}` });
  }
  for (const f of importer.fields)
    if (f.required && !mapping[f.key])
      errors.push({ path: `mapping.${f.key}`, message: `${f.label} is required: map a column to it` });
  if (errors.length) throw invalid(errors, 'The column mapping does not fit');
}

/** A value mapping names mapped fields whose values are codes. */
function checkValues(importer: Importer, mapping: Record<string, string>, values: ValueMapping) {
  const errors: { path: string; message: string }[] = [];
  for (const field of Object.keys(values)) {
    const f = importer.fields.find((x) => x.key === field);
    if (!f) errors.push({ path: `values.${field}`, message: `No field ${field} in ${importer.type}` });
    else if (!vocabularyOf(f))
      errors.push({
        path: `values.${field}`,
        message: `${f.label} takes no codes: its values are read as written`,
      });
    else if (!mapping[field])
      errors.push({ path: `values.${field}`, message: `${f.label} is not mapped to a column` });
  }
  if (errors.length) throw invalid(errors, 'The value mapping does not fit');
}

/** Claims the import for a run: refused while another run is alive. */
async function claim(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  status: 'validating' | 'committing',
  set: Partial<ImportRow>,
  allowed: ImportRow['status'][],
  action: string,
) {
  if (!isId(id)) throw notFound('import');
  return runChange(db, ctx, async (tx, record) => {
    const [row] = await tx.select().from(imports).where(eq(imports.id, id)).for('update');
    if (!row) throw notFound('import');
    assertVersion(row, version);
    if (running.has(row.status) && !isStale(row)) throw conflict('The import is already running');
    if (!allowed.includes(row.status) && !(running.has(row.status) && isStale(row)))
      throw conflict(
        status === 'committing' ? 'Run a dry run without errors first' : `The import is ${row.status}`,
      );
    const [next] = await tx
      .update(imports)
      .set({
        ...set,
        status,
        rowsProcessed: 0,
        bytesProcessed: 0,
        failure: null,
        heartbeatAt: new Date(),
        updatedAt: new Date(),
        version: sql`${imports.version} + 1`,
      })
      .where(eq(imports.id, row.id))
      .returning();
    // A new dry run's report replaces the last one, in the same transaction as its start.
    if (status === 'validating') await tx.delete(importErrors).where(eq(importErrors.importId, row.id));
    record.audit({
      action,
      entityType: 'import',
      entityId: row.id,
      after: {
        type: row.type,
        mapping: next!.mapping,
        ...(status === 'validating' ? { valueMapping: next!.valueMapping } : {}),
        ...(status === 'committing' && row.errorRows > 0 ? { onlyValid: true } : {}),
      },
    });
    return next!;
  });
}

function start(id: string, work: () => Promise<void>, db: Db) {
  const p = work()
    .catch(async (err: unknown) => {
      const message =
        err instanceof AppError
          ? (err.detail ?? err.message)
          : 'The run stopped on an unexpected error; see the server log';
      if (!(err instanceof AppError)) console.error(err);
      await db
        .update(imports)
        .set({ status: 'failed', failure: message, heartbeatAt: null, updatedAt: new Date() })
        .where(eq(imports.id, id));
    })
    .finally(() => inProcess.delete(id));
  inProcess.set(id, p);
}

/** Distinct values listed per field: room for every country's name; beyond, the rest read as written. */
const MAX_LISTED_VALUES = 300;

/**
 * The value mapping to confirm before a dry run: for each mapped field that
 * takes codes, the values of its column that are not codes as written, how
 * many rows have each, and the code each most likely means ("Germany" → DE,
 * "Reseller" → reseller). Reads the whole file; writes nothing.
 */
export async function proposeValues(db: Db, id: string, input: z.output<typeof valuesBody>) {
  const row = await load(db, id);
  if (row.status === 'uploading') throw conflict('The file is still uploading');
  const importer = importers[row.type as ImportType];
  const mapping = input.mapping ?? suggestMapping(importer.fields, row.columns);
  checkMapping(importer, row.columns, mapping);
  const matchers = await loadMatchers(db, importer);
  const fields = importer.fields.filter((f) => matchers.has(f.key) && mapping[f.key]);
  const seen = new Map(fields.map((f) => [f.key, new Map<string, number>()]));
  const truncated = new Set<string>();
  let index: number[] | null = null;
  for await (const record of readRecords(db, id, row.encoding)) {
    if (!index) {
      const header = record.cells.map((c) => c.trim());
      index = fields.map((f) => header.indexOf(mapping[f.key]!));
      continue;
    }
    fields.forEach((f, i) => {
      const matcher = matchers.get(f.key)!;
      const counts = seen.get(f.key)!;
      const cell = record.cells[index![i]!]?.trim() ?? '';
      for (const item of new Set(matcher.items(cell))) {
        if (!item || matcher.values.has(item)) continue;
        const n = counts.get(item);
        if (n !== undefined) counts.set(item, n + 1);
        else if (counts.size < MAX_LISTED_VALUES) counts.set(item, 1);
        else truncated.add(f.key);
      }
    });
  }
  return {
    items: fields.map((f) => {
      const matcher = matchers.get(f.key)!;
      return {
        field: f.key,
        label: f.label,
        column: mapping[f.key]!,
        what: matcher.vocabulary.noun,
        choices: matcher.choices.map((c) => ({ value: c.value, label: c.label })),
        values: [...seen.get(f.key)!]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .map(([value, rows]) => ({ value, rows, suggestion: matcher.suggest(value) })),
        truncated: truncated.has(f.key),
      };
    }),
  };
}

/** Starts a dry run: every row read, checked and reported; nothing is written but the report. */
export async function startDryRun(db: Db, ctx: Ctx, id: string, input: z.output<typeof dryRunBody>) {
  const row = await load(db, id);
  const importer = importers[row.type as ImportType];
  const mapping = input.mapping ?? suggestMapping(importer.fields, row.columns);
  checkMapping(importer, row.columns, mapping);
  if (input.values) checkValues(importer, mapping, input.values);
  const claimed = await claim(
    db,
    ctx,
    id,
    input.version,
    'validating',
    {
      mapping,
      valueMapping: input.values ?? null,
      errorRows: 0,
      errorCount: 0,
      totalRows: null,
      validatedAt: null,
      created: 0,
      updated: 0,
    },
    ['uploaded', 'validated', 'invalid', 'failed', 'committed'],
    'import.dry_run_started',
  );
  start(id, () => dryRun(db, ctx, claimed), db);
  return getImport(db, id);
}

/**
 * Starts the commit of a file whose dry run found no errors, or (`onlyValid`)
 * of the rows it found valid, leaving out the ones it reported. Re-running a
 * commit reaches the same end state.
 */
export async function startCommit(db: Db, ctx: Ctx, id: string, input: z.output<typeof commitImportBody>) {
  const row = await load(db, id);
  if (!row.validatedAt || row.totalRows === null) throw conflict('Run a dry run first');
  if (row.errorRows > 0) {
    if (!input.onlyValid)
      throw conflict('The dry run found errors: fix them and run it again, or commit only the valid rows');
    if (row.errorCount > MAX_LISTED_ERRORS)
      throw conflict(
        `More than ${MAX_LISTED_ERRORS.toLocaleString('en')} errors: too many to leave out one by one; fix the file`,
      );
    if (row.errorRows >= row.totalRows) throw conflict('No row of the file is valid');
  }
  const claimed = await claim(
    db,
    ctx,
    id,
    input.version,
    'committing',
    { created: 0, updated: 0 },
    row.errorRows > 0 ? ['invalid', 'committed', 'failed'] : ['validated', 'committed', 'failed'],
    'import.commit_started',
  );
  start(id, () => commit(db, ctx, claimed), db);
  return getImport(db, id);
}

interface Batch {
  rows: Cells[];
  lines: number[];
  /** The row's cells by field, as read: what a report shows beside a problem. */
  cells: Record<string, string>[];
}

/**
 * The file's rows read through the mapping, in batches. Rows whose cells do
 * not read are reported to `bad` and left out of the batch.
 */
async function* batches(
  db: Db,
  row: ImportRow,
  importer: Importer,
  bad: (
    line: number,
    issues: { field: string | null; column: string | null; value: string | null; message: string }[],
  ) => Promise<void>,
  progress: (bytes: number) => void,
): AsyncGenerator<Batch & { read: number }> {
  const mapping = row.mapping ?? {};
  let index: Map<string, number> | null = null;
  let width = 0;
  let batch: Batch = { rows: [], lines: [], cells: [] };
  let count = 0;
  const keys = new RowKeys();
  const read = { matchers: await loadMatchers(db, importer), values: row.valueMapping };
  for await (const record of readRecords(db, row.id, row.encoding, progress)) {
    if (!index) {
      const header = record.cells.map((c) => c.trim());
      width = header.length;
      index = new Map(Object.entries(mapping).map(([field, column]) => [field, header.indexOf(column)]));
      continue;
    }
    count++;
    // As a spreadsheet numbers rows: the header is row 1.
    const line = count + 1;
    if (record.cells.length !== width) {
      await bad(line, [
        {
          field: null,
          column: null,
          value: null,
          message: `This row has ${record.cells.length} cells; the header has ${width}`,
        },
      ]);
    } else {
      const cells = Object.fromEntries([...index].map(([field, i]) => [field, record.cells[i] ?? '']));
      const { row: parsed, issues } = readRow(importer, cells, read);
      // The same record twice in a file is a mistake to show, not a silent last-one-wins.
      const duplicateOf = issues.length ? undefined : keys.firstSeen(importer.keyOf(parsed), line);
      if (issues.length || duplicateOf !== undefined) {
        await bad(
          line,
          issues.length
            ? issues.map((i) => ({
                field: i.field,
                column: mapping[i.field] ?? null,
                value: cells[i.field] ?? null,
                message: i.message,
              }))
            : [duplicateIssue(importer, mapping, cells, duplicateOf!)],
        );
      } else {
        batch.rows.push(parsed);
        batch.lines.push(line);
        batch.cells.push(cells);
      }
    }
    if (batch.rows.length >= BATCH) {
      yield { ...batch, read: count };
      batch = { rows: [], lines: [], cells: [] };
    }
  }
  yield { ...batch, read: count };
}

/** The same record twice: the report shows the value that repeats (the key's cells), and where it was first. */
function duplicateIssue(
  importer: Importer,
  mapping: Record<string, string>,
  cells: Record<string, string>,
  firstRow: number,
) {
  const keyFields = importer.key.split(' + ');
  const labels = keyFields.map((k) => importer.fields.find((f) => f.key === k)?.label ?? k);
  const value = keyFields.map((k) => cells[k]?.trim() ?? '').join(' + ');
  return {
    field: keyFields[0]!,
    column: mapping[keyFields[0]!] ?? null,
    value,
    message: `${labels.join(' + ')} ${value} is already in row ${firstRow}: each record once per file`,
  };
}

async function dryRun(db: Db, ctx: Ctx, row: ImportRow) {
  const importer = importers[row.type as ImportType];
  let errorRows = 0;
  let errorCount = 0;
  let seq = 0;
  let bytes = 0;
  let pending: (typeof importErrors.$inferInsert)[] = [];
  const flush = async () => {
    if (pending.length) await db.insert(importErrors).values(pending);
    pending = [];
  };
  const bad = async (
    line: number,
    issues: { field: string | null; column: string | null; value: string | null; message: string }[],
  ) => {
    errorRows++;
    errorCount += issues.length;
    for (const i of issues)
      if (seq < MAX_LISTED_ERRORS)
        pending.push({
          importId: row.id,
          seq: seq++,
          row: line,
          field: i.field,
          column: i.column,
          // PostgreSQL text cannot hold NUL: the report shows it as the NUL symbol.
          value: i.value?.slice(0, 200).replaceAll('\u0000', '\u2400') ?? null,
          message: i.message,
        });
    if (pending.length >= 1000) await flush();
  };
  let total = 0;
  try {
    for await (const batch of batches(db, row, importer, bad, (b) => (bytes = b))) {
      total = batch.read;
      if (batch.rows.length) {
        const { errors } = await importer.resolve(db, batch.rows);
        const byRow = new Map<number, RowError[]>();
        for (const e of errors) byRow.set(e.index, [...(byRow.get(e.index) ?? []), e]);
        for (const [index, list] of byRow)
          await bad(
            batch.lines[index]!,
            list.map((e) => ({
              field: e.field,
              column: e.field ? (row.mapping?.[e.field] ?? null) : null,
              value: e.field ? (batch.cells[index]![e.field] ?? null) : null,
              message: e.message,
            })),
          );
      }
      await flush();
      await db
        .update(imports)
        .set({
          rowsProcessed: batch.read,
          bytesProcessed: bytes,
          errorRows,
          errorCount,
          heartbeatAt: new Date(),
        })
        .where(eq(imports.id, row.id));
    }
  } catch (err) {
    if (!(err instanceof FileProblem)) throw err;
    await flush();
    await finish(
      db,
      ctx,
      row.id,
      {
        status: 'invalid',
        failure: err.detail ?? err.message,
        errorRows: errorRows + 1,
        errorCount: errorCount + 1,
        totalRows: null,
      },
      'import.dry_run_finished',
    );
    return;
  }
  const failure = total === 0 ? 'The file has a header but no rows' : null;
  await finish(
    db,
    ctx,
    row.id,
    {
      status: errorRows || failure ? 'invalid' : 'validated',
      failure,
      errorRows,
      errorCount,
      totalRows: total,
      rowsProcessed: total,
      // Read to the end: the parser counts characters, the file is bytes.
      bytesProcessed: row.bytes,
      validatedAt: new Date(),
    },
    'import.dry_run_finished',
  );
}

async function finish(
  db: Db,
  ctx: Ctx,
  id: string,
  set: Partial<ImportRow>,
  action: string,
  event?: Record<string, unknown>,
) {
  await runChange(db, ctx, async (tx, record) => {
    const [next] = await tx
      .update(imports)
      .set({ ...set, heartbeatAt: null, updatedAt: new Date() })
      .where(eq(imports.id, id))
      .returning();
    record.audit({
      action,
      entityType: 'import',
      entityId: id,
      after: {
        status: next!.status,
        rows: next!.totalRows,
        errorRows: next!.errorRows,
        created: next!.created,
        updated: next!.updated,
      },
    });
    if (event) record.event({ type: 'import.committed', entityType: 'import', entityId: id, payload: event });
  });
}

/**
 * Writes the file batch by batch: each batch is one transaction with its
 * audit entry and its progress, so a killed process leaves whole batches
 * and an import row that says how far it got. A re-run upserts the same rows
 * again and reaches the same end state.
 */
async function commit(db: Db, ctx: Ctx, row: ImportRow) {
  const importer = importers[row.type as ImportType];
  let bytes = 0;
  let created = 0;
  let updated = 0;
  let total = 0;
  // Only the valid rows (the dry run reported some): the rows it reported are left out, and only those.
  const rejected = row.errorRows > 0 ? await rejectedRows(db, row.id) : new Map<number, string[]>();
  const bad = async (line: number, issues: { message: string; field: string | null }[]) => {
    if (rejected.has(line)) return;
    throw new AppError(
      'unprocessable',
      `Row ${line}: ${issues.map((i) => `${i.field ?? 'row'}: ${i.message}`).join('; ')} (the data changed since the dry run)`,
    );
  };
  for await (const batch of batches(db, row, importer, bad, (b) => (bytes = b))) {
    total = batch.read;
    await runChange(db, ctx, async (tx, record) => {
      if (batch.rows.length) {
        const { errors, ready } = await importer.resolve(tx, batch.rows);
        const changed = errors.find((e) => !rejected.has(batch.lines[e.index]!));
        if (changed)
          throw new AppError(
            'unprocessable',
            `Row ${batch.lines[changed.index]}: ${changed.field ?? 'row'}: ${changed.message} (the data changed since the dry run; nothing of this batch was written)`,
          );
        const failed = new Set(errors.map((e) => e.index));
        const counts = await importer.write(
          tx,
          ready.filter((r, index): r is NonNullable<typeof r> => r !== null && !failed.has(index)),
        );
        created += counts.created;
        updated += counts.updated;
      }
      await tx
        .update(imports)
        .set({ rowsProcessed: batch.read, bytesProcessed: bytes, created, updated, heartbeatAt: new Date() })
        .where(eq(imports.id, row.id));
      record.audit({
        action: 'import.batch_committed',
        entityType: 'import',
        entityId: row.id,
        after: { type: row.type, rowsThrough: batch.read, batchRows: batch.rows.length, created, updated },
      });
    });
  }
  await finish(
    db,
    ctx,
    row.id,
    {
      status: 'committed',
      committedAt: new Date(),
      totalRows: total,
      rowsProcessed: total,
      bytesProcessed: row.bytes,
      created,
      updated,
    },
    'import.committed',
    {
      id: row.id,
      type: row.type,
      rows: total,
      created,
      updated,
    },
  );
  // Statistics for what was written: PGlite runs no autovacuum, and a server's comes later (or is off);
  // until then the planner takes a bulk import's tables for nearly empty and plans reads over them badly.
  // The import is committed by now: statistics that cannot be gathered do not undo it.
  if (created + updated > 0)
    await db
      .execute(sql.raw(`analyze ${importer.writes.map((t) => `"${getTableName(t)}"`).join(', ')}`))
      .catch((err: unknown) => console.warn('analyze after an import failed:', err));
}

// --- Errors and mappings ---

/** The rows the last dry run reported, with what it said of each ("Country: 'XX' is not a country code"). */
async function rejectedRows(db: Queryable, id: string) {
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

const mappingDto = (m: typeof importMappings.$inferSelect) => ({
  id: m.id,
  type: m.type as ImportType,
  name: m.name,
  mapping: m.mapping,
  updatedAt: m.updatedAt.toISOString(),
});

export async function listMappings(db: Db, type: ImportType | undefined) {
  const rows = await db
    .select()
    .from(importMappings)
    .where(type ? eq(importMappings.type, type) : undefined)
    .orderBy(asc(importMappings.type), asc(importMappings.name));
  return { items: rows.map(mappingDto) };
}

/** Saves a mapping under its name (the same name for the same type replaces it). */
export async function saveMapping(db: Db, ctx: Ctx, input: z.output<typeof saveMappingBody>) {
  const keys = new Set(importers[input.type].fields.map((f) => f.key));
  const unknown = Object.keys(input.mapping).filter((k) => !keys.has(k));
  if (unknown.length)
    throw invalid(unknown.map((k) => ({ path: `mapping.${k}`, message: `No field ${k} in ${input.type}` })));
  return runChange(db, ctx, async (tx, record) => {
    const [row] = await tx
      .insert(importMappings)
      .values({ id: newId(), type: input.type, name: input.name, mapping: input.mapping })
      .onConflictDoUpdate({
        target: [importMappings.type, importMappings.name],
        set: { mapping: input.mapping, updatedAt: new Date() },
      })
      .returning();
    record.audit({
      action: 'import_mapping.saved',
      entityType: 'import_mapping',
      entityId: row!.id,
      after: { type: input.type, name: input.name, mapping: input.mapping },
    });
    return mappingDto(row!);
  });
}

export async function deleteMapping(db: Db, ctx: Ctx, id: string) {
  await runChange(db, ctx, async (tx, record) => {
    if (!isId(id)) throw notFound('mapping');
    const [row] = await tx.delete(importMappings).where(eq(importMappings.id, id)).returning();
    if (!row) throw notFound('mapping');
    record.audit({
      action: 'import_mapping.deleted',
      entityType: 'import_mapping',
      entityId: id,
      before: { type: row.type, name: row.name },
    });
  });
}
