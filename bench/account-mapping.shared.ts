import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import type { PsiAccount } from '../packages/shared/src/psi/protocol';
import { PSI_DST, randomScalar } from '../packages/shared/src/psi/psi';

// What the account-mapping benchmark runs on both sides, in Node and bundled into the Chromium page: the
// generated account lists and the floor of the curve operations.

/** N accounts per side; the first overlap × N are the same companies on both sides. */
export function benchAccounts(side: 'partner' | 'vendor', n: number, overlap: number): PsiAccount[] {
  return Array.from({ length: n }, (_, i) => ({
    keys: [i < n * overlap ? `shared-${i}.com` : `${side}-${i}.com`],
    fields: (side === 'partner'
      ? { name: `Partner account ${i}` }
      : { name: `Vendor account ${i}`, owner: 'Ana' }) as Record<string, string>,
  }));
}

/**
 * The floor: per operation, what the protocol cannot do without. Each side of a run does, per key, one
 * hash-to-curve with a multiplication (blinding its own key) and one decode with a multiplication (the
 * other side's point: evaluating it, or removing its own blinding) — so each half's floor is
 * N × (h2cMul + decodeMul). Measured on `sample` keys of each, in the runtime being measured, just before.
 */
export function measureFloor(sample: number) {
  const k = randomScalar();
  const enc = new TextEncoder();
  const points: Uint8Array[] = [];
  let start = performance.now();
  for (let i = 0; i < sample; i++)
    points.push(
      ristretto255_hasher
        .hashToCurve(enc.encode(`floor-${i}.com`), { DST: PSI_DST })
        .multiply(k)
        .toBytes(),
    );
  const h2cMul = (performance.now() - start) / sample;
  let sink = 0;
  start = performance.now();
  for (const p of points) sink ^= ristretto255.Point.fromBytes(p).multiply(k).toBytes()[0]!;
  const decodeMul = (performance.now() - start) / sample;
  return { sample, h2cMulMs: h2cMul, decodeMulMs: decodeMul, perKeyMs: h2cMul + decodeMul, sink };
}
