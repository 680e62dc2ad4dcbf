import type { GoalEvent, GoalKind } from '../../events';

/** What a defined goal's stream says about it. */
export interface DefinedGoal {
  goalId: string;
  kind: GoalKind;
  title: string;
  unitId: string;
  parentGoalId: string | null;
  /** the years with a result recorded */
  resultYears: number[];
  benefitIds: string[];
  projectIds: string[];
}

export type GoalState = { status: 'none' } | ({ status: 'active' } & DefinedGoal) | ({ status: 'retired' } & DefinedGoal);

export const initialGoalState = (): GoalState => ({ status: 'none' });

const without = (ids: readonly string[], id: string): string[] => ids.filter((x) => x !== id);

export const evolveGoal = (state: GoalState, event: GoalEvent): GoalState => {
  if (event.type === 'GoalDefined') {
    const { goalId, kind, title, unitId, parentGoalId } = event.data;
    return { status: 'active', goalId, kind, title, unitId, parentGoalId, resultYears: [], benefitIds: [], projectIds: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'GoalRenamed':
      return { ...state, title: event.data.title };
    case 'GoalRetired':
      return { ...state, status: 'retired' };
    case 'GoalRequirementSet':
      return state;
    case 'GoalResultRecorded':
      return state.resultYears.includes(event.data.year) ? state : { ...state, resultYears: [...state.resultYears, event.data.year] };
    case 'GoalBenefitLinked':
      return { ...state, benefitIds: [...without(state.benefitIds, event.data.benefitId), event.data.benefitId] };
    case 'GoalBenefitUnlinked':
      return { ...state, benefitIds: without(state.benefitIds, event.data.benefitId) };
    case 'GoalProjectLinked':
      return { ...state, projectIds: [...without(state.projectIds, event.data.projectId), event.data.projectId] };
    case 'GoalProjectUnlinked':
      return { ...state, projectIds: without(state.projectIds, event.data.projectId) };
  }
};
