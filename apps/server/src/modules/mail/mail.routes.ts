import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  emailDetailSchema,
  emailSchema,
  unsubscribeQuery,
  unsubscribeResponse,
} from '@partnergraph/shared/contracts/mail';
import type { Deps } from '../../lib/deps';
import { escapeHtml } from '../../lib/mail';
import { setDigestDeps } from './digest.service';
import { getEmail, listEmails } from './mail.service';
import { brandOf } from './layout';
import { siteOf, type Site } from './templates';
import { unsubscribe } from './unsubscribe';

export default async function mailRoutes(app: FastifyInstance, { db, mailer, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['email'];
  const site = siteOf(config);
  setDigestDeps({ mailer, site, log: app.log });
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
    async (req) => listEmails(db, req.ctx.actor, req.query),
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
    async (req) => getEmail(db, req.ctx.actor, req.params.id),
  );
  r.get(
    '/unsubscribe',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Turn the daily digest off, from the link at the foot of a digest',
        description:
          'The token is signed for one user and one purpose; any invalid token answers 400 alike. Idempotent: a second click answers the same. A browser (Accept: text/html) gets a short HTML page saying so, any other client this JSON.',
        querystring: unsubscribeQuery,
        response: { 200: unsubscribeResponse },
      },
    },
    async (req, reply) => {
      const done = await unsubscribe(db, { requestId: req.id, ip: req.ip ?? null }, req.query.token);
      // People click this in their mail program: they get a page, not JSON. (The
      // response schema types the JSON answer; a string with its own type skips the serializer.)
      if ((req.headers.accept ?? '').includes('text/html')) {
        return (reply as FastifyReply)
          .type('text/html; charset=utf-8')
          .send(confirmationPage(site, done.message));
      }
      return done;
    },
  );
}

function confirmationPage(site: Site, message: string) {
  const brand = brandOf(site);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Unsubscribed · ${escapeHtml(brand)}</title></head>
<body style="font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;max-width:560px;margin:64px auto;padding:0 16px;line-height:1.5;color:#212529">
<h1 style="font-size:22px">Unsubscribed</h1>
<p>${escapeHtml(message)}</p>
<p><a href="${escapeHtml(site.url)}">Open ${escapeHtml(brand)}</a></p>
</body></html>`;
}
