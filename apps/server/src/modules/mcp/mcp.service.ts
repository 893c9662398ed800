import type { z } from 'zod';
import type { proposeWriteBody } from '@partnergraph/shared/contracts/mcp';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { AppError, conflict, forbidden, invalid, notFound } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import { argumentProblems } from './mcp.arguments';
import { findProposalForUpdate, insertProposal, type ProposalRow, updateProposal } from './mcp.repository';
import { type OpenApiDocument, requestOf, ToolArgumentError, toolsFor, toolsFromOpenApi } from './mcp.tools';

/** Long enough for a person to read what the assistant proposes; short enough that a stale id is useless. */
const PROPOSAL_TTL_MS = 10 * 60_000;

export type Execute = (req: { method: string; path: string; body?: unknown }) => Promise<{
  status: number;
  body: unknown;
}>;

const toDto = (p: ProposalRow) => ({
  id: p.id,
  tool: p.tool,
  method: p.method,
  path: p.path,
  body: p.body ?? null,
  expiresAt: p.expiresAt.toISOString(),
  confirmedAt: p.confirmedAt?.toISOString() ?? null,
  resultStatus: p.resultStatus,
});

let cached: { doc: OpenApiDocument; tools: ReturnType<typeof toolsFromOpenApi> } | null = null;
/** The document does not change while the process runs: its tools are read once. */
function allTools(doc: OpenApiDocument) {
  if (cached?.doc !== doc) cached = { doc, tools: toolsFromOpenApi(doc) };
  return cached.tools;
}

export function listTools(doc: OpenApiDocument, actor: Actor) {
  return { items: toolsFor(actor, allTools(doc)) };
}

/** A write is proposed by one credential, so that only that credential can confirm it. */
function credentialOf(actor: Actor): { apiTokenId: string | null } {
  if (actor.tokenId) return { apiTokenId: actor.tokenId };
  if (actor.via === 'session') return { apiTokenId: null };
  throw forbidden('Proposals are made with an API token or a signed-in session');
}

/**
 * Records what a write tool would send, and sends nothing: the assistant shows it to its person and
 * confirms it with the id this answers.
 */
export async function proposeWrite(
  db: Db,
  ctx: Ctx,
  doc: OpenApiDocument,
  input: z.output<typeof proposeWriteBody>,
) {
  const credential = credentialOf(ctx.actor);
  // A tool the token may not use is as absent as one that does not exist.
  const tool = listTools(doc, ctx.actor).items.find((t) => t.name === input.tool);
  if (!tool) throw notFound('tool');
  if (!tool.write)
    throw invalid([
      { path: 'body.tool', message: `${tool.name} is a read: call it directly, nothing to confirm` },
    ]);
  const problems = argumentProblems(tool, input.arguments);
  if (problems.length)
    throw invalid(problems.map((p) => ({ path: `body.arguments.${p.path}`, message: p.message })));
  let request: ReturnType<typeof requestOf>;
  try {
    request = requestOf(tool, input.arguments);
  } catch (err) {
    if (err instanceof ToolArgumentError)
      throw invalid([{ path: `body.arguments.${err.field}`, message: err.message }]);
    throw err;
  }
  return runChange(db, ctx, async (tx, record) => {
    const row = await insertProposal(tx, {
      id: newId(),
      ...credential,
      userId: ctx.actor.userId,
      tool: tool.name,
      method: request.method,
      path: request.url,
      body: request.body ?? null,
      expiresAt: new Date(Date.now() + PROPOSAL_TTL_MS),
    });
    record.audit({
      action: 'mcp.write_proposed',
      entityType: 'mcp_proposal',
      entityId: row.id,
      after: { tool: tool.name, method: request.method, path: request.url },
    });
    return toDto(row);
  });
}

/**
 * Runs a proposed write, once, for the token that proposed it and before it expires. The write goes
 * through the API as the token (the same gate, rules and audit entry as any call); the proposal keeps
 * the status it answered.
 */
export async function confirmWrite(db: Db, ctx: Ctx, id: string, execute: Execute) {
  credentialOf(ctx.actor);
  if (!isId(id)) throw notFound('proposal');
  const proposal = await runChange(db, ctx, async (tx, record) => {
    const row = await findProposalForUpdate(tx, ctx.actor, id);
    if (!row) throw notFound('proposal');
    if (row.confirmedAt) throw conflict('This write was already confirmed: propose it again to repeat it');
    if (row.expiresAt.getTime() <= Date.now())
      throw new AppError('conflict', 'This proposal has expired: propose the write again');
    const confirmed = await updateProposal(tx, row.id, { confirmedAt: new Date() });
    record.audit({
      action: 'mcp.write_confirmed',
      entityType: 'mcp_proposal',
      entityId: row.id,
      after: { tool: row.tool, method: row.method, path: row.path },
    });
    return confirmed;
  });
  const result = await execute({
    method: proposal.method,
    path: proposal.path,
    ...(proposal.body !== null ? { body: proposal.body } : {}),
  });
  const done = await runChange(db, ctx, async (tx, record) => {
    const row = await updateProposal(tx, proposal.id, { resultStatus: result.status });
    record.audit({
      action: 'mcp.write_ran',
      entityType: 'mcp_proposal',
      entityId: row.id,
      after: { status: result.status },
    });
    return row;
  });
  return { proposal: toDto(done), status: result.status, response: result.body };
}
