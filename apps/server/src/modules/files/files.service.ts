import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { fileTypeFromStream } from 'file-type';
import type { Db, Queryable } from '../../db/client';
import type { Ctx } from '../../lib/actor';
import { AppError, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { FilePolicy } from './files.policies';
import {
  completeFileRow,
  deleteFileRow,
  deleteUnattachedBefore,
  findFileOfOwner,
  findFileRow,
  insertFileChunk,
  insertFileRow,
  markFileAttached,
  readFileChunk,
  type FileRow,
} from './files.repository';

const CHUNK_BYTES = 1 << 20;
/** How much of a signature-less file must be clean UTF-8 text to call it text. */
const TEXT_SNIFF_BYTES = 64 * 1024;
/** An XML prolog, comments and a doctype, then an `<svg>` root. */
const SVG_ROOT =
  /^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i;

export interface StoredFile {
  id: string;
  fileName: string;
  contentType: string;
  bytes: number;
  sha256: string;
  createdAt: string;
  createdByUserId: string | null;
}

const toStoredFile = (row: FileRow): StoredFile => ({
  id: row.id,
  fileName: row.fileName,
  contentType: row.contentType,
  bytes: row.bytes,
  sha256: row.sha256,
  createdAt: row.createdAt.toISOString(),
  createdByUserId: row.createdByUserId,
});

const fileProblem = (code: 'bad_request' | 'payload_too_large' | 'unsupported_media_type', message: string) =>
  new AppError(code, message, { errors: [{ path: 'file', message }] });

const MiB = (n: number) => `${Math.round((n / 1048576) * 10) / 10} MiB`;

/**
 * Streams an upload into the database in 1 MiB pieces (never whole in
 * memory), then reads its type from the content. A file over the limit,
 * empty, or of a type the policy does not allow is refused and nothing of it
 * is kept. The file is stored unattached: the owning module attaches it in
 * its own audited change (`attachFile`), so a file never belongs to a record
 * without an audit entry saying so.
 */
export async function storeFile(
  db: Db,
  ctx: Ctx,
  input: { policy: FilePolicy; fileName: string; body: unknown; maxBytes?: number },
): Promise<StoredFile> {
  const { policy, fileName, body } = input;
  const limit = Math.min(policy.maxBytes, input.maxBytes ?? Infinity);
  if (!(body instanceof Readable)) {
    throw fileProblem('bad_request', 'The request has no file: send its bytes as the body (not JSON)');
  }
  const id = newId();
  await insertFileRow(db, {
    id,
    organizationId: ctx.actor.orgId,
    purpose: policy.purpose,
    fileName,
    contentType: 'application/octet-stream',
    bytes: 0,
    sha256: '',
    createdByUserId: ctx.actor.userId,
  });
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (!pendingBytes) return;
      await insertFileChunk(db, id, seq++, Buffer.concat(pending));
      pending = [];
      pendingBytes = 0;
    };
    for await (const chunk of body as AsyncIterable<Buffer | string>) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += buf.length;
      if (bytes > limit) throw fileProblem('payload_too_large', `The file is larger than ${MiB(limit)}`);
      hash.update(buf);
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    if (!bytes) throw fileProblem('bad_request', 'The file is empty');
    const contentType = await detectType(db, id, fileName);
    if (!contentType || !(contentType in policy.types)) {
      const allowed = [...new Set(Object.values(policy.types))].join(', ');
      throw fileProblem(
        'unsupported_media_type',
        `${contentType ? `A ${contentType} file` : 'This kind of file'} is not accepted here; allowed: ${allowed}`,
      );
    }
    const sha256 = hash.digest('hex');
    await completeFileRow(db, id, { contentType, bytes, sha256 });
    const row = await findFileRow(db, id);
    return toStoredFile(row!);
  } catch (err) {
    await deleteFileRow(db, id);
    // The client may still be sending: drain what is left so the refusal reaches it.
    body.resume();
    throw err;
  }
}

/** The type by the bytes' signature; signature-less text is CSV or plain text by its name. */
async function detectType(q: Queryable, id: string, fileName: string): Promise<string | null> {
  const stream = Readable.toWeb(Readable.from(chunksOf(q, id), { objectMode: false }));
  const detected = await fileTypeFromStream(stream as ReadableStream<Uint8Array>);
  // An SVG with an XML prolog reads as XML by its signature: told apart by its root element below.
  if (detected && !/xml/.test(detected.mime)) return detected.mime;
  const head = await readFileChunk(q, id, 0);
  if (!head) return null;
  const sample = head.subarray(0, TEXT_SNIFF_BYTES);
  if (sample.includes(0)) return detected?.mime ?? null;
  try {
    // A cut in the middle of a character at the sample's end is not a fault of the file.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: sample.length < head.length });
  } catch {
    return detected?.mime ?? null;
  }
  // SVG is XML text with no signature: recognised by its root element, whatever the file is called.
  if (SVG_ROOT.test(sample.toString('utf8'))) return 'image/svg+xml';
  if (detected) return detected.mime;
  return /\.csv$/i.test(fileName) ? 'text/csv' : 'text/plain';
}

async function* chunksOf(q: Queryable, id: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const data = await readFileChunk(q, id, seq);
    if (!data) return;
    yield data;
  }
}

/**
 * Makes an uploaded file part of a record, inside that record's change. Only
 * an unattached file uploaded by the actor's own organization can be
 * attached; anything else answers as if it did not exist.
 */
export async function attachFile(
  tx: Queryable,
  ctx: Ctx,
  fileId: string,
  owner: { ownerType: string; ownerId: string },
): Promise<StoredFile> {
  const row = await markFileAttached(tx, ctx.actor, fileId, owner);
  if (!row) throw notFound('file');
  return toStoredFile(row);
}

/** The file and its content as a stream. The caller has already decided the actor may see the owning record. */
export async function openFile(
  q: Queryable,
  fileId: string,
  owner: { ownerType: string; ownerId: string },
): Promise<{ file: StoredFile; stream: Readable }> {
  const row = await findFileOfOwner(q, fileId, owner);
  if (!row) throw notFound('file');
  return { file: toStoredFile(row), stream: Readable.from(chunksOf(q, fileId), { objectMode: false }) };
}

export async function deleteFile(q: Queryable, fileId: string): Promise<void> {
  await deleteFileRow(q, fileId);
}

/** A download: the detected type, never rendered by the browser as a page of ours. */
export function sendFile(reply: FastifyReply, opened: { file: StoredFile; stream: Readable }) {
  const { file, stream } = opened;
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.bytes))
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(stream);
}

/**
 * Upload routes take the file itself as the body, handed to the service as a
 * stream (never buffered whole); its type is read from the content later, so
 * whatever Content-Type the client claims is accepted here. Call once in the
 * routes plugin that declares upload routes (Fastify scopes parsers to it).
 */
export function binaryBody(app: FastifyInstance) {
  app.addContentTypeParser(['text/plain', 'text/csv', '*'], (_req, payload, done) => done(null, payload));
}

/** The job: uploads never attached within a day are removed. */
export async function deleteAbandonedUploads(db: Db, now = new Date()): Promise<{ deleted: number }> {
  return { deleted: await deleteUnattachedBefore(db, new Date(now.getTime() - 24 * 3600_000)) };
}
