import { refuse } from '../../errors';
import { DEFAULT_THRESHOLDS, type ProjectEvent } from '../../events';
import { emit, requireActiveUnit, requireSameId, requireValidPeriod } from '../rules';
import type { ProjectCommand } from './commands';
import type { ProjectState } from './state';

const requireOpen = (state: ProjectState, projectId: string): void => {
  if (!state.registered) refuse('project_not_found', 'projectId', `Prosjektet «${projectId}» finnes ikke`);
  requireSameId(state.projectId, projectId, 'projectId');
  if (state.closed) refuse('project_closed', 'projectId', `Prosjektet «${state.name}» er avsluttet og tar ikke imot nye registreringer`);
};

export const decideProject = (command: ProjectCommand, state: ProjectState): ProjectEvent[] => {
  switch (command.type) {
    case 'RegisterProject': {
      const { data, context } = command;
      if (state.registered) refuse('project_exists', 'projectId', `Prosjektet «${data.projectId}» er allerede registrert`);
      requireActiveUnit(context.units, data.ownerUnitId, 'ownerUnitId');
      return [emit('ProjectRegistered', { ...data, thresholds: data.thresholds ?? DEFAULT_THRESHOLDS })];
    }
    case 'ChangeProjectPhase': {
      const { projectId, phase } = command.data;
      requireOpen(state, projectId);
      if (phase === state.phase) return [];
      return [emit('ProjectPhaseChanged', { projectId, phase, previousPhase: state.phase })];
    }
    case 'CloseProject': {
      const { projectId, reason } = command.data;
      requireOpen(state, projectId);
      return [emit('ProjectClosed', { projectId, reason })];
    }
    case 'RecordCost': {
      const { data, context } = command;
      requireOpen(state, data.projectId);
      requireValidPeriod(data.period);
      requireActiveUnit(context.units, data.payerUnitId, 'payerUnitId');
      if (state.costIds.includes(data.costId)) refuse('cost_exists', 'costId', `Kostnaden «${data.costId}» er allerede registrert`);
      return [emit('CostRecorded', data)];
    }
  }
};
