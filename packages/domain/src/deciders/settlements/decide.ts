import { refuse } from '../../errors';
import type { SettlementEvent } from '../../events';
import { emit, requireActiveUnit, requireValidPeriod } from '../rules';
import type { SettlementCommand } from './commands';
import type { SettlementState } from './state';

export const decideSettlement = (command: SettlementCommand, state: SettlementState): SettlementEvent[] => {
  switch (command.type) {
    case 'RecordSettlement': {
      const { data, context } = command;
      if (state.status !== 'none') refuse('settlement_exists', 'settlementId', `Avregningen «${data.settlementId}» er allerede registrert`);
      const event = emit('SettlementRecorded', { ...data, projectId: data.projectId ?? null, comment: data.comment ?? null });
      requireValidPeriod(data.period);
      requireActiveUnit(context.units, data.fromUnitId, 'fromUnitId');
      requireActiveUnit(context.units, data.toUnitId, 'toUnitId');
      const projectId = event.data.projectId;
      if (projectId !== null) {
        const project = Object.hasOwn(context.projects, projectId) ? context.projects[projectId] : undefined;
        // A settlement may compensate for a closed project; it only has to exist.
        if (!project?.exists) refuse('project_not_found', 'projectId', `Prosjektet «${projectId}» finnes ikke`);
      }
      return [event];
    }
  }
};
