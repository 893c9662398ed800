import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { analyticsSnapshots } from './analytics.tables';
import type { Scope } from './period';

/** A report that took longer than this is kept… */
export const SLOW_REPORT_MS = 1_000;
/** …for this long. Small ecosystems are always computed live. */
export const SNAPSHOT_TTL_MS = 5 * 60_000;

export function snapshotKey(report: string, scope: Scope, extra: Record<string, unknown> = {}) {
  const parts = {
    report,
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
