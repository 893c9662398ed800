import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEntrySchema, auditFacetsSchema, auditListQuery } from '@partnergraph/shared/contracts/audit';
import { pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import type { Deps } from '../../lib/deps';
import { listAuditEntries, listAuditFacets } from './audit.service';

export default async function auditRoutes(app: FastifyInstance, { db }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/audit-log',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Read the audit log, newest first',
        description:
          'Every state change with its actor, before and after, and in words: the action, the kind of record, and the people, organizations and records by name (a record you may not open keeps its id only). Filter by `actorUserId`, `organizationId` and `action` with the values `GET /audit-log/facets` offers. Read-only: entries are never edited or deleted.',
        querystring: auditListQuery.extend(paginationQuery.shape),
        response: { 200: pageOf(auditEntrySchema) },
      },
    },
    async (req) => listAuditEntries(db, req.ctx, req.query, req.query),
  );

  r.get(
    '/audit-log/facets',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: "The audit log's filter choices",
        description:
          'The actions and kinds of record in the log, in words, and the people and organizations who made changes: what the filters of GET /audit-log are picked from.',
        response: { 200: auditFacetsSchema },
      },
    },
    async (req) => listAuditFacets(db, req.ctx),
  );
}
