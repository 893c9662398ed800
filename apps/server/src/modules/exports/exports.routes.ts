import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '@partnergraph/shared/permissions';
import type { Deps } from '../../lib/deps';
import { csvStream, type ExportResource, jsonStream } from './exports.service';

/** Each export needs the permission that reads its resource; what is exported is what the list shows. */
const resources: Record<ExportResource, Permission> = {
  partners: 'partners:read',
  users: 'users:read',
  enrollments: 'enrollments:read',
  deals: 'deals:read',
  referrals: 'referrals:read',
  connections: 'marketplace:read',
  'fx-rates': 'settings:read',
  leads: 'leads:read',
};

const exportQuery = z.object({ format: z.enum(['csv', 'json']).default('csv') });

export default async function exportRoutes(app: FastifyInstance, { db }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const [resource, access] of Object.entries(resources) as [ExportResource, Permission][]) {
    r.get(
      `/exports/${resource}`,
      {
        config: { access },
        schema: {
          tags: ['exports'],
          summary: `Export ${resource} (CSV or JSON, streamed)`,
          description:
            'Every record the list endpoint would show you, in one download: CSV with a header row (nested fields as dotted columns, lists as JSON) or a JSON array. Streamed page by page, so any size fits.',
          querystring: exportQuery,
        },
      },
      async (req, reply) => {
        const ctx = req.ctx;
        const day = new Date().toISOString().slice(0, 10);
        reply.header('content-disposition', `attachment; filename="${resource}-${day}.${req.query.format}"`);
        if (req.query.format === 'json')
          return reply.type('application/json; charset=utf-8').send(jsonStream(db, ctx, resource));
        return reply.type('text/csv; charset=utf-8').send(csvStream(db, ctx, resource));
      },
    );
  }
}
