import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from './config';
import { migrationsApplied, type Db } from './db/client';
import { AppError } from './lib/errors';
import { createMailer, type Mailer } from './lib/mail';
import { loadSecretBox, type SecretBox } from './lib/secrets';
import accessPlugin from './plugins/access';
import authPlugin from './plugins/auth';
import errorsPlugin, { sendProblem } from './plugins/errors';
import idempotencyPlugin from './plugins/idempotency';
import inputGuards from './plugins/input-guards';
import openapiPlugin from './plugins/openapi';
import { registerProviders } from './providers';
import auditRoutes from './modules/audit/audit.routes';
import analyticsRoutes from './modules/analytics/analytics.routes';
import webhookRoutes from './modules/webhooks/webhooks.routes';
import exportRoutes from './modules/exports/exports.routes';
import importRoutes from './modules/imports/imports.routes';
import mailRoutes from './modules/mail/mail.routes';
import { recordEmail } from './modules/mail/mail.service';
import announcementRoutes from './modules/community/announcements.routes';
import commentRoutes from './modules/community/comments.routes';
import eventRoutes from './modules/community/events.routes';
import memberRoutes from './modules/community/members.routes';
import moderationRoutes from './modules/community/moderation.routes';
import postRoutes from './modules/community/posts.routes';
import reactionRoutes from './modules/community/reactions.routes';
import spaceRoutes from './modules/community/spaces.routes';
import notificationRoutes from './modules/notifications/notifications.routes';
import dealRoutes from './modules/deals/deals.routes';
import marketplaceRoutes from './modules/marketplace/marketplace.routes';
import mfaRoutes from './modules/mfa/mfa.routes';
import identityRoutes from './modules/identity/identity.routes';
import invitationRoutes from './modules/identity/invitations.routes';
import tokenRoutes from './modules/identity/tokens.routes';
import organizationRoutes from './modules/organizations/organizations.routes';
import programRoutes from './modules/programs/programs.routes';
import settingsRoutes from './modules/settings/settings.routes';
import brandRoutes from './modules/settings/brand.routes';
import scimAdminRoutes from './modules/scim/scim-admin.routes';
import scimRoutes from './modules/scim/scim.routes';
import mcpRoutes from './modules/mcp/mcp.routes';
import mcpTransport from './modules/mcp/mcp-transport';
import ssoRoutes from './modules/sso/sso.routes';
import mappingRoutes from './modules/mapping/mapping.routes';
import crmRoutes from './modules/crm/crm.routes';
import leadRoutes from './modules/leads/leads.routes';
import contentRoutes from './modules/enablement/content.routes';
import learningRoutes from './modules/enablement/learning.routes';
import certificationRoutes from './modules/enablement/certifications.routes';
import mdfRoutes from './modules/funds/mdf.routes';
import ledgerRoutes from './modules/funds/ledger.routes';
import homeRoutes from './modules/home/home.routes';
import partnerNoteRoutes from './modules/partner-notes/partner-notes.routes';

export interface AppOptions {
  config: Config;
  db: Db;
  /** Defaults to SMTP_URL, or the log when it is unset. */
  mailer?: Mailer;
  /** Defaults to SECRETS_KEY, or the key file in DATA_DIR. */
  secrets?: SecretBox;
  /** Pass false in tests to keep logs quiet. */
  logger?: boolean;
}

/** Every API module, mounted under /api/v1. A new module adds one line here. */
const modules = [
  identityRoutes,
  tokenRoutes,
  mfaRoutes,
  invitationRoutes,
  organizationRoutes,
  programRoutes,
  settingsRoutes,
  brandRoutes,
  dealRoutes,
  analyticsRoutes,
  webhookRoutes,
  exportRoutes,
  importRoutes,
  mailRoutes,
  marketplaceRoutes,
  spaceRoutes,
  postRoutes,
  commentRoutes,
  reactionRoutes,
  moderationRoutes,
  announcementRoutes,
  eventRoutes,
  memberRoutes,
  notificationRoutes,
  auditRoutes,
  scimAdminRoutes,
  ssoRoutes,
  crmRoutes,
  mcpRoutes,
  leadRoutes,
  mappingRoutes,
  contentRoutes,
  learningRoutes,
  certificationRoutes,
  mdfRoutes,
  ledgerRoutes,
  homeRoutes,
  partnerNoteRoutes,
];

export async function buildApp({
  config,
  db,
  mailer,
  secrets,
  logger = true,
}: AppOptions): Promise<FastifyInstance> {
  registerProviders();
  const app = Fastify({
    logger: logger
      ? {
          level: config.LOG_LEVEL,
          redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
        }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy: config.TRUST_PROXY,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  const mail =
    mailer ??
    createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }, app.log, (entry) =>
      recordEmail(db, entry),
    );
  const box = secrets ?? loadSecretBox(config, (message) => app.log.warn(message));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  app.decorate('routeAccess', []);
  await app.register(errorsPlugin);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Partner logos are links to the partners' own sites (https only).
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
  });
  await app.register(cookie);
  await app.register(authPlugin, { db });
  await app.register(openapiPlugin);

  await app.register(
    async (api) => {
      await api.register(accessPlugin);
      await api.register(inputGuards);
      await api.register(idempotencyPlugin, { db });
      for (const mod of modules) await api.register(mod, { db, mailer: mail, config, secrets: box });
      api
        .withTypeProvider<ZodTypeProvider>()
        .get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
          app.swagger(),
        );
    },
    { prefix: '/api/v1' },
  );

  // SCIM 2.0 sits outside /api/v1, where RFC 7644 clients expect it, behind the same gate (access 'scim').
  await app.register(
    async (scim) => {
      await scim.register(accessPlugin);
      await scim.register(inputGuards);
      await scim.register(scimRoutes, { db, mailer: mail, config, secrets: box });
    },
    { prefix: '/scim/v2' },
  );

  // The MCP server's HTTP transport (docs/MCP.md), behind the same gate: an API token connects.
  await app.register(
    async (mcp) => {
      await mcp.register(accessPlugin);
      await mcp.register(mcpTransport, { db, mailer: mail, config, secrets: box });
    },
    { prefix: '/mcp' },
  );

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'The process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  r.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'The database is reachable and migrated',
        response: { 200: z.object({ status: z.literal('ready') }) },
      },
    },
    async () => {
      const ok = await db
        .execute(sql`select 1`)
        .then(() => migrationsApplied(db))
        .catch(() => false);
      if (!ok) throw new AppError('internal', 'The database is not reachable or not migrated');
      return { status: 'ready' as const };
    },
  );

  const indexHtml = path.join(config.webDist, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each asset (scripts/compress-dist.mjs): sent as the browser accepts.
      preCompressed: true,
      setHeaders(res, filePath) {
        // Vite names assets by content hash: a changed file has a new name, so they never need revalidating.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.header('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the web app get its index page whatever the client accepts (curl sends */*);
    // the API and missing build assets stay a plain 404.
    const isPage =
      (req.method === 'GET' || req.method === 'HEAD') &&
      !req.url.startsWith('/api/') &&
      !req.url.startsWith('/assets/');
    if (hasWeb && isPage) return reply.type('text/html').sendFile('index.html');
    return sendProblem(reply, new AppError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`));
  });

  return app;
}
