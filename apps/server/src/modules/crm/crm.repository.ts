import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { CrmRunCounts } from '@partnergraph/shared/contracts/crm';
import type { Queryable } from '../../db/client';
import { isId, newId } from '../../lib/ids';
import { keyset, where, type PageRequest } from '../../lib/pagination';
import { crmConnections, crmLinks, crmRunRecords, crmRuns } from './crm.tables';

// The only reader and writer of the CRM tables. Every row here is the vendor's
// (crm:manage is the vendor admin's alone), so there is no per-actor narrowing
// beyond the route's permission: a partner never reaches these functions.

export type ConnectionRow = typeof crmConnections.$inferSelect;
export type LinkRow = typeof crmLinks.$inferSelect;
export type RunRow = typeof crmRuns.$inferSelect;
export type RunRecordRow = typeof crmRunRecords.$inferSelect;

export const emptyCounts = (): CrmRunCounts => ({
  accountsLinked: 0,
  accountsForReview: 0,
  accountsCreated: 0,
  opportunitiesCreated: 0,
  opportunitiesUpdated: 0,
  dealsChanged: 0,
  recordErrors: 0,
  recordsRead: 0,
});

// --- Connections ---

export async function findConnection(q: Queryable, id: string, forUpdate = false) {
  if (!isId(id)) return null;
  const query = q.select().from(crmConnections).where(eq(crmConnections.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findConnectionByState(q: Queryable, state: string) {
  const [row] = await q
    .select()
    .from(crmConnections)
    .where(eq(crmConnections.oauthState, state))
    .for('update');
  return row ?? null;
}

export function listConnections(q: Queryable) {
  return q.select().from(crmConnections).orderBy(asc(crmConnections.createdAt), asc(crmConnections.id));
}

export async function insertConnection(q: Queryable, row: typeof crmConnections.$inferInsert) {
  const [created] = await q.insert(crmConnections).values(row).returning();
  return created!;
}

export async function setConnectionFields(
  q: Queryable,
  id: string,
  patch: Partial<typeof crmConnections.$inferInsert>,
  bumpVersion = true,
) {
  const [row] = await q
    .update(crmConnections)
    .set({
      ...patch,
      updatedAt: new Date(),
      ...(bumpVersion ? { version: sql`${crmConnections.version} + 1` } : {}),
    })
    .where(eq(crmConnections.id, id))
    .returning();
  return row!;
}

export async function deleteConnectionRow(q: Queryable, id: string) {
  await q.delete(crmConnections).where(eq(crmConnections.id, id));
}

/**
 * Takes the connection for one run until `until`: refused while another run
 * holds an unexpired lease, so two processes never sync one connection at once,
 * and a crashed run's lease simply runs out.
 */
export async function claimConnection(q: Queryable, id: string, runId: string, until: Date, now: Date) {
  const [row] = await q
    .update(crmConnections)
    .set({ leaseRunId: runId, leaseUntil: until })
    .where(
      and(
        eq(crmConnections.id, id),
        or(
          isNull(crmConnections.leaseUntil),
          lt(crmConnections.leaseUntil, now),
          eq(crmConnections.leaseRunId, runId),
        ),
      ),
    )
    .returning();
  return row ?? null;
}

export async function releaseConnection(q: Queryable, id: string, runId: string) {
  await q
    .update(crmConnections)
    .set({ leaseRunId: null, leaseUntil: null })
    .where(and(eq(crmConnections.id, id), eq(crmConnections.leaseRunId, runId)));
}

/** Connections a scheduled sync is due for: active, not paused, not backing off, interval elapsed. */
export function findDueConnections(q: Queryable, now: Date) {
  return q
    .select()
    .from(crmConnections)
    .where(
      and(
        eq(crmConnections.status, 'active'),
        eq(crmConnections.paused, false),
        // The first sync is a person's decision, after its dry run.
        isNotNull(crmConnections.firstSyncAt),
        or(isNull(crmConnections.nextRunAfter), lt(crmConnections.nextRunAfter, now)),
        or(
          isNull(crmConnections.lastRunAt),
          sql`${crmConnections.lastRunAt} + make_interval(mins => ${crmConnections.syncIntervalMinutes}) < ${now}`,
        ),
      ),
    );
}

// --- Links ---

export async function findLinkByRemote(
  q: Queryable,
  connectionId: string,
  object: LinkRow['object'],
  remoteId: string,
) {
  const [row] = await q
    .select()
    .from(crmLinks)
    .where(
      and(
        eq(crmLinks.connectionId, connectionId),
        eq(crmLinks.object, object),
        eq(crmLinks.remoteId, remoteId),
      ),
    );
  return row ?? null;
}

export async function findLinkByLocal(
  q: Queryable,
  connectionId: string,
  object: LinkRow['object'],
  localId: string,
) {
  const [row] = await q
    .select()
    .from(crmLinks)
    .where(
      and(
        eq(crmLinks.connectionId, connectionId),
        eq(crmLinks.object, object),
        eq(crmLinks.localId, localId),
        inArray(crmLinks.status, ['linked', 'creating']),
      ),
    );
  return row ?? null;
}

export function findLinksOfConnection(q: Queryable, connectionId: string, object: LinkRow['object']) {
  return q
    .select()
    .from(crmLinks)
    .where(and(eq(crmLinks.connectionId, connectionId), eq(crmLinks.object, object)));
}

export async function findLink(q: Queryable, id: string, forUpdate = false) {
  if (!isId(id)) return null;
  const query = q.select().from(crmLinks).where(eq(crmLinks.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertLink(q: Queryable, row: Omit<typeof crmLinks.$inferInsert, 'id'>) {
  const [created] = await q
    .insert(crmLinks)
    .values({ id: newId(), ...row })
    .returning();
  return created!;
}

export async function setLinkFields(q: Queryable, id: string, patch: Partial<typeof crmLinks.$inferInsert>) {
  const [row] = await q
    .update(crmLinks)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(crmLinks.id, id))
    .returning();
  return row!;
}

export async function listLinks(
  q: Queryable,
  filter: { status: LinkRow['status']; connectionId?: string | undefined },
  page: Omit<PageRequest, 'sort'>,
) {
  const ks = keyset({ createdAt: { column: crmLinks.createdAt, cast: 'timestamptz' } }, crmLinks.id, {
    ...page,
    sort: 'createdAt',
  });
  const rows = await q
    .select()
    .from(crmLinks)
    .where(
      where(
        eq(crmLinks.status, filter.status),
        filter.connectionId
          ? isId(filter.connectionId)
            ? eq(crmLinks.connectionId, filter.connectionId)
            : sql`false`
          : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(rows, (r) => r.createdAt.toISOString());
}

// --- Runs and the log ---

export async function insertRun(q: Queryable, row: Omit<typeof crmRuns.$inferInsert, 'id' | 'counts'>) {
  const [created] = await q
    .insert(crmRuns)
    .values({ id: newId(), counts: emptyCounts(), ...row })
    .returning();
  return created!;
}

export async function setRunFields(q: Queryable, id: string, patch: Partial<typeof crmRuns.$inferInsert>) {
  const [row] = await q.update(crmRuns).set(patch).where(eq(crmRuns.id, id)).returning();
  return row!;
}

export async function findRun(q: Queryable, connectionId: string, id: string) {
  if (!isId(id)) return null;
  const [row] = await q
    .select()
    .from(crmRuns)
    .where(and(eq(crmRuns.id, id), eq(crmRuns.connectionId, connectionId)));
  return row ?? null;
}

/** Runs waiting to work: queued, or deferred by a 429 or the budget (their connection says when). */
export function findQueuedRuns(q: Queryable) {
  return q
    .select()
    .from(crmRuns)
    .where(inArray(crmRuns.status, ['queued', 'deferred']))
    .orderBy(asc(crmRuns.queuedAt), asc(crmRuns.id));
}

export async function findOpenRun(q: Queryable, connectionId: string) {
  const [row] = await q
    .select()
    .from(crmRuns)
    .where(
      and(eq(crmRuns.connectionId, connectionId), inArray(crmRuns.status, ['queued', 'running', 'deferred'])),
    )
    .limit(1);
  return row ?? null;
}

export async function listRuns(q: Queryable, connectionId: string, page: Omit<PageRequest, 'sort'>) {
  const ks = keyset({ queuedAt: { column: crmRuns.queuedAt, cast: 'timestamptz' } }, crmRuns.id, {
    ...page,
    sort: '-queuedAt',
  });
  const rows = await q
    .select()
    .from(crmRuns)
    .where(where(eq(crmRuns.connectionId, connectionId), ks.after))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(rows, (r) => r.queuedAt.toISOString());
}

export async function insertRunRecords(q: Queryable, rows: Omit<typeof crmRunRecords.$inferInsert, 'id'>[]) {
  if (!rows.length) return;
  await q.insert(crmRunRecords).values(rows.map((r) => ({ id: newId(), ...r })));
}

export async function listRunRecords(
  q: Queryable,
  runId: string,
  outcome: RunRecordRow['outcome'] | undefined,
  page: Omit<PageRequest, 'sort'>,
) {
  const ks = keyset(
    { createdAt: { column: crmRunRecords.createdAt, cast: 'timestamptz' } },
    crmRunRecords.id,
    {
      ...page,
      sort: 'createdAt',
    },
  );
  const rows = await q
    .select()
    .from(crmRunRecords)
    .where(
      where(
        eq(crmRunRecords.runId, runId),
        outcome ? eq(crmRunRecords.outcome, outcome) : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(rows, (r) => r.createdAt.toISOString());
}

/** Records that failed and were not put right since: what "retry failed records" works on. */
export function findOpenErrors(q: Queryable, connectionId: string) {
  return q
    .select()
    .from(crmRunRecords)
    .where(and(eq(crmRunRecords.connectionId, connectionId), eq(crmRunRecords.outcome, 'error')))
    .orderBy(desc(crmRunRecords.createdAt));
}

/** Which of these log records are open errors of the connection (a retry from the log names them). */
export async function findOpenErrorIds(q: Queryable, connectionId: string, ids: string[]) {
  const valid = ids.filter(isId);
  if (!valid.length) return new Set<string>();
  const rows = await q
    .select({ id: crmRunRecords.id })
    .from(crmRunRecords)
    .where(
      and(
        eq(crmRunRecords.connectionId, connectionId),
        eq(crmRunRecords.outcome, 'error'),
        inArray(crmRunRecords.id, valid),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** A record that went through marks its earlier errors resolved, so retry works on what still fails. */
export async function resolveErrors(
  q: Queryable,
  connectionId: string,
  object: RunRecordRow['object'],
  action: string,
  remoteId: string | null,
  localId: string | null,
) {
  const conds = [
    eq(crmRunRecords.connectionId, connectionId),
    eq(crmRunRecords.action, action),
    eq(crmRunRecords.object, object),
    eq(crmRunRecords.outcome, 'error'),
  ];
  const who = [
    remoteId ? eq(crmRunRecords.remoteId, remoteId) : undefined,
    localId ? eq(crmRunRecords.localId, localId) : undefined,
  ].filter((c): c is NonNullable<typeof c> => !!c);
  if (!who.length) return;
  await q
    .update(crmRunRecords)
    .set({ outcome: 'resolved' })
    .where(and(...conds, or(...who)));
}
