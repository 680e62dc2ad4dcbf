import { benefitDecider } from '@gevinst/domain/deciders';
import { benefitStream } from '@gevinst/domain/events';
import { v7 as uuidv7 } from 'uuid';
import * as I from '../inputs';
import { NotFoundError } from '../errors';
import { defineCommand, onTargetOf, stepOn, type CommandSpec } from '../spec';

const BENEFIT = { category: 'benefit', what: 'gevinsten' } as const;

/** A command on the benefit in the path. */
const onBenefit = onTargetOf(benefitDecider, benefitStream, BENEFIT);

export const benefitCommands: Record<string, CommandSpec> = {
  planBenefit: defineCommand({
    name: 'planBenefit',
    summary: 'Planlegg en gevinst for prosjektet',
    input: I.PlanBenefitInput,
    id: 'new:benefit',
    target: { category: 'project', what: 'prosjektet' },
    steps: ({ id, targetId, input, env }) => {
      // the application has checked the target (the project in the path) before the steps
      if (targetId === undefined) throw new NotFoundError('prosjektet', '');
      return [
        stepOn(benefitDecider, benefitStream(id), { type: 'PlanBenefit', data: { benefitId: id, projectId: targetId, ...input }, context: env }),
      ];
    },
  }),
  recordBaseline: onBenefit('recordBaseline', 'Registrer nullpunktsmåling', I.RecordBaselineInput, (benefitId, input, context) => ({
    type: 'MeasureBaseline',
    data: { benefitId, ...input },
    context,
  })),
  /** made by the upload route (`POST /api/benefits/:id/evidence`) once the file is stored; it has no JSON route */
  attachEvidence: onBenefit('attachEvidence', 'Legg ved en fil som dokumentasjon', I.AttachEvidenceInput, (benefitId, input, context) => ({
    type: 'AttachEvidence',
    data: { benefitId, ...input },
    context,
  })),
  recordMeasurement: onBenefit('recordMeasurement', 'Registrer en måling', I.RecordMeasurementInput, (benefitId, input, context) => ({
    type: 'RecordMeasurement',
    data: { benefitId, ...input },
    context,
  })),
  recordRealisation: onBenefit(
    'recordRealisation',
    'Registrer realisert gevinst for en periode',
    I.RecordRealisationInput,
    (benefitId, input, context) => ({ type: 'RecordRealisation', data: { benefitId, ...input }, context }),
  ),
  correctRealisation: onBenefit(
    'correctRealisation',
    'Korriger realisert gevinst for en periode',
    I.CorrectRealisationInput,
    (benefitId, input, context) => ({ type: 'CorrectRealisation', data: { benefitId, ...input }, context }),
  ),
  reviseForecast: onBenefit('reviseForecast', 'Revider gevinstplanen (prognose)', I.ReviseForecastInput, (benefitId, input, context) => ({
    type: 'ReviseForecast',
    data: { benefitId, ...input },
    context,
  })),
  assignBenefitOwner: onBenefit('assignBenefitOwner', 'Sett gevinsteier', I.AssignOwnerInput, (benefitId, input, context) => ({
    type: 'AssignBenefitOwner',
    data: { benefitId, ...input },
    context,
  })),
  cancelBenefit: onBenefit('cancelBenefit', 'Avbryt gevinsten', I.CancelBenefitInput, (benefitId, input, context) => ({
    type: 'CancelBenefit',
    data: { benefitId, ...input },
    context,
  })),
  approveBenefitPlan: onBenefit(
    'approveBenefitPlan',
    'Godkjenn gevinstplanen slik den står, ved et beslutningspunkt (BP1–BP4)',
    I.ApproveBenefitPlanInput,
    (benefitId, input, context) => ({ type: 'ApproveBenefitPlan', data: { benefitId, ...input }, context }),
  ),
  recordWithdrawal: onBenefit('recordWithdrawal', 'Registrer gevinstuttak (budsjettkutt)', I.RecordWithdrawalInput, (benefitId, input, context) => ({
    type: 'RecordBudgetWithdrawal',
    data: { benefitId, withdrawalId: uuidv7(), ...input },
    context,
  })),
  addBenefitAction: onBenefit('addBenefitAction', 'Legg til et gevinstrealiseringstiltak', I.AddBenefitActionInput, (benefitId, input, context) => ({
    type: 'AddBenefitAction',
    data: { benefitId, actionId: uuidv7(), ...input },
    context,
  })),
  updateBenefitAction: onBenefit('updateBenefitAction', 'Oppdater et tiltak (status, frist, ansvarlig, kommentar)', I.UpdateBenefitActionInput, (benefitId, input, context) => ({
    type: 'UpdateBenefitAction',
    data: { benefitId, ...input },
    context,
  })),
  assessBenefitRisk: onBenefit('assessBenefitRisk', 'Vurder en risiko for gevinsten (sannsynlighet × konsekvens)', I.AssessBenefitRiskInput, (benefitId, input, context) => ({
    type: 'AssessBenefitRisk',
    data: { benefitId, ...input, riskId: input.riskId ?? uuidv7() },
    context,
  })),
  closeBenefitRisk: onBenefit('closeBenefitRisk', 'Lukk en risiko', I.CloseBenefitRiskInput, (benefitId, input, context) => ({
    type: 'CloseBenefitRisk',
    data: { benefitId, ...input },
    context,
  })),
  recordUnplannedBenefit: defineCommand({
    name: 'recordUnplannedBenefit',
    summary: 'Registrer en uplanlagt gevinst',
    input: I.RecordUnplannedBenefitInput,
    id: 'new:benefit',
    steps: ({ id, input, env }) => [
      stepOn(benefitDecider, benefitStream(id), { type: 'RecordUnplannedBenefit', data: { benefitId: id, ...input }, context: env }),
    ],
  }),
};
