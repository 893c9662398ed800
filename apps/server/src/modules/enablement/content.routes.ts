import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf } from '@partnergraph/shared/contracts/common';
import {
  assetListQuery,
  assetSchema,
  assetVersionSchema,
  collectionDetailSchema,
  collectionSchema,
  createAssetBody,
  createCollectionBody,
  fileNameQuery,
  retireAssetBody,
  updateAssetBody,
  updateCollectionBody,
  usageQuery,
  usageRowSchema,
} from '@partnergraph/shared/contracts/enablement';
import type { Deps } from '../../lib/deps';
import { binaryBody } from '../files/files.service';
import {
  createAsset,
  createCollection,
  downloadAssetFile,
  getAsset,
  getCollection,
  listAssets,
  listAssetVersions,
  listCollections,
  listUsage,
  retireAsset,
  updateAsset,
  updateCollection,
  uploadAssetFile,
} from './content.service';

export default async function contentRoutes(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enablement'];
  binaryBody(app);

  r.get(
    '/content/collections',
    {
      config: { access: 'enablement:read' },
      schema: {
        tags,
        summary: 'Collections of the content library you may read',
        description: 'Partners see the collections of their segments; vendor staff see all.',
        response: { 200: z.object({ items: z.array(collectionSchema) }) },
      },
    },
    async (req) => ({ items: await listCollections(db, req.ctx) }),
  );
  r.post(
    '/content/collections',
    {
      config: { access: 'content:manage' },
      schema: {
        tags,
        summary: 'Create a collection (vendor)',
        body: createCollectionBody,
        response: { 201: collectionSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createCollection(db, req.ctx, req.body)),
  );
  r.get(
    '/content/collections/:id',
    {
      config: { access: 'enablement:read' },
      schema: {
        tags,
        summary: 'A collection with its assets in order',
        description: "A partner sees it if it is for the partner's segments, with the assets it may read.",
        params: idParams,
        response: { 200: collectionDetailSchema },
      },
    },
    async (req) => getCollection(db, req.ctx, req.params.id),
  );
  r.patch(
    '/content/collections/:id',
    {
      config: { access: 'content:manage' },
      schema: {
        tags,
        summary: 'Change a collection: its name, description, audience and assets in order (vendor)',
        description:
          'Carries the `version` you read (409 when stale). `assetIds` lists every asset of the collection in order: one not listed leaves it, one listed joins it.',
        params: idParams,
        body: updateCollectionBody,
        response: { 200: collectionDetailSchema },
      },
    },
    async (req) => updateCollection(db, req.ctx, req.params.id, req.body),
  );
  r.get(
    '/content/assets',
    {
      config: { access: 'enablement:read' },
      schema: {
        tags,
        summary: 'Search the content library, newest first',
        description:
          'A partner sees the assets of its segments until they expire; `fresh=true` lists what is new for you (30 days).',
        querystring: assetListQuery,
        response: { 200: pageOf(assetSchema) },
      },
    },
    async (req) => listAssets(db, req.ctx, req.query),
  );
  r.post(
    '/content/assets',
    {
      config: { access: 'content:manage' },
      schema: {
        tags,
        summary: 'Publish an asset: a link, rich text (Markdown) or a file (vendor)',
        body: createAssetBody,
        response: { 201: assetSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createAsset(db, req.ctx, req.body)),
  );
  r.get(
    '/content/assets/:id',
    {
      config: { access: 'enablement:read' },
      schema: {
        tags,
        summary: 'An asset (counts as a view in the usage analytics)',
        params: idParams,
        response: { 200: assetSchema },
      },
    },
    async (req) => getAsset(db, req.ctx, req.params.id),
  );
  r.patch(
    '/content/assets/:id',
    {
      config: { access: 'content:manage' },
      schema: {
        tags,
        summary: 'Change an asset: a new title, link or text is a new version (vendor)',
        params: idParams,
        body: updateAssetBody,
        response: { 200: assetSchema },
      },
    },
    async (req) => updateAsset(db, req.ctx, req.params.id, req.body),
  );
  r.post(
    '/content/assets/:id/retire',
    {
      config: { access: 'content:manage' },
      schema: {
        tags,
        summary: 'Retire an asset (vendor): partners get 404 and it leaves lists; its versions are kept',
        params: idParams,
        body: retireAssetBody,
        response: { 200: assetSchema },
      },
    },
    async (req) => retireAsset(db, req.ctx, req.params.id, req.body),
  );
  r.get(
    '/content/assets/:id/versions',
    {
      config: { access: 'enablement:read' },
      schema: {
        tags,
        summary: "An asset's versions, newest first",
        params: idParams,
        response: { 200: z.object({ items: z.array(assetVersionSchema) }) },
      },
    },
    async (req) => ({ items: await listAssetVersions(db, req.ctx, req.params.id) }),
  );
  r.get(
    '/content/usage',
    {
      config: { access: 'enablement:read' },
      schema: {
        tags,
        summary: 'Who viewed or downloaded what, per person and partner',
        description: "Vendor staff see the whole ecosystem's; a partner its own people's.",
        querystring: usageQuery,
        response: { 200: z.object({ items: z.array(usageRowSchema) }) },
      },
    },
    async (req) => ({ items: await listUsage(db, req.ctx, req.query) }),
  );
  r.post(
    '/content/assets/:id/file',
    {
      config: { access: 'content:manage' },
      schema: {
        tags,
        summary: "Upload a file asset's file (vendor): the raw bytes as the body",
        description:
          'The type is read from the content (PDF, images, PowerPoint, Word, Excel, MP4, ZIP, CSV, text; 100 MiB at most): another type answers 415, a larger file 413. A second upload is a new version.',
        params: idParams,
        querystring: fileNameQuery,
        body: z.any().meta({ type: 'string', format: 'binary' }),
        response: { 200: assetSchema },
      },
    },
    async (req) =>
      uploadAssetFile(deps, req.ctx, req.params.id, { fileName: req.query.fileName, body: req.body }),
  );
  r.get(
    '/content/assets/:id/download',
    {
      config: { access: 'enablement:read' },
      schema: {
        tags,
        summary: "Download a file asset's file (counts as a download in the usage analytics)",
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
      },
    },
    async (req, reply) => downloadAssetFile(db, req.ctx, req.params.id, req.query.version, reply),
  );
}
