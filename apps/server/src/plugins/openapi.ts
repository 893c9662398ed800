import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '@partnergraph/shared/contracts/common';

export const openApiInfo = {
  title: 'PartnerGraph API',
  version: '1.0.0',
  description:
    'The REST API of PartnerGraph, a partner ecosystem platform. Authenticate with the session cookie from `POST /api/v1/auth/login` (send its `csrfToken` as `x-csrf-token` on writes) or `Authorization: Bearer <api token>`. Errors are RFC 9457 problem+json.',
};

type Document = ReturnType<typeof jsonSchemaTransformObject>;
type Operation = { responses?: Record<string, unknown> };

/**
 * Every operation can answer RFC 9457 problem details (api.md): declared once
 * here for 4XX and 5XX, so generated clients type their errors instead of
 * leaving them unknown.
 */
function withProblemResponses(doc: Document): Document {
  const problem = {
    description: 'Problem details (RFC 9457): `errors` names every bad field',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  const paths = (doc as { paths?: Record<string, Record<string, Operation>> }).paths ?? {};
  for (const item of Object.values(paths)) {
    for (const op of Object.values(item)) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      op.responses = { ...op.responses, '4XX': problem, '5XX': problem };
    }
  }
  const components = ((doc as { components?: Record<string, unknown> }).components ??= {}) as {
    schemas?: Record<string, unknown>;
  };
  const { $schema: _, ...schema } = z.toJSONSchema(problemSchema) as Record<string, unknown>;
  components.schemas = { ...components.schemas, Problem: schema };
  return doc;
}

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
    // Each operation says who may call it (`x-access`: a permission, `authenticated` or `public`), so a
    // client (the MCP server among them) can offer only what a token's role allows.
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const access = input.route.config?.access;
      return access ? { ...out, schema: { ...out.schema, 'x-access': access } } : out;
    },
    transformObject: (input) => withProblemResponses(jsonSchemaTransformObject(input)),
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
}

export default fp(openapiPlugin, { name: 'openapi' });
