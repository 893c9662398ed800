import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '@partnergraph/shared/contracts/common';
import {
  confirmedWriteSchema,
  mcpProposalSchema,
  mcpToolSchema,
  proposeWriteBody,
} from '@partnergraph/shared/contracts/mcp';
import type { Deps } from '../../lib/deps';
import { confirmWrite, type Execute, listTools, proposeWrite } from './mcp.service';
import type { OpenApiDocument } from './mcp.tools';

/**
 * The request again, in process, as the same caller: the Authorization header it came with, so the
 * write passes the gate, the rules and the audit exactly as if the token had sent it itself.
 */
export function asCaller(app: FastifyInstance, req: FastifyRequest): Execute {
  return async ({ method, path, body }) => {
    const res = await app.inject({
      method: method as 'GET',
      url: `/api/v1${path}`,
      headers: {
        // The caller's own credential: its bearer token, or its session cookie with the CSRF header.
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}),
        ...(typeof req.headers['x-csrf-token'] === 'string'
          ? { 'x-csrf-token': req.headers['x-csrf-token'] }
          : {}),
        'user-agent': 'partnergraph-mcp',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    let parsed: unknown = null;
    try {
      parsed = res.body ? JSON.parse(res.body) : null;
    } catch {
      parsed = res.body;
    }
    return { status: res.statusCode, body: parsed };
  };
}

export default async function mcpRoutes(app: FastifyInstance, { db }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mcp'];
  const doc = () => app.swagger() as OpenApiDocument;

  r.get(
    '/mcp/tools',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The MCP tools this caller may use: the API operations its role and token scope allow',
        response: { 200: z.object({ items: z.array(mcpToolSchema) }) },
      },
    },
    async (req) => listTools(doc(), req.ctx.actor),
  );
  r.post(
    '/mcp/proposals',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Propose a write tool’s call: nothing is written until the same API token (or session) confirms it',
        description:
          'Answers a confirmation id valid for ten minutes. A tool the token may not use answers 404; arguments the tool does not take answer 400 naming them.',
        body: proposeWriteBody,
        response: { 201: mcpProposalSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await proposeWrite(db, req.ctx, doc(), req.body)),
  );
  r.post(
    '/mcp/proposals/:id/confirm',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Confirm a proposed write: it runs once, as the token (or session) that proposed it',
        description:
          'Another token’s proposal answers 404; an expired or already confirmed one answers 409. The answer carries the write’s own status and body (problem details included).',
        params: idParams,
        response: { 200: confirmedWriteSchema },
      },
    },
    async (req) => confirmWrite(db, req.ctx, req.params.id, asCaller(app, req)),
  );
}
