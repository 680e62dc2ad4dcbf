import type { MapNodeKind } from '../events/benefitMap';

export interface MapNode {
  nodeId: string;
  kind: MapNodeKind;
  label: string;
  benefitId: string | null;
  goalId: string | null;
}

export interface MapEdge {
  edgeId: string;
  from: string;
  to: string;
  assumption: string;
}

export interface BenefitMapGraph {
  nodes: readonly MapNode[];
  edges: readonly MapEdge[];
}

/**
 * The directions an edge may take, after DFØ's gevinstkart: a delivery enables a change, a change in
 * how people work brings benefits and disbenefits, and benefits serve goals. A delivery never leads
 * straight to a benefit (DFØ: the gains come from the changes, not from the delivery itself), and no
 * edge goes backwards. Within a column, a delivery may enable another delivery, a change another
 * change, an intermediate benefit an end benefit and a sub-goal its main goal.
 */
export const allowedTargets: Readonly<Record<MapNodeKind, readonly MapNodeKind[]>> = {
  delivery: ['delivery', 'change'],
  change: ['change', 'benefit', 'disbenefit'],
  benefit: ['benefit', 'goal'],
  disbenefit: ['goal'],
  goal: ['goal'],
};

export const edgeAllowed = (from: MapNodeKind, to: MapNodeKind): boolean => allowedTargets[from].includes(to);

/** The map's columns, left to right. */
export const columnOf: Readonly<Record<MapNodeKind, number>> = { delivery: 0, change: 1, benefit: 2, disbenefit: 2, goal: 3 };

/** The nodes reachable from `start` along the edges (not `start` itself, unless on a cycle). */
export const reachableFrom = (edges: readonly MapEdge[], start: string): Set<string> => {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const seen = new Set<string>();
  const stack = [...(next.get(start) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return seen;
};
