import { describe, expect, it, vi } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client';
import { startScheduler, type Job } from './scheduler';

const log = { info: vi.fn(), debug: vi.fn(), error: vi.fn() } as unknown as FastifyBaseLogger;

describe('scheduler', () => {
  it('never overlaps runs of one job, logs failures, and waits for a run in progress on stop', async () => {
    vi.useFakeTimers();
    let active = 0;
    let maxActive = 0;
    let release: () => void = () => undefined;
    const job: Job = {
      name: 'slow',
      everyMs: 1000,
      run: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise<void>((r) => (release = r));
        active--;
        return { done: 1 };
      },
    };
    const failing: Job = {
      name: 'failing',
      everyMs: 1000,
      run: async () => Promise.reject(new Error('boom')),
    };
    const s = startScheduler({} as Db, log, [job, failing], 10);
    await vi.advanceTimersByTimeAsync(3500);
    expect(maxActive).toBe(1);
    expect(log.error).toHaveBeenCalled();
    const stopped = s.stop();
    release();
    await stopped;
    expect(active).toBe(0);
    vi.useRealTimers();
  });

  it('logs routine runs at debug, so the log at info is not a job tick every few seconds', async () => {
    vi.useFakeTimers();
    const quiet = { info: vi.fn(), debug: vi.fn(), error: vi.fn() } as unknown as FastifyBaseLogger;
    const tick: Job = { name: 'deliver-webhooks', everyMs: 5000, run: async () => ({ delivered: 0 }) };
    const s = startScheduler({} as Db, quiet, [tick], 10);
    await vi.advanceTimersByTimeAsync(60_000);
    await s.stop();
    vi.useRealTimers();
    expect(vi.mocked(quiet.debug).mock.calls.length).toBeGreaterThanOrEqual(12);
    expect(vi.mocked(quiet.debug)).toHaveBeenCalledWith(
      expect.objectContaining({ job: 'deliver-webhooks', delivered: 0 }),
      'job deliver-webhooks done',
    );
    expect(quiet.info).not.toHaveBeenCalled();
  });
});
