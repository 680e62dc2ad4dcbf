import type { Direction, GoalKind } from '../../events';
import type { BenefitFacts, UnitsAndProjectsContext } from '../context';
import type { Command } from '../decider';

/** What the goal decider needs to know of another goal (a parent). */
export interface GoalFacts {
  exists: boolean;
  kind: GoalKind;
  title: string;
  unitId: string;
  retired: boolean;
}
export type GoalsLookup = Readonly<Record<string, GoalFacts | undefined>>;

/** What linking a benefit to a goal needs to know of the benefit. */
export type GoalBenefitFacts = Pick<BenefitFacts, 'cancelled' | 'title' | 'recipientUnitId'>;
export type GoalBenefitsLookup = Readonly<Record<string, GoalBenefitFacts | undefined>>;

export interface GoalContext extends UnitsAndProjectsContext {
  goals: GoalsLookup;
  benefits: GoalBenefitsLookup;
}

export type DefineGoal = Command<
  'DefineGoal',
  { goalId: string; kind: GoalKind; title: string; description?: string | null; unitId: string; parentGoalId: string | null },
  GoalContext
>;
export type RenameGoal = Command<'RenameGoal', { goalId: string; title: string; description?: string | null }, GoalContext>;
export type RetireGoal = Command<'RetireGoal', { goalId: string; reason: string }, GoalContext>;
export type SetGoalRequirement = Command<
  'SetGoalRequirement',
  { goalId: string; year: number; requiredValue: number; unitOfMeasure: string; direction: Direction; desiredLimit: number; acceptableLimit: number },
  GoalContext
>;
/** `reason` is needed when the year already has a result (a correction). */
export type RecordGoalResult = Command<
  'RecordGoalResult',
  { goalId: string; year: number; value: number; comment?: string | null; reason?: string | null },
  GoalContext
>;
export type LinkBenefitToGoal = Command<'LinkBenefitToGoal', { goalId: string; benefitId: string }, GoalContext>;
export type UnlinkBenefitFromGoal = Command<'UnlinkBenefitFromGoal', { goalId: string; benefitId: string }, GoalContext>;
export type LinkProjectToGoal = Command<'LinkProjectToGoal', { goalId: string; projectId: string }, GoalContext>;
export type UnlinkProjectFromGoal = Command<'UnlinkProjectFromGoal', { goalId: string; projectId: string }, GoalContext>;

export type GoalCommand =
  | DefineGoal
  | RenameGoal
  | RetireGoal
  | SetGoalRequirement
  | RecordGoalResult
  | LinkBenefitToGoal
  | UnlinkBenefitFromGoal
  | LinkProjectToGoal
  | UnlinkProjectFromGoal;
