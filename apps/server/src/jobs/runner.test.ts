import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../test/app';
import { startJobRunner } from './runner';
import type { JobRunner } from './scheduler';
import type { Job } from './scheduler';

const logger = () => ({ info: vi.fn(), debug: vi.fn(), error: vi.fn() }) as unknown as FastifyBaseLogger;
/** Short waits for tests: retries and runs queued by the other runner are seen within a second. */
const fast = { firstRunAfterMs: 0, pollingIntervalSeconds: 1, retryDelaySeconds: 1 };
const waitLong = { timeout: 60_000, interval: 50 };
/** Long enough that a test rarely spans two of its slots (handled where it matters). */
const HALF_DAY = 12 * 3600_000;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

/** The jobs pg-boss holds for a queue, by state (archiving is hours away, so none has left the table). */
async function queueStates(name: string) {
  const res = await t.database.db.execute<{ state: string; n: number }>(
    sql`select state::text, count(*)::int as n from pgboss.job where name = ${name} group by state`,
  );
  return Object.fromEntries(res.rows.map((r) => [r.state, r.n]));
}

describe('job runner', () => {
  it('runs a job, runs it again on demand, and stops only once a run in progress ends', async () => {
    let runs = 0;
    let ended = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const job: Job = {
      name: 'gated',
      everyMs: HALF_DAY,
      run: async () => {
        runs++;
        if (runs === 2) await gate;
        ended++;
        return { runs };
      },
    };
    const log = logger();
    const runner = await startJobRunner(t.database, log, [job], fast);
    await vi.waitFor(() => expect(ended).toBe(1), waitLong);
    await runner.runNow('gated');
    await vi.waitFor(() => expect(runs).toBe(2), waitLong);

    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(ended).toBe(2);
    expect(log.debug).toHaveBeenCalledWith(
      expect.objectContaining({ job: 'gated', runs: 2 }),
      'job gated done',
    );
    await expect(runner.runNow('missing')).rejects.toThrow('No job named missing');
  });

  it('two server processes: every scheduled or requested run happens once in total', async () => {
    const ranBy: string[] = [];
    const tick: Job = {
      name: 'every-two-seconds',
      everyMs: 2_000,
      run: async () => {
        ranBy.push('tick');
        return {};
      },
    };
    let manualRuns = 0;
    const manual: Job = {
      name: 'manual',
      everyMs: HALF_DAY,
      run: async () => {
        manualRuns++;
        return {};
      },
    };

    if (t.database.kind === 'pglite') {
      // One process owns a PGlite directory (it is locked): its runs are all in-process, on its timers.
      const runner = await startJobRunner(t.database, logger(), [tick, manual], fast);
      await vi.waitFor(() => expect(ranBy.length).toBeGreaterThanOrEqual(2), waitLong);
      await vi.waitFor(() => expect(manualRuns).toBe(1), waitLong);
      expect(await runner.runNow('manual')).toBe(true);
      await vi.waitFor(() => expect(manualRuns).toBe(2), waitLong);
      await runner.stop();
      return;
    }

    const logs = [logger(), logger()];
    const startedAt = Date.now();
    const runners: JobRunner[] = await Promise.all(
      logs.map((log) => startJobRunner(t.database, log, [tick, manual], fast)),
    );

    // Both runners ask for every two-second slot four times over; each slot runs once.
    await vi.waitFor(() => expect(ranBy.length).toBeGreaterThanOrEqual(4), waitLong);
    // The half-day job: both runners asked for this slot's run at start; it ran once.
    await vi.waitFor(() => expect(manualRuns).toBeGreaterThanOrEqual(1), waitLong);
    // Runs asked for by either runner, each awaited so that none merges with a run still waiting.
    let asked = 0;
    for (const runner of [...runners, ...runners]) {
      const before = manualRuns;
      if (!(await runner.runNow('manual'))) continue;
      asked++;
      await vi.waitFor(() => expect(manualRuns).toBeGreaterThan(before), waitLong);
    }
    await Promise.all(runners.map((r) => r.stop()));
    const slotsSpanned = (ms: number) => Math.floor(Date.now() / ms) - Math.floor(startedAt / ms) + 1;

    // Slots are counted in database time, the span here in this process's: a margin of one for the difference.
    expect(ranBy.length).toBeLessThanOrEqual(slotsSpanned(2000) + 1);
    if (slotsSpanned(HALF_DAY) === 1) {
      expect(asked).toBe(4);
      expect(manualRuns).toBe(1 + asked);
    }
    // Every run pg-boss was given was worked, and worked once.
    expect(await queueStates('every-two-seconds')).toEqual({ completed: ranBy.length });
    expect(await queueStates('manual')).toEqual({ completed: manualRuns });
    // No pg-boss job was worked twice: as many distinct run ids were logged as runs happened.
    const runIds = logs.flatMap((log) =>
      vi
        .mocked(log.debug)
        .mock.calls.map((c) => (c[0] as unknown as { runId?: string }).runId)
        .filter(Boolean),
    );
    expect(runIds).toHaveLength(ranBy.length + manualRuns);
    expect(new Set(runIds).size).toBe(runIds.length);
  });

  it('logs a failed run; on PostgreSQL pg-boss retries it', async () => {
    let attempts = 0;
    const flaky: Job = {
      name: 'flaky',
      everyMs: HALF_DAY,
      run: async () => {
        attempts++;
        if (attempts === 1) throw new Error('boom');
        return { attempts };
      },
    };
    const log = logger();
    const runner = await startJobRunner(t.database, log, [flaky], fast);
    await vi.waitFor(() => expect(log.error).toHaveBeenCalled(), waitLong);
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ job: 'flaky' }), 'job flaky failed');
    if (t.database.kind === 'postgres') {
      await vi.waitFor(() => expect(attempts).toBe(2), waitLong);
      await vi.waitFor(async () => expect(await queueStates('flaky')).toEqual({ completed: 1 }), waitLong);
      expect(log.error).toHaveBeenCalledTimes(1);
    } else {
      // In-process, a failed run waits for the next interval (or a run asked for).
      expect(await runner.runNow('flaky')).toBe(true);
      await vi.waitFor(() => expect(attempts).toBe(2), waitLong);
    }
    await runner.stop();
  });
});
