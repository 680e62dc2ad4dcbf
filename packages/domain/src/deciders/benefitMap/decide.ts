import { DomainError, refuse, ValidationError } from '../../errors';
import type { BenefitMapEvent, MapNodeKind } from '../../events';
import { allowedTargets, edgeAllowed, reachableFrom, type MapNode } from '../../benefitMap/graph';
import type { BenefitMapContext } from '../context';
import { emit, requireOpenProject, requireSameId } from '../rules';
import type { BenefitMapCommand } from './commands';
import type { BenefitMapState } from './state';

/**
 * A command that clashes with the map as it stands (a node, edge or benefit already there, a cycle):
 * the API answers 409, like another write landing first.
 */
export class BenefitMapConflictError extends DomainError {
  override readonly name: string = 'BenefitMapConflictError';
}

const conflict = (code: string, path: string, message: string): never => {
  throw new BenefitMapConflictError(code, message, [{ path, message }]);
};

const badInput = (code: string, path: string, message: string): never => {
  throw new ValidationError(message, [{ path, message }], code);
};

export const mapNodeKindLabels: Readonly<Record<MapNodeKind, string>> = {
  delivery: 'leveranse',
  change: 'endring',
  benefit: 'gevinst',
  disbenefit: 'ulempe',
  goal: 'mål',
};

const requireNode = (state: BenefitMapState, nodeId: string, path: string): MapNode =>
  state.nodes.find((n) => n.nodeId === nodeId) ?? refuse('node_not_found', path, `Noden «${nodeId}» finnes ikke i gevinstkartet`);

/** The map belongs to an open project, and the command names the map's own project. */
const requireEditable = (state: BenefitMapState, projectId: string, context: BenefitMapContext): void => {
  requireSameId(state.projectId, projectId, 'projectId');
  requireOpenProject(context.projects, projectId, 'projectId');
};

/**
 * The references a node of this kind may carry: a benefit node one of the project's benefits (a
 * disbenefit node one of its disbenefits), not cancelled and not on the map already; a goal node a goal.
 */
const checkReferences = (
  state: BenefitMapState,
  context: BenefitMapContext,
  node: { projectId: string; nodeId: string; kind: MapNodeKind; benefitId: string | null; goalId: string | null },
): void => {
  const { kind, benefitId, goalId } = node;
  const standsForBenefit = kind === 'benefit' || kind === 'disbenefit';
  if (benefitId !== null && !standsForBenefit)
    badInput('invalid_node_reference', 'benefitId', `En ${mapNodeKindLabels[kind]} kan ikke vise til en gevinst`);
  if (goalId !== null && kind !== 'goal') badInput('invalid_node_reference', 'goalId', `En ${mapNodeKindLabels[kind]} kan ikke vise til et mål`);
  if (benefitId !== null) {
    const benefit = Object.hasOwn(context.benefits, benefitId) ? context.benefits[benefitId] : undefined;
    if (!benefit || benefit.projectId !== node.projectId)
      refuse('benefit_not_in_project', 'benefitId', `Gevinsten «${benefitId}» hører ikke til prosjektet`);
    else if (benefit.cancelled) refuse('benefit_cancelled', 'benefitId', `Gevinsten «${benefit.title}» er kansellert`);
    else if (benefit.disbenefit !== (kind === 'disbenefit'))
      refuse(
        'benefit_kind_mismatch',
        'benefitId',
        benefit.disbenefit ? `«${benefit.title}» er en ulempe: legg den inn som ulempe` : `«${benefit.title}» er en gevinst: legg den inn som gevinst`,
      );
    const other = state.nodes.find((n) => n.benefitId === benefitId && n.nodeId !== node.nodeId);
    if (other) conflict('benefit_already_on_map', 'benefitId', `Gevinsten står allerede i kartet som «${other.label}»`);
  }
  if (goalId !== null) {
    const goal = Object.hasOwn(context.goals, goalId) ? context.goals[goalId] : undefined;
    if (!goal) refuse('goal_not_found', 'goalId', `Målet «${goalId}» finnes ikke`);
    else if (goal.retired) refuse('goal_retired', 'goalId', `Målet «${goal.title}» er avsluttet`);
    const other = state.nodes.find((n) => n.goalId === goalId && n.nodeId !== node.nodeId);
    if (other) conflict('goal_already_on_map', 'goalId', `Målet står allerede i kartet som «${other.label}»`);
  }
};

