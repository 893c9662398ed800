import { Alert, Box, Button, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import Graph from 'graphology';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Sigma from 'sigma';
import type { NetworkReport } from '../../api/analytics';
import { type LabelCandidate, placeLabels } from './network-labels';

export type GraphNode = NonNullable<NetworkReport['graph']>['nodes'][number];
export type GraphEdge = NonNullable<NetworkReport['graph']>['edges'][number];

const FADED_NODE = '#dee2e6';
const EDGE = '#ced4da';
const EDGE_STRONG = '#495057';
const LABEL_FONT = 'system-ui, sans-serif';
const LABEL_SIZE = 12;
/** How long the camera rests before the labels are chosen again for the new view. */
const RELABEL_DELAY_MS = 120;

let webgl: boolean | null = null;

/** Whether this browser can give sigma a WebGL context (headless browsers and locked-down machines may not). */
function webglAvailable(): boolean {
  if (webgl !== null) return webgl;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    webgl = gl !== null;
    // Browsers cap live contexts: give this probe's back at once.
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    webgl = false;
  }
  return webgl;
}

interface Props {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Fill colour of each node (by partner type or cluster), as a hex string: WebGL reads no CSS variables. */
  colors: Map<string, string>;
  selected: string | null;
  onSelect: (id: string | null) => void;
  /** Moves the camera to this node; `at` tells a new request for the same node from the last. */
  centreOn: { id: string; at: number } | null;
  /** What to show when the picture cannot be drawn (the same partners as a table). */
  fallback: ReactNode;
  /** Shown under the picture only: the fallback table needs no colour key. */
  legend?: ReactNode;
  height?: number;
}

interface View {
  colors: Map<string, string>;
  selected: string | null;
  neighbours: Set<string>;
  hovered: string | null;
  /** The nodes whose labels fit without covering another (see network-labels.ts). */
  labelled: Set<string>;
}

let measureContext: CanvasRenderingContext2D | null | undefined;

/** A label's width in pixels, as sigma's label renderer will draw it. */
function labelWidth(label: string): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return label.length * LABEL_SIZE * 0.6;
  measureContext.font = `normal ${LABEL_SIZE}px ${LABEL_FONT}`;
  return measureContext.measureText(label).width;
}

/**
 * The labels that fit in the current view: most important node first (size follows PageRank), and
 * while a partner is selected only it and its neighbours compete, the selected one first.
 */
function chooseLabels(sigma: Sigma, graph: Graph, v: View): Set<string> {
  const size = (id: string) => graph.getNodeAttribute(id, 'size') as number;
  const ids = v.selected
    ? [v.selected, ...[...v.neighbours].sort((a, b) => size(b) - size(a))]
    : graph.nodes().sort((a, b) => size(b) - size(a));
  const candidates: LabelCandidate[] = [];
  for (const id of ids) {
    const data = sigma.getNodeDisplayData(id);
    const label = graph.getNodeAttribute(id, 'label') as string | undefined;
    if (!data || data.hidden || !label) continue;
    const at = sigma.framedGraphToViewport(data);
    candidates.push({ id, x: at.x, y: at.y, size: sigma.scaleSize(data.size), width: labelWidth(label) });
  }
  const { width, height } = sigma.getDimensions();
  return new Set(placeLabels(candidates, LABEL_SIZE * 1.2, { width, height }).map((box) => box.id));
}

/**
 * The partner graph drawn by sigma.js (WebGL) at the positions the server's layout gave; node size
 * follows PageRank. Selecting a node keeps it and its neighbours in colour and fades the rest. Labels
 * are shown where they fit without overlapping; the others appear on hover and on selection.
 * Without WebGL, or if sigma fails to start, the fallback is shown instead: the page never breaks.
 */
