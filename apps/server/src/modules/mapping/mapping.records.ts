import { and, eq } from 'drizzle-orm';
import type { SharingLevel } from '@partnergraph/shared/contracts/mapping';
import { accountKeys } from '@partnergraph/shared/psi/domains';
import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import {
  mappingAccounts,
  mappingLevelRequests,
  mappingOverlaps,
  mappingPartnerships,
  mappingPopulations,
  mappingResults,
  mappingRunMessages,
  mappingRuns,
} from './mapping.tables';

// Mapping rows as the demo seed and the tests write them: records, with no rules or audit.

export async function createPopulationRecord(
  q: Queryable,
  input: {
    organizationId: string;
    name: string;
    kind?: (typeof mappingPopulations.$inferInsert)['kind'];
    source: (typeof mappingPopulations.$inferInsert)['source'];
    defaultLevel?: SharingLevel;
    sharedFields?: string[];
    accounts?: { name: string; domains: string[]; fields?: Record<string, string> }[];
    accountCount?: number;
  },
) {
  const accounts = (input.accounts ?? []).map((a) => ({
    name: a.name,
    domains: accountKeys(a.domains),
    fields: { name: a.name, ...a.fields },
  }));
  const [row] = await q
    .insert(mappingPopulations)
    .values({
      id: newId(),
      organizationId: input.organizationId,
      name: input.name,
      kind: input.kind ?? 'customers',
      source: input.source,
      defaultLevel: input.defaultLevel ?? 'counts',
      sharedFields: input.sharedFields ?? ['name'],
      accountCount: input.accountCount ?? accounts.length,
    })
    .returning();
  for (let i = 0; i < accounts.length; i += 1000)
    await q
      .insert(mappingAccounts)
      .values(
        accounts
          .slice(i, i + 1000)
          .map((a, j) => ({ id: newId(), populationId: row!.id, position: i + j, ...a })),
      );
  return row!;
}

/** The vendor ↔ partner partnership, made on first use (both opted in). */
export async function vendorPartnershipRecord(q: Queryable, vendorId: string, partnerId: string) {
  const [found] = await q
    .select()
    .from(mappingPartnerships)
    .where(and(eq(mappingPartnerships.orgAId, vendorId), eq(mappingPartnerships.orgBId, partnerId)));
  if (found) return found;
  const [row] = await q
    .insert(mappingPartnerships)
    .values({
      id: newId(),
      kind: 'vendor_partner',
      orgAId: vendorId,
      orgBId: partnerId,
      optedInA: true,
      optedInB: true,
    })
    .returning();
  return row!;
}

export async function createRunRecord(
  q: Queryable,
  input: {
    partnershipId: string;
    initiatorOrgId: string;
    status?: (typeof mappingRuns.$inferInsert)['status'];
    answered?: { initiator: string; responder: string; version: number }[];
    finishedAt?: Date;
  },
) {
  const [row] = await q
    .insert(mappingRuns)
    .values({
      id: newId(),
      partnershipId: input.partnershipId,
      initiatorOrgId: input.initiatorOrgId,
      period: new Date().toISOString().slice(0, 7),
      status: input.status ?? 'awaiting_points',
      answered: input.answered ?? null,
      finishedAt: input.finishedAt ?? null,
    })
    .returning();
  return row!;
}

export async function createLevelRequestRecord(
  q: Queryable,
  input: {
    partnershipId: string;
    populationId: string;
    requesterOrgId: string;
    requestedLevel: SharingLevel;
  },
) {
  const [row] = await q
    .insert(mappingLevelRequests)
    .values({ id: newId(), ...input, message: '', status: 'open' })
    .returning();
  return row!;
}

/** A population pair's count in a finished run. */
export async function createResultRecord(
  q: Queryable,
  input: { runId: string; initiatorPopulationId: string; responderPopulationId: string; count: number },
) {
  await q.insert(mappingResults).values({ id: newId(), ...input });
}

/** Two partners mapping with each other, both opted in. */
export async function peerPartnershipRecord(q: Queryable, askedBy: string, other: string) {
  const [row] = await q
    .insert(mappingPartnerships)
    .values({
      id: newId(),
      kind: 'partner_partner',
      orgAId: askedBy,
      orgBId: other,
      optedInA: true,
      optedInB: true,
    })
    .returning();
  return row!;
}

/** A message waiting in a partner ↔ partner run's mailbox. */
export async function createRunMessageRecord(q: Queryable, runId: string, round: number, body: unknown) {
  await q.insert(mappingRunMessages).values({ id: newId(), runId, round, body });
}

/** A result whose matched vendor accounts the partner disclosed, with the fields it shared. */
export async function createDisclosedOverlapRecord(
  q: Queryable,
  input: {
    runId: string;
    initiatorPopulationId: string;
    responderPopulationId: string;
    count: number;
    partnerFields?: Record<string, string>;
  },
) {
  const [result] = await q
    .insert(mappingResults)
    .values({
      id: newId(),
      runId: input.runId,
      initiatorPopulationId: input.initiatorPopulationId,
      responderPopulationId: input.responderPopulationId,
      count: input.count,
    })
    .returning();
  const accounts = await q
    .select({ id: mappingAccounts.id })
    .from(mappingAccounts)
    .where(eq(mappingAccounts.populationId, input.responderPopulationId));
  const rows = accounts.map((a) => ({
    id: newId(),
    resultId: result!.id,
    accountId: a.id,
    partnerFields: input.partnerFields ?? {},
  }));
  if (rows.length) await q.insert(mappingOverlaps).values(rows);
  return rows.map((r) => r.id);
}
