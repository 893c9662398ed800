import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { fileChunks, files } from './files.tables';

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

export async function findFileRow(q: Queryable, id: string): Promise<FileRow | null> {
  const [row] = await q.select().from(files).where(eq(files.id, id));
  return row ?? null;
}

/** Attaches an unattached file of this organization; false when there is no such file. */
export async function markFileAttached(
  q: Queryable,
  id: string,
  organizationId: string,
  owner: { ownerType: string; ownerId: string },
): Promise<boolean> {
  const rows = await q
    .update(files)
    .set({ ...owner, attachedAt: sql`now()` })
    .where(and(eq(files.id, id), eq(files.organizationId, organizationId), isNull(files.attachedAt)))
    .returning({ id: files.id });
  return rows.length > 0;
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
