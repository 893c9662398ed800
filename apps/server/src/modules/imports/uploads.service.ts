import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { uploadImportQuery } from '@partnergraph/shared/contracts/imports';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { FileProblem, readRecords } from './csv-source';
import { getImport, type ImportDto } from './imports.service';
import { importChunks, imports } from './imports.tables';

const CHUNK_BYTES = 1 << 20;

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
