import { refuse, ValidationError } from '../../errors';
import type { SettlementEvent } from '../../events';
import { formatKroner } from '../../money';
import { formatPeriodNb } from '../../periods';
import { emit, requireActiveUnit, requireValidPeriod } from '../rules';
import type { SettlementCommand } from './commands';
import type { SettlementState } from './state';

/** `override` without a reason is bad input (HTTP 400); a reason without `override` is ignored. */
const overrideOf = (override: boolean | null | undefined, reason: string | null | undefined): string | null => {
  if (override !== true) return null;
  const value = reason?.trim();
  if (!value) {
    const message = 'Begrunnelse for overstyringen må fylles ut';
    throw new ValidationError(message, [{ path: 'overrideReason', message }], 'override_reason_required');
  }
  return value;
};

export const decideSettlement = (command: SettlementCommand, state: SettlementState): SettlementEvent[] => {
  switch (command.type) {
    case 'RecordSettlement': {
      const { data, context } = command;
      if (state.status !== 'none') refuse('settlement_exists', 'settlementId', `Avregningen «${data.settlementId}» er allerede registrert`);
      const overrideReason = overrideOf(data.override, data.overrideReason);
      const { override: _override, overrideReason: _reason, ...rest } = data;
      const event = emit('SettlementRecorded', {
        ...rest,
        projectId: data.projectId ?? null,
        comment: data.comment ?? null,
        override: overrideReason !== null,
        overrideReason,
      });
      requireValidPeriod(data.period);
      requireActiveUnit(context.units, data.fromUnitId, 'fromUnitId');
      requireActiveUnit(context.units, data.toUnitId, 'toUnitId');
      const projectId = event.data.projectId;
      if (projectId !== null) {
        const project = Object.hasOwn(context.projects, projectId) ? context.projects[projectId] : undefined;
        // A settlement may compensate for a closed project; it only has to exist.
        if (!project?.exists) refuse('project_not_found', 'projectId', `Prosjektet «${projectId}» finnes ikke`);
      }
      if (overrideReason === null) {
        const owed = context.owed({ recipientUnitId: data.fromUnitId, investorUnitId: data.toUnitId, upTo: event.data.period });
        if (event.data.amountOre > owed.owedOre) {
          const from = context.units[data.fromUnitId]?.name ?? data.fromUnitId;
          const to = context.units[data.toUnitId]?.name ?? data.toUnitId;
          refuse(
            'settlement_exceeds_owed',
            'amountOre',
            `Avregningen på ${formatKroner(event.data.amountOre)} er større enn det ${from} skylder ${to} til og med ` +
              `${formatPeriodNb(event.data.period)}: ${formatKroner(Math.max(0, owed.owedOre))} ` +
              `(gevinst av investeringer fra ${to}: ${formatKroner(owed.flowOre)}, allerede avregnet: ${formatKroner(owed.settledOre)}). ` +
              'Kryss av for overstyring og begrunn den for å registrere et større beløp.',
          );
        }
      }
      return [event];
    }
  }
};
