import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  commitImportBody,
  dryRunBody,
  importErrorSchema,
  importListQuery,
  importMappingSchema,
  importSchema,
  importTypeSchema,
  importValuesSchema,
  mappingListQuery,
  saveMappingBody,
  uploadImportQuery,
  valuesBody,
} from '@partnergraph/shared/contracts/imports';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import {
  deleteImport,
  describeTypes,
  getImport,
  listImportErrors,
  listImports,
  rejectedCsv,
} from './imports.service';
import { deleteMapping, listMappings, proposeValues, saveMapping } from './mappings.service';
import { startCommit, startDryRun } from './runs.service';
import { uploadImport } from './uploads.service';

export default async function importRoutes(app: FastifyInstance, { db, config, secrets }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['imports'];
  const access = 'imports:manage' as const;

  // The upload's body is the file itself, handed to the service as a stream (never buffered whole).
  app.addContentTypeParser(['text/csv', 'text/plain', 'application/octet-stream'], (_req, payload, done) =>
    done(null, payload),
  );

  r.get(
    '/imports/types',
    {
      config: { access },
      schema: {
        tags,
        summary: 'What can be imported: each type’s fields, key and dependencies',
        response: { 200: z.object({ items: z.array(importTypeSchema) }) },
      },
    },
    async () => describeTypes(),
  );
  r.post(
    '/imports',
    {
      config: { access, noReplay: true },
      schema: {
        tags,
        summary: 'Upload a CSV file (the request body, `text/csv`)',
        description:
          'The body is the file itself (`Content-Type: text/csv`), streamed into storage; the answer has its header row and a suggested mapping of columns to fields. Limit: IMPORT_MAX_BYTES (413 beyond). A file that is not text in `encoding`, empty, or without a header row answers 400 and nothing is kept.',
        querystring: uploadImportQuery,
        response: { 201: importSchema },
      },
    },
    async (req, reply) => {
      const body = req.body as Readable | undefined;
      if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function')
        throw new AppError(
          'unsupported_media_type',
          'Send the file as the request body with Content-Type: text/csv',
        );
      return reply.code(201).send(await uploadImport(db, req.ctx, req.query, body, config.IMPORT_MAX_BYTES));
    },
  );
  r.get(
    '/imports',
    {
      config: { access },
      schema: {
        tags,
        summary: 'List imports, newest first',
        querystring: paginationQuery.extend(importListQuery.shape),
        response: { 200: pageOf(importSchema) },
      },
    },
    async (req) => {
      const { limit, cursor, ...query } = req.query;
      return listImports(db, req.ctx.actor, query, { limit, cursor });
    },
  );
  r.get(
    '/imports/mappings',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Saved column mappings',
        querystring: mappingListQuery,
        response: { 200: z.object({ items: z.array(importMappingSchema) }) },
      },
    },
    async (req) => listMappings(db, req.query.type),
  );
  r.post(
    '/imports/mappings',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Save a column mapping by name (the same name replaces it)',
        body: saveMappingBody,
        response: { 201: importMappingSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await saveMapping(db, req.ctx, req.body)),
  );
  r.delete(
    '/imports/mappings/:id',
    { config: { access }, schema: { tags, summary: 'Delete a saved mapping', params: idParams } },
    async (req, reply) => {
      await deleteMapping(db, req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );
  r.get(
    '/imports/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'An import, with its progress',
        params: idParams,
        response: { 200: importSchema },
      },
    },
    async (req) => getImport(db, req.params.id, req.ctx.actor),
  );
  r.delete(
    '/imports/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Delete an import’s file and report (the records it imported stay)',
        params: idParams,
      },
    },
    async (req, reply) => {
      await deleteImport(db, req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );
  r.post(
    '/imports/:id/dry-run',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Check every row against the mapping; nothing is imported',
        description:
          'Runs in the background: poll the import for progress. It ends `validated` (no errors: it may be committed) or `invalid` (see /errors). Without `mapping`, the suggested one is used.',
        params: idParams,
        body: dryRunBody,
        response: { 202: importSchema },
      },
    },
    async (req, reply) => reply.code(202).send(await startDryRun(db, req.ctx, req.params.id, req.body)),
  );
  r.post(
    '/imports/:id/values',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The value mapping to confirm before a dry run (nothing is written)',
        description:
          'For each mapped field that takes codes (countries, partner types, statuses): the values of its column that are not codes as written, how many rows have each, and the code each most likely means ("Germany" → DE, "DEU" → DE, "Reseller" → reseller). Send the confirmed mapping as the dry run’s `values`. Reads the whole file.',
        params: idParams,
        body: valuesBody,
        response: { 200: importValuesSchema },
      },
    },
    async (req) => proposeValues(db, req.params.id, req.body),
  );
  r.get(
    '/imports/:id/rejected',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The rows the last dry run rejected, as a CSV file to fix and import again',
        description:
          'The file’s own columns as uploaded, then `Row` (its row in the uploaded file, the header being row 1) and `Error` (what is wrong). Once fixed, it imports like the original: the two added columns are not mapped. 409 before a dry run, or when it rejected nothing.',
        params: idParams,
      },
    },
    async (req, reply) => {
      const { fileName, body } = await rejectedCsv(db, req.params.id);
      // The file's own name may be any text: a plain-ASCII fallback, and the exact name for browsers that read it.
      const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
      reply.header(
        'content-disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      );
      return reply.type('text/csv; charset=utf-8').send(body);
    },
  );
  r.post(
    '/imports/:id/commit',
    {
      config: { access },
      schema: {
        tags,
        summary:
          'Import the rows of a file whose dry run found no errors (or, with onlyValid, its valid rows)',
        description:
          'Runs in the background, in batches of 500 rows, each one transaction. Records are matched by their key (external id, e-mail, …): a re-run updates them, so running it again after an interruption reaches the same end state. With `onlyValid`, the rows the dry run rejected are left out (GET /rejected downloads them to fix and import again).',
        params: idParams,
        body: commitImportBody,
        response: { 202: importSchema },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await startCommit(db, req.ctx, req.params.id, req.body, { secrets, config })),
  );
  r.get(
    '/imports/:id/errors',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The last dry run’s report: every bad row and field, in file order',
        params: idParams,
        querystring: paginationQuery,
        response: { 200: pageOf(importErrorSchema) },
      },
    },
    async (req) => listImportErrors(db, req.params.id, req.query),
  );
}
