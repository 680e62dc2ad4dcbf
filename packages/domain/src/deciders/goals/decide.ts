import { refuse } from '../../errors';
import { goalKindLabels, parentKindOf, type GoalEvent } from '../../events';
import { toOslo } from '../../periods';
import type { UnitsLookup } from '../context';
import { emit, requireActiveUnit, requireSameId, unitFactsOf } from '../rules';
import type { GoalCommand, GoalsLookup } from './commands';
import type { DefinedGoal, GoalState } from './state';

const requireActive = (state: GoalState, goalId: string): DefinedGoal => {
  if (state.status === 'none') return refuse('goal_not_found', 'goalId', `Målet «${goalId}» finnes ikke`);
  requireSameId(state.goalId, goalId, 'goalId');
  if (state.status === 'retired') refuse('goal_retired', 'goalId', `Målet «${state.title}» er avviklet og tar ikke imot nye registreringer`);
  return state;
};

const requireIndicator = (goal: DefinedGoal): void => {
  if (goal.kind !== 'indicator')
    refuse('goal_not_indicator', 'goalId', `Resultatkrav og resultater hører til en måleindikator, og «${goal.title}» er et ${goalKindLabels[goal.kind].toLowerCase()}`);
};

/** The unit and the units above it, nearest first (a cycle in the lookup ends the walk). */
const unitAndAncestors = (units: UnitsLookup, unitId: string): string[] => {
  const chain: string[] = [];
  for (let id: string | null | undefined = unitId; id && !chain.includes(id); id = unitFactsOf(units, id)?.parentId) chain.push(id);
  return chain;
};

/** The kommune a unit lies in: the top of its tree. */
const kommuneOf = (units: UnitsLookup, unitId: string): string => unitAndAncestors(units, unitId).at(-1) ?? unitId;

const lookupGoal = (goals: GoalsLookup, goalId: string) => (Object.hasOwn(goals, goalId) ? goals[goalId] : undefined);

/** A sub under a main, an indicator under a sub, in the parent's unit or a unit below it, and not retired. */
const requireParent = (command: Extract<GoalCommand, { type: 'DefineGoal' }>): void => {
  const { data, context } = command;
  const wanted = parentKindOf[data.kind];
  if (wanted === null) {
    if (data.parentGoalId !== null) refuse('goal_parent_not_allowed', 'parentGoalId', 'Et hovedmål står øverst og kan ikke ha et overordnet mål');
    return;
  }
  if (data.parentGoalId === null)
    return refuse('goal_parent_required', 'parentGoalId', `Et ${goalKindLabels[data.kind].toLowerCase()} må høre til et ${goalKindLabels[wanted].toLowerCase()}`);
  const parent = lookupGoal(context.goals, data.parentGoalId);
  if (!parent?.exists) return refuse('goal_not_found', 'parentGoalId', `Målet «${data.parentGoalId}» finnes ikke`);
  if (parent.kind !== wanted)
    refuse('goal_parent_kind', 'parentGoalId', `Et ${goalKindLabels[data.kind].toLowerCase()} må høre til et ${goalKindLabels[wanted].toLowerCase()}, og «${parent.title}» er et ${goalKindLabels[parent.kind].toLowerCase()}`);
  if (parent.retired) refuse('goal_retired', 'parentGoalId', `Målet «${parent.title}» er avviklet`);
  if (!unitAndAncestors(context.units, data.unitId).includes(parent.unitId))
    refuse('goal_parent_other_unit', 'parentGoalId', `«${parent.title}» tilhører en annen del av organisasjonen: et mål kan bare høre til et mål i sin egen enhet eller en enhet over den`);
};

export const decideGoal = (command: GoalCommand, state: GoalState): GoalEvent[] => {
  switch (command.type) {
    case 'DefineGoal': {
      const { data, context } = command;
      if (state.status !== 'none') refuse('goal_exists', 'goalId', `Målet «${data.goalId}» er allerede definert`);
      requireActiveUnit(context.units, data.unitId, 'unitId');
      requireParent(command);
      return [emit('GoalDefined', { ...data, description: data.description ?? null })];
    }
    case 'RenameGoal': {
      const { goalId, title, description } = command.data;
      const goal = requireActive(state, goalId);
      return [emit('GoalRenamed', { goalId, title, description: description ?? null, previousTitle: goal.title })];
    }
    case 'RetireGoal': {
      requireActive(state, command.data.goalId);
      return [emit('GoalRetired', command.data)];
    }
    case 'SetGoalRequirement': {
      requireIndicator(requireActive(state, command.data.goalId));
      return [emit('GoalRequirementSet', command.data)];
    }
    case 'RecordGoalResult': {
      const { data, context } = command;
      const goal = requireActive(state, data.goalId);
      requireIndicator(goal);
      const thisYear = toOslo(context.now, 'now').year;
      if (data.year > thisYear) refuse('year_in_future', 'year', `Året ${data.year} har ikke startet ennå`);
      const reason = data.reason?.trim() ? data.reason : null;
      if (goal.resultYears.includes(data.year) && reason === null)
        refuse('goal_result_exists', 'reason', `Resultatet for ${data.year} er allerede registrert: oppgi en begrunnelse for å rette det`);
      return [emit('GoalResultRecorded', { ...data, comment: data.comment ?? null, reason })];
    }
    case 'LinkBenefitToGoal': {
      const { data, context } = command;
      const goal = requireActive(state, data.goalId);
      const benefit = Object.hasOwn(context.benefits, data.benefitId) ? context.benefits[data.benefitId] : undefined;
      if (!benefit) return refuse('benefit_not_found', 'benefitId', `Gevinsten «${data.benefitId}» finnes ikke`);
      if (benefit.cancelled) refuse('benefit_cancelled', 'benefitId', `Gevinsten «${benefit.title}» er kansellert`);
      if (kommuneOf(context.units, benefit.recipientUnitId) !== kommuneOf(context.units, goal.unitId))
        refuse('goal_other_kommune', 'benefitId', `Gevinsten «${benefit.title}» hører til en annen kommune enn målet «${goal.title}»`);
      if (goal.benefitIds.includes(data.benefitId)) refuse('goal_link_exists', 'benefitId', `Gevinsten «${benefit.title}» er allerede knyttet til målet`);
      return [emit('GoalBenefitLinked', data)];
    }
    case 'UnlinkBenefitFromGoal': {
      const goal = requireActive(state, command.data.goalId);
      if (!goal.benefitIds.includes(command.data.benefitId)) refuse('goal_link_not_found', 'benefitId', 'Gevinsten er ikke knyttet til målet');
      return [emit('GoalBenefitUnlinked', command.data)];
    }
    case 'LinkProjectToGoal': {
      const { data, context } = command;
      const goal = requireActive(state, data.goalId);
      const project = Object.hasOwn(context.projects, data.projectId) ? context.projects[data.projectId] : undefined;
      if (!project?.exists) return refuse('project_not_found', 'projectId', `Prosjektet «${data.projectId}» finnes ikke`);
      if (goal.projectIds.includes(data.projectId)) refuse('goal_link_exists', 'projectId', `Prosjektet «${project.name ?? data.projectId}» er allerede knyttet til målet`);
      return [emit('GoalProjectLinked', data)];
    }
    case 'UnlinkProjectFromGoal': {
      const goal = requireActive(state, command.data.goalId);
      if (!goal.projectIds.includes(command.data.projectId)) refuse('goal_link_not_found', 'projectId', 'Prosjektet er ikke knyttet til målet');
      return [emit('GoalProjectUnlinked', command.data)];
    }
  }
};
