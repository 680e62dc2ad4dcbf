import { refuse, ValidationError } from '../../errors';
import { DEFAULT_THRESHOLDS, type ProjectEvent } from '../../events';
import { parsePeriod } from '../../periods';
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

const badYears = (path: string, message: string): never => {
  throw new ValidationError(message, [{ path, message }], 'invalid_cost_years');
};

/**
 * An annual cost's years: from `startYear` (default: its period's year) through `endYear` (null:
 * until stopped), and its period is its first year. A one-off cost has no years.
 */
const withYears = <C extends { kind: string; period: string; startYear?: number | null | undefined; endYear?: number | null | undefined }>(cost: C): C => {
  const period = requireValidPeriod(cost.period);
  if (cost.kind !== 'annual') {
    if (cost.startYear != null) badYears('startYear', 'Bare en årlig kostnad har startår');
    if (cost.endYear != null) badYears('endYear', 'Bare en årlig kostnad har sluttår');
    return { ...cost, startYear: null, endYear: null };
  }
  const startYear = cost.startYear ?? parsePeriod(period).year;
  if (cost.endYear != null && cost.endYear < startYear) badYears('endYear', 'Sluttåret kan ikke være før startåret');
  return { ...cost, period: String(startYear), startYear, endYear: cost.endYear ?? null };
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
      const cost = withYears(data);
      requireActiveUnit(context.units, data.payerUnitId, 'payerUnitId', cost.period);
      if (project.costIds.includes(data.costId)) refuse('cost_exists', 'costId', `Kostnaden «${data.costId}» er allerede registrert`);
      return [emit('CostRecorded', cost)];
    }
    case 'CorrectCost': {
      const { data } = command;
      const project = requireOpen(state, data.projectId);
      requireLiveCost(project, data.costId);
      return [emit('CostCorrected', withYears(data))];
    }
    case 'ReverseCost': {
      const { data } = command;
      const project = requireOpen(state, data.projectId);
      requireLiveCost(project, data.costId);
      return [emit('CostReversed', data)];
    }
    case 'StopAnnualCost': {
      const { data } = command;
      const project = requireOpen(state, data.projectId);
      requireLiveCost(project, data.costId);
      const years = project.annualCosts[data.costId] ?? refuse('cost_not_annual', 'costId', `Kostnaden «${data.costId}» er ikke en årlig kostnad`);
      if (data.lastYear < years.startYear)
        refuse('invalid_cost_years', 'lastYear', `Kostnaden løper fra ${years.startYear}: siste år kan ikke være før det (reverser kostnaden i stedet)`);
      if (years.endYear !== null && data.lastYear >= years.endYear)
        refuse('cost_already_ends', 'lastYear', `Kostnaden løper bare til og med ${years.endYear}: stopp den i et tidligere år, eller korriger den`);
      return [emit('AnnualCostStopped', data)];
    }
  }
};
