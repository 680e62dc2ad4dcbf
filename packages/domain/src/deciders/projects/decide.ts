import { refuse } from '../../errors';
import { DEFAULT_THRESHOLDS, type ProjectEvent } from '../../events';
import { emit, requireActiveUnit, requireSameId, requireValidPeriod } from '../rules';
import type { ProjectCommand } from './commands';
import type { ProjectState, RegisteredProject } from './state';

const requireOpen = (state: ProjectState, projectId: string): RegisteredProject => {
  if (state.status === 'none') return refuse('project_not_found', 'projectId', `Prosjektet «${projectId}» finnes ikke`);
  requireSameId(state.projectId, projectId, 'projectId');
  if (state.status === 'closed')
    refuse('project_closed', 'projectId', `Prosjektet «${state.name}» er avsluttet og tar ikke imot nye registreringer`);
  return state;
};

/** The cost was recorded on the project and not reversed: only such a cost may be corrected or reversed. */
const requireLiveCost = (project: RegisteredProject, costId: string): void => {
  if (!project.costIds.includes(costId)) refuse('cost_not_found', 'costId', `Kostnaden «${costId}» finnes ikke på prosjektet`);
  if (project.reversedCostIds.includes(costId)) refuse('cost_reversed', 'costId', `Kostnaden «${costId}» er allerede reversert`);
};

export const decideProject = (command: ProjectCommand, state: ProjectState): ProjectEvent[] => {
  switch (command.type) {
    case 'RegisterProject': {
      const { data, context } = command;
      if (state.status !== 'none') refuse('project_exists', 'projectId', `Prosjektet «${data.projectId}» er allerede registrert`);
      requireActiveUnit(context.units, data.ownerUnitId, 'ownerUnitId');
      return [emit('ProjectRegistered', { ...data, thresholds: data.thresholds ?? DEFAULT_THRESHOLDS })];
    }
    case 'ChangeProjectPhase': {
      const { projectId, phase } = command.data;
      const project = requireOpen(state, projectId);
      if (phase === project.phase) return [];
      return [emit('ProjectPhaseChanged', { projectId, phase, previousPhase: project.phase })];
    }
    case 'CloseProject': {
      const { projectId, reason } = command.data;
      requireOpen(state, projectId);
      return [emit('ProjectClosed', { projectId, reason })];
    }
    case 'RecordCost': {
      const { data, context } = command;
      const project = requireOpen(state, data.projectId);
      requireValidPeriod(data.period);
      requireActiveUnit(context.units, data.payerUnitId, 'payerUnitId', data.period);
      if (project.costIds.includes(data.costId)) refuse('cost_exists', 'costId', `Kostnaden «${data.costId}» er allerede registrert`);
      return [emit('CostRecorded', data)];
    }
    case 'CorrectCost': {
      const { data } = command;
      const project = requireOpen(state, data.projectId);
      requireLiveCost(project, data.costId);
      requireValidPeriod(data.period);
      return [emit('CostCorrected', data)];
    }
    case 'ReverseCost': {
      const { data } = command;
      const project = requireOpen(state, data.projectId);
      requireLiveCost(project, data.costId);
      return [emit('CostReversed', data)];
    }
  }
};
