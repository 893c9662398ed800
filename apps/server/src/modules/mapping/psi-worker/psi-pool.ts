import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Round2 } from '@partnergraph/shared/contracts/mapping';
import type { Decoded } from '@partnergraph/shared/psi/psi';
import type { InitiatorSet, ResponderPopulation } from '@partnergraph/shared/psi/responder';
import { compiled, entryPoint } from '../../../lib/runtime';

// The server's half of a mapping run is curve work: about a millisecond per point, so a run of 100,000
// points is minutes of CPU. Done on the event loop it would stall every other request for that long; here
// it runs on a small pool of worker threads and the event loop only waits for the answer. Tasks queue
// first come, first served; a worker that dies fails its task and is replaced on the next one.

export type PsiTask =
  | { kind: 'decode'; texts: string[]; max: number }
  | { kind: 'answer'; runId: string; sets: InitiatorSet[]; populations: ResponderPopulation[] };

export type PsiReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

interface Job {
  id: number;
  task: PsiTask;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

/** One core is left to the event loop (and the database, in-process with PGlite); at most four threads. */
export const defaultPoolSize = () => Math.max(1, Math.min(4, availableParallelism() - 1));

export class PsiPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(private readonly size = defaultPoolSize()) {}

  /** Tasks being computed now and waiting for a thread: what the responsiveness test watches. */
  stats() {
    return { running: this.slots.filter((s) => s.job).length, queued: this.queue.length };
  }

  /** Validates each message's points (decodePoints) off the event loop. */
  decode(texts: string[], max: number): Promise<Decoded[]> {
    if (texts.length === 0) return Promise.resolve([]);
    return this.submit({ kind: 'decode', texts, max }) as Promise<Decoded[]>;
  }

  /** Round 2 of a vendor ↔ partner run (answerSets) off the event loop. */
  answer(runId: string, sets: InitiatorSet[], populations: ResponderPopulation[]): Promise<Round2> {
    return this.submit({ kind: 'answer', runId, sets, populations }) as Promise<Round2>;
  }

  /** Stops every thread; tasks still queued or running are refused. */
  async close() {
    const err = new Error('The mapping worker pool is closed');
    for (const job of this.queue.splice(0)) job.reject(err);
    await Promise.all(
      this.slots.splice(0).map(async (s) => {
        s.job?.reject(err);
        await s.worker.terminate();
      }),
    );
  }

  private submit(task: PsiTask) {
    return new Promise<unknown>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      // A busy thread keeps the process alive; an idle one does not hold up a clean exit.
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  }

  private spawn(): Slot {
    // Compiled (npm start), the build emits the worker as its own file; from source, entry.mjs loads tsx first.
    const worker = new Worker(
      compiled
        ? entryPoint('modules/mapping/psi-worker/psi.worker').file
        : new URL('./entry.mjs', import.meta.url),
    );
    const slot: Slot = { worker, job: null };
    worker.unref();
    worker.on('message', (reply: PsiReply) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = null;
      worker.unref();
      if (reply.ok) job.resolve(reply.value);
      else job.reject(new Error(reply.error));
      this.pump();
    });
    const fail = (err: Error) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      slot.job?.reject(err);
      slot.job = null;
      this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`A mapping worker stopped (exit code ${code})`)));
    this.slots.push(slot);
    return slot;
  }
}

let shared: PsiPool | null = null;

/** The process's pool, started on first use: a server that never maps never starts a thread. */
export function psiPool(): PsiPool {
  shared ??= new PsiPool();
  return shared;
}
