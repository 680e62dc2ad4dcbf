import type { BenefitMapEvent } from '../../events';
import type { MapEdge, MapNode } from '../../benefitMap/graph';

/** A project's gevinstkart as its stream tells it: nodes and edges in the order they were added. */
export interface BenefitMapState {
  /** null until the first node is added */
  projectId: string | null;
  nodes: readonly MapNode[];
  edges: readonly MapEdge[];
}

export const initialBenefitMapState = (): BenefitMapState => ({ projectId: null, nodes: [], edges: [] });

export const evolveBenefitMap = (state: BenefitMapState, event: BenefitMapEvent): BenefitMapState => {
  switch (event.type) {
    case 'MapNodeAdded': {
      const { projectId, nodeId, kind, label, benefitId, goalId } = event.data;
      return { ...state, projectId, nodes: [...state.nodes, { nodeId, kind, label, benefitId, goalId }] };
    }
    case 'MapNodeChanged': {
      const { nodeId, label, benefitId, goalId } = event.data;
      return { ...state, nodes: state.nodes.map((n) => (n.nodeId === nodeId ? { ...n, label, benefitId, goalId } : n)) };
    }
    case 'MapNodeRemoved': {
      const { nodeId } = event.data;
      // its edges were removed before it; any left (an older event) go with it
      return {
        ...state,
        nodes: state.nodes.filter((n) => n.nodeId !== nodeId),
        edges: state.edges.filter((e) => e.from !== nodeId && e.to !== nodeId),
      };
    }
    case 'MapEdgeAdded': {
      const { edgeId, from, to, assumption } = event.data;
      return { ...state, edges: [...state.edges, { edgeId, from, to, assumption }] };
    }
    case 'MapEdgeRemoved':
      return { ...state, edges: state.edges.filter((e) => e.edgeId !== event.data.edgeId) };
  }
};
