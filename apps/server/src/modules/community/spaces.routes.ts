import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  createSpaceBody,
  inviteMembersBody,
  memberRoleBody,
  moderationEntrySchema,
  spaceListQuery,
  spaceMemberSchema,
  spaceSchema,
  spaceUserParams,
  suspendMemberBody,
  updateSpaceBody,
} from '@partnergraph/shared/contracts/community';
import type { Deps } from '../../lib/deps';
// The community's engagement sources register when the community's routes load.
import { items, none } from './route-schemas';
import { moderationLog } from './moderation.service';
import {
  inviteMembers,
  invitable,
  listMembers,
  mentionable,
  setMemberRole,
  suspendMember,
} from './space-members.service';
import { createSpace, getSpace, joinSpace, leaveSpace, listSpaces, updateSpace } from './spaces.service';

const mentionQuery = z.object({ q: z.string().trim().max(100).optional() });
const memberQuery = paginationQuery.extend({ q: z.string().trim().max(100).optional() });

export default async function spaceRoutes(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['community'];

  r.get(
    '/spaces',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: 'Spaces open to you',
        description:
          'Open spaces, the segment spaces your organization falls in, and private spaces you were invited to; vendor staff see all, archived ones too.',
        querystring: spaceListQuery,
        response: { 200: pageOf(spaceSchema) },
      },
    },
    async (req) => listSpaces(db, req.ctx, req.query),
  );
  r.post(
    '/spaces',
    {
      config: { access: 'spaces:manage' },
      schema: {
        tags,
        summary: 'Create a space (vendor)',
        description: 'open: every partner; segment: partners matching the segment; private: by invitation.',
        body: createSpaceBody,
        response: { 201: spaceSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createSpace(db, req.ctx, req.body)),
  );
  r.get(
    '/spaces/:id',
    {
      config: { access: 'community:read' },
      schema: { tags, summary: 'A space', params: idParams, response: { 200: spaceSchema } },
    },
    async (req) => getSpace(db, req.ctx, req.params.id),
  );
  r.patch(
    '/spaces/:id',
    {
      config: { access: 'spaces:manage' },
      schema: {
        tags,
        summary: 'Rename, describe, re-segment or archive a space (vendor)',
        params: idParams,
        body: updateSpaceBody,
        response: { 200: spaceSchema },
      },
    },
    async (req) => updateSpace(db, req.ctx, req.params.id, req.body),
  );
  r.post(
    '/spaces/:id/join',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Join a space (private ones: accept the invitation)',
        params: idParams,
        response: { 200: spaceSchema },
      },
    },
    async (req) => joinSpace(db, req.ctx, req.params.id),
  );
  r.post(
    '/spaces/:id/leave',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Leave a space',
        description: 'No body: after leaving a private space you no longer see it.',
        params: idParams,
        response: none,
      },
    },
    async (req, reply) => {
      await leaveSpace(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/spaces/:id/members',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: "A space's members",
        description: 'Moderators also see invitations and suspensions.',
        params: idParams,
        querystring: memberQuery,
        response: { 200: pageOf(spaceMemberSchema) },
      },
    },
    async (req) => listMembers(db, req.ctx, req.params.id, req.query),
  );
  r.post(
    '/spaces/:id/members',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Invite people into a space (moderators)',
        description:
          'Each id must be one `/spaces/{id}/invitable` offers (or already in the space, which changes nothing); any other answers 400 naming the field, as an id that does not exist.',
        params: idParams,
        body: inviteMembersBody,
        response: { 200: items(spaceMemberSchema) },
      },
    },
    async (req) => inviteMembers(deps, req.ctx, req.params.id, req.body),
  );
  r.put(
    '/spaces/:id/members/:userId/role',
    {
      config: { access: 'spaces:manage' },
      schema: {
        tags,
        summary: 'Make a member a moderator, or a moderator a member (vendor)',
        params: spaceUserParams,
        body: memberRoleBody,
        response: { 200: spaceMemberSchema },
      },
    },
    async (req) => setMemberRole(deps, req.ctx, req.params.id, req.params.userId, req.body.role),
  );
  r.post(
    '/spaces/:id/members/:userId/suspend',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Suspend a member from the space (moderators)',
        description:
          "A suspended member still reads but no longer posts, comments or reacts here. A partner moderator acts on people the space shows them (its members and its posts' and comments' authors); anyone else answers 404.",
        params: spaceUserParams,
        body: suspendMemberBody,
        response: { 200: spaceMemberSchema },
      },
    },
    async (req) => suspendMember(deps, req.ctx, req.params.id, req.params.userId, req.body.reason, true),
  );
  r.post(
    '/spaces/:id/members/:userId/reinstate',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Lift a suspension (moderators)',
        params: spaceUserParams,
        response: { 200: spaceMemberSchema },
      },
    },
    async (req) => suspendMember(deps, req.ctx, req.params.id, req.params.userId, null, false),
  );
  r.get(
    '/spaces/:id/mentionable',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: 'People who may be @mentioned in a space (for the composer)',
        description:
          'People listed in the member directory who may read the space. Posts, comments and the preview link and notify exactly these; any other mention stays plain text.',
        params: idParams,
        querystring: mentionQuery,
        response: { 200: items(z.object({ id: z.string(), name: z.string() })) },
      },
    },
    async (req) => mentionable(db, req.ctx, req.params.id, req.query.q),
  );
  r.get(
    '/spaces/:id/invitable',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'People a moderator may invite into the space (for the invite picker)',
        description:
          'Not yet members, within the segment of a segment space. A partner moderator finds its own colleagues and people listed in the member directory; vendor staff find everyone.',
        params: idParams,
        querystring: mentionQuery,
        response: { 200: items(z.object({ id: z.string(), name: z.string() })) },
      },
    },
    async (req) => invitable(db, req.ctx, req.params.id, req.query.q),
  );
  r.get(
    '/spaces/:id/moderation',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: "The space's moderation trail (moderators)",
        params: idParams,
        querystring: paginationQuery,
        response: { 200: pageOf(moderationEntrySchema) },
      },
    },
    async (req) => moderationLog(db, req.ctx, req.params.id, req.query),
  );
}
