import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEntrySchema, auditListQuery } from '@partnergraph/shared/contracts/audit';
import { pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import type { Deps } from '../../lib/deps';
import { listAuditEntries } from './audit.service';

export default async function auditRoutes(app: FastifyInstance, { db }: Deps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit-log',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Read the audit log, newest first',
        description:
          'Every state change with its actor, before and after. Read-only: entries are never edited or deleted.',
        querystring: auditListQuery.extend(paginationQuery.shape),
        response: { 200: pageOf(auditEntrySchema) },
      },
    },
    async (req) => listAuditEntries(db, req.ctx, req.query, req.query),
  );
}
