import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Asset,
  assetListQuery,
  Collection,
  CollectionDetail,
  createAssetBody,
  createCollectionBody,
  retireAssetBody,
  updateAssetBody,
  updateCollectionBody,
} from '@partnergraph/shared/contracts/enablement';
import type { FastifyReply } from 'fastify';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import { isVendor, type Actor, type Ctx } from '../../lib/actor';
import { AppError, conflict, invalid, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { Deps } from '../../lib/deps';
import { findUserById } from '../identity/identity.repository';
import { FILE_POLICIES } from '../files/files.policies';
import { attachFile, deleteFile, openFile, sendFile, storeFile } from '../files/files.service';
import { renderMarkdown } from '../community/markdown';
import { checkSegment, labelSegments } from '../community/segments';
import {
  findAssetById,
  findAssets,
  findAssetVersions,
  findCollectionAssets,
  findCollectionById,
  findCollections,
  findUsage,
  insertUsageEvent,
  placeCollectionAssets,
  updateCollectionRow,
  type AssetRow,
} from './content.repository';
import { contentAssets, contentAssetVersions, contentCollections } from './enablement.tables';

// The content library: collections and assets (links, rich text, files) by segment, each change a new
// version, with an owner and review/expiry dates; partners' views and downloads are its usage analytics.

/** The file's name, type and size are kept beside its id when it is attached: listing needs no second read. */
function fileInfo(r: {
  fileId: string | null;
  fileName: string | null;
  fileContentType: string | null;
  fileBytes: number | null;
}) {
  return r.fileId && r.fileName && r.fileContentType && r.fileBytes !== null
    ? { id: r.fileId, fileName: r.fileName, contentType: r.fileContentType, bytes: r.fileBytes }
    : null;
}

type AssetWithNames = { a: AssetRow; collectionName: string | null; ownerName: string | null };

async function toAssetDtos(q: Queryable, rows: AssetWithNames[]): Promise<Asset[]> {
  const labels = await labelSegments(
    q,
    rows.map((r) => r.a.segment ?? null),
  );
  return rows.map(({ a, collectionName, ownerName }, i) => ({
    id: a.id,
    kind: a.kind,
    title: a.title,
    description: a.description,
    collection: a.collectionId && collectionName ? { id: a.collectionId, name: collectionName } : null,
    url: a.url,
    body: a.body,
    html: a.html,
    file: fileInfo(a),
    segment: labels[i] ?? null,
    owner: a.ownerUserId && ownerName ? { id: a.ownerUserId, name: ownerName } : null,
    reviewOn: a.reviewOn,
    expiresOn: a.expiresOn,
    currentVersion: a.currentVersion,
    version: a.version,
    publishedAt: a.publishedAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    retiredAt: a.retiredAt?.toISOString() ?? null,
  }));
}

export async function listCollections(db: Db, ctx: Ctx): Promise<Collection[]> {
  const rows = await findCollections(db, ctx.actor);
  const labels = await labelSegments(
    db,
    rows.map((r) => r.c.segment ?? null),
  );
  return rows.map(({ c, assetCount }, i) => ({
    id: c.id,
    name: c.name,
    description: c.description,
    segment: labels[i] ?? null,
    assetCount,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
  }));
}

export async function getCollection(db: Queryable, ctx: Ctx, id: string): Promise<CollectionDetail> {
  const c = await findCollectionById(db, ctx.actor, id);
  if (!c) throw notFound('collection');
  const [label] = await labelSegments(db, [c.segment ?? null]);
  const assets = await findCollectionAssets(db, ctx.actor, id);
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    segment: label ?? null,
    assetCount: assets.length,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    assets: assets.map((a) => ({ id: a.id, title: a.title, kind: a.kind })),
  };
}

/**
 * Renames a collection, changes who it is for, and sets its assets in order. A retired asset stays
 * where it was (it is in no list to order); an asset that joins leaves its former collection.
 */
