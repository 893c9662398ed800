import type { Round2 } from '../packages/shared/src/contracts/mapping';
import {
  finishFromAnswer,
  prepareRound1,
  type InitiatorPopulation,
} from '../packages/shared/src/psi/initiator';
import { randomScalar } from '../packages/shared/src/psi/psi';
import { benchAccounts, measureFloor } from './account-mapping.shared';

// Bundled into the benchmark's Chromium page: the partner's browser half of a run, with the same shared
// psi code the web app ships. The scalar and the blinded accounts stay in the page between the two calls.

let state: { pops: InitiatorPopulation[]; a: bigint; runId: string } | null = null;

const api = {
  floor: (sample: number) => measureFloor(sample),
  /** Round 1: generate and blind the partner's accounts; returns the message and the time it took. */
  blind(n: number, overlap: number, level: 'counts' | 'overlaps', runId: string) {
    const pops: InitiatorPopulation[] = [
      { populationId: 'p', level, sharedFields: ['name'], accounts: benchAccounts('partner', n, overlap) },
    ];
    const a = randomScalar();
    const start = performance.now();
    const { message } = prepareRound1(pops, a, runId);
    const ms = performance.now() - start;
    state = { pops, a, runId };
    return { message, ms };
  },
  /** Round 3: intersect the answer; returns the count and the time it took. */
  async finish(answer: Round2) {
    if (!state) throw new Error('blind first');
    const start = performance.now();
    const done = await finishFromAnswer(state.pops, state.a, state.runId, answer);
    return { count: done.outcomes[0]!.count, ms: performance.now() - start };
  },
};

(globalThis as unknown as { psiBench: typeof api }).psiBench = api;
