import type { MapNodeKind } from '../events/benefitMap';
import { reachableFrom, type BenefitMapGraph, type MapNode } from './graph';

/** What the map lacks: each list holds node ids, in the order of the map's nodes. */
export interface BenefitMapFlags {
  /** benefits from which no path leads to a goal (gevinster uten vei til et mål) */
  benefitsWithoutGoal: string[];
  /** changes from which no path leads to a benefit; one that leads only to disbenefits counts (endringer uten gevinst) */
  changesWithoutBenefit: string[];
}

const leadsTo = (graph: BenefitMapGraph, node: MapNode, kind: MapNodeKind, kinds: ReadonlyMap<string, MapNodeKind>): boolean => {
  for (const id of reachableFrom(graph.edges, node.nodeId)) if (kinds.get(id) === kind) return true;
  return false;
};

export const analyseBenefitMap = (graph: BenefitMapGraph): BenefitMapFlags => {
  const kinds = new Map(graph.nodes.map((n) => [n.nodeId, n.kind]));
  return {
    benefitsWithoutGoal: graph.nodes.filter((n) => n.kind === 'benefit' && !leadsTo(graph, n, 'goal', kinds)).map((n) => n.nodeId),
    changesWithoutBenefit: graph.nodes.filter((n) => n.kind === 'change' && !leadsTo(graph, n, 'benefit', kinds)).map((n) => n.nodeId),
  };
};
