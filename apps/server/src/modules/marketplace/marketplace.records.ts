// The stored row of a connection at any point of its life, with its own
// dates, written as it is: no rules, no audit. Imports of history write it,
// and the demo seed and the tests through seed/factories.ts.
import { findByExternalId, upsertByExternalId } from '../../db/bulk';
import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import { connections } from './marketplace.tables';

const DAY = 86_400_000;

export interface ConnectionRecordInput {
  requesterOrgId: string;
  recipientOrgId: string;
  kind?: (typeof connections.$inferInsert)['kind'];
  status?: 'requested' | 'active' | 'declined' | 'ended';
  terms?: { referralFeePct?: number; notes?: string };
  message?: string;
  createdAt?: Date;
  startedAt?: Date;
  endedAt?: Date;
}

/** The stored row of a connection at any point of its life, with its own dates. */
export function connectionRecordValues(
  input: ConnectionRecordInput & { id?: string; externalId?: string | null },
) {
  const createdAt = input.createdAt ?? new Date();
  const status = input.status ?? 'active';
  return {
    id: input.id ?? newId(),
    externalId: input.externalId ?? null,
    requesterOrgId: input.requesterOrgId,
    recipientOrgId: input.recipientOrgId,
    kind: input.kind ?? 'referral',
    status,
    message: input.message ?? '',
    terms: input.terms ?? {},
    startedAt:
      status === 'active' || status === 'ended'
        ? (input.startedAt ?? new Date(createdAt.getTime() + DAY))
        : null,
    endedAt:
      status === 'ended' || status === 'declined'
        ? (input.endedAt ?? new Date(createdAt.getTime() + 30 * DAY))
        : null,
    createdAt,
    updatedAt: createdAt,
  } satisfies typeof connections.$inferInsert;
}

export async function insertConnectionRecord(
  q: Queryable,
  values: ReturnType<typeof connectionRecordValues>,
) {
  const [row] = await q.insert(connections).values(values).returning();
  return row!;
}

// Batches of imported connections (imports/relations.importer.ts): by external id.

export const findConnectionsByExternalIds = (q: Queryable, ids: string[]) =>
  findByExternalId(q, connections, ids);

export const upsertConnectionRows = (q: Queryable, rows: (typeof connections.$inferInsert)[]) =>
  upsertByExternalId(q, connections, rows);