export async function updateCollection(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof updateCollectionBody>,
) {
  await runChange(db, ctx, async (tx, record) => {
    const c = await findCollectionById(tx, ctx.actor, id, true);
    if (!c) throw notFound('collection');
    assertVersion(c, input.version);
    const segment =
      input.segment === undefined
        ? c.segment
        : input.segment
          ? await checkSegment(tx, input.segment, 'body.segment')
          : null;
    const next = { name: input.name ?? c.name, description: input.description ?? c.description, segment };
    const before: Record<string, unknown> = { name: c.name, description: c.description, segment: c.segment };
    const after: Record<string, unknown> = { ...next };
    if (input.assetIds) {
      const errors: { path: string; message: string }[] = [];
      for (const [i, assetId] of input.assetIds.entries()) {
        const found = await findAssetById(tx, ctx.actor, assetId, { forUpdate: true });
        if (!found) errors.push({ path: `body.assetIds.${i}`, message: 'No such asset in the library' });
        else if (found.a.retiredAt)
          errors.push({ path: `body.assetIds.${i}`, message: 'This asset is retired' });
      }
      if (errors.length) throw invalid(errors);
      const current = (await findCollectionAssets(tx, ctx.actor, id)).map((a) => a.id);
      const listed = new Set(input.assetIds);
      const removed = current.filter((a) => !listed.has(a));
      await placeCollectionAssets(tx, id, input.assetIds, removed);
      before.assetIds = current;
      after.assetIds = input.assetIds;
    }
    await updateCollectionRow(tx, id, { ...next, version: c.version + 1 });
    record.audit({
      action: 'content.collection_updated',
      entityType: 'content_collection',
      entityId: id,
      before,
      after,
    });
  });
  return getCollection(db, ctx, id);
}

export async function createCollection(db: Db, ctx: Ctx, input: z.output<typeof createCollectionBody>) {
  const id = await runChange(db, ctx, async (tx, record) => {
    const segment = input.segment ? await checkSegment(tx, input.segment, 'body.segment') : null;
    const id = newId();
    await tx.insert(contentCollections).values({
      id,
      name: input.name,
      description: input.description,
      segment,
      createdByUserId: ctx.actor.userId,
    });
    record.audit({
      action: 'content.collection_created',
      entityType: 'content_collection',
      entityId: id,
      after: { name: input.name, segment },
    });
    return id;
  });
  return (await listCollections(db, ctx)).find((c) => c.id === id)!;
}

/** The fields a kind needs: a link its URL, rich text its body; a file gets its file by upload. */
function checkKindFields(kind: AssetRow['kind'], f: { url?: string | null; body?: string | null }) {
  if (kind === 'link' && !f.url) throw invalid([{ path: 'body.url', message: 'A link needs its URL' }]);
  if (kind === 'rich_text' && !f.body?.trim())
    throw invalid([{ path: 'body.body', message: 'Rich text needs its text' }]);
  if (kind !== 'link' && f.url) throw invalid([{ path: 'body.url', message: `A ${kind} asset has no URL` }]);
  if (kind !== 'rich_text' && f.body)
    throw invalid([{ path: 'body.body', message: `A ${kind} asset has no text` }]);
}

function checkDates(
  reviewOn: string | null | undefined,
  expiresOn: string | null | undefined,
  today: string,
) {
  if (expiresOn && expiresOn <= today)
    throw invalid([{ path: 'body.expiresOn', message: 'The expiry date must be in the future' }]);
  if (reviewOn && expiresOn && reviewOn > expiresOn)
    throw invalid([{ path: 'body.reviewOn', message: 'Review it before it expires' }]);
}

const today = () => new Date().toISOString().slice(0, 10);

export async function createAsset(db: Db, ctx: Ctx, input: z.output<typeof createAssetBody>) {
  checkKindFields(input.kind, input);
  checkDates(input.reviewOn, input.expiresOn, today());
  const id = await runChange(db, ctx, async (tx, record) => {
    if (input.collectionId && !(await findCollectionById(tx, ctx.actor, input.collectionId)))
      throw invalid([{ path: 'body.collectionId', message: 'No such collection' }]);
    const ownerUserId = input.ownerUserId ?? ctx.actor.userId;
    const owner = await findUserById(tx, ctx.actor, ownerUserId);
    if (!owner || owner.organizationId !== ctx.actor.orgId)
      throw invalid([{ path: 'body.ownerUserId', message: 'The owner is one of your own staff' }]);
    const segment = input.segment ? await checkSegment(tx, input.segment, 'body.segment') : null;
    const id = newId();
    const values = {
      title: input.title,
      url: input.url ?? null,
      body: input.body ?? null,
    };
    await tx.insert(contentAssets).values({
      id,
      kind: input.kind,
      collectionId: input.collectionId ?? null,
      description: input.description,
      ...values,
      html: values.body ? renderMarkdown(values.body) : null,
      segment,
      ownerUserId,
      reviewOn: input.reviewOn ?? null,
      expiresOn: input.expiresOn ?? null,
    });
    await tx.insert(contentAssetVersions).values({
      assetId: id,
      number: 1,
      ...values,
      note: 'First version',
      createdByUserId: ctx.actor.userId,
    });
    const after = { kind: input.kind, title: input.title, segment, collectionId: input.collectionId ?? null };
    record.audit({ action: 'content.asset_published', entityType: 'content_asset', entityId: id, after });
    record.event({
      type: 'content.asset_published',
      entityType: 'content_asset',
      entityId: id,
      payload: { id, ...after },
    });
    return id;
  });
  return getAssetDto(db, ctx.actor, id);
}

