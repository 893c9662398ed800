import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { mcpProposals } from './mcp.tables';
import { visibleProposals } from './mcp.visibility';

export type ProposalRow = typeof mcpProposals.$inferSelect;

export async function insertProposal(
  q: Queryable,
  row: typeof mcpProposals.$inferInsert,
): Promise<ProposalRow> {
  const [inserted] = await q.insert(mcpProposals).values(row).returning();
  return inserted!;
}

/** The proposal, locked for its confirmation, when this actor's token made it. */
export async function findProposalForUpdate(
  q: Queryable,
  actor: Actor,
  id: string,
): Promise<ProposalRow | null> {
  const [row] = await q
    .select()
    .from(mcpProposals)
    .where(and(visibleProposals(actor), eq(mcpProposals.id, id)))
    .for('update');
  return row ?? null;
}

export async function updateProposal(
  q: Queryable,
  id: string,
  set: Partial<Pick<ProposalRow, 'confirmedAt' | 'resultStatus'>>,
): Promise<ProposalRow> {
  const [row] = await q.update(mcpProposals).set(set).where(eq(mcpProposals.id, id)).returning();
  return row!;
}
