import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { fileChunks, files } from './files.tables';
import { attachableFiles, filesOf } from './files.visibility';

export type FileRow = typeof files.$inferSelect;

export async function insertFileRow(q: Queryable, row: typeof files.$inferInsert): Promise<void> {
  await q.insert(files).values(row);
}

export async function insertFileChunk(
  q: Queryable,
  fileId: string,
  seq: number,
  data: Buffer,
): Promise<void> {
  await q.insert(fileChunks).values({ fileId, seq, data });
}

export async function readFileChunk(q: Queryable, fileId: string, seq: number): Promise<Buffer | null> {
  const [chunk] = await q
    .select({ data: fileChunks.data })
    .from(fileChunks)
    .where(and(eq(fileChunks.fileId, fileId), eq(fileChunks.seq, seq)));
  return chunk?.data ?? null;
}

export async function completeFileRow(
  q: Queryable,
  id: string,
  set: { contentType: string; bytes: number; sha256: string },
): Promise<void> {
  await q.update(files).set(set).where(eq(files.id, id));
}

/** The file while it is stored (the service's own bookkeeping, never a read for someone). */
export async function findFileRow(q: Queryable, id: string): Promise<FileRow | null> {
  const [row] = await q.select().from(files).where(eq(files.id, id));
  return row ?? null;
}

/** The file, when it belongs to this record. */
export async function findFileOfOwner(
  q: Queryable,
  id: string,
  owner: { ownerType: string; ownerId: string },
): Promise<FileRow | null> {
  const [row] = await q
    .select()
    .from(files)
    .where(and(eq(files.id, id), filesOf(owner)));
  return row ?? null;
}

/** Attaches an upload the actor may attach; null when there is no such file. */
export async function markFileAttached(
  q: Queryable,
  actor: Actor,
  id: string,
  owner: { ownerType: string; ownerId: string },
): Promise<FileRow | null> {
  const [row] = await q
    .update(files)
    .set({ ...owner, attachedAt: sql`now()` })
    .where(and(eq(files.id, id), attachableFiles(actor)))
    .returning();
  return row ?? null;
}

export async function deleteFileRow(q: Queryable, id: string): Promise<void> {
  await q.delete(files).where(eq(files.id, id));
}

/** Uploads nobody attached (an abandoned form, a change that failed after the upload). */
export async function deleteUnattachedBefore(q: Queryable, before: Date): Promise<number> {
  const rows = await q
    .delete(files)
    .where(and(isNull(files.attachedAt), lt(files.createdAt, before)))
    .returning({ id: files.id });
  return rows.length;
}
