import { describe, expect, it } from 'vitest';
import { analyseBenefitMap, type MapEdge, type MapNode, type MapNodeKind } from '../../src';

const node = (nodeId: string, kind: MapNodeKind): MapNode => ({ nodeId, kind, label: nodeId, benefitId: null, goalId: null });
const edge = (from: string, to: string): MapEdge => ({ edgeId: `${from}>${to}`, from, to, assumption: 'fordi' });

describe('analyseBenefitMap', () => {
  it('flags nothing on a complete chain from delivery to goal', () => {
    const nodes = [node('lev', 'delivery'), node('end', 'change'), node('gev', 'benefit'), node('mal', 'goal')];
    expect(analyseBenefitMap({ nodes, edges: [edge('lev', 'end'), edge('end', 'gev'), edge('gev', 'mal')] })).toEqual({
      benefitsWithoutGoal: [],
      changesWithoutBenefit: [],
    });
  });

  it('flags a benefit with no path to a goal, and a change with no benefit', () => {
    const nodes = [node('lev', 'delivery'), node('end', 'change'), node('gev', 'benefit'), node('mal', 'goal')];
    expect(analyseBenefitMap({ nodes, edges: [edge('lev', 'end')] })).toEqual({ benefitsWithoutGoal: ['gev'], changesWithoutBenefit: ['end'] });
  });

  it('follows paths through intermediate benefits and chained changes', () => {
    const nodes = [node('end1', 'change'), node('end2', 'change'), node('mellom', 'benefit'), node('slutt', 'benefit'), node('mal', 'goal')];
    const edges = [edge('end1', 'end2'), edge('end2', 'mellom'), edge('mellom', 'slutt'), edge('slutt', 'mal')];
    expect(analyseBenefitMap({ nodes, edges })).toEqual({ benefitsWithoutGoal: [], changesWithoutBenefit: [] });
    // cut the end benefit from the goal: both benefits lose their way there, the changes still have a benefit
    expect(analyseBenefitMap({ nodes, edges: edges.slice(0, 3) })).toEqual({ benefitsWithoutGoal: ['mellom', 'slutt'], changesWithoutBenefit: [] });
  });

  it('counts a change that leads only to a disbenefit as one without a benefit, and never flags a disbenefit', () => {
    const nodes = [node('end', 'change'), node('ulempe', 'disbenefit'), node('gev', 'benefit'), node('mal', 'goal')];
    expect(analyseBenefitMap({ nodes, edges: [edge('end', 'ulempe'), edge('gev', 'mal')] })).toEqual({ benefitsWithoutGoal: [], changesWithoutBenefit: ['end'] });
  });

  it('keeps the order of the map\'s nodes', () => {
    const nodes = [node('c', 'benefit'), node('a', 'benefit'), node('b', 'change')];
    expect(analyseBenefitMap({ nodes, edges: [] })).toEqual({ benefitsWithoutGoal: ['c', 'a'], changesWithoutBenefit: ['b'] });
  });
});
