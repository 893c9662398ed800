import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../src/lib/actor';
import { FILE_POLICIES } from '../src/modules/files/files.policies';
import { attachFile, deleteAbandonedUploads, openFile, storeFile } from '../src/modules/files/files.service';
import { startTestApp, type TestApp } from './app';
import { buildEcosystem, type Ecosystem } from './ecosystem';

// Files are what funds' claims and the content library keep; their rules are tested here once.
let t: TestApp;
let eco: Ecosystem;

const ctxOf = (user: { id: string; organizationId: string }, role = 'partner_admin'): Ctx => ({
  actor: {
    userId: user.id,
    name: 'x',
    orgId: user.organizationId,
    orgKind: role.startsWith('partner') ? 'partner' : 'vendor',
    role: role as Ctx['actor']['role'],
    via: 'session',
    sessionId: null,
    scope: 'read_write',
  },
  requestId: 'test',
  ip: null,
  userAgent: null,
});

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
// A 1×1 transparent PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
// A Windows executable's header ("MZ" … "PE\0\0").
const exe = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58),
  Buffer.from([64, 0, 0, 0]),
  Buffer.from('PE\0\0'),
  Buffer.alloc(200),
]);

const countFiles = async () =>
  Number((await t.database.db.execute(sql`select count(*)::int as n from files`)).rows[0]!.n);
/** An upload nobody attached yet, read as the tests may: straight from its table. */
const stored = async (id: string) => {
  const rows = (await t.database.db.execute(sql`select id from files where id = ${id}`)).rows;
  if (!rows.length) throw Object.assign(new Error('No such file'), { status: 404 });
  return rows[0];
};
const readAll = async (stream: Readable) => {
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(p as Buffer);
  return Buffer.concat(parts);
};

beforeAll(async () => {
  t = await startTestApp();
  eco = await buildEcosystem(t.database.db);
});
afterAll(() => t.close());

