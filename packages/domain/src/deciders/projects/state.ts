import type { ProjectEvent, ProjectPhase, Thresholds } from '../../events';

/** What a registered project's stream says about it. */
export interface RegisteredProject {
  projectId: string;
  name: string;
  ownerUnitId: string;
  projectLeader: string;
  phase: ProjectPhase;
  thresholds: Thresholds;
  costIds: string[];
  /** recorded costs that were reversed (they count as nothing and take no more corrections) */
  reversedCostIds: string[];
  /** what each recorded cost counts with now */
  costAmounts: Readonly<Record<string, number>>;
  totalCostOre: number;
  /** the years of each live annual cost (what it counts with now; a stop sets `endYear`) */
  annualCosts: Readonly<Record<string, { startYear: number; endYear: number | null }>>;
}

/** A project's lifecycle: not registered, open, or closed (it takes no new facts). */
export type ProjectState =
  | { status: 'none' }
  | ({ status: 'open' } & RegisteredProject)
  | ({ status: 'closed' } & RegisteredProject);

export const initialProjectState = (): ProjectState => ({ status: 'none' });

export const evolveProject = (state: ProjectState, event: ProjectEvent): ProjectState => {
  if (event.type === 'ProjectRegistered') {
    const { projectId, name, ownerUnitId, projectLeader, thresholds } = event.data;
    // a stream is registered once: its first event
    return { status: 'open', projectId, name, ownerUnitId, projectLeader, phase: 'planning', thresholds, costIds: [], reversedCostIds: [], costAmounts: {}, totalCostOre: 0, annualCosts: {} };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ProjectPhaseChanged':
      return { ...state, phase: event.data.phase };
    case 'ProjectClosed':
      return { ...state, status: 'closed' };
    case 'CostRecorded':
      return {
        ...state,
        costIds: [...state.costIds, event.data.costId],
        costAmounts: { ...state.costAmounts, [event.data.costId]: event.data.amountOre },
        totalCostOre: state.totalCostOre + event.data.amountOre,
        annualCosts: withAnnualYears(state.annualCosts, event.data),
      };
    case 'CostCorrected': {
      const { costId, amountOre } = event.data;
      const before = state.costAmounts[costId] ?? 0;
      return {
        ...state,
        costAmounts: { ...state.costAmounts, [costId]: amountOre },
        totalCostOre: state.totalCostOre - before + amountOre,
        annualCosts: withAnnualYears(state.annualCosts, event.data),
      };
    }
    case 'AnnualCostStopped': {
      const { costId, lastYear } = event.data;
      const years = state.annualCosts[costId];
      if (!years) return state;
      return { ...state, annualCosts: { ...state.annualCosts, [costId]: { ...years, endYear: lastYear } } };
    }
    case 'CostReversed': {
      const { costId } = event.data;
      const before = state.costAmounts[costId] ?? 0;
      return {
        ...state,
        reversedCostIds: [...state.reversedCostIds, costId],
        costAmounts: { ...state.costAmounts, [costId]: 0 },
        totalCostOre: state.totalCostOre - before,
        annualCosts: withAnnualYears(state.annualCosts, { costId, kind: 'one-off' }),
      };
    }
  }
};

/** The cost's entry in `annualCosts` after an event that sets its kind and years (a one-off cost has none). */
function withAnnualYears(
  annual: RegisteredProject['annualCosts'],
  cost: { costId: string; kind: string; period?: string; startYear?: number | null; endYear?: number | null },
): RegisteredProject['annualCosts'] {
  const { [cost.costId]: _before, ...rest } = annual;
  if (cost.kind !== 'annual') return rest;
  const startYear = cost.startYear ?? Number((cost.period ?? '').slice(0, 4));
  return { ...rest, [cost.costId]: { startYear, endYear: cost.endYear ?? null } };
}
