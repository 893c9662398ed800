import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  acceptInvitationBody,
  createInvitationBody,
  invitationListQuery,
  invitationPreview,
  invitationSchema,
  loginResponse,
  versionBody,
} from '@partnergraph/shared/contracts/identity';
import { mfaChallengeSchema } from '@partnergraph/shared/contracts/mfa';
import type { Deps } from '../../lib/deps';
import { setSessionCookie } from '../../plugins/auth';
import { siteOf } from '../mail/templates';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
} from './invitations.service';

const tags = ['invitations'];
const tokenParams = z.object({ token: z.string().min(1).max(200) });

export default async function invitationRoutes(app: FastifyInstance, { db, mailer, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/invitations',
    {
      config: { access: 'invitations:manage' },
      schema: {
        tags,
        summary: 'List invitations, newest first',
        querystring: invitationListQuery.extend(paginationQuery.shape),
        response: { 200: pageOf(invitationSchema) },
      },
    },
    async (req) => listInvitations(db, req.ctx, req.query, req.query),
  );

  r.post(
    '/invitations',
    {
      config: { access: 'invitations:manage' },
      schema: {
        tags,
        summary: 'Invite someone by email',
        description:
          'The vendor invites staff and partner users; a partner admin invites teammates of its own organization (403 otherwise). An address that already has an account answers 409. The emailed link is single-use and expires in 7 days.',
        body: createInvitationBody,
        response: { 201: invitationSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createInvitation(db, req.ctx, mailer, siteOf(config), req.body)),
  );

  r.post(
    '/invitations/:id/resend',
    {
      config: { access: 'invitations:manage' },
      schema: {
        tags,
        summary: 'Send the invitation again with a new link (the old one stops working)',
        params: idParams,
        body: versionBody,
        response: { 200: invitationSchema },
      },
    },
    async (req) => resendInvitation(db, req.ctx, mailer, siteOf(config), req.params.id, req.body.version),
  );

  r.post(
    '/invitations/:id/revoke',
    {
      config: { access: 'invitations:manage' },
      schema: {
        tags,
        summary: 'Withdraw a pending invitation',
        params: idParams,
        body: versionBody,
        response: { 200: invitationSchema },
      },
    },
    async (req) => revokeInvitation(db, req.ctx, req.params.id, req.body.version),
  );

  r.get(
    '/invitations/:token/accept',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What an invitation link is for (no sign-in: the token is the credential)',
        params: tokenParams,
        response: { 200: invitationPreview },
      },
    },
    async (req) => previewInvitation(db, req.params.token),
  );

  r.post(
    '/invitations/:token/accept',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Accept an invitation: choose a name and password, and be signed in',
        description:
          'When the organization requires MFA, the account is created but no session yet: it answers 202 with a pending sign-in of step `mfa_enroll`, finished with `/auth/mfa/*` like a password sign-in.',
        params: tokenParams,
        body: acceptInvitationBody,
        response: { 200: loginResponse, 202: mfaChallengeSchema },
      },
    },
    async (req, reply) => {
      const info = { requestId: req.id, ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
      const done = await acceptInvitation(db, info, req.params.token, req.body);
      if (done.challenge) return reply.code(202).send(done.challenge);
      setSessionCookie(req, reply, done.token);
      return done.body;
    },
  );
}
