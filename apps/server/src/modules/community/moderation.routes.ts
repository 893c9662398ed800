import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, pageOf } from '@partnergraph/shared/contracts/common';
import {
  reportBody,
  reportListQuery,
  reportSchema,
  resolveReportBody,
} from '@partnergraph/shared/contracts/community';
import type { Deps } from '../../lib/deps';
import { listReports, reportContent, resolveReport } from './moderation.service';

export default async function moderationRoutes(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['community'];

  r.post(
    '/reports',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: "Report a post or comment to the space's moderators",
        body: reportBody,
        response: { 201: reportSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await reportContent(deps, req.ctx, req.body)),
  );
  r.get(
    '/reports',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: 'The moderation queue: reports in the spaces you moderate',
        description: 'Vendor admins and channel managers see every space; others only those they moderate.',
        querystring: reportListQuery,
        response: { 200: pageOf(reportSchema) },
      },
    },
    async (req) => listReports(db, req.ctx, req.query),
  );
  r.post(
    '/reports/:id/resolve',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Close a report: resolved (action taken) or dismissed',
        params: idParams,
        body: resolveReportBody,
        response: { 200: reportSchema },
      },
    },
    async (req) => resolveReport(db, req.ctx, req.params.id, req.body),
  );
}