async function getAssetDto(q: Queryable, actor: Actor, id: string) {
  const row = await findAssetById(q, actor, id);
  if (!row) throw notFound('asset');
  return (await toAssetDtos(q, [row]))[0]!;
}

/** An asset a partner opens counts as a view (not audited: the usage events are the record). */
export async function getAsset(db: Db, ctx: Ctx, id: string) {
  const dto = await getAssetDto(db, ctx.actor, id);
  if (!isVendor(ctx.actor)) {
    await insertUsageEvent(db, {
      id: newId(),
      assetId: id,
      userId: ctx.actor.userId,
      organizationId: ctx.actor.orgId,
      kind: 'view',
    });
  }
  return dto;
}

export async function recordDownload(db: Db, actor: Actor, assetId: string) {
  if (isVendor(actor)) return;
  await insertUsageEvent(db, {
    id: newId(),
    assetId,
    userId: actor.userId,
    organizationId: actor.orgId,
    kind: 'download',
  });
}

export async function listAssets(db: Db, ctx: Ctx, query: z.output<typeof assetListQuery>) {
  const page = await findAssets(
    db,
    ctx.actor,
    { q: query.q, collectionId: query.collectionId, kind: query.kind, fresh: query.fresh === 'true' },
    query,
  );
  return { items: await toAssetDtos(db, page.items), nextCursor: page.nextCursor };
}

