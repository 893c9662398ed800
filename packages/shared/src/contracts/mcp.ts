import { z } from 'zod';
import { idSchema, timestamp } from './common';

// The MCP server's support routes: the tools a token may use (generated from the OpenAPI document),
// and the propose → confirm step every write goes through.

export const mcpToolSchema = z.object({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  path: z.string().describe('Below /api/v1, with {name} for each path parameter'),
  access: z.string().describe('The permission the operation needs (or `authenticated`)'),
  write: z.boolean(),
  inputSchema: z.record(z.string(), z.unknown()).describe('JSON Schema of the arguments: path, query, body'),
});

export const proposeWriteBody = z.strictObject({
  tool: z.string().min(1).max(64),
  arguments: z.record(z.string(), z.unknown()).default({}),
});

export const mcpProposalSchema = z.object({
  id: idSchema.describe('The confirmation id: confirm it with the same token before it expires'),
  tool: z.string(),
  method: z.string(),
  path: z.string(),
  body: z.unknown(),
  expiresAt: timestamp,
  confirmedAt: timestamp.nullable(),
  resultStatus: z.number().int().nullable(),
});

export const confirmedWriteSchema = z.object({
  proposal: mcpProposalSchema,
  status: z.number().int().describe('The HTTP status the write answered'),
  response: z.unknown().describe('Its body: the record written, or the problem details'),
});
