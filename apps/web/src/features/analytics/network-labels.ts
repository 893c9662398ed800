/**
 * Which node labels the partner graph shows: as many as fit without one label box covering another,
 * the most important first. The rest show when their node is hovered or selected (see network-graph.tsx).
 * Positions and sizes are in screen pixels, so the choice is made again when the camera moves: zooming
 * in makes room for more.
 */

export interface LabelCandidate {
  id: string;
  /** The node's centre on screen, in pixels. */
  x: number;
  y: number;
  /** The node's radius on screen, in pixels: the label starts just right of it. */
  size: number;
  /** The label's rendered width, in pixels. */
  width: number;
}

export interface LabelBox {
  id: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Gap between a node and its label, and the room kept free around each label box. */
const GAP = 3;
const PADDING = 2;

/** Where sigma draws a label: right of its node, vertically centred on it. */
export function labelBox(c: LabelCandidate, lineHeight: number): LabelBox {
  const left = c.x + c.size + GAP;
  return {
    id: c.id,
    left,
    top: c.y - lineHeight / 2,
    right: left + c.width,
    bottom: c.y + lineHeight / 2,
  };
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return (
    a.left < b.right + PADDING &&
    b.left < a.right + PADDING &&
    a.top < b.bottom + PADDING &&
    b.top < a.bottom + PADDING
  );
}

/**
 * The labels to show, chosen greedily in the candidates' order (most important first): a label is
 * kept when its box touches no box kept before it, and when it lies within `viewport` (labels off
 * screen take no room). A bucket grid keeps this near-linear for the 1,500 nodes a picture holds.
 */
export function placeLabels(
  candidates: LabelCandidate[],
  lineHeight: number,
  viewport?: { width: number; height: number },
): LabelBox[] {
  const cell = Math.max(lineHeight * 4, 32);
  const buckets = new Map<string, LabelBox[]>();
  const keys = (b: LabelBox) => {
    const out: string[] = [];
    for (let cx = Math.floor((b.left - PADDING) / cell); cx <= Math.floor((b.right + PADDING) / cell); cx++)
      for (let cy = Math.floor((b.top - PADDING) / cell); cy <= Math.floor((b.bottom + PADDING) / cell); cy++)
        out.push(`${cx}:${cy}`);
    return out;
  };
  const kept: LabelBox[] = [];
  for (const candidate of candidates) {
    if (candidate.width <= 0) continue;
    const box = labelBox(candidate, lineHeight);
    if (
      viewport &&
      (box.right < 0 || box.left > viewport.width || box.bottom < 0 || box.top > viewport.height)
    )
      continue;
    const cells = keys(box);
    if (cells.some((k) => buckets.get(k)?.some((other) => overlaps(box, other)))) continue;
    kept.push(box);
    for (const k of cells) buckets.set(k, [...(buckets.get(k) ?? []), box]);
  }
  return kept;
}
