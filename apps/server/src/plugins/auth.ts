import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client';
import type { Actor, Ctx } from '../lib/actor';
import { unauthorized } from '../lib/errors';
import { resolveSession, SESSION_IDLE_MS } from '../modules/identity/identity.service';
import { resolveApiToken } from '../modules/identity/tokens.service';
import type { ScimClient } from '../modules/scim/scim-client';
import { resolveScimToken, SCIM_TOKEN_PREFIX } from '../modules/scim/scim-tokens.service';

export const SESSION_COOKIE = 'pg_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** An organization's identity provider calling /scim/v2 with its SCIM token (never a person). */
    scimClient: ScimClient | null;
    /** The CSRF token of the session the cookie names (null for tokens and the anonymous). */
    sessionCsrfToken: string | null;
    /**
     * The service context of a request the access gate has let through as signed in: the actor with
     * the request's id, address and user agent for the audit log. Reading it on an anonymous request
     * answers 401, so a handler of a signed-in route never checks for the actor itself.
     */
    readonly ctx: Ctx;
  }
}

/** Turns the session cookie or bearer token into `request.actor`. Nothing else reads credentials. */
async function authPlugin(app: FastifyInstance, opts: { db: Db }) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrfToken', null);
  app.decorateRequest('scimClient', null);
  app.decorateRequest('ctx', {
    getter(this: FastifyRequest) {
      return contextOf(this);
    },
  });
  app.addHook('onRequest', async (request) => {
    // A bearer token wins over a cookie: integrations never ride on a browser session.
    const header = request.headers.authorization;
    if (header !== undefined) {
      const [scheme, token] = header.split(' ');
      const secret = scheme?.toLowerCase() === 'bearer' && token ? token.trim() : '';
      // A SCIM token is an identity provider, not a person: it never becomes an actor of /api/v1.
      if (secret.startsWith(SCIM_TOKEN_PREFIX))
        request.scimClient = await resolveScimToken(opts.db, secret, request.ip ?? null);
      else request.actor = secret ? await resolveApiToken(opts.db, secret) : null;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(opts.db, token) : null;
    request.actor = session?.actor ?? null;
    request.sessionCsrfToken = session?.csrfToken ?? null;
  });
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: Math.floor(SESSION_IDLE_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

function contextOf(request: FastifyRequest): Ctx {
  if (!request.actor) throw unauthorized();
  return {
    actor: request.actor,
    requestId: request.id,
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent'] ?? null,
  };
}

export default fp(authPlugin, { name: 'auth', dependencies: ['@fastify/cookie'] });