describe('stored files', () => {
  it('reads the type from the content, not the name, and gives back the same bytes', async () => {
    const ctx = ctxOf(eco.aAdmin);
    const file = await storeFile(t.database.db, ctx, {
      policy: FILE_POLICIES.proofOfPerformance,
      fileName: 'invoice.txt',
      body: Readable.from([pdf]),
    });
    expect(file).toMatchObject({
      fileName: 'invoice.txt',
      contentType: 'application/pdf',
      bytes: pdf.length,
    });
    expect(file.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const owner = { ownerType: 'test', ownerId: eco.partnerA.id };
    await attachFile(t.database.db, ctx, file.id, owner);
    const opened = await openFile(t.database.db, file.id, owner);
    expect((await readAll(opened.stream)).equals(pdf)).toBe(true);
  });

  it('streams a file of several pieces in and out unchanged', async () => {
    const big = Buffer.concat([png, Buffer.alloc(3 * 1024 * 1024 + 17, 7)]);
    const file = await storeFile(t.database.db, ctxOf(eco.aAdmin), {
      policy: FILE_POLICIES.contentAsset,
      fileName: 'photo.png',
      // Many small writes, as a network delivers them.
      body: Readable.from(
        Array.from({ length: Math.ceil(big.length / 65536) }, (_, i) =>
          big.subarray(i * 65536, (i + 1) * 65536),
        ),
      ),
    });
    expect(file).toMatchObject({ contentType: 'image/png', bytes: big.length });
    const owner = { ownerType: 'test', ownerId: eco.partnerA.id };
    await attachFile(t.database.db, ctxOf(eco.aAdmin), file.id, owner);
    expect((await readAll((await openFile(t.database.db, file.id, owner)).stream)).equals(big)).toBe(true);
  });

  it('takes CSV and plain text, which carry no signature, by their name', async () => {
    const ctx = ctxOf(eco.aAdmin);
    const csv = await storeFile(t.database.db, ctx, {
      policy: FILE_POLICIES.proofOfPerformance,
      fileName: 'attendees.csv',
      body: Readable.from([Buffer.from('name,email\nZoë,zoe@example.com\n')]),
    });
    expect(csv.contentType).toBe('text/csv');
  });

  it('refuses a type the policy does not allow, an empty body and an oversized file, keeping nothing', async () => {
    const ctx = ctxOf(eco.aAdmin);
    const before = await countFiles();
    await expect(
      storeFile(t.database.db, ctx, {
        policy: FILE_POLICIES.proofOfPerformance,
        fileName: 'invoice.pdf',
        body: Readable.from([exe]),
      }),
    ).rejects.toMatchObject({ status: 415, extra: { errors: [{ path: 'file' }] } });
    await expect(
      storeFile(t.database.db, ctx, {
        policy: FILE_POLICIES.proofOfPerformance,
        fileName: 'random.bin',
        body: Readable.from([Buffer.from([0, 1, 2, 3, 255, 254, 0, 0])]),
      }),
    ).rejects.toMatchObject({ status: 415 });
    await expect(
      storeFile(t.database.db, ctx, {
        policy: FILE_POLICIES.proofOfPerformance,
        fileName: 'empty.pdf',
        body: Readable.from([]),
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      storeFile(t.database.db, ctx, {
        policy: FILE_POLICIES.proofOfPerformance,
        fileName: 'big.pdf',
        body: Readable.from([pdf, Buffer.alloc(4096)]),
        maxBytes: 2048,
      }),
    ).rejects.toMatchObject({ status: 413 });
    expect(await countFiles()).toBe(before);
  });

  it('attaches only an unattached file of the actor’s own organization, once', async () => {
    const file = await storeFile(t.database.db, ctxOf(eco.aAdmin), {
      policy: FILE_POLICIES.proofOfPerformance,
      fileName: 'invoice.pdf',
      body: Readable.from([pdf]),
    });
    const owner = { ownerType: 'test', ownerId: eco.partnerA.id };
    await expect(attachFile(t.database.db, ctxOf(eco.bAdmin), file.id, owner)).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      attachFile(t.database.db, ctxOf(eco.aUser, 'partner_user'), file.id, owner),
    ).resolves.toMatchObject({
      id: file.id,
    });
    await expect(attachFile(t.database.db, ctxOf(eco.aAdmin), file.id, owner)).rejects.toMatchObject({
      status: 404,
    });
    // Opened through another record, the file does not exist.
    await expect(
      openFile(t.database.db, file.id, { ownerType: 'test', ownerId: eco.partnerB.id }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it('removes uploads nobody attached within a day, and only those', async () => {
    const ctx = ctxOf(eco.bAdmin);
    const stale = await storeFile(t.database.db, ctx, {
      policy: FILE_POLICIES.proofOfPerformance,
      fileName: 'a.pdf',
      body: Readable.from([pdf]),
    });
    const kept = await storeFile(t.database.db, ctx, {
      policy: FILE_POLICIES.proofOfPerformance,
      fileName: 'b.pdf',
      body: Readable.from([pdf]),
    });
    await attachFile(t.database.db, ctx, kept.id, { ownerType: 'test', ownerId: eco.partnerB.id });
    const fresh = await storeFile(t.database.db, ctx, {
      policy: FILE_POLICIES.proofOfPerformance,
      fileName: 'c.pdf',
      body: Readable.from([pdf]),
    });
    const tomorrow = new Date(Date.now() + 25 * 3600_000);
    await t.database.db.execute(
      sql`update files set created_at = now() - interval '2 days' where id in (${stale.id}, ${kept.id})`,
    );
    await deleteAbandonedUploads(t.database.db);
    await expect(stored(stale.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      openFile(t.database.db, kept.id, { ownerType: 'test', ownerId: eco.partnerB.id }),
    ).resolves.toBeTruthy();
    await expect(stored(fresh.id)).resolves.toBeTruthy();
    await deleteAbandonedUploads(t.database.db, tomorrow);
    await expect(stored(fresh.id)).rejects.toMatchObject({ status: 404 });
  });
});
