import { unitDecider } from '@gevinst/domain/deciders';
import { unitStream } from '@gevinst/domain/events';
import { osloDate } from '@gevinst/domain/deciders';
import * as I from '../inputs';
import { unitMergedIntoEventId } from '../processes/completeMergers';
import { defineCommand, stepOn, type CommandSpec } from '../spec';

const UNIT = { category: 'unit', what: 'enheten' } as const;

export const unitCommands: Record<string, CommandSpec> = {
  registerUnit: defineCommand({
    name: 'registerUnit',
    summary: 'Registrer en enhet',
    input: I.RegisterUnitInput,
    id: 'new:unit',
    steps: ({ id, input, env }) => [stepOn(unitDecider, unitStream(id), { type: 'RegisterUnit', data: { unitId: id, ...input }, context: env })],
  }),
  renameUnit: defineCommand({
    name: 'renameUnit',
    summary: 'Gi en enhet nytt navn',
    input: I.RenameUnitInput,
    id: 'target',
    target: UNIT,
    steps: ({ id, input, env }) => [stepOn(unitDecider, unitStream(id), { type: 'RenameUnit', data: { unitId: id, ...input }, context: env })],
  }),
  moveUnit: defineCommand({
    name: 'moveUnit',
    summary: 'Flytt en enhet i organisasjonstreet',
    input: I.MoveUnitInput,
    id: 'target',
    target: UNIT,
    steps: ({ id, input, env }) => [stepOn(unitDecider, unitStream(id), { type: 'MoveUnit', data: { unitId: id, ...input }, context: env })],
  }),
  annulUnitMove: defineCommand({
    name: 'annulUnitMove',
    summary: 'Annuller en flytting av en enhet (med begrunnelse)',
    input: I.AnnulUnitMoveInput,
    id: 'target',
    target: UNIT,
    steps: ({ id, input, env }) => [stepOn(unitDecider, unitStream(id), { type: 'AnnulUnitMove', data: { unitId: id, ...input }, context: env })],
  }),
  /** on the merged unit's stream: the successor's record of the merger stays, the registry reads the annulment */
  annulUnitMerger: defineCommand({
    name: 'annulUnitMerger',
    summary: 'Annuller en sammenslåing (med begrunnelse)',
    input: I.AnnulUnitMergerInput,
    id: 'target',
    target: UNIT,
    steps: ({ id, input, env }) => [stepOn(unitDecider, unitStream(id), { type: 'AnnulUnitMerger', data: { unitId: id, ...input }, context: env })],
  }),
  assignUnitLeader: defineCommand({
    name: 'assignUnitLeader',
    summary: 'Sett leder for en enhet',
    input: I.AssignUnitLeaderInput,
    id: 'target',
    target: UNIT,
    steps: ({ id, input, env }) => [
      stepOn(unitDecider, unitStream(id), { type: 'AssignUnitLeader', data: { unitId: id, ...input }, context: env }),
    ],
  }),
  setHourlyRate: defineCommand({
    name: 'setHourlyRate',
    summary: 'Sett timesats for en enhet og et år',
    input: I.SetHourlyRateInput,
    id: 'target',
    target: UNIT,
    steps: ({ id, input, env }) => [stepOn(unitDecider, unitStream(id), { type: 'SetHourlyRate', data: { unitId: id, ...input }, context: env })],
  }),
  /**
   * UnitsMerged on the successor's stream, then UnitMergedInto on each merged unit's stream: separate
   * appends, so a crash between them is completed by `processes/completeMergers` (same event ids).
   */
  mergeUnits: defineCommand({
    name: 'mergeUnits',
    summary: 'Slå sammen enheter (omorganisering, kommunesammenslåing)',
    input: I.MergeUnitsInput,
    id: 'new:unit',
    answerId: (id, input) => input.successorUnitId ?? id,
    steps: ({ id, input, env }) => {
      const successorUnitId = input.successorUnitId ?? id;
      const effectiveDate = input.effectiveDate ?? osloDate(env.now);
      const { mergedUnitIds, successorName, parentId } = input;
      return [
        stepOn(unitDecider, unitStream(successorUnitId), {
          type: 'MergeUnits',
          data: { successorUnitId, mergedUnitIds, effectiveDate, successorName, parentId },
          context: env,
        }),
        ...mergedUnitIds.map((unitId, i) =>
          stepOn(
            unitDecider,
            unitStream(unitId),
            { type: 'MergeUnitInto', data: { unitId, successorUnitId, effectiveDate }, context: env },
            { mustExist: { what: 'enheten', id: unitId, path: `mergedUnitIds.${i}` }, eventId: () => unitMergedIntoEventId(unitId, successorUnitId) },
          ),
        ),
      ];
    },
  }),
};
