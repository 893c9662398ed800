import type { EntrySource, EntryState } from '@partnergraph/shared/contracts/funds';
import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import {
  fundAllocations,
  fundBudgets,
  fundClaims,
  fundRequests,
  ledgerEntries,
  ledgerPostings,
} from './funds.tables';
import { accrual, assertBalanced, transition, type Posting } from './ledger';

// Funds rows at any point of their life, with their own dates and no rules or audit: what the demo
// (and imports of history) write. Ledger entries get the same balanced postings the services book.

export async function insertBudgetRecord(q: Queryable, row: Omit<typeof fundBudgets.$inferInsert, 'id'>) {
  const [created] = await q
    .insert(fundBudgets)
    .values({ id: newId(), ...row })
    .returning();
  return created!;
}

export async function insertAllocationRecord(
  q: Queryable,
  row: Omit<typeof fundAllocations.$inferInsert, 'id'>,
) {
  const [created] = await q
    .insert(fundAllocations)
    .values({ id: newId(), ...row })
    .returning();
  return created!;
}

export async function insertRequestRecord(q: Queryable, row: Omit<typeof fundRequests.$inferInsert, 'id'>) {
  const [created] = await q
    .insert(fundRequests)
    .values({ id: newId(), ...row })
    .returning();
  return created!;
}

export async function insertClaimRecord(q: Queryable, row: Omit<typeof fundClaims.$inferInsert, 'id'>) {
  const [created] = await q
    .insert(fundClaims)
    .values({ id: newId(), ...row })
    .returning();
  return created!;
}

/** An entry booked on `postedOn` and moved to `state` the same day, with its postings. */
export async function insertEntryRecord(
  q: Queryable,
  input: {
    partnerId: string;
    source: EntrySource;
    amount: number;
    currency: string;
    occurredOn: string;
    explanation: string;
    state: Exclude<EntryState, 'reversed'>;
    postedOn: string;
    claimId?: string | null;
  },
) {
  const id = newId();
  const postings: Posting[] = [...accrual(input)];
  let at: EntryState = 'accrued';
  for (const next of ['approved', 'paid'] as const) {
    if (at === input.state) break;
    postings.push(...transition({ ...input, state: at }, next));
    at = next;
  }
  assertBalanced(postings);
  const [row] = await q
    .insert(ledgerEntries)
    .values({
      id,
      partnerId: input.partnerId,
      source: input.source,
      state: input.state,
      amount: input.amount,
      currency: input.currency,
      occurredOn: input.occurredOn,
      explanation: input.explanation,
      claimId: input.claimId ?? null,
    })
    .returning();
  await q.insert(ledgerPostings).values(
    postings.map((p) => ({
      id: newId(),
      entryId: id,
      partnerId: input.partnerId,
      currency: input.currency,
      ...p,
      postedOn: input.postedOn,
    })),
  );
  return row!;
}
