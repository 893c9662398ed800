import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { CrmRunCounts } from '@partnergraph/shared/contracts/crm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId, newId } from '../../lib/ids';
import { keyset, where, type PageRequest } from '../../lib/pagination';
import { crmConnections, crmLinks, crmRunRecords, crmRuns } from './crm.tables';
import {
  visibleCrmConnections,
  visibleCrmLinks,
  visibleCrmRunRecords,
  visibleCrmRuns,
} from './crm.visibility';

// The only reader and writer of the CRM tables. Reads a route serves take the
// actor first and compose crm.visibility.ts; the sync job, which acts for no
// person, reads through the functions named `…ForSync`.

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
  leadsCreated: 0,
});

// --- Connections ---

async function connectionById(q: Queryable, id: string, visible: SQL | undefined, forUpdate: boolean) {
  if (!isId(id)) return null;
  const query = q
    .select()
    .from(crmConnections)
    .where(and(eq(crmConnections.id, id), visible));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export function findConnection(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  return connectionById(q, id, visibleCrmConnections(actor), forUpdate);
}

/** The sync job's read of a connection (no person is asking). */
export function findConnectionForSync(q: Queryable, id: string) {
  return connectionById(q, id, undefined, false);
}

export function listConnections(q: Queryable, actor: Actor) {
  return q
    .select()
    .from(crmConnections)
    .where(visibleCrmConnections(actor))
    .orderBy(asc(crmConnections.createdAt), asc(crmConnections.id));
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
export function findDueConnectionsForSync(q: Queryable, now: Date) {
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

export async function findLinkByRemoteForSync(
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

async function linkOfLocal(
  q: Queryable,
  connectionId: string,
  object: LinkRow['object'],
  localId: string,
  visible: SQL | undefined,
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
        visible,
      ),
    );
  return row ?? null;
}

/** The remote record a local one is linked to (or being created as). */
export function findLinkByLocal(
  q: Queryable,
  actor: Actor,
  connectionId: string,
  object: LinkRow['object'],
  localId: string,
) {
  return linkOfLocal(q, connectionId, object, localId, visibleCrmLinks(actor));
}

export function findLinkByLocalForSync(
  q: Queryable,
  connectionId: string,
  object: LinkRow['object'],
  localId: string,
) {
  return linkOfLocal(q, connectionId, object, localId, undefined);
}

export function findLinksOfConnectionForSync(q: Queryable, connectionId: string, object: LinkRow['object']) {
  return q
    .select()
    .from(crmLinks)
    .where(and(eq(crmLinks.connectionId, connectionId), eq(crmLinks.object, object)));
}

export async function findLink(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) return null;
  const query = q
    .select()
    .from(crmLinks)
    .where(and(eq(crmLinks.id, id), visibleCrmLinks(actor)));
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
  actor: Actor,
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
        visibleCrmLinks(actor),
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

export async function findRun(q: Queryable, actor: Actor, connectionId: string, id: string) {
  if (!isId(id)) return null;
  const [row] = await q
    .select()
    .from(crmRuns)
    .where(and(eq(crmRuns.id, id), eq(crmRuns.connectionId, connectionId), visibleCrmRuns(actor)));
  return row ?? null;
}

/**
 * Runs waiting to work: queued, or deferred by a 429 or the budget (their connection says when), and
 * runs left `running` by a process that stopped mid-run (killed, crashed) once their lease ran out — they
 * resume from their watermarks. A running run whose lease is live belongs to a process still working it.
 */
export async function findQueuedRunsForSync(q: Queryable, now: Date) {
  const rows = await q
    .select({ run: crmRuns })
    .from(crmRuns)
    .innerJoin(crmConnections, eq(crmConnections.id, crmRuns.connectionId))
    .where(
      or(
        inArray(crmRuns.status, ['queued', 'deferred']),
        and(
          eq(crmRuns.status, 'running'),
          or(
            isNull(crmConnections.leaseRunId),
            sql`${crmConnections.leaseRunId} <> ${crmRuns.id}`,
            isNull(crmConnections.leaseUntil),
            lt(crmConnections.leaseUntil, now),
          ),
        ),
      ),
    )
    .orderBy(asc(crmRuns.queuedAt), asc(crmRuns.id));
  return rows.map((r) => r.run);
}

/**
 * The run waiting or working for a connection, if any. Asked when a run is queued — by a person (the
 * route checked the connection through its visibility) or by the scheduler.
 */
export async function findOpenRunForSync(q: Queryable, connectionId: string) {
  const [row] = await q
    .select()
    .from(crmRuns)
    .where(
      and(eq(crmRuns.connectionId, connectionId), inArray(crmRuns.status, ['queued', 'running', 'deferred'])),
    )
    .limit(1);
  return row ?? null;
}

export async function listRuns(
  q: Queryable,
  actor: Actor,
  connectionId: string,
  page: Omit<PageRequest, 'sort'>,
) {
  const ks = keyset({ queuedAt: { column: crmRuns.queuedAt, cast: 'timestamptz' } }, crmRuns.id, {
    ...page,
    sort: '-queuedAt',
  });
  const rows = await q
    .select()
    .from(crmRuns)
    .where(where(eq(crmRuns.connectionId, connectionId), visibleCrmRuns(actor), ks.after))
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
  actor: Actor,
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
        visibleCrmRunRecords(actor),
        outcome ? eq(crmRunRecords.outcome, outcome) : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(rows, (r) => r.createdAt.toISOString());
}

/** Records that failed and were not put right since: what "retry failed records" works on. */
export function findOpenErrorsForSync(q: Queryable, connectionId: string) {
  return q
    .select()
    .from(crmRunRecords)
    .where(and(eq(crmRunRecords.connectionId, connectionId), eq(crmRunRecords.outcome, 'error')))
    .orderBy(desc(crmRunRecords.createdAt));
}

/** Which of these log records are open errors of the connection (a retry from the log names them). */
export async function findOpenErrorIds(q: Queryable, actor: Actor, connectionId: string, ids: string[]) {
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
        visibleCrmRunRecords(actor),
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
