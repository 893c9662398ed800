import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { ImportType } from '@partnergraph/shared/contracts/imports';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/actor';
import type { ImportEnv } from './fields';
import { importMappings } from './imports.tables';
import { getImport, listImportErrors, type ImportDto } from './imports.service';
import { settled, startCommit, startDryRun } from './runs.service';
import { uploadImport } from './uploads.service';

export interface ImportFileOptions {
  type: ImportType;
  encoding: 'utf-8' | 'windows-1252' | 'iso-8859-1' | 'utf-16le';
  /** A saved mapping's name; default: the columns matched by name. */
  mapping?: string;
  dryRunOnly: boolean;
  maxBytes: number;
}

export interface ImportProgress {
  phase(name: 'upload' | 'dry run' | 'commit', total: number): void;
  update(done: number, rows: number): void;
  end(): void;
}

/**
 * The command line's import: the same upload, dry run and commit as the API
 * (same checks, same batches), with progress reported as the runs go.
 */
export async function importFile(
  db: Db,
  ctx: Ctx,
  file: string,
  opts: ImportFileOptions,
  progress: ImportProgress,
  env: ImportEnv,
): Promise<{ result: ImportDto; errors: { row: number; column: string | null; message: string }[] }> {
  const size = fs.statSync(file).size;
  progress.phase('upload', size);
  let sent = 0;
  // Counted as it is read, not by a second listener (which would take the data away).
  const stream = Readable.from(
    (async function* () {
      for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
        progress.update((sent += chunk.length), 0);
        yield chunk;
      }
    })(),
  );
  const uploaded = await uploadImport(
    db,
    ctx,
    { type: opts.type, fileName: path.basename(file), encoding: opts.encoding },
    stream,
    opts.maxBytes,
  );
  progress.end();
  let mapping: Record<string, string> | undefined;
  if (opts.mapping) {
    const [saved] = await db
      .select()
      .from(importMappings)
      .where(and(eq(importMappings.type, opts.type), eq(importMappings.name, opts.mapping)));
    if (!saved) throw new Error(`No saved ${opts.type} mapping named ${opts.mapping}`);
    mapping = saved.mapping;
  }
  const follow = async (phase: 'dry run' | 'commit', started: ImportDto) => {
    progress.phase(phase, started.bytes);
    const timer = setInterval(() => {
      void getImport(db, started.id).then((i) => progress.update(i.progress.bytes, i.progress.rows));
    }, 250);
    try {
      await settled(started.id);
    } finally {
      clearInterval(timer);
    }
    const done = await getImport(db, started.id);
    progress.update(done.progress.bytes, done.progress.rows);
    progress.end();
    return done;
  };
  const checked = await follow(
    'dry run',
    await startDryRun(db, ctx, uploaded.id, { version: uploaded.version, mapping }),
  );
  if (checked.status !== 'validated') {
    const errors = (await listImportErrors(db, checked.id, { limit: 50 })).items;
    return { result: checked, errors };
  }
  if (opts.dryRunOnly) return { result: checked, errors: [] };
  const committed = await follow(
    'commit',
    await startCommit(db, ctx, checked.id, { version: checked.version, onlyValid: false }, env),
  );
  return { result: committed, errors: [] };
}
