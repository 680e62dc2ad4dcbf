import { describe, expect, it } from 'vitest';
import { benefitMapDecider, BenefitMapConflictError, type BenefitMapContext, type BenefitMapEvent, type MapNodeKind } from '../../src';
import { specFor } from './spec';

const { given } = specFor(benefitMapDecider);
const context: BenefitMapContext = {
  now: '2026-03-15T10:00:00+01:00',
  projects: {
    p1: { exists: true, closed: false, name: 'Digital byggesak' },
    p2: { exists: true, closed: false, name: 'Velferdsteknologi' },
    done: { exists: true, closed: true, name: 'Ferdig' },
  },
  benefits: {
    b1: { projectId: 'p1', title: 'Kortere saksbehandlingstid', disbenefit: false, cancelled: false, recipientUnitId: 'u1' },
    d1: { projectId: 'p1', title: 'Opplæringstid', disbenefit: true, cancelled: false, recipientUnitId: 'u1' },
    gone: { projectId: 'p1', title: 'Avlyst', disbenefit: false, cancelled: true, recipientUnitId: 'u1' },
    other: { projectId: 'p2', title: 'Færre fall', disbenefit: false, cancelled: false, recipientUnitId: 'u1' },
  },
  goals: {
    g1: { exists: true, kind: 'main', title: 'Bedre tjenester', unitId: 'k', retired: false },
    old: { exists: true, kind: 'sub', title: 'Gammelt delmål', unitId: 'k', retired: true },
  },
};

const added = (nodeId: string, kind: MapNodeKind, refs: { benefitId?: string; goalId?: string } = {}): BenefitMapEvent => ({
  type: 'MapNodeAdded',
  data: { projectId: 'p1', nodeId, kind, label: `Node ${nodeId}`, benefitId: refs.benefitId ?? null, goalId: refs.goalId ?? null },
});
const edge = (edgeId: string, from: string, to: string): BenefitMapEvent => ({
  type: 'MapEdgeAdded',
  data: { projectId: 'p1', edgeId, from, to, assumption: 'Saksbehandlerne tar løsningen i bruk' },
});
const addEdge = (edgeId: string, from: string, to: string, assumption = 'Saksbehandlerne tar løsningen i bruk') =>
  ({ type: 'AddMapEdge', data: { projectId: 'p1', edgeId, from, to, assumption }, context }) as const;

/** a delivery, a change, a benefit, a disbenefit and a goal, unconnected */
const chain = [added('lev', 'delivery'), added('end', 'change'), added('gev', 'benefit', { benefitId: 'b1' }), added('ulm', 'disbenefit'), added('mal', 'goal', { goalId: 'g1' })];

