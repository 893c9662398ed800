import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { can, type Permission } from '@partnergraph/shared/permissions';
import { AppError, forbidden, unauthorized } from '../lib/errors';
import { safeEqual } from '../lib/tokens';

/**
 * What a route needs: a permission from the matrix, any signed-in user, nothing, or (`scim`, the
 * /scim/v2 routes alone) an organization's SCIM token.
 */
export type Access = Permission | 'authenticated' | 'public' | 'scim';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The body carries requests that are each gated themselves (the MCP transport): a read-only token may POST. */
    carriesRequests?: boolean;
  }
  interface FastifyInstance {
    /** Every gated route with what it needs: the cross-tenant suite walks it. */
    routeAccess: RouteAccess[];
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The access gate. Every route in its scope must declare `config.access`, or
 * the server refuses to start; every request is checked against it before the
 * handler runs: 401 when a signed-in user is needed, 403 for a CSRF failure or
 * a role that may never use the route. What a user may *see* is decided
 * further down, by the repositories' visibility filters (404).
 */
async function accessPlugin(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (route.method === 'HEAD' || route.method === 'OPTIONS') return;
    const access = route.config?.access;
    if (!access) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access: set config.access`);
    }
    for (const method of [route.method].flat()) app.routeAccess.push({ method, url: route.url, access });
  });
  // preValidation: who may call comes before what they sent, so a stranger learns nothing from a 400.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === 'public' || !access) return;
    if (access === 'scim') {
      // A signed-in person is no identity provider: only the organization's SCIM token opens these.
      if (!request.scimClient)
        throw unauthorized("Send the organization's SCIM token as Authorization: Bearer");
      return;
    }
    const actor = request.actor;
    if (!actor) throw unauthorized();
    if (actor.via === 'session' && actor.sessionId && unsafe.has(request.method)) {
      const expected = request.sessionCsrfToken;
      const given = request.headers['x-csrf-token'];
      if (!expected || !safeEqual(expected, typeof given === 'string' ? given : undefined)) {
        throw new AppError('csrf', 'Send the csrfToken from sign-in or /me in the x-csrf-token header');
      }
    }
    // A transport (the MCP's /mcp) carries requests of its own in a POST; each is gated on its own.
    const carrier = request.routeOptions.config.carriesRequests === true;
    if (actor.scope === 'read' && unsafe.has(request.method) && !carrier)
      throw forbidden('This API token is read-only');
    if (access !== 'authenticated' && !can(actor.role, access)) throw forbidden();
  });
}

export default fp(accessPlugin, { name: 'access' });