export function NetworkGraph({
  nodes,
  edges,
  colors,
  selected,
  onSelect,
  centreOn,
  fallback,
  legend,
  height = 480,
}: Props) {
  const [failure, setFailure] = useState<string | null>(() =>
    webglAvailable() ? null : 'This browser offers no WebGL, which the graph picture needs.',
  );
  const sigmaRef = useRef<Sigma | null>(null);
  const view = useRef<View>({
    colors,
    selected: null,
    neighbours: new Set(),
    hovered: null,
    labelled: new Set(),
  });
  const relabel = useRef<() => void>(() => undefined);
  const onSelectRef = useRef(onSelect);

  const graph = useMemo(() => {
    const g = new Graph({ type: 'undirected', multi: false });
    const maxRank = Math.max(1e-12, ...nodes.map((n) => n.pagerank));
    for (const n of nodes)
      g.addNode(n.id, {
        x: n.x,
        y: n.y,
        label: n.name,
        size: 3 + 13 * Math.sqrt(n.pagerank / maxRank),
      });
    for (const e of edges)
      if (g.hasNode(e.source) && g.hasNode(e.target) && !g.hasEdge(e.source, e.target))
        g.addEdge(e.source, e.target, { size: 0.5 + Math.log2(1 + e.weight), weight: e.weight });
    return g;
  }, [nodes, edges]);

  // The reducers read the latest colours and selection from a ref, so a change repaints without a new renderer.
  useEffect(() => {
    onSelectRef.current = onSelect;
    view.current = {
      ...view.current,
      colors,
      selected: selected && graph.hasNode(selected) ? selected : null,
      neighbours: new Set(selected && graph.hasNode(selected) ? graph.neighbors(selected) : []),
    };
    sigmaRef.current?.refresh();
    relabel.current();
  }, [colors, selected, onSelect, graph]);

  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!sigma || !centreOn || !graph.hasNode(centreOn.id)) return;
    const at = sigma.getNodeDisplayData(centreOn.id);
    if (at) void sigma.getCamera().animate({ x: at.x, y: at.y, ratio: 0.5 }, { duration: 500 });
  }, [centreOn, graph]);

  // A callback ref with a cleanup (React 19): the renderer lives exactly as long as its container.
  const container = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el) return;
      let sigma: Sigma;
      try {
        sigma = new Sigma(graph, el, {
          allowInvalidContainer: true,
          zIndex: true,
          labelFont: LABEL_FONT,
          labelSize: LABEL_SIZE,
          defaultEdgeColor: EDGE,
          nodeReducer: (node, data) => {
            const v = view.current;
            // The chosen labels are forced (sigma's own label grid would drop some); the rest have none.
            const labelled = v.labelled.has(node);
            const out = {
              ...data,
              color: v.colors.get(node) ?? '#868e96',
              label: labelled ? data.label : null,
              forceLabel: labelled,
            };
            if (v.selected) {
              if (node === v.selected)
                Object.assign(out, { highlighted: true, label: data.label, forceLabel: true, zIndex: 2 });
              else if (v.neighbours.has(node)) Object.assign(out, { zIndex: 1 });
              else Object.assign(out, { color: FADED_NODE, label: null, forceLabel: false, zIndex: 0 });
            }
            if (node === v.hovered)
              Object.assign(out, { highlighted: true, label: data.label, forceLabel: true, zIndex: 3 });
            return out;
          },
          edgeReducer: (edge, data) => {
            const v = view.current;
            if (!v.selected) return data;
            return graph.hasExtremity(edge, v.selected)
              ? { ...data, color: EDGE_STRONG, zIndex: 1 }
              : { ...data, hidden: true };
          },
        });
      } catch (error) {
        el.replaceChildren();
        setFailure(
          `The graph picture could not be drawn here (${error instanceof Error ? error.message : 'WebGL failed'}).`,
        );
        return;
      }
      sigmaRef.current = sigma;
      let relabelTimer: ReturnType<typeof setTimeout> | undefined;
      const applyLabels = () => {
        view.current = { ...view.current, labelled: chooseLabels(sigma, graph, view.current) };
        sigma.refresh({ skipIndexation: true });
      };
      relabel.current = applyLabels;
      applyLabels();
      // Zooming in makes room for more labels, zooming out for fewer: choose again once the camera rests.
      const onCamera = () => {
        clearTimeout(relabelTimer);
        relabelTimer = setTimeout(applyLabels, RELABEL_DELAY_MS);
      };
      sigma.getCamera().on('updated', onCamera);
      sigma.on('resize', onCamera);
      sigma.on('clickNode', ({ node }) => onSelectRef.current(node));
      sigma.on('clickStage', () => onSelectRef.current(null));
      sigma.on('enterNode', ({ node }) => {
        view.current = { ...view.current, hovered: node };
        el.style.cursor = 'pointer';
        sigma.refresh({ skipIndexation: true });
      });
      sigma.on('leaveNode', () => {
        view.current = { ...view.current, hovered: null };
        el.style.cursor = '';
        sigma.refresh({ skipIndexation: true });
      });
      return () => {
        clearTimeout(relabelTimer);
        relabel.current = () => undefined;
        sigma.getCamera().off('updated', onCamera);
        sigma.kill();
        if (sigmaRef.current === sigma) sigmaRef.current = null;
      };
    },
    [graph],
  );

  if (failure) {
    return (
      <Stack gap="sm">
        <Alert color="yellow" icon={<IconAlertTriangle />} role="status" data-testid="graph-fallback">
          {failure} The partners of the graph are listed instead.
        </Alert>
        {fallback}
      </Stack>
    );
  }
  return (
    <Box pos="relative">
      <Box
        ref={container}
        h={height}
        data-testid="partner-graph"
        role="img"
        aria-label={`Partner graph: ${nodes.length} partners and ${edges.length} links. Use the search box to select a partner.`}
        style={{
          border: '1px solid var(--mantine-color-gray-3)',
          borderRadius: 'var(--mantine-radius-md)',
          overflow: 'hidden',
        }}
      />
      <Button
        size="compact-xs"
        variant="default"
        pos="absolute"
        top={8}
        right={8}
        onClick={() => void sigmaRef.current?.getCamera().animatedReset({ duration: 300 })}
      >
        Reset view
      </Button>
      {legend}
    </Box>
  );
}