describe('benefit map decider', () => {
  describe('AddMapNode', () => {
    it('adds a node of each kind, the first one starting the map', () => {
      given([]).when({ type: 'AddMapNode', data: { projectId: 'p1', nodeId: 'lev', kind: 'delivery', label: 'Node lev' }, context }).then([added('lev', 'delivery')]);
      given([added('lev', 'delivery')])
        .when({ type: 'AddMapNode', data: { projectId: 'p1', nodeId: 'mal', kind: 'goal', label: 'Node mal', goalId: 'g1' }, context })
        .then([added('mal', 'goal', { goalId: 'g1' })]);
    });

    it('names a benefit node after its benefit when no label is given', () =>
      given([])
        .when({ type: 'AddMapNode', data: { projectId: 'p1', nodeId: 'gev', kind: 'benefit', benefitId: 'b1' }, context })
        .then([{ type: 'MapNodeAdded', data: { projectId: 'p1', nodeId: 'gev', kind: 'benefit', label: 'Kortere saksbehandlingstid', benefitId: 'b1', goalId: null } }]));

    it('refuses a node without a label that stands for no benefit', () =>
      given([]).when({ type: 'AddMapNode', data: { projectId: 'p1', nodeId: 'x', kind: 'change', label: '  ' }, context }).thenThrows('validation_failed', 'label'));

    it('refuses a benefit that is not the project\'s, unknown, cancelled, of the other kind, or on the map already', () => {
      const add = (benefitId: string, kind: MapNodeKind = 'benefit') => ({ type: 'AddMapNode', data: { projectId: 'p1', nodeId: 'n', kind, label: 'X', benefitId }, context }) as const;
      given([]).when(add('other')).thenThrows('benefit_not_in_project', 'benefitId');
      given([]).when(add('nope')).thenThrows('benefit_not_in_project', 'benefitId');
      given([]).when(add('gone')).thenThrows('benefit_cancelled', 'benefitId');
      given([]).when(add('d1')).thenThrows('benefit_kind_mismatch', 'benefitId');
      given([]).when(add('b1', 'disbenefit')).thenThrows('benefit_kind_mismatch', 'benefitId');
      expect(given(chain).when(add('b1')).thenThrows('benefit_already_on_map', 'benefitId')).toBeInstanceOf(BenefitMapConflictError);
    });

    it('refuses a reference on a node of the wrong kind, and a goal on the map twice', () => {
      given([]).when({ type: 'AddMapNode', data: { projectId: 'p1', nodeId: 'n', kind: 'change', label: 'X', benefitId: 'b1' }, context }).thenThrows('invalid_node_reference', 'benefitId');
      given([]).when({ type: 'AddMapNode', data: { projectId: 'p1', nodeId: 'n', kind: 'benefit', label: 'X', goalId: 'g1' }, context }).thenThrows('invalid_node_reference', 'goalId');
      given(chain).when({ type: 'AddMapNode', data: { projectId: 'p1', nodeId: 'n', kind: 'goal', label: 'X', goalId: 'g1' }, context }).thenThrows('goal_already_on_map', 'goalId');
    });

    it('refuses a goal node for a goal that does not exist or is retired', () => {
      given([]).when({ type: 'AddMapNode', data: { projectId: 'p1', nodeId: 'n', kind: 'goal', label: 'X', goalId: 'nope' }, context }).thenThrows('goal_not_found', 'goalId');
      given([]).when({ type: 'AddMapNode', data: { projectId: 'p1', nodeId: 'n', kind: 'goal', label: 'X', goalId: 'old' }, context }).thenThrows('goal_retired', 'goalId');
    });

    it('refuses the same node twice, an unknown or closed project, and another project\'s command on this map', () => {
      given(chain).when({ type: 'AddMapNode', data: { projectId: 'p1', nodeId: 'lev', kind: 'delivery', label: 'X' }, context }).thenThrows('node_exists', 'nodeId');
      given([]).when({ type: 'AddMapNode', data: { projectId: 'nope', nodeId: 'n', kind: 'delivery', label: 'X' }, context }).thenThrows('project_not_found', 'projectId');
      given([]).when({ type: 'AddMapNode', data: { projectId: 'done', nodeId: 'n', kind: 'delivery', label: 'X' }, context }).thenThrows('project_closed', 'projectId');
      given(chain).when({ type: 'AddMapNode', data: { projectId: 'p2', nodeId: 'n', kind: 'delivery', label: 'X' }, context }).thenThrows('stream_mismatch', 'projectId');
    });
  });

  describe('AddMapEdge', () => {
    it('connects delivery → change → benefit → goal, and change → disbenefit → goal, each with its assumption', () =>
      given(chain)
        .when(addEdge('e1', 'lev', 'end'))
        .then([edge('e1', 'lev', 'end')]));

    it('allows every direction of the DFØ chain and within a column', () => {
      const nodes = [...chain, added('lev2', 'delivery'), added('end2', 'change'), added('gev2', 'benefit'), added('mal2', 'goal')];
      for (const [from, to] of [['lev', 'end'], ['lev', 'lev2'], ['end', 'end2'], ['end', 'gev'], ['end', 'ulm'], ['gev', 'mal'], ['gev', 'gev2'], ['ulm', 'mal'], ['mal', 'mal2']] as const)
        given(nodes).when(addEdge('e', from, to)).then([edge('e', from, to)]);
    });

    it('refuses a delivery straight to a benefit, and every edge backwards or skipping', () => {
      for (const [from, to] of [['lev', 'gev'], ['lev', 'mal'], ['lev', 'ulm'], ['end', 'mal'], ['end', 'lev'], ['gev', 'end'], ['gev', 'ulm'], ['ulm', 'gev'], ['mal', 'gev'], ['mal', 'lev']] as const)
        given(chain).when(addEdge('e', from, to)).thenThrows('edge_direction', 'to');
    });

    it('refuses an edge without an assumption', () =>
      given(chain).when(addEdge('e', 'lev', 'end', '   ')).thenThrows('validation_failed', 'assumption'));

    it('refuses unknown nodes and a self loop', () => {
      given(chain).when(addEdge('e', 'nope', 'end')).thenThrows('node_not_found', 'from');
      given(chain).when(addEdge('e', 'lev', 'nope')).thenThrows('node_not_found', 'to');
      given(chain).when(addEdge('e', 'end', 'end')).thenThrows('edge_self_loop', 'to');
    });

    it('refuses a duplicate edge and an edge id used before, as conflicts', () => {
      const error = given([...chain, edge('e1', 'lev', 'end')]).when(addEdge('e2', 'lev', 'end')).thenThrows('edge_duplicate', 'to');
      expect(error).toBeInstanceOf(BenefitMapConflictError);
      given([...chain, edge('e1', 'lev', 'end')]).when(addEdge('e1', 'end', 'gev')).thenThrows('edge_exists', 'edgeId');
    });

    it('refuses an edge that closes a cycle within a column', () => {
      const changes = [...chain, added('end2', 'change'), added('end3', 'change'), edge('e1', 'end', 'end2'), edge('e2', 'end2', 'end3')];
      given(changes).when(addEdge('e3', 'end3', 'end')).thenThrows('edge_cycle', 'to');
      given(changes).when(addEdge('e3', 'end2', 'end')).thenThrows('edge_cycle', 'to');
      // the same nodes joined without a cycle are fine
      given(changes).when(addEdge('e3', 'end', 'end3')).then([edge('e3', 'end', 'end3')]);
    });
  });

  describe('ChangeMapNode', () => {
    it('renames a node and keeps its references', () =>
      given(chain)
        .when({ type: 'ChangeMapNode', data: { projectId: 'p1', nodeId: 'gev', label: 'Raskere byggesak' }, context })
        .then([{ type: 'MapNodeChanged', data: { projectId: 'p1', nodeId: 'gev', label: 'Raskere byggesak', benefitId: 'b1', goalId: null } }]));

    it('links a goal node to a goal and clears it, but not to a benefit; nothing when nothing changes', () => {
      given(chain)
        .when({ type: 'ChangeMapNode', data: { projectId: 'p1', nodeId: 'mal', goalId: null }, context })
        .then([{ type: 'MapNodeChanged', data: { projectId: 'p1', nodeId: 'mal', label: 'Node mal', benefitId: null, goalId: null } }]);
      given(chain).when({ type: 'ChangeMapNode', data: { projectId: 'p1', nodeId: 'mal', benefitId: 'b1' }, context }).thenThrows('invalid_node_reference', 'benefitId');
      given(chain).when({ type: 'ChangeMapNode', data: { projectId: 'p1', nodeId: 'mal', label: 'Node mal', goalId: 'g1' }, context }).thenNothing();
    });

    it('refuses an unknown node and an empty name', () => {
      given(chain).when({ type: 'ChangeMapNode', data: { projectId: 'p1', nodeId: 'nope', label: 'X' }, context }).thenThrows('node_not_found', 'nodeId');
      given(chain).when({ type: 'ChangeMapNode', data: { projectId: 'p1', nodeId: 'lev', label: '' }, context }).thenThrows('validation_failed', 'label');
    });
  });

  describe('RemoveMapNode and RemoveMapEdge', () => {
    const connected = [...chain, edge('e1', 'lev', 'end'), edge('e2', 'end', 'gev'), edge('e3', 'gev', 'mal')];

    it('removes a node with its edges, each removal an event', () =>
      given(connected)
        .when({ type: 'RemoveMapNode', data: { projectId: 'p1', nodeId: 'end' }, context })
        .then([
          { type: 'MapEdgeRemoved', data: { projectId: 'p1', edgeId: 'e1' } },
          { type: 'MapEdgeRemoved', data: { projectId: 'p1', edgeId: 'e2' } },
          { type: 'MapNodeRemoved', data: { projectId: 'p1', nodeId: 'end' } },
        ]));

    it('frees a removed benefit node\'s benefit for a new node, and a removed edge\'s pair for a new edge', () => {
      given([...connected, { type: 'MapEdgeRemoved', data: { projectId: 'p1', edgeId: 'e3' } }, { type: 'MapNodeRemoved', data: { projectId: 'p1', nodeId: 'gev' } }])
        .when({ type: 'AddMapNode', data: { projectId: 'p1', nodeId: 'gev2', kind: 'benefit', benefitId: 'b1' }, context })
        .then([{ type: 'MapNodeAdded', data: { projectId: 'p1', nodeId: 'gev2', kind: 'benefit', label: 'Kortere saksbehandlingstid', benefitId: 'b1', goalId: null } }]);
      given([...connected, { type: 'MapEdgeRemoved', data: { projectId: 'p1', edgeId: 'e1' } }]).when(addEdge('e4', 'lev', 'end')).then([edge('e4', 'lev', 'end')]);
    });

    it('refuses an unknown node or edge', () => {
      given(connected).when({ type: 'RemoveMapNode', data: { projectId: 'p1', nodeId: 'nope' }, context }).thenThrows('node_not_found', 'nodeId');
      given(connected).when({ type: 'RemoveMapEdge', data: { projectId: 'p1', edgeId: 'nope' }, context }).thenThrows('edge_not_found', 'edgeId');
      given([...connected, { type: 'MapEdgeRemoved', data: { projectId: 'p1', edgeId: 'e1' } }])
        .when({ type: 'RemoveMapEdge', data: { projectId: 'p1', edgeId: 'e1' }, context })
        .thenThrows('edge_not_found', 'edgeId');
    });
  });
});