/** Any change of what the asset says (title, link, text) is a new version; dates and audience are not. */
export async function updateAsset(db: Db, ctx: Ctx, id: string, input: z.output<typeof updateAssetBody>) {
  await runChange(db, ctx, async (tx, record) => {
    const row = await findAssetById(tx, ctx.actor, id, { forUpdate: true });
    if (!row) throw notFound('asset');
    const a = row.a;
    assertVersion(a, input.version);
    const next = {
      title: input.title ?? a.title,
      url: input.url !== undefined ? input.url : a.url,
      body: input.body !== undefined ? input.body : a.body,
    };
    checkKindFields(a.kind, next);
    const reviewOn = input.reviewOn !== undefined ? input.reviewOn : a.reviewOn;
    const expiresOn = input.expiresOn !== undefined ? input.expiresOn : a.expiresOn;
    checkDates(reviewOn, input.expiresOn ?? null, today());
    const segment =
      input.segment === undefined
        ? a.segment
        : input.segment
          ? await checkSegment(tx, input.segment, 'body.segment')
          : null;
    const changed = next.title !== a.title || next.url !== a.url || next.body !== a.body;
    const currentVersion = changed ? a.currentVersion + 1 : a.currentVersion;
    await tx
      .update(contentAssets)
      .set({
        ...next,
        html: next.body ? renderMarkdown(next.body) : null,
        description: input.description ?? a.description,
        segment,
        reviewOn,
        expiresOn,
        currentVersion,
        version: a.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(contentAssets.id, id));
    if (changed) {
      await tx.insert(contentAssetVersions).values({
        assetId: id,
        number: currentVersion,
        ...next,
        fileId: a.fileId,
        fileName: a.fileName,
        fileContentType: a.fileContentType,
        fileBytes: a.fileBytes,
        note: input.note ?? '',
        createdByUserId: ctx.actor.userId,
      });
    }
    record.audit({
      action: 'content.asset_updated',
      entityType: 'content_asset',
      entityId: id,
      before: {
        title: a.title,
        url: a.url,
        segment: a.segment,
        reviewOn: a.reviewOn,
        expiresOn: a.expiresOn,
      },
      after: { title: next.title, url: next.url, segment, reviewOn, expiresOn, currentVersion },
    });
  });
  return getAssetDto(db, ctx.actor, id);
}

/**
 * Retires an asset: its row and versions stay (the record of what partners were given), but partners get
 * 404 on it and its file, and it leaves lists, search and "new for you". Retiring is final.
 */
export async function retireAsset(db: Db, ctx: Ctx, id: string, input: z.output<typeof retireAssetBody>) {
  await runChange(db, ctx, async (tx, record) => {
    const row = await findAssetById(tx, ctx.actor, id, { forUpdate: true });
    if (!row) throw notFound('asset');
    const a = row.a;
    assertVersion(a, input.version);
    if (a.retiredAt) throw conflict('This asset is already retired');
    const retiredAt = new Date();
    await tx
      .update(contentAssets)
      .set({ retiredAt, version: a.version + 1, updatedAt: retiredAt })
      .where(eq(contentAssets.id, id));
    record.audit({
      action: 'content.asset_retired',
      entityType: 'content_asset',
      entityId: id,
      before: { retiredAt: null },
      after: { retiredAt: retiredAt.toISOString(), title: a.title },
    });
  });
  return getAssetDto(db, ctx.actor, id);
}

export async function listAssetVersions(db: Db, ctx: Ctx, id: string) {
  if (!(await findAssetById(db, ctx.actor, id))) throw notFound('asset');
  const rows = await findAssetVersions(db, id);
  return rows.map(({ v, createdByName }) => ({
    number: v.number,
    title: v.title,
    url: v.url,
    body: v.body,
    file: fileInfo(v),
    note: v.note,
    createdBy: v.createdByUserId && createdByName ? { id: v.createdByUserId, name: createdByName } : null,
    createdAt: v.createdAt.toISOString(),
  }));
}

export async function listUsage(
  db: Db,
  ctx: Ctx,
  f: { assetId?: string | undefined; partnerId?: string | undefined },
) {
  const rows = await findUsage(db, ctx.actor, f);
  return rows.map((r) => ({
    asset: { id: r.asset_id, name: r.asset_title },
    organization: { id: r.org_id, name: r.org_name },
    person: { id: r.user_id, name: r.user_name },
    views: r.views,
    downloads: r.downloads,
    lastAt: new Date(r.last_at).toISOString(),
  }));
}

const ownerOf = (assetId: string) => ({ ownerType: 'content_asset', ownerId: assetId });

/**
 * A file asset's file, as the raw request body. The asset is checked first (visible, a file asset),
 * then the body streamed and its type read from the content; a refused type or size keeps nothing. A
 * second upload is the asset's next version (the earlier file stays with its version).
 */
export async function uploadAssetFile(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: { fileName: string; body: unknown },
) {
  const { db } = deps;
  const found = await findAssetById(db, ctx.actor, id);
  if (!found) throw notFound('asset');
  if (found.a.kind !== 'file')
    throw new AppError('unprocessable', `A ${found.a.kind.replace('_', ' ')} asset has no file`);
  const stored = await storeFile(db, ctx, {
    policy: FILE_POLICIES.contentAsset,
    fileName: input.fileName,
    body: input.body,
    maxBytes: deps.config.FILE_MAX_BYTES,
  });
  try {
    await runChange(db, ctx, async (tx, record) => {
      const row = await findAssetById(tx, ctx.actor, id, { forUpdate: true });
      if (!row) throw notFound('asset');
      const a = row.a;
      await attachFile(tx, ctx, stored.id, ownerOf(id));
      // The first file completes version 1; a later one is a new version.
      const first = a.fileId === null;
      const currentVersion = first ? a.currentVersion : a.currentVersion + 1;
      const file = {
        fileId: stored.id,
        fileName: stored.fileName,
        fileContentType: stored.contentType,
        fileBytes: stored.bytes,
      };
      await tx
        .update(contentAssets)
        .set({ ...file, currentVersion, version: a.version + 1, updatedAt: new Date() })
        .where(eq(contentAssets.id, id));
      if (first) {
        await tx
          .update(contentAssetVersions)
          .set(file)
          .where(
            and(eq(contentAssetVersions.assetId, id), eq(contentAssetVersions.number, a.currentVersion)),
          );
      } else {
        await tx.insert(contentAssetVersions).values({
          assetId: id,
          number: currentVersion,
          title: a.title,
          ...file,
          note: `New file: ${stored.fileName}`,
          createdByUserId: ctx.actor.userId,
        });
      }
      record.audit({
        action: 'content.asset_file_uploaded',
        entityType: 'content_asset',
        entityId: id,
        before: { fileId: a.fileId },
        after: {
          fileId: stored.id,
          fileName: stored.fileName,
          contentType: stored.contentType,
          bytes: stored.bytes,
          currentVersion,
        },
      });
    });
  } catch (err) {
    await deleteFile(db, stored.id);
    throw err;
  }
  return getAssetDto(db, ctx.actor, id);
}

/** Streams a file asset's current file (or an earlier version's) to someone who may see the asset. */
export async function downloadAssetFile(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number | undefined,
  reply: FastifyReply,
) {
  const found = await findAssetById(db, ctx.actor, id);
  if (!found) throw notFound('asset');
  let fileId = found.a.fileId;
  if (version !== undefined && version !== found.a.currentVersion) {
    const versions = await findAssetVersions(db, id);
    fileId = versions.find((v) => v.v.number === version)?.v.fileId ?? null;
  }
  if (!fileId) throw notFound('file');
  const opened = await openFile(db, fileId, ownerOf(id));
  await recordDownload(db, ctx.actor, id);
  return sendFile(reply, opened);
}
