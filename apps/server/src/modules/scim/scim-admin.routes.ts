import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '@partnergraph/shared/contracts/common';
import {
  createdScimTokenSchema,
  createScimTokenBody,
  scimRoleMappingsBody,
  scimRoleMappingsSchema,
  scimTokensSchema,
} from '@partnergraph/shared/contracts/scim';
import type { Deps } from '../../lib/deps';
import { getRoleMappings, putRoleMappings } from './scim-settings.service';
import { createScimToken, listScimTokens, revokeScimToken } from './scim-tokens.service';

/** The organization admin's SCIM settings, under /api/v1. The protocol itself is scim.routes.ts. */
export default async function scimAdminRoutes(app: FastifyInstance, { db, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/scim/tokens',
    {
      config: { access: 'scim:manage' },
      schema: {
        tags: ['scim'],
        summary: "Your organization's SCIM tokens, with last use, and the SCIM base URL",
        response: { 200: scimTokensSchema },
      },
    },
    async (req) => listScimTokens(db, req.ctx, config),
  );

  r.post(
    '/scim/tokens',
    {
      config: { access: 'scim:manage', noReplay: true },
      schema: {
        tags: ['scim'],
        summary: 'Create a SCIM token for your identity provider',
        description:
          "The token provisions your organization's people at /scim/v2. The secret is in this response only; it is stored hashed. Create it from a signed-in session.",
        body: createScimTokenBody,
        response: { 201: createdScimTokenSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createScimToken(db, req.ctx, req.body)),
  );

  r.delete(
    '/scim/tokens/:id',
    {
      config: { access: 'scim:manage' },
      schema: {
        tags: ['scim'],
        summary: 'Revoke a SCIM token at once',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await revokeScimToken(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/scim/role-mappings',
    {
      config: { access: 'scim:manage' },
      schema: {
        tags: ['scim'],
        summary: 'Group → role mappings, and the groups your identity provider pushed with their role',
        response: { 200: scimRoleMappingsSchema },
      },
    },
    async (req) => getRoleMappings(db, req.ctx),
  );

  r.put(
    '/scim/role-mappings',
    {
      config: { access: 'scim:manage' },
      schema: {
        tags: ['scim'],
        summary: 'Replace the group → role mappings',
        description:
          'A group maps to a role by this list (group names in any case), or else by its own name ("Partner admin", "Channel manager"…). People in a group whose role changes get it at once.',
        body: scimRoleMappingsBody,
        response: { 200: scimRoleMappingsSchema },
      },
    },
    async (req) => putRoleMappings(db, req.ctx, req.body),
  );
}
