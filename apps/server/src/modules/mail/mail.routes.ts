import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import { emailDetailSchema, emailSchema } from '@partnergraph/shared/contracts/mail';
import type { Deps } from '../../lib/deps';
import { getEmail, listEmails } from './mail.service';

export default async function mailRoutes(app: FastifyInstance, { db }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['email'];
  r.get(
    '/emails',
    {
      config: { access: 'emails:read' },
      schema: {
        tags,
        summary:
          'The email outbox: every message sent (or, without SMTP_URL, written to the log), newest first',
        querystring: paginationQuery,
        response: { 200: pageOf(emailSchema) },
      },
    },
    async (req) => listEmails(db, req.query),
  );
  r.get(
    '/emails/:id',
    {
      config: { access: 'emails:read' },
      schema: {
        tags,
        summary: 'One email; its text and HTML are kept only when it was written to the log (no SMTP_URL)',
        params: idParams,
        response: { 200: emailDetailSchema },
      },
    },
    async (req) => getEmail(db, req.params.id),
  );
}
