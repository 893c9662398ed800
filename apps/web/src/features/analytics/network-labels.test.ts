import { describe, expect, test } from 'vitest';
import { type LabelBox, type LabelCandidate, labelBox, placeLabels } from './network-labels';

const LINE = 14;
/** About what a 12 px system font takes per character. */
const width = (label: string) => label.length * 7;

function collide(a: LabelBox, b: LabelBox) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** A fixed-seed generator, so the crowded picture below is the same on every run. */
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

describe('partner graph labels', () => {
  test('in a crowded picture, no two shown labels overlap', () => {
    const rnd = seeded(3);
    const candidates: LabelCandidate[] = Array.from({ length: 1500 }, (_, i) => {
      const name = `Partner number ${i} GmbH`;
      return { id: `n${i}`, x: rnd() * 800, y: rnd() * 480, size: 3 + rnd() * 10, width: width(name) };
    });
    const shown = placeLabels(candidates, LINE, { width: 800, height: 480 });
    expect(shown.length).toBeGreaterThan(20);
    expect(shown.length).toBeLessThan(candidates.length);
    for (let i = 0; i < shown.length; i++)
      for (let j = i + 1; j < shown.length; j++)
        expect(collide(shown[i]!, shown[j]!), `${shown[i]!.id} and ${shown[j]!.id}`).toBe(false);
  });

  test('when two labels would overlap, the more important one (listed first) is shown', () => {
    const big: LabelCandidate = { id: 'big', x: 100, y: 100, size: 10, width: width('Northwind Systems') };
    const small: LabelCandidate = { id: 'small', x: 110, y: 104, size: 3, width: width('Contoso') };
    expect(placeLabels([big, small], LINE).map((b) => b.id)).toEqual(['big']);
    expect(placeLabels([small, big], LINE).map((b) => b.id)).toEqual(['small']);
  });

  test('labels with room are all shown, where sigma draws them: right of the node', () => {
    const a: LabelCandidate = { id: 'a', x: 0, y: 0, size: 5, width: 50 };
    const b: LabelCandidate = { id: 'b', x: 0, y: 40, size: 5, width: 50 };
    expect(placeLabels([a, b], LINE)).toEqual([labelBox(a, LINE), labelBox(b, LINE)]);
    expect(labelBox(a, LINE)).toMatchObject({ left: 8, right: 58, top: -7, bottom: 7 });
  });

  test('labels off screen are skipped and take no room', () => {
    const off: LabelCandidate = { id: 'off', x: -500, y: 10, size: 5, width: 40 };
    const on: LabelCandidate = { id: 'on', x: 10, y: 10, size: 5, width: 40 };
    expect(placeLabels([off, on], LINE, { width: 300, height: 200 }).map((b) => b.id)).toEqual(['on']);
  });
});
