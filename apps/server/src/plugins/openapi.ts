import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export const openApiInfo = {
  title: 'PartnerGraph API',
  version: '1.0.0',
  description:
    'The REST API of PartnerGraph, a partner ecosystem platform. Authenticate with the session cookie from `POST /api/v1/auth/login` (send its `csrfToken` as `x-csrf-token` on writes) or `Authorization: Bearer <api token>`. Errors are RFC 9457 problem+json.',
};

/** Collects every route's Zod schemas into one OpenAPI 3.1 document; never written by hand. */
async function openapiPlugin(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: openApiInfo,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pg_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
}

export default fp(openapiPlugin, { name: 'openapi' });
