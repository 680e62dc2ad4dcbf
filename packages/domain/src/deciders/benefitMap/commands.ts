import type { MapNodeKind } from '../../events';
import type { BenefitMapContext } from '../context';
import type { Command } from '../decider';

/** `label` may be left out for a node that stands for a planned benefit: it then takes the benefit's title. */
export type AddMapNode = Command<
  'AddMapNode',
  { projectId: string; nodeId: string; kind: MapNodeKind; label?: string | undefined; benefitId?: string | null | undefined; goalId?: string | null | undefined },
  BenefitMapContext
>;
/** What is left out stays as it is; `null` clears a reference. */
export type ChangeMapNode = Command<
  'ChangeMapNode',
  { projectId: string; nodeId: string; label?: string | undefined; benefitId?: string | null | undefined; goalId?: string | null | undefined },
  BenefitMapContext
>;
export type RemoveMapNode = Command<'RemoveMapNode', { projectId: string; nodeId: string }, BenefitMapContext>;
export type AddMapEdge = Command<'AddMapEdge', { projectId: string; edgeId: string; from: string; to: string; assumption: string }, BenefitMapContext>;
export type RemoveMapEdge = Command<'RemoveMapEdge', { projectId: string; edgeId: string }, BenefitMapContext>;

export type BenefitMapCommand = AddMapNode | ChangeMapNode | RemoveMapNode | AddMapEdge | RemoveMapEdge;
