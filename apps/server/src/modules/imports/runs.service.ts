import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { commitImportBody, dryRunBody, ImportType } from '@partnergraph/shared/contracts/imports';
import type { Db } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { AppError, conflict, notFound } from '../../lib/errors';
import { isId } from '../../lib/ids';
import { FileProblem, readRecords } from './csv-source';
import {
  loadMatchers,
  readRow,
  suggestMapping,
  type Cells,
  type ImportEnv,
  type Importer,
  type RowError,
} from './fields';
import {
  getImport,
  importers,
  isStale,
  load,
  rejectedRows,
  running,
  type ImportRow,
} from './imports.service';
import { importErrors, imports } from './imports.tables';
import { checkMapping, checkValues } from './mappings.service';
import { RowKeys } from './row-keys';

/** Rows checked and written together: one transaction per batch at commit. */
export const BATCH = 500;
/** Beyond this, errors are counted but not listed: the first ones are what a person fixes first. */
const MAX_LISTED_ERRORS = 100_000;

const inProcess = new Map<string, Promise<void>>();

/** Resolves when the run started by this process for `id` ends (tests, the CLI). */
export const settled = (id: string) => inProcess.get(id) ?? Promise.resolve();

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
export async function startCommit(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof commitImportBody>,
  env: ImportEnv,
) {
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
  start(id, () => commit(db, ctx, claimed, env), db);
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
async function commit(db: Db, ctx: Ctx, row: ImportRow, env: ImportEnv) {
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
          env,
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
      .execute(sql.raw(`analyze ${importer.writes.map((t) => `"${t}"`).join(', ')}`))
      .catch((err: unknown) => console.warn('analyze after an import failed:', err));
}
