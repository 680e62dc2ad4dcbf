import dagre, { type GraphLabel } from '@dagrejs/dagre';
import type { BenefitMapView, MapEdgeView, MapNodeKind, MapNodeView } from '../../../api';

/** The map's columns, left to right (the kinds a column holds). */
export const columns: { title: string; kinds: MapNodeKind[] }[] = [
  { title: 'Leveranse', kinds: ['delivery'] },
  { title: 'Endring', kinds: ['change'] },
  { title: 'Gevinst / ulempe', kinds: ['benefit', 'disbenefit'] },
  { title: 'Mål', kinds: ['goal'] },
];
const columnOf = (kind: MapNodeKind) => columns.findIndex((c) => c.kinds.includes(kind));

export const NODE_WIDTH = 230;
const COLUMN_GAP = 110;
const MARGIN = 24;
const HEADER = 40;
const LINE = 18;
const PADDING = 12;
const CHARS_PER_LINE = 26;

export interface PlacedNode {
  node: MapNodeView;
  column: number;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

export interface PlacedEdge {
  edge: MapEdgeView;
  /** its number in the list of assumptions */
  number: number;
  path: string;
  labelX: number;
  labelY: number;
}

export interface MapLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
  columnX: number[];
}

/** Breaks a label into lines of about `max` characters, at spaces (a longer word gets a line of its own). */
export function wrap(text: string, max = CHARS_PER_LINE): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** the lines a node shows: its label, and for a benefit its status line */
const heightOf = (node: MapNodeView, lines: string[]) => PADDING * 2 + LINE * (lines.length + 1) + (node.benefit ? LINE : 0);

/**
 * Lays the map out left to right: dagre orders the nodes so that edges cross as little as it can
 * manage, then each node is placed in its kind's column (a delivery enabling a delivery stays in the
 * deliveries' column), stacked in dagre's order without overlap.
 */
export function layoutMap(view: Pick<BenefitMapView, 'nodes' | 'edges'>): MapLayout {
  const graph = new dagre.graphlib.Graph<GraphLabel, { width: number; height: number; y?: number }>();
  graph.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 80 });
  graph.setDefaultEdgeLabel(() => ({}));
  const sized = view.nodes.map((node) => {
    const lines = wrap(node.label);
    return { node, lines, height: heightOf(node, lines) };
  });
  for (const { node, height } of sized) graph.setNode(node.nodeId, { width: NODE_WIDTH, height });
  for (const edge of view.edges) graph.setEdge(edge.from, edge.to);
  dagre.layout(graph);

  const columnX = columns.map((_, i) => MARGIN + i * (NODE_WIDTH + COLUMN_GAP));
  const placed: PlacedNode[] = [];
  for (const [i] of columns.entries()) {
    const inColumn = sized
      .filter((s) => columnOf(s.node.kind) === i)
      .map((s) => ({ ...s, order: graph.node(s.node.nodeId).y ?? 0 }))
      .sort((a, b) => a.order - b.order);
    let bottom = HEADER + MARGIN;
    for (const s of inColumn) {
      const y = Math.max(bottom, HEADER + MARGIN + s.order - s.height / 2);
      placed.push({ node: s.node, column: i, x: columnX[i] ?? MARGIN, y, width: NODE_WIDTH, height: s.height, lines: s.lines });
      bottom = y + s.height + 20;
    }
  }
  const byId = new Map(placed.map((p) => [p.node.nodeId, p]));
  const edges: PlacedEdge[] = view.edges.flatMap((edge, index) => {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from || !to) return [];
    const sy = from.y + from.height / 2;
    const ty = to.y + to.height / 2;
    if (from.column === to.column) {
      // within a column: an arc out to the right and back
      const x = from.x + from.width;
      const bulge = 50;
      return [{ edge, number: index + 1, path: `M ${x} ${sy} C ${x + bulge} ${sy}, ${x + bulge} ${ty}, ${x + 4} ${ty}`, labelX: x + bulge * 0.75, labelY: (sy + ty) / 2 }];
    }
    const sx = from.x + from.width;
    const tx = to.x - 4;
    const mid = (sx + tx) / 2;
    return [{ edge, number: index + 1, path: `M ${sx} ${sy} C ${mid} ${sy}, ${mid} ${ty}, ${tx} ${ty}`, labelX: mid, labelY: (sy + ty) / 2 }];
  });
  const width = MARGIN * 2 + columns.length * NODE_WIDTH + (columns.length - 1) * COLUMN_GAP;
  const height = Math.max(HEADER + MARGIN * 2 + 60, ...placed.map((p) => p.y + p.height + MARGIN));
  return { nodes: placed, edges, width, height, columnX };
}