const labelOf = (label: string | undefined, benefitId: string | null, context: BenefitMapContext): string => {
  if (label !== undefined && label.trim() !== '') return label;
  const benefit = benefitId !== null && Object.hasOwn(context.benefits, benefitId) ? context.benefits[benefitId] : undefined;
  return benefit?.title ?? badInput('validation_failed', 'label', 'Navnet må fylles ut');
};

export const decideBenefitMap = (command: BenefitMapCommand, state: BenefitMapState): BenefitMapEvent[] => {
  const { context } = command;
  switch (command.type) {
    case 'AddMapNode': {
      const { projectId, nodeId, kind } = command.data;
      requireEditable(state, projectId, context);
      if (state.nodes.some((n) => n.nodeId === nodeId)) conflict('node_exists', 'nodeId', `Noden «${nodeId}» finnes allerede`);
      const benefitId = command.data.benefitId ?? null;
      const goalId = command.data.goalId ?? null;
      checkReferences(state, context, { projectId, nodeId, kind, benefitId, goalId });
      return [emit('MapNodeAdded', { projectId, nodeId, kind, label: labelOf(command.data.label, benefitId, context), benefitId, goalId })];
    }
    case 'ChangeMapNode': {
      const { projectId, nodeId } = command.data;
      requireEditable(state, projectId, context);
      const node = requireNode(state, nodeId, 'nodeId');
      const benefitId = command.data.benefitId === undefined ? node.benefitId : command.data.benefitId;
      const goalId = command.data.goalId === undefined ? node.goalId : command.data.goalId;
      if (benefitId !== node.benefitId || goalId !== node.goalId) checkReferences(state, context, { projectId, nodeId, kind: node.kind, benefitId, goalId });
      const label = command.data.label === undefined ? node.label : labelOf(command.data.label, null, context);
      if (label === node.label && benefitId === node.benefitId && goalId === node.goalId) return [];
      return [emit('MapNodeChanged', { projectId, nodeId, label, benefitId, goalId })];
    }
    case 'RemoveMapNode': {
      const { projectId, nodeId } = command.data;
      requireEditable(state, projectId, context);
      requireNode(state, nodeId, 'nodeId');
      const edges = state.edges.filter((e) => e.from === nodeId || e.to === nodeId);
      return [...edges.map((e) => emit('MapEdgeRemoved', { projectId, edgeId: e.edgeId })), emit('MapNodeRemoved', { projectId, nodeId })];
    }
    case 'AddMapEdge': {
      const { projectId, edgeId, from, to, assumption } = command.data;
      requireEditable(state, projectId, context);
      if (state.edges.some((e) => e.edgeId === edgeId)) conflict('edge_exists', 'edgeId', `Koblingen «${edgeId}» finnes allerede`);
      const source = requireNode(state, from, 'from');
      const target = requireNode(state, to, 'to');
      if (from === to) refuse('edge_self_loop', 'to', 'En node kan ikke peke på seg selv');
      if (!edgeAllowed(source.kind, target.kind))
        refuse(
          'edge_direction',
          'to',
          `En ${mapNodeKindLabels[source.kind]} kan ikke føre til en ${mapNodeKindLabels[target.kind]}: ` +
            `den kan føre til ${allowedTargets[source.kind].map((k) => mapNodeKindLabels[k]).join(' eller ')}`,
        );
      if (state.edges.some((e) => e.from === from && e.to === to))
        conflict('edge_duplicate', 'to', `«${source.label}» fører allerede til «${target.label}»`);
      if (reachableFrom(state.edges, to).has(from))
        conflict('edge_cycle', 'to', `«${target.label}» fører allerede til «${source.label}»: koblingen ville gi en sirkel`);
      return [emit('MapEdgeAdded', { projectId, edgeId, from, to, assumption })];
    }
    case 'RemoveMapEdge': {
      const { projectId, edgeId } = command.data;
      requireEditable(state, projectId, context);
      if (!state.edges.some((e) => e.edgeId === edgeId)) refuse('edge_not_found', 'edgeId', `Koblingen «${edgeId}» finnes ikke i gevinstkartet`);
      return [emit('MapEdgeRemoved', { projectId, edgeId })];
    }
  }
};
