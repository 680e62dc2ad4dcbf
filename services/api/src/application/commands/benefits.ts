import { benefitDecider } from '@gevinst/domain/deciders/benefits/index';
import { benefitStream } from '@gevinst/domain/events/index';
import { v7 as uuidv7 } from 'uuid';
import * as I from '../inputs';
import type { CommandSpec } from '../spec';

const BENEFIT = { category: 'benefit', what: 'gevinsten' } as const;

const onBenefit = (type: string, name: string, summary: string, input: CommandSpec['input'], data?: (input: any) => object): CommandSpec => ({
  name,
  summary,
  input,
  id: 'target',
  target: BENEFIT,
  steps: ({ id, input: value, env }) => [
    {
      streamName: benefitStream(id),
      decider: benefitDecider,
      command: { type, data: { benefitId: id, ...(data ? data(value) : value) }, context: env },
    },
  ],
});

export const benefitCommands: Record<string, CommandSpec> = {
  planBenefit: {
    name: 'planBenefit',
    summary: 'Planlegg en gevinst for prosjektet',
    input: I.PlanBenefitInput,
    id: 'new:benefit',
    target: { category: 'project', what: 'prosjektet' },
    steps: ({ id, targetId, input, env }) => [
      {
        streamName: benefitStream(id),
        decider: benefitDecider,
        command: { type: 'PlanBenefit', data: { benefitId: id, projectId: targetId, ...input }, context: env },
      },
    ],
  },
  recordBaseline: onBenefit('MeasureBaseline', 'recordBaseline', 'Registrer nullpunktsmåling', I.RecordBaselineInput),
  recordMeasurement: onBenefit('RecordMeasurement', 'recordMeasurement', 'Registrer en måling', I.RecordMeasurementInput),
  recordRealisation: onBenefit('RecordRealisation', 'recordRealisation', 'Registrer realisert gevinst for en periode', I.RecordRealisationInput),
  correctRealisation: onBenefit('CorrectRealisation', 'correctRealisation', 'Korriger realisert gevinst for en periode', I.CorrectRealisationInput),
  reviseForecast: onBenefit('ReviseForecast', 'reviseForecast', 'Revider gevinstplanen (prognose)', I.ReviseForecastInput),
  assignBenefitOwner: onBenefit('AssignBenefitOwner', 'assignBenefitOwner', 'Sett gevinsteier', I.AssignOwnerInput),
  cancelBenefit: onBenefit('CancelBenefit', 'cancelBenefit', 'Avbryt gevinsten', I.CancelBenefitInput),
  recordWithdrawal: onBenefit('RecordBudgetWithdrawal', 'recordWithdrawal', 'Registrer gevinstuttak (budsjettkutt)', I.RecordWithdrawalInput, (input) => ({
    withdrawalId: uuidv7(),
    ...input,
  })),
  recordUnplannedBenefit: {
    name: 'recordUnplannedBenefit',
    summary: 'Registrer en uplanlagt gevinst',
    input: I.RecordUnplannedBenefitInput,
    id: 'new:benefit',
    steps: ({ id, input, env }) => [
      {
        streamName: benefitStream(id),
        decider: benefitDecider,
        command: { type: 'RecordUnplannedBenefit', data: { benefitId: id, ...input }, context: env },
      },
    ],
  },
};
