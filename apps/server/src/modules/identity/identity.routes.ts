import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  changePasswordBody,
  changePasswordResponse,
  loginBody,
  loginResponse,
  meResponse,
  userListQuery,
  userSchema,
} from '@partnergraph/shared/contracts/identity';
import type { Deps } from '../../lib/deps';
import { clearSessionCookie, ctxOf, SESSION_COOKIE, setSessionCookie } from '../../plugins/auth';
import { changePassword, getMe, listUsers, signIn, signOut } from './identity.service';

export default async function identityRoutes(app: FastifyInstance, { db, mailer }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        description:
          'Sets an HttpOnly session cookie and answers the CSRF token to send as `x-csrf-token` on every cookie-authenticated write. After 10 failed attempts for one email or one client address within 15 minutes it answers 429 with Retry-After.',
        body: loginBody,
        response: { 200: loginResponse },
      },
    },
    async (req, reply) => {
      const info = { requestId: req.id, ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
      const { token, body } = await signIn(db, info, req.body, req.cookies[SESSION_COOKIE]);
      setSessionCookie(req, reply, token);
      return body;
    },
  );

  r.post(
    '/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Sign out: the session ends at once', response: { 204: z.null() } },
    },
    async (req, reply) => {
      await signOut(db, ctxOf(req));
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
      const { token, csrfToken } = await changePassword(db, ctxOf(req), mailer, req.body);
      if (token) setSessionCookie(req, reply, token);
      return { csrfToken };
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
    async (req) => getMe(db, ctxOf(req)),
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
    async (req) => listUsers(db, ctxOf(req), req.query, req.query),
  );
}
