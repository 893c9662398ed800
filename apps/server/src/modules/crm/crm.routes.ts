import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, idSchema, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  createCrmConnectionBody,
  crmCallbackBody,
  crmConnectionSchema,
  crmConnectResultSchema,
  crmDescribeSchema,
  crmLinkSchema,
  crmLinksQuery,
  crmObject,
  crmRunRecordSchema,
  crmRunRecordsQuery,
  crmRunSchema,
  crmVersionBody,
  reconnectCrmBody,
  resolveLinkBody,
  saveMappingsBody,
  startRunBody,
  updateCrmConnectionBody,
} from '@partnergraph/shared/contracts/crm';
import type { Deps } from '../../lib/deps';
import {
  completeCrmOAuth,
  createCrmConnection,
  connectionDto,
  deleteCrmConnection,
  listCrmConnections,
  loadConnection,
  reconnectCrm,
  setCrmPaused,
  testCrmConnection,
  updateCrmConnection,
} from './crm-connections.service';
import {
  describeCrmObject,
  getCrmRun,
  listCrmLinks,
  listCrmRunRecords,
  listCrmRuns,
  requestRun,
  resolveCrmLink,
  saveCrmMappings,
} from './crm.service';

export default async function crmRoutes(app: FastifyInstance, { db, secrets, config }: Deps) {
  // SSRF: CRM addresses on private networks only where the operator allows them (docs/CRM.md).
  const allowPrivate = config.CRM_ALLOW_PRIVATE;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['crm'];
  const access = 'crm:manage' as const;
  const runParams = z.object({ id: idSchema, runId: idSchema });

  r.get(
    '/crm/connections',
    {
      config: { access },
      schema: {
        tags,
        summary: 'List CRM connections',
        response: { 200: z.object({ items: z.array(crmConnectionSchema) }) },
      },
    },
    async (req) => listCrmConnections(db, req.ctx.actor),
  );
  r.post(
    '/crm/connections',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Connect a CRM',
        description:
          'OAuth (web-server flow with PKCE): answers `authorizeUrl`; send the person there, and post the code the CRM returns to `/crm/connections/oauth-callback`. JWT bearer: connects at once. A credential the CRM refuses answers 422 with the CRM’s own message. Secrets and tokens are stored sealed.',
        body: createCrmConnectionBody,
        response: { 201: crmConnectResultSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createCrmConnection(db, secrets, req.ctx, req.body, allowPrivate)),
  );
  r.post(
    '/crm/connections/oauth-callback',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Finish connecting: trade the code the CRM returned for tokens',
        body: crmCallbackBody,
        response: { 200: crmConnectionSchema },
      },
    },
    async (req) => completeCrmOAuth(db, secrets, req.ctx, req.body, allowPrivate),
  );
  r.get(
    '/crm/connections/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Get a CRM connection',
        params: idParams,
        response: { 200: crmConnectionSchema },
      },
    },
    async (req) => connectionDto(await loadConnection(db, req.ctx.actor, req.params.id)),
  );
  r.patch(
    '/crm/connections/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Change a connection’s name, API budget share or sync interval',
        params: idParams,
        body: updateCrmConnectionBody,
        response: { 200: crmConnectionSchema },
      },
    },
    async (req) => updateCrmConnection(db, req.ctx, req.params.id, req.body),
  );
  r.delete(
    '/crm/connections/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Disconnect: forget the tokens, links and log of a connection',
        params: idParams,
      },
    },
    async (req, reply) => {
      await deleteCrmConnection(db, req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );
  r.post(
    '/crm/connections/:id/test',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Test the connection: the org it reaches and the API budget used',
        params: idParams,
        response: {
          200: z.object({
            ok: z.boolean(),
            remoteAccountId: z.string(),
            remoteName: z.string(),
            apiUsage: z.object({ used: z.number(), max: z.number(), observedAt: z.string() }).nullable(),
          }),
        },
      },
    },
    async (req) => testCrmConnection(db, secrets, req.ctx.actor, req.params.id, allowPrivate),
  );
  r.post(
    '/crm/connections/:id/reconnect',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Grant access again (after a revoked or expired grant)',
        description:
          'OAuth: answers `authorizeUrl` to send the person to again. JWT bearer: a new assertion at once. HubSpot private app: the new token in `token`.',
        params: idParams,
        body: reconnectCrmBody,
        response: { 200: crmConnectResultSchema },
      },
    },
    async (req) => reconnectCrm(db, secrets, req.ctx, req.params.id, req.body, allowPrivate),
  );
  r.get(
    '/crm/connections/:id/schema',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The CRM’s fields for one object, as its describe answers (for the mapping screen)',
        params: idParams,
        querystring: z.object({ object: crmObject }),
        response: { 200: crmDescribeSchema },
      },
    },
    async (req) =>
      describeCrmObject(db, secrets, req.ctx.actor, req.params.id, req.query.object, allowPrivate),
  );
  r.put(
    '/crm/connections/:id/mappings',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Save the field mappings',
        description:
          'Checked against the CRM’s described schema: a field the CRM lacks, or of the wrong type, answers 400 naming it.',
        params: idParams,
        body: saveMappingsBody,
        response: { 200: crmConnectionSchema },
      },
    },
    async (req) => saveCrmMappings(db, secrets, req.ctx, req.params.id, req.body, allowPrivate),
  );
  for (const [verb, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    r.post(
      `/crm/connections/:id/${verb}`,
      {
        config: { access },
        schema: {
          tags,
          summary: paused ? 'Pause sync (a run in progress stops at its next page)' : 'Resume sync',
          params: idParams,
          body: crmVersionBody,
          response: { 200: crmConnectionSchema },
        },
      },
      async (req) => setCrmPaused(db, req.ctx, req.params.id, req.body.version, paused),
    );
  }
  r.post(
    '/crm/connections/:id/dry-run',
    {
      config: { access },
      schema: {
        tags,
        summary:
          'Queue a dry run: what a sync would change (accounts linked, opportunities created), changing nothing',
        params: idParams,
        response: { 202: crmRunSchema },
      },
    },
    async (req, reply) => reply.code(202).send(await requestRun(db, req.ctx, req.params.id, 'dry_run')),
  );
  r.post(
    '/crm/connections/:id/runs',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Queue a sync run (or a retry of the records that failed)',
        description:
          'The first sync needs a completed dry run. One run at a time per connection: asking again while one waits returns it.',
        params: idParams,
        body: startRunBody,
        response: { 202: crmRunSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(202)
        .send(
          await requestRun(
            db,
            req.ctx,
            req.params.id,
            req.body.retryFailed ? 'retry' : 'sync',
            req.body.recordIds ?? null,
          ),
        ),
  );
  r.get(
    '/crm/connections/:id/runs',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The sync log: runs, newest first',
        params: idParams,
        querystring: paginationQuery,
        response: { 200: pageOf(crmRunSchema) },
      },
    },
    async (req) => listCrmRuns(db, req.ctx.actor, req.params.id, req.query),
  );
  r.get(
    '/crm/connections/:id/runs/:runId',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One run with its progress and counts',
        params: runParams,
        response: { 200: crmRunSchema },
      },
    },
    async (req) => getCrmRun(db, req.ctx.actor, req.params.id, req.params.runId),
  );
  r.get(
    '/crm/connections/:id/runs/:runId/records',
    {
      config: { access },
      schema: {
        tags,
        summary: 'A run’s record changes (before/after) and record errors (field and message)',
        params: runParams,
        querystring: crmRunRecordsQuery,
        response: { 200: pageOf(crmRunRecordSchema) },
      },
    },
    async (req) => listCrmRunRecords(db, req.ctx.actor, req.params.id, req.params.runId, req.query),
  );
  r.get(
    '/crm/links',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The review queue: remote records the matcher would not link alone',
        querystring: crmLinksQuery,
        response: { 200: pageOf(crmLinkSchema) },
      },
    },
    async (req) => listCrmLinks(db, req.ctx.actor, req.query),
  );
  r.post(
    '/crm/links/:id/resolve',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Decide a match: link to a partner, or leave the record unlinked',
        params: idParams,
        body: resolveLinkBody,
        response: { 200: crmLinkSchema },
      },
    },
    async (req) => resolveCrmLink(db, req.ctx, req.params.id, req.body),
  );
}
