import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { and, eq, gt, like, lt, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { analyticsSnapshots } from './analytics.tables';
import type { Scope } from './period';

/** A report that took longer than this is kept… */
export const SLOW_REPORT_MS = 1_000;
/** …for this long. Small ecosystems are always computed live. */
export const SNAPSHOT_TTL_MS = 5 * 60_000;

/**
 * How many statements have written what the reports read (deals, involvements, referrals, connections,
 * organizations and their types: migration 0017's statement triggers move the `partner_graph_sources`
 * sequence). A snapshot is keyed by it, so a change to those figures is seen on the next request instead
 * of after the snapshot's TTL; the TTL still bounds what the sequence does not see (FX rates, settings).
 */
export async function sourcesVersion(q: Queryable): Promise<number> {
  const res = await q.execute<{ v: string }>(
    sql`select (case when is_called then last_value else 0 end)::text as v from partner_graph_sources`,
  );
  return Number(res.rows[0]?.v ?? 0);
}

export function snapshotKey(
  report: string,
  scope: Scope,
  version: number,
  extra: Record<string, unknown> = {},
) {
  const parts = {
    report,
    version,
    from: scope.from,
    to: scope.to,
    currency: scope.currency,
    filters: scope.filters,
    ...extra,
  };
  return `${report}:${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32)}`;
}

/**
 * The report for `key`: a kept one younger than the TTL, else computed now
 * (and kept when computing it was slow). Figures in a kept report are at most
 * five minutes old, and its `period.computedAt` says so.
 */
export async function throughSnapshot<T>(
  db: Db,
  key: string,
  now: Date,
  compute: () => Promise<T>,
): Promise<T> {
  const [hit] = await db
    .select()
    .from(analyticsSnapshots)
    .where(
      and(
        eq(analyticsSnapshots.key, key),
        gt(analyticsSnapshots.computedAt, new Date(now.getTime() - SNAPSHOT_TTL_MS)),
      ),
    );
  if (hit) return hit.report as T;
  const started = performance.now();
  const report = await compute();
  if (performance.now() - started > SLOW_REPORT_MS) {
    await db
      .insert(analyticsSnapshots)
      .values({ key, computedAt: now, report })
      .onConflictDoUpdate({ target: analyticsSnapshots.key, set: { computedAt: now, report } });
  }
  return report;
}

/** Forgets snapshots past their time (the refresh job's housekeeping). */
export async function pruneSnapshots(db: Db, now = new Date()) {
  const gone = await db
    .delete(analyticsSnapshots)
    .where(lt(analyticsSnapshots.computedAt, new Date(now.getTime() - SNAPSHOT_TTL_MS)))
    .returning({ key: analyticsSnapshots.key });
  return gone.length;
}

/** Forgets every kept copy of one report (its stored inputs were just recomputed, e.g. the partner graph). */
export async function forgetSnapshots(db: Db, report: string) {
  await db.delete(analyticsSnapshots).where(like(analyticsSnapshots.key, `${report}:%`));
}
