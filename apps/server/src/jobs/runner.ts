import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client';
import { startPgBossRunner, type PgBossOptions } from './pg-boss-runner';
import { startScheduler, type Job, type JobRunner } from './scheduler';

export interface RunnerOptions extends PgBossOptions {
  /** Delay before the first run, so a start-up (or a test) is not met by every job at once. */
  firstRunAfterMs?: number;
}

/**
 * The recurring jobs, once per interval however many server processes run
 * them. PGlite is opened by one process only (its data directory is locked),
 * so its jobs simply run on timers in that process; on PostgreSQL several
 * processes share the database, and pg-boss makes each run happen once.
 */
export async function startJobRunner(
  database: Pick<Database, 'db' | 'pool' | 'kind'>,
  log: FastifyBaseLogger,
  list: Job[],
  options: RunnerOptions = {},
): Promise<JobRunner> {
  const { firstRunAfterMs = 60_000 } = options;
  if (database.kind === 'pglite') return startScheduler(database.db, log, list, firstRunAfterMs);
  return startPgBossRunner(database, log, list, { ...options, firstRunAfterMs });
}
