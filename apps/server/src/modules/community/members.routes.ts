import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, pageOf } from '@partnergraph/shared/contracts/common';
import {
  introduceBody,
  memberListQuery,
  memberProfileSchema,
  memberSchema,
  updateMemberProfileBody,
} from '@partnergraph/shared/contracts/community';
import type { Deps } from '../../lib/deps';
import {
  getMember,
  getMemberProfile,
  introduce,
  listMembers as listDirectory,
  updateMemberProfile,
} from './members.service';

export default async function memberRoutes(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['community'];

  r.get(
    '/members',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: 'The member directory: people who opted in',
        querystring: memberListQuery,
        response: { 200: pageOf(memberSchema) },
      },
    },
    async (req) => listDirectory(db, req.ctx, req.query),
  );
  r.get(
    '/members/:id',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: "A member's directory entry",
        params: idParams,
        response: { 200: memberSchema },
      },
    },
    async (req) => getMember(db, req.ctx, req.params.id),
  );
  r.post(
    '/members/:id/introduce',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Introduce me: both of you are notified, with each other’s names and a link',
        params: idParams,
        body: introduceBody,
        response: { 200: memberSchema },
      },
    },
    async (req) => introduce(deps, req.ctx, req.params.id, req.body.message),
  );
  r.get(
    '/me/member-profile',
    {
      config: { access: 'community:read' },
      schema: { tags, summary: 'Your directory entry', response: { 200: memberProfileSchema } },
    },
    async (req) => getMemberProfile(db, req.ctx),
  );
  r.put(
    '/me/member-profile',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Opt in to (or out of) the directory and say what you know',
        body: updateMemberProfileBody,
        response: { 200: memberProfileSchema },
      },
    },
    async (req) => updateMemberProfile(db, req.ctx, req.body),
  );
}
