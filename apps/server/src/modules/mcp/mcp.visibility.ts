import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { mcpProposals } from './mcp.tables';

/**
 * A proposed write is seen, and confirmed, only by the credential that proposed it (the API token;
 * or, for a proposal made without one, the same person signed in): not by another token or session of the same person, and not by the
 * vendor's admins. A confirmation id that leaks is of no use to anyone else.
 */
export function visibleProposals(actor: Actor) {
  if (actor.tokenId) return eq(mcpProposals.apiTokenId, actor.tokenId);
  if (actor.via === 'session')
    return and(isNull(mcpProposals.apiTokenId), eq(mcpProposals.userId, actor.userId));
  return sql`false`;
}
