import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Database } from '../db/client';
import { startScheduler, type Job, type JobRunner } from './scheduler';

export interface PgBossOptions {
  /** How often a process looks for runs it was not told about: retries, runs queued by another process. */
  pollingIntervalSeconds?: number;
  /** Before the first retry of a failed run; doubled for the next. */
  retryDelaySeconds?: number;
}

/** A failing run is worth two more tries; after that it waits for its next interval. */
const RETRY_LIMIT = 2;
/** Under the 20 s after which server.ts gives up on a clean shutdown, so runs still going are handed back. */
const STOP_TIMEOUT_MS = 15_000;

const slotSeconds = (job: Job) => Math.max(1, Math.round(job.everyMs / 1000));

/**
 * Each job is a pg-boss queue. Every process asks, several times per
 * interval, for "the run of this interval" (a throttled send: pg-boss keeps
 * one job per job name and `everyMs`-long slot of database time, counted from
 * the epoch, whoever asks), and every process works the queues, each run
 * claimed by one of them. So a run happens once per interval in total, and
 * `everyMs` stays the schedule: a cron expression (pg-boss `schedule()`) could
 * not say 7 or 90 minutes, and its schedules persist in the database after a
 * job is renamed or removed. A restarted process asks for the current slot's
 * run too, which is a no-op if it already ran: restarts do not repeat work.
 * `stately` queues hold at most one waiting and one active run per job: runs
 * never overlap and never pile up.
 */
export async function startPgBossRunner(
  database: Pick<Database, 'db' | 'pool'>,
  log: FastifyBaseLogger,
  list: Job[],
  options: PgBossOptions & { firstRunAfterMs: number },
): Promise<JobRunner> {
  const { pollingIntervalSeconds = 10, retryDelaySeconds = 30, firstRunAfterMs } = options;
  const shared = list.filter((j) => !j.perProcess);

  const boss = new PgBoss({
    // The server's own pool: the same connection settings, and no second pool per process for a few small queries.
    db: { executeSql: (text, values) => database.pool.query(text, values) },
    // The slots above replace pg-boss's cron.
    schedule: false,
    // A slot's job must outlive its slot (pg-boss refuses a longer throttle), else the slot could run twice.
    archiveCompletedAfterSeconds: Math.max(12 * 3600, ...shared.map(slotSeconds)),
  });
  // Without a listener an 'error' event (a lost connection during a poll) would end the process.
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();

  const queue = (job: Job): PgBoss.Queue => ({
    name: job.name,
    policy: 'stately',
    retryLimit: RETRY_LIMIT,
    retryDelay: retryDelaySeconds,
    retryBackoff: true,
    // pg-boss fails (and retries) a run that outlives this: give long jobs their interval.
    expireInSeconds: Math.min(23 * 3600, Math.max(15 * 60, slotSeconds(job))),
  });
  // Two processes creating queues at once deadlock in pg-boss (each queue is a partition of its job table).
  await withLock(database.pool, async () => {
    for (const job of shared) {
      await boss.createQueue(job.name, queue(job));
      // createQueue leaves an existing queue as it is: bring its settings up to date.
      await boss.updateQueue(job.name, queue(job));
    }
  });

  let stopping = false;
  const inFlight = new Set<Promise<unknown>>();
  const workers = new Map<string, string>();
  for (const job of shared) {
    const id = await boss.work<object>(
      job.name,
      { pollingIntervalSeconds, batchSize: 1, includeMetadata: true },
      async ([run]) => {
        if (!run) return;
        // A poll that was in flight when stop() began: fail it so that pg-boss hands it to the next process.
        if (stopping) throw new Error('The server is stopping');
        const started = Date.now();
        const p = job.run(database.db);
        inFlight.add(p);
        try {
          const result = await p;
          // Routine, like the scheduler's ticks: debug, so the start banner stays readable at info.
          log.debug(
            { job: job.name, runId: run.id, ms: Date.now() - started, ...result },
            `job ${job.name} done`,
          );
          return result;
        } catch (err) {
          const retries = run.retryLimit - run.retryCount;
          log.error({ err, job: job.name, runId: run.id, retriesLeft: retries }, `job ${job.name} failed`);
          throw err;
        } finally {
          inFlight.delete(p);
        }
      },
    );
    workers.set(job.name, id);
  }

  const enqueue = async (job: Job, throttled: boolean) => {
    const id = throttled
      ? await boss.sendThrottled(job.name, {}, {}, slotSeconds(job))
      : await boss.send(job.name, {});
    // The process that queued the run starts it without waiting for its next poll (if it is free).
    if (id) boss.notifyWorker(workers.get(job.name)!);
    return id !== null;
  };

  const timers: NodeJS.Timeout[] = [];
  for (const job of shared) {
    const tick = () =>
      void enqueue(job, true).catch((err: unknown) =>
        log.error({ err, job: job.name }, `job ${job.name} could not be queued`),
      );
    // Several asks per slot, so timer drift never lets a slot pass unasked; each extra ask is a no-op insert.
    const everyMs = Math.max(500, Math.min(job.everyMs / 4, 60_000));
    timers.push(setTimeout(tick, firstRunAfterMs).unref());
    timers.push(setInterval(tick, everyMs).unref());
  }

  const local = startScheduler(
    database.db,
    log,
    list.filter((j) => j.perProcess),
    firstRunAfterMs,
  );
  return {
    async runNow(name) {
      const job = list.find((j) => j.name === name);
      if (!job) throw new Error(`No job named ${name}`);
      return job.perProcess ? local.runNow(name) : enqueue(job, false);
    },
    async stop() {
      stopping = true;
      for (const t of timers) clearTimeout(t);
      await Promise.all([local.stop(), boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS })]);
      // pg-boss stops waiting after its timeout (and hands the run back); the work itself is not cancellable.
      await Promise.allSettled(inFlight);
    },
  };
}

async function withLock(pool: Database['pool'], fn: () => Promise<void>) {
  const client = await pool.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('partnergraph.job-queues'))`);
    try {
      await fn();
    } finally {
      await client.query(`select pg_advisory_unlock(hashtext('partnergraph.job-queues'))`);
    }
  } finally {
    client.release();
  }
}
