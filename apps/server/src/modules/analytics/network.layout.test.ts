import { describe, expect, test } from 'vitest';
import { bounds, type LayoutEdge, layoutNetwork } from './network.layout';

/** The same fixed-seed generator the service uses, so the layout is deterministic here too. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Two linked groups (a ring of 12 with spokes, and a pair) and some partners linked to no one.
const ring = Array.from({ length: 12 }, (_, i) => `r${i}`);
const ringEdges: LayoutEdge[] = ring.flatMap((id, i) => [
  { source: id, target: ring[(i + 1) % ring.length]!, weight: 1 },
  ...(i % 3 === 0 ? [{ source: id, target: ring[(i + 6) % ring.length]!, weight: 2 }] : []),
]);
const edges: LayoutEdge[] = [...ringEdges, { source: 'p0', target: 'p1', weight: 1 }];
const linked = [...ring, 'p0', 'p1'];
const lonely = (n: number) => Array.from({ length: n }, (_, i) => `lonely${i}`);

describe('the partner graph layout', () => {
  test('partners linked to no one are placed outside the linked partners’ bounding box', () => {
    const isolated = lonely(40);
    const positions = layoutNetwork([...linked, ...isolated], edges, seeded(7));
    expect(positions.size).toBe(linked.length + isolated.length);
    const box = bounds(linked.map((id) => positions.get(id)!))!;
    for (const id of isolated) {
      const p = positions.get(id)!;
      const inside = p.x >= box.minX && p.x <= box.maxX && p.y >= box.minY && p.y <= box.maxY;
      expect(inside, `${id} at ${p.x},${p.y}`).toBe(false);
    }
  });

  test('adding unlinked partners does not move or squeeze the linked ones', () => {
    const alone = layoutNetwork(linked, edges, seeded(7));
    const crowded = layoutNetwork([...linked, ...lonely(200)], edges, seeded(7));
    for (const id of linked) expect(crowded.get(id)).toEqual(alone.get(id));
  });

  test('the unlinked band stays a fraction of the picture, however many partners it holds', () => {
    const positions = layoutNetwork([...linked, ...lonely(500)], edges, seeded(7));
    const main = bounds(linked.map((id) => positions.get(id)!))!;
    const band = bounds(lonely(500).map((id) => positions.get(id)!))!;
    const mainExtent = Math.max(main.maxX - main.minX, main.maxY - main.minY);
    expect(band.maxY - band.minY).toBeLessThan(mainExtent * 0.5);
    // As wide as the linked part, no wider: the picture is not stretched sideways either.
    expect(band.minX).toBeGreaterThanOrEqual(main.minX);
    expect(band.maxX).toBeLessThanOrEqual(main.maxX);
  });

  test('no two partners share a position, with or without links', () => {
    const positions = layoutNetwork([...linked, ...lonely(30)], edges, seeded(7));
    const seen = new Set([...positions.values()].map((p) => `${p.x.toFixed(6)},${p.y.toFixed(6)}`));
    expect(seen.size).toBe(positions.size);
  });

  test('a graph with no links at all is one grid', () => {
    const positions = layoutNetwork(lonely(9), [], seeded(7));
    expect(positions.size).toBe(9);
    expect(new Set([...positions.values()].map((p) => `${p.x},${p.y}`)).size).toBe(9);
  });
});
