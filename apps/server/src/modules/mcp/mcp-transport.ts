import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Deps } from '../../lib/deps';
import { unauthorized } from '../../lib/errors';
import { asCaller } from './mcp.routes';
import { createMcpServer } from './mcp.server';

/**
 * The MCP's streamable HTTP transport at /mcp, stateless: each POST is answered by a fresh server
 * whose every API call is an in-process request carrying the caller's bearer token. Only API tokens
 * connect: a browser session's cookie would let any page a person visits drive their account.
 */
export default async function mcpTransport(app: FastifyInstance, { config }: Deps) {
  const options = { metricsFile: path.join(config.repoRoot, 'docs', 'METRICS.md'), version: '1.0.0' };
  app.post(
    '/',
    { config: { access: 'authenticated', carriesRequests: true }, schema: { hide: true } },
    async (req, reply) => {
      if (req.actor?.via !== 'token')
        throw unauthorized('Connect with an API token: Authorization: Bearer pgt_…');
      const call = asCaller(app, req);
      const server = createMcpServer(({ method, url, body }) => call({ method, path: url, body }), options);
      const transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: true,
      });
      reply.hijack();
      reply.raw.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(req.raw, reply.raw, req.body);
    },
  );
  // Stateless: no stream to resume and no session to end.
  for (const method of ['GET', 'DELETE'] as const) {
    app.route({
      method,
      url: '/',
      config: { access: 'authenticated' },
      schema: { hide: true },
      handler: async (_req, reply) =>
        reply
          .code(405)
          .header('allow', 'POST')
          .send({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed' }, id: null }),
    });
  }
}
