import dagre from '@dagrejs/dagre';

/** A way between two steps, as `journeyEdges` reads them. */
export interface LayoutEdge {
  from: string;
  to: string;
  label: string;
}

export interface Size {
  width: number;
  height: number;
}

/** Where a journey's steps and the ways between them are drawn, in pixels from the top left. */
export interface JourneyLayout {
  width: number;
  height: number;
  /** Each step's card's top left corner. */
  steps: Map<string, { left: number; top: number }>;
  edges: { edge: LayoutEdge; path: string; label: { x: number; y: number } | null }[];
}

const LABEL_HEIGHT = 16;
/** About the width of one character of an edge label (11px system font). */
const LABEL_CHAR_WIDTH = 6.4;

/**
 * Lays a journey out top to bottom as a layered graph (dagre): a step below the steps that
 * lead to it, branches and split arms side by side, ways back (a weekly check-in loop) drawn
 * around. `sizes` are the cards' measured sizes.
 */
export function layoutJourney(stepIds: readonly string[], sizes: ReadonlyMap<string, Size>, edges: readonly LayoutEdge[]): JourneyLayout {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 32, ranksep: 40, edgesep: 20, marginx: 12, marginy: 12 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const id of stepIds) graph.setNode(id, { ...(sizes.get(id) ?? { width: 260, height: 110 }) });
  for (const edge of edges) {
    graph.setEdge(edge.from, edge.to, edge.label ? { width: edge.label.length * LABEL_CHAR_WIDTH + 8, height: LABEL_HEIGHT, labelpos: 'c' } : {});
  }
  dagre.layout(graph);

  const steps = new Map<string, { left: number; top: number }>();
  for (const id of stepIds) {
    const node = graph.node(id);
    steps.set(id, { left: (node.x ?? 0) - node.width / 2, top: (node.y ?? 0) - node.height / 2 });
  }
  const drawn = edges.map((edge) => {
    const label = graph.edge(edge.from, edge.to);
    const points = label?.points ?? [];
    return { edge, path: smoothPath(points), label: edge.label && label?.x !== undefined && label.y !== undefined ? { x: label.x, y: label.y } : null };
  });
  const { width = 0, height = 0 } = graph.graph();
  return { width, height, steps, edges: drawn };
}

/** A path through the points, its corners rounded (each inner point a quadratic control point). */
function smoothPath(points: readonly { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M ${first!.x} ${first!.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const control = rest[i]!;
    const after = rest[i + 1]!;
    d += ` Q ${control.x} ${control.y} ${(control.x + after.x) / 2} ${(control.y + after.y) / 2}`;
  }
  const last = rest[rest.length - 1];
  if (last) d += ` L ${last.x} ${last.y}`;
  return d;
}
