import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '@partnergraph/shared/contracts/common';
import {
  createdTokenSchema,
  createTokenBody,
  sessionSchema,
  tokenSchema,
} from '@partnergraph/shared/contracts/identity';
import type { Deps } from '../../lib/deps';
import { createToken, endSession, listSessions, listTokens, revokeToken } from './tokens.service';

export default async function tokenRoutes(app: FastifyInstance, { db }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/me/sessions',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Your active sessions (device, address, last seen)',
        response: { 200: z.object({ items: z.array(sessionSchema) }) },
      },
    },
    async (req) => listSessions(db, req.ctx),
  );

  r.delete(
    '/me/sessions/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'End one of your sessions at once',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await endSession(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/tokens',
    {
      config: { access: 'tokens:manage' },
      schema: {
        tags: ['tokens'],
        summary: 'Your API tokens, with last use',
        response: { 200: z.object({ items: z.array(tokenSchema) }) },
      },
    },
    async (req) => listTokens(db, req.ctx),
  );

  r.post(
    '/tokens',
    {
      config: { access: 'tokens:manage', noReplay: true },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token',
        description:
          'The token acts with your role and organization, narrowed to its scope. The secret is in this response only; it is stored hashed. Tokens cannot create tokens: call this from a signed-in session.',
        body: createTokenBody,
        response: { 201: createdTokenSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createToken(db, req.ctx, req.body)),
  );

  r.delete(
    '/tokens/:id',
    {
      config: { access: 'tokens:manage' },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token at once',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await revokeToken(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
