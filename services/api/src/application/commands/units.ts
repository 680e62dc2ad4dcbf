import { unitDecider } from '@gevinst/domain/deciders/units/index';
import { unitStream } from '@gevinst/domain/events/index';
import { osloDate } from '@gevinst/domain/deciders/rules';
import { refuse } from '@gevinst/domain/errors/index';
import * as I from '../inputs';
import { unitMergedIntoEventId } from '../processes/completeMergers';
import type { CommandEnv, CommandSpec } from '../spec';

const UNIT = { category: 'unit', what: 'enheten' } as const;

/**
 * The unit's own stream says it is merged only once `UnitMergedInto` is on it; the read models know
 * from the successor's `UnitsMerged` already, so a merger cut short still stops new facts.
 */
const notMerged = (env: CommandEnv, unitId: string, path = 'unitId'): void => {
  const unit = Object.hasOwn(env.units, unitId) ? env.units[unitId] : undefined;
  if (unit?.mergedInto)
    refuse('unit_merged', path, `Enheten «${unit.name}» er slått sammen med en annen enhet og tar ikke imot nye registreringer`);
};
const unmerged =
  (steps: CommandSpec['steps']): CommandSpec['steps'] =>
  (args) => {
    notMerged(args.env, args.id);
    return steps(args);
  };

export const unitCommands: Record<string, CommandSpec> = {
  registerUnit: {
    name: 'registerUnit',
    summary: 'Registrer en enhet',
    input: I.RegisterUnitInput,
    id: 'new:unit',
    steps: ({ id, input, env }) => [
      {
        streamName: unitStream(id),
        decider: unitDecider,
        command: { type: 'RegisterUnit', data: { unitId: id, ...input }, context: env },
      },
    ],
  },
  renameUnit: {
    name: 'renameUnit',
    summary: 'Gi en enhet nytt navn',
    input: I.RenameUnitInput,
    id: 'target',
    target: UNIT,
    steps: unmerged(({ id, input, env }) => [
      { streamName: unitStream(id), decider: unitDecider, command: { type: 'RenameUnit', data: { unitId: id, ...input }, context: env } },
    ]),
  },
  moveUnit: {
    name: 'moveUnit',
    summary: 'Flytt en enhet i organisasjonstreet',
    input: I.MoveUnitInput,
    id: 'target',
    target: UNIT,
    steps: unmerged(({ id, input, env }) => [
      { streamName: unitStream(id), decider: unitDecider, command: { type: 'MoveUnit', data: { unitId: id, ...input }, context: env } },
    ]),
  },
  assignUnitLeader: {
    name: 'assignUnitLeader',
    summary: 'Sett leder for en enhet',
    input: I.AssignUnitLeaderInput,
    id: 'target',
    target: UNIT,
    steps: unmerged(({ id, input, env }) => [
      { streamName: unitStream(id), decider: unitDecider, command: { type: 'AssignUnitLeader', data: { unitId: id, ...input }, context: env } },
    ]),
  },
  setHourlyRate: {
    name: 'setHourlyRate',
    summary: 'Sett timesats for en enhet og et år',
    input: I.SetHourlyRateInput,
    id: 'target',
    target: UNIT,
    steps: unmerged(({ id, input, env }) => [
      { streamName: unitStream(id), decider: unitDecider, command: { type: 'SetHourlyRate', data: { unitId: id, ...input }, context: env } },
    ]),
  },
  /**
   * UnitsMerged on the successor's stream, then UnitMergedInto on each merged unit's stream: separate
   * appends, so a crash between them is completed by `processes/completeMergers` (same event ids).
   */
  mergeUnits: {
    name: 'mergeUnits',
    summary: 'Slå sammen enheter (omorganisering, kommunesammenslåing)',
    input: I.MergeUnitsInput,
    id: 'new:unit',
    answerId: (id, input) => input.successorUnitId ?? id,
    steps: ({ id, input, env }) => {
      const successorUnitId = input.successorUnitId ?? id;
      notMerged(env, successorUnitId, 'successorUnitId');
      const effectiveDate = input.effectiveDate ?? osloDate(env.now);
      return [
        {
          streamName: unitStream(successorUnitId),
          decider: unitDecider,
          command: {
            type: 'MergeUnits',
            data: { successorUnitId, mergedUnitIds: input.mergedUnitIds, effectiveDate, successorName: input.successorName, parentId: input.parentId },
            context: env,
          },
        },
        ...input.mergedUnitIds.map((unitId: string, i: number) => ({
          streamName: unitStream(unitId),
          decider: unitDecider,
          mustExist: { what: 'enheten', id: unitId, path: `mergedUnitIds.${i}` },
          command: { type: 'MergeUnitInto', data: { unitId, successorUnitId, effectiveDate }, context: env },
          eventId: () => unitMergedIntoEventId(unitId, successorUnitId),
        })),
      ];
    },
  },
};
