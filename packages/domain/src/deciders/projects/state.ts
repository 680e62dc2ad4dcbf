import type { ProjectEvent, ProjectPhase, Thresholds } from '../../events';

export interface ProjectState {
  registered: boolean;
  projectId: string | null;
  name: string | null;
  ownerUnitId: string | null;
  projectLeader: string | null;
  phase: ProjectPhase;
  closed: boolean;
  thresholds: Thresholds | null;
  costIds: string[];
  totalCostOre: number;
}

export const initialProjectState = (): ProjectState => ({
  registered: false,
  projectId: null,
  name: null,
  ownerUnitId: null,
  projectLeader: null,
  phase: 'planning',
  closed: false,
  thresholds: null,
  costIds: [],
  totalCostOre: 0,
});

export const evolveProject = (state: ProjectState, event: ProjectEvent): ProjectState => {
  switch (event.type) {
    case 'ProjectRegistered': {
      const { projectId, name, ownerUnitId, projectLeader, thresholds } = event.data;
      return { ...state, registered: true, projectId, name, ownerUnitId, projectLeader, thresholds };
    }
    case 'ProjectPhaseChanged':
      return { ...state, phase: event.data.phase };
    case 'ProjectClosed':
      return { ...state, closed: true };
    case 'CostRecorded':
      return {
        ...state,
        costIds: [...state.costIds, event.data.costId],
        totalCostOre: state.totalCostOre + event.data.amountOre,
      };
  }
};
