// Account mapping at scale: a partner's N accounts against the vendor's N accounts, run through the very
// functions the browser and the server run (packages/shared/src/psi), beside the floor of the curve
// operations themselves — the same count of hash-to-curve and scalar multiplications, measured in the same
// run with nothing else around them. Prints each phase, the total and the ratio to the floor; writes
// bench/results/account-mapping-<N>.json.
//
//   npx tsx bench/account-mapping.ts [--n 100000] [--overlap 0.3]
//
// The protocol costs per run: the partner hashes and blinds its N keys (N h2c + N mul), the responder
// evaluates them (N mul) and hashes and blinds its own (N h2c + N mul), the partner unblinds (N mul): 2N
// hash-to-curve and 4N multiplications, plus tags (HKDF) and, at "overlaps", sealing fields (AES-GCM).
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import {
  finishFromAnswer,
  prepareRound1,
  type InitiatorPopulation,
} from '../packages/shared/src/psi/initiator';
import { decodePoints, PSI_DST, randomScalar } from '../packages/shared/src/psi/psi';
import { answerSets } from '../packages/shared/src/psi/responder';
import { writeResult } from './support';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '100000' }, overlap: { type: 'string', default: '0.3' } },
});
const N = Number(values.n);
const OVERLAP = Number(values.overlap);
if (!Number.isInteger(N) || N < 1) throw new Error('--n is a positive whole number');

const partner = Array.from({ length: N }, (_, i) => ({
  keys: [i < N * OVERLAP ? `shared-${i}.com` : `partner-${i}.com`],
  fields: { name: `Partner account ${i}` },
}));
const vendor = Array.from({ length: N }, (_, i) => ({
  keys: [i < N * OVERLAP ? `shared-${i}.com` : `vendor-${i}.com`],
  fields: { name: `Vendor account ${i}`, owner: 'Ana' },
}));

async function timed<T>(label: string, work: () => Promise<T> | T) {
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(9)} s`);
  return { result, ms };
}

async function protocol(level: 'counts' | 'overlaps') {
  const runId = `bench-${level}`;
  const a = randomScalar();
  const pops: InitiatorPopulation[] = [
    { populationId: 'p', level, sharedFields: ['name'], accounts: partner },
  ];
  const round1 = await timed(`${level}: partner blinds (browser half 1)`, () =>
    prepareRound1(pops, a, runId),
  );
  const answer = await timed(`${level}: responder answers (server)`, () => {
    const decoded = decodePoints(round1.result.message.sets[0]!.points, N);
    if (!decoded.ok) throw new Error(decoded.message);
    return answerSets(
      runId,
      [{ populationId: 'p', points: decoded.bytes }],
      [{ populationId: 'v', level, sharedFields: ['name', 'owner'], accounts: vendor, b: randomScalar() }],
    );
  });
  const finish = await timed(`${level}: partner intersects (browser half 2)`, () =>
    finishFromAnswer(pops, a, runId, answer.result),
  );
  const count = finish.result.outcomes[0]!.count;
  if (count !== Math.ceil(N * OVERLAP))
    throw new Error(`expected ${Math.ceil(N * OVERLAP)} matches, got ${count}`);
  return {
    blindMs: round1.ms,
    answerMs: answer.ms,
    finishMs: finish.ms,
    totalMs: round1.ms + answer.ms + finish.ms,
  };
}

/** The floor: 2N hash-to-curve and 4N scalar multiplications (with encoding), nothing else. */
async function floor() {
  return timed('floor: 2N hash-to-curve + 4N multiplications', () => {
    const k = randomScalar();
    const enc = new TextEncoder();
    let sink = 0;
    for (let i = 0; i < 2 * N; i++) {
      const p = ristretto255_hasher.hashToCurve(enc.encode(`floor-${i}.com`), { DST: PSI_DST });
      const q = ristretto255.Point.fromBytes(p.multiply(k).toBytes());
      sink ^= q.multiply(k).toBytes()[0]!;
    }
    return sink;
  });
}

console.log(`account mapping: ${N} × ${N} accounts, ${OVERLAP * 100}% overlap, Node ${process.version}`);
const fl = await floor();
const counts = await protocol('counts');
const overlaps = await protocol('overlaps');
const ratio = (ms: number) => Number((ms / fl.ms).toFixed(2));
console.log(
  `counts run / floor: ${ratio(counts.totalMs)}×; overlaps run / floor: ${ratio(overlaps.totalMs)}×`,
);
writeResult(`account-mapping-${N}`, {
  n: N,
  overlap: OVERLAP,
  node: process.version,
  floorMs: Math.round(fl.ms),
  counts: { ...counts, ratioToFloor: ratio(counts.totalMs) },
  overlaps: { ...overlaps, ratioToFloor: ratio(overlaps.totalMs) },
});
