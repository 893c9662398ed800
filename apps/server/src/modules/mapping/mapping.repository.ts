import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId, newId } from '../../lib/ids';
import {
  mappingAccounts,
  mappingKeys,
  mappingLevelRequests,
  mappingLevels,
  mappingOverlaps,
  mappingPartnerships,
  mappingPopulations,
  mappingResults,
  mappingRunMessages,
  mappingRuns,
} from './mapping.tables';
import { ownPopulations, visiblePartnerships } from './mapping.visibility';

export type PopulationRow = typeof mappingPopulations.$inferSelect;
export type AccountRow = typeof mappingAccounts.$inferSelect;
export type PartnershipRow = typeof mappingPartnerships.$inferSelect;
export type LevelRow = typeof mappingLevels.$inferSelect;
export type RunRow = typeof mappingRuns.$inferSelect;
export type ResultRow = typeof mappingResults.$inferSelect;
export type LevelRequestRow = typeof mappingLevelRequests.$inferSelect;

// --- Populations ---

export function findOwnPopulations(q: Queryable, actor: Actor) {
  return q
    .select()
    .from(mappingPopulations)
    .where(ownPopulations(actor))
    .orderBy(asc(mappingPopulations.createdAt), asc(mappingPopulations.id));
}

export async function findOwnPopulation(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(mappingPopulations)
    .where(and(eq(mappingPopulations.id, id), ownPopulations(actor)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** A partnership's populations on both sides (the caller has checked the actor sees the partnership). */
export function findPopulationsOfOrganizations(q: Queryable, orgIds: string[]) {
  return q
    .select()
    .from(mappingPopulations)
    .where(inArray(mappingPopulations.organizationId, orgIds))
    .orderBy(asc(mappingPopulations.createdAt), asc(mappingPopulations.id));
}

export function findPopulationsByIds(q: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return q.select().from(mappingPopulations).where(inArray(mappingPopulations.id, ids));
}

export async function insertPopulation(q: Queryable, row: typeof mappingPopulations.$inferInsert) {
  const [created] = await q.insert(mappingPopulations).values(row).returning();
  return created!;
}

export async function updatePopulation(
  q: Queryable,
  id: string,
  set: Partial<typeof mappingPopulations.$inferInsert>,
) {
  const [row] = await q
    .update(mappingPopulations)
    .set({ ...set, updatedAt: new Date(), version: sql`${mappingPopulations.version} + 1` })
    .where(eq(mappingPopulations.id, id))
    .returning();
  return row!;
}

export async function replaceAccounts(
  q: Queryable,
  populationId: string,
  rows: { id: string; name: string; domains: string[]; fields: Record<string, string> }[],
) {
  await q.delete(mappingAccounts).where(eq(mappingAccounts.populationId, populationId));
  for (let i = 0; i < rows.length; i += 1000) {
    await q
      .insert(mappingAccounts)
      .values(rows.slice(i, i + 1000).map((r, j) => ({ ...r, populationId, position: i + j })));
  }
}

/** The responder's account list, in the order its run messages index it. */
export function findAccountsOfPopulation(q: Queryable, populationId: string) {
  return q
    .select()
    .from(mappingAccounts)
    .where(eq(mappingAccounts.populationId, populationId))
    .orderBy(asc(mappingAccounts.position));
}

export function findAccountsAtPositions(q: Queryable, populationId: string, positions: number[]) {
  if (positions.length === 0) return Promise.resolve([]);
  return q
    .select({ id: mappingAccounts.id, position: mappingAccounts.position })
    .from(mappingAccounts)
    .where(and(eq(mappingAccounts.populationId, populationId), inArray(mappingAccounts.position, positions)));
}

// --- Partnerships and levels ---

export function findPartnerships(q: Queryable, actor: Actor) {
  return q
    .select()
    .from(mappingPartnerships)
    .where(visiblePartnerships(actor))
    .orderBy(asc(mappingPartnerships.createdAt), asc(mappingPartnerships.id));
}

export async function findPartnership(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(mappingPartnerships)
    .where(and(eq(mappingPartnerships.id, id), visiblePartnerships(actor)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** The partnership between two organizations, whichever asked first. */
export async function findPartnershipBetween(q: Queryable, x: string, y: string, forUpdate = true) {
  const query = q
    .select()
    .from(mappingPartnerships)
    .where(
      sql`(${mappingPartnerships.orgAId} = ${x} and ${mappingPartnerships.orgBId} = ${y}) or (${mappingPartnerships.orgAId} = ${y} and ${mappingPartnerships.orgBId} = ${x})`,
    );
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertPartnership(q: Queryable, row: typeof mappingPartnerships.$inferInsert) {
  const [created] = await q.insert(mappingPartnerships).values(row).returning();
  return created!;
}

export async function setOptIn(q: Queryable, id: string, side: 'a' | 'b', value: boolean) {
  const [row] = await q
    .update(mappingPartnerships)
    .set(side === 'a' ? { optedInA: value } : { optedInB: value })
    .where(eq(mappingPartnerships.id, id))
    .returning();
  return row!;
}

export function findLevels(q: Queryable, partnershipIds: string[]) {
  if (partnershipIds.length === 0) return Promise.resolve([]);
  return q.select().from(mappingLevels).where(inArray(mappingLevels.partnershipId, partnershipIds));
}

export async function upsertLevel(q: Queryable, row: typeof mappingLevels.$inferInsert) {
  await q
    .insert(mappingLevels)
    .values(row)
    .onConflictDoUpdate({
      target: [mappingLevels.partnershipId, mappingLevels.populationId],
      set: { level: row.level, sharedFields: row.sharedFields },
    });
}

export async function deleteLevel(q: Queryable, partnershipId: string, populationId: string) {
  await q
    .delete(mappingLevels)
    .where(and(eq(mappingLevels.partnershipId, partnershipId), eq(mappingLevels.populationId, populationId)));
}

export function findLevelRequests(q: Queryable, partnershipId: string) {
  return q
    .select()
    .from(mappingLevelRequests)
    .where(eq(mappingLevelRequests.partnershipId, partnershipId))
    .orderBy(desc(mappingLevelRequests.createdAt));
}

/** A request on a partnership the actor sees. */
export async function findLevelRequest(q: Queryable, actor: Actor, id: string) {
  if (!isId(id)) return undefined;
  const [row] = await q
    .select({ request: mappingLevelRequests })
    .from(mappingLevelRequests)
    .innerJoin(mappingPartnerships, eq(mappingPartnerships.id, mappingLevelRequests.partnershipId))
    .where(and(eq(mappingLevelRequests.id, id), visiblePartnerships(actor)))
    .for('update');
  return row?.request;
}

export async function insertLevelRequest(q: Queryable, row: typeof mappingLevelRequests.$inferInsert) {
  const [created] = await q.insert(mappingLevelRequests).values(row).returning();
  return created!;
}

export async function setLevelRequestStatus(q: Queryable, id: string, status: LevelRequestRow['status']) {
  await q.update(mappingLevelRequests).set({ status }).where(eq(mappingLevelRequests.id, id));
}

// --- Keys ---

export async function findKey(q: Queryable, partnershipId: string, populationId: string, period: string) {
  const [row] = await q
    .select()
    .from(mappingKeys)
    .where(
      and(
        eq(mappingKeys.partnershipId, partnershipId),
        eq(mappingKeys.populationId, populationId),
        eq(mappingKeys.period, period),
      ),
    );
  return row;
}

export async function insertKey(q: Queryable, row: typeof mappingKeys.$inferInsert) {
  // Two runs creating the same period's key at once: the first one wins and both use it.
  await q.insert(mappingKeys).values(row).onConflictDoNothing();
  return (await findKey(q, row.partnershipId, row.populationId, row.period))!;
}

// --- Runs ---

export async function insertRun(q: Queryable, row: typeof mappingRuns.$inferInsert) {
  const [created] = await q.insert(mappingRuns).values(row).returning();
  return created!;
}

/** A run of a partnership the actor sees. */
export async function findRun(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) return undefined;
  const query = q
    .select({ run: mappingRuns })
    .from(mappingRuns)
    .innerJoin(mappingPartnerships, eq(mappingPartnerships.id, mappingRuns.partnershipId))
    .where(and(eq(mappingRuns.id, id), visiblePartnerships(actor)));
  const [row] = forUpdate ? await query.for('update', { of: mappingRuns }) : await query;
  return row?.run;
}

export async function updateRun(q: Queryable, id: string, set: Partial<typeof mappingRuns.$inferInsert>) {
  await q.update(mappingRuns).set(set).where(eq(mappingRuns.id, id));
}

export function findRunsOfPartnership(q: Queryable, partnershipId: string, limit = 100) {
  return q
    .select()
    .from(mappingRuns)
    .where(eq(mappingRuns.partnershipId, partnershipId))
    .orderBy(desc(mappingRuns.createdAt), desc(mappingRuns.id))
    .limit(limit);
}

export async function findLatestFinishedRun(q: Queryable, partnershipId: string) {
  const [row] = await q
    .select()
    .from(mappingRuns)
    .where(and(eq(mappingRuns.partnershipId, partnershipId), eq(mappingRuns.status, 'finished')))
    .orderBy(desc(mappingRuns.finishedAt), desc(mappingRuns.id))
    .limit(1);
  return row;
}

export function findResultsOfRuns(q: Queryable, runIds: string[]) {
  if (runIds.length === 0) return Promise.resolve([]);
  return q.select().from(mappingResults).where(inArray(mappingResults.runId, runIds));
}

export async function insertResult(q: Queryable, row: typeof mappingResults.$inferInsert) {
  await q.insert(mappingResults).values(row);
}

export async function insertOverlaps(q: Queryable, rows: (typeof mappingOverlaps.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await q.insert(mappingOverlaps).values(rows.slice(i, i + 1000));
}

/** The overlaps of a run with the vendor account each names. */
export function findOverlapsOfRun(q: Queryable, runId: string) {
  return q
    .select({
      id: mappingOverlaps.id,
      partnerFields: mappingOverlaps.partnerFields,
      initiatorPopulationId: mappingResults.initiatorPopulationId,
      responderPopulationId: mappingResults.responderPopulationId,
      accountName: mappingAccounts.name,
      accountDomains: mappingAccounts.domains,
      accountFields: mappingAccounts.fields,
    })
    .from(mappingOverlaps)
    .innerJoin(mappingResults, eq(mappingResults.id, mappingOverlaps.resultId))
    .innerJoin(mappingAccounts, eq(mappingAccounts.id, mappingOverlaps.accountId))
    .where(eq(mappingResults.runId, runId))
    .orderBy(asc(mappingAccounts.name), asc(mappingOverlaps.id));
}

// --- The partner ↔ partner mailbox ---

export async function insertRunMessage(q: Queryable, runId: string, round: number, body: unknown) {
  await q.insert(mappingRunMessages).values({ id: newId(), runId, round, body });
}

export async function findRunMessage(q: Queryable, runId: string, round: number) {
  const [row] = await q
    .select()
    .from(mappingRunMessages)
    .where(and(eq(mappingRunMessages.runId, runId), eq(mappingRunMessages.round, round)));
  return row?.body;
}
