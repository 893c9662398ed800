import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

export interface LayoutEdge {
  source: string;
  target: string;
  weight: number;
}

export interface Point {
  x: number;
  y: number;
}

/** The isolated partners' band is kept to about this share of the picture's height. */
const BAND_SHARE = 0.3;
/** A grid cell is this much wider than tall: labels run sideways. */
const CELL_ASPECT = 2;
/** The band's cells are never wider than a fifth of the picture. */
const MIN_COLUMNS = 5;

/**
 * Positions for the drawn partner graph. Partners linked to at least one other are laid out by
 * ForceAtlas2; partners linked to none are left out of it and set in a grid band under the picture.
 * Inside the force layout an unlinked node is only pushed away by all the others and pulled back by
 * gravity, so it ends up on a ring around the linked ones and the drawing, scaled to fit its ring,
 * squeezes the part that matters into the middle. The band is as wide as the linked part and, however
 * many partners it holds, about a third of its height.
 *
 * `nodes` come in drawing priority (highest-ranked first): the band's first row holds the most
 * important unlinked partners. `rnd` seeds the starting positions, so a layout is the same every run.
 */
export function layoutNetwork(nodes: string[], edges: LayoutEdge[], rnd: () => number): Map<string, Point> {
  const linked = new Graph({ type: 'undirected' });
  for (const e of edges) {
    if (e.source === e.target) continue;
    for (const id of [e.source, e.target]) {
      if (!linked.hasNode(id)) linked.addNode(id, { x: 0, y: 0 });
    }
    if (!linked.hasEdge(e.source, e.target)) linked.addEdge(e.source, e.target, { weight: e.weight });
  }
  // Starting positions in the callers' order, not the edges' order: the same graph lays out the same.
  for (const id of nodes) {
    if (linked.hasNode(id)) linked.mergeNodeAttributes(id, { x: rnd() * 100, y: rnd() * 100 });
  }
  if (linked.order > 1) {
    forceAtlas2.assign(linked, {
      iterations: linked.order > 500 ? 60 : 150,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(linked), barnesHutOptimize: linked.order > 500 },
    });
  }

  const positions = new Map<string, Point>();
  linked.forEachNode((id, attrs) => positions.set(id, { x: attrs.x as number, y: attrs.y as number }));

  const isolated = nodes.filter((id) => !linked.hasNode(id));
  if (isolated.length === 0) return positions;

  const box = bounds([...positions.values()]) ?? { minX: 0, maxX: 100, minY: 0, maxY: 0 };
  const width = Math.max(box.maxX - box.minX, 1);
  const extent = Math.max(width, box.maxY - box.minY, 1);
  // Columns such that rows × cell height ≈ BAND_SHARE × extent, with cell height = width / cols / CELL_ASPECT.
  const columns = Math.min(
    isolated.length,
    Math.max(1, Math.ceil(Math.sqrt((isolated.length * width) / (CELL_ASPECT * BAND_SHARE * extent)))),
  );
  // A few unlinked partners get cells as if there were more of them, centred: one partner does not
  // span the whole width and push the band far from the rest.
  const cellWidth = width / Math.max(columns, MIN_COLUMNS);
  const cellHeight = cellWidth / CELL_ASPECT;
  const left = box.minX + (width - columns * cellWidth) / 2;
  // Clear of the linked part by a margin that does not shrink to nothing for a small graph.
  const top = box.minY - extent * 0.08 - cellHeight / 2;
  isolated.forEach((id, i) => {
    const row = Math.floor(i / columns);
    const column = i % columns;
    positions.set(id, { x: left + (column + 0.5) * cellWidth, y: top - row * cellHeight });
  });
  return positions;
}

export interface Bounds {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export function bounds(points: Point[]): Bounds | null {
  if (points.length === 0) return null;
  return {
    minX: Math.min(...points.map((p) => p.x)),
    maxX: Math.max(...points.map((p) => p.x)),
    minY: Math.min(...points.map((p) => p.y)),
    maxY: Math.max(...points.map((p) => p.y)),
  };
}
