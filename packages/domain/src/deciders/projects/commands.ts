import type { EventInputOf, ProjectPhase, Thresholds } from '../../events';
import type { TimeContext, UnitsContext } from '../context';
import type { Command } from '../decider';

/** `thresholds` default to ønsket 100 % / akseptabelt 80 %. */
export type RegisterProject = Command<
  'RegisterProject',
  { projectId: string; name: string; ownerUnitId: string; projectLeader: string; thresholds?: Thresholds },
  UnitsContext
>;
export type ChangeProjectPhase = Command<'ChangeProjectPhase', { projectId: string; phase: ProjectPhase }, TimeContext>;
export type CloseProject = Command<'CloseProject', { projectId: string; reason: string }, TimeContext>;
export type RecordCost = Command<'RecordCost', EventInputOf<'CostRecorded'>, UnitsContext>;

export type CorrectCost = Command<'CorrectCost', EventInputOf<'CostCorrected'>, TimeContext>;
export type ReverseCost = Command<'ReverseCost', EventInputOf<'CostReversed'>, TimeContext>;

export type StopAnnualCost = Command<'StopAnnualCost', EventInputOf<'AnnualCostStopped'>, TimeContext>;

export type ProjectCommand = RegisterProject | ChangeProjectPhase | CloseProject | RecordCost | CorrectCost | ReverseCost | StopAnnualCost;
