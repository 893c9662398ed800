import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  changePasswordBody,
  changePasswordResponse,
  deactivateUserBody,
  loginBody,
  loginResponse,
  meResponse,
  passwordResetBody,
  passwordResetConfirmBody,
  passwordResetResponse,
  updateMeBody,
  updateUserBody,
  userListQuery,
  userSchema,
  versionBody,
} from '@partnergraph/shared/contracts/identity';
import { mfaChallengeSchema } from '@partnergraph/shared/contracts/mfa';
import type { Deps } from '../../lib/deps';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../plugins/auth';
import { siteOf } from '../mail/templates';
import {
  changePassword,
  confirmPasswordReset,
  getMe,
  listUsers,
  requestPasswordReset,
  signIn,
  signOut,
  updateMe,
} from './identity.service';
import { deactivateUser, getUser, reactivateUser, updateUser } from './team.service';

export default async function identityRoutes(app: FastifyInstance, { db, mailer, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const site = siteOf(config);

  r.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        description:
          'Sets an HttpOnly session cookie and answers the CSRF token to send as `x-csrf-token` on every cookie-authenticated write. When the person has a second factor, or their organization requires MFA, it answers 202 with a pending sign-in token instead (no session yet): finish with `/auth/mfa/*`. After 10 failed attempts for one email or one client address within 15 minutes it answers 429 with Retry-After.',
        body: loginBody,
        response: { 200: loginResponse, 202: mfaChallengeSchema },
      },
    },
    async (req, reply) => {
      const done = await signIn(db, infoOf(req), req.body, req.cookies[SESSION_COOKIE]);
      // A person with a second factor (or whose organization requires one) is not signed in yet.
      if (done.challenge) return reply.code(202).send(done.challenge);
      setSessionCookie(req, reply, done.token);
      return done.body;
    },
  );

  r.post(
    '/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Sign out: the session ends at once', response: { 204: z.null() } },
    },
    async (req, reply) => {
      await signOut(db, req.ctx);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change your password',
        description:
          'Ends every session of the user and opens a new one for this browser; answers its new CSRF token.',
        body: changePasswordBody,
        response: { 200: changePasswordResponse },
      },
    },
    async (req, reply) => {
      const { token, csrfToken } = await changePassword(db, req.ctx, mailer, site, req.body);
      if (token) setSessionCookie(req, reply, token);
      return { csrfToken };
    },
  );

  r.post(
    '/auth/password-reset',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password-reset link by email',
        description:
          'Answers 202 with the same message whether or not the address has an account. Limited to 5 requests per address and 20 per client per hour (429).',
        body: passwordResetBody,
        response: { 202: passwordResetResponse },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await requestPasswordReset(db, infoOf(req), mailer, site, req.body.email)),
  );

  r.post(
    '/auth/password-reset/confirm',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Choose a new password with the emailed token',
        description:
          'The token works once, for one hour. Every session of the user ends; sign in with the new password.',
        body: passwordResetConfirmBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await confirmPasswordReset(db, infoOf(req), mailer, site, req.body);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and organization',
        response: { 200: meResponse },
      },
    },
    async (req) => getMe(db, req.ctx),
  );

  r.patch(
    '/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own preferences (the daily digest email)',
        description:
          'Each field sets a value, so no version is asked; fields left out stay as they are. Answers the same as GET /me.',
        body: updateMeBody,
        response: { 200: meResponse },
      },
    },
    async (req) => updateMe(db, req.ctx, req.body),
  );

  r.get(
    '/users',
    {
      config: { access: 'users:read' },
      schema: {
        tags: ['users'],
        summary: 'List users',
        description: 'Vendor staff list every user; a partner admin lists its own organization.',
        querystring: userListQuery.extend(paginationQuery.shape),
        response: { 200: pageOf(userSchema) },
      },
    },
    async (req) => listUsers(db, req.ctx, req.query, req.query),
  );

  r.get(
    '/users/:id',
    {
      config: { access: 'users:read' },
      schema: { tags: ['users'], summary: 'Get a user', params: idParams, response: { 200: userSchema } },
    },
    async (req) => getUser(db, req.ctx, req.params.id),
  );

  r.patch(
    '/users/:id',
    {
      config: { access: 'users:manage' },
      schema: {
        tags: ['users'],
        summary: "Change a user's name or role",
        description:
          'A partner admin manages its own organization and grants partner roles only. The last administrator of an organization cannot be demoted (422).',
        params: idParams,
        body: updateUserBody,
        response: { 200: userSchema },
      },
    },
    async (req) => updateUser(db, req.ctx, req.params.id, req.body),
  );

  r.post(
    '/users/:id/deactivate',
    {
      config: { access: 'users:manage' },
      schema: {
        tags: ['users'],
        summary: 'Deactivate a user: their sessions end and their API tokens stop at once',
        description: 'Their records stay; `reassignTo` hands the partners they manage to a teammate.',
        params: idParams,
        body: deactivateUserBody,
        response: { 200: userSchema },
      },
    },
    async (req) => deactivateUser(db, req.ctx, req.params.id, req.body),
  );

  r.post(
    '/users/:id/reactivate',
    {
      config: { access: 'users:manage' },
      schema: {
        tags: ['users'],
        summary: 'Reactivate a user',
        params: idParams,
        body: versionBody,
        response: { 200: userSchema },
      },
    },
    async (req) => reactivateUser(db, req.ctx, req.params.id, req.body.version),
  );
}

function infoOf(req: FastifyRequest) {
  return { requestId: req.id, ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
}
