import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileNameQuery } from '@partnergraph/shared/contracts/files';
import { brandSchema, updateBrandBody } from '@partnergraph/shared/contracts/settings';
import type { Deps } from '../../lib/deps';
import { binaryBody } from '../files/files.service';
import {
  getBrand,
  openBrandLogo,
  removeBrandLogo,
  sendLogo,
  setBrandLogo,
  updateBrand,
} from './brand.service';

export default async function brandRoutes(app: FastifyInstance, { db }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['settings'];
  binaryBody(app);
  // The e-mails carry the brand from the first message on (mail/layout.ts).
  // A server built without a database (the OpenAPI writer) starts all the same: mail keeps the defaults.
  app.addHook('onReady', async () => {
    await getBrand(db).catch((err: unknown) => app.log.warn({ err }, 'The brand was not loaded for e-mails'));
  });

  r.get(
    '/brand',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The vendor’s brand: name, colour, logo and support contact (no sign-in)',
        description: 'What the app, the public locator, the application form and the e-mails show.',
        response: { 200: brandSchema },
      },
    },
    async () => getBrand(db),
  );
  r.patch(
    '/brand',
    {
      config: { access: 'settings:manage' },
      schema: {
        tags,
        summary: 'Change the vendor’s brand',
        description:
          'A primary colour white text cannot be read on at WCAG AA (4.5:1) is refused (400, naming `primaryColor`).',
        body: updateBrandBody,
        response: { 200: brandSchema },
      },
    },
    async (req) => updateBrand(db, req.ctx, req.body),
  );
  r.post(
    '/brand/logo',
    {
      config: { access: 'settings:manage', noReplay: true },
      schema: {
        tags,
        summary: 'Set the logo (the file is the request body)',
        description:
          'The body is the image itself, any Content-Type; its type is read from the content: PNG, JPEG, WebP or SVG (415 otherwise), 1 MiB at most (413). Replaces the previous logo.',
        querystring: fileNameQuery,
        response: { 201: brandSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await setBrandLogo(db, req.ctx, req.query.fileName, req.body as Readable | undefined)),
  );
  r.delete(
    '/brand/logo',
    {
      config: { access: 'settings:manage' },
      schema: { tags, summary: 'Remove the logo', response: { 200: brandSchema } },
    },
    async (req) => removeBrandLogo(db, req.ctx),
  );
  r.get(
    '/brand/logo',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The logo image (no sign-in; 404 when none is set)',
        querystring: z.object({ v: z.string().max(64).optional() }),
      },
    },
    async (_req, reply) => sendLogo(reply, await openBrandLogo(db)),
  );
}
