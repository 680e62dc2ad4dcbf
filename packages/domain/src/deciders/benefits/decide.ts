import { refuse, ValidationError } from '../../errors';
import type { BenefitEvent } from '../../events';
import { formatKroner, InvalidAmountError, multiplyOre } from '../../money';
import { comparePeriods, formatPeriod, formatPeriodNb, overlaps, periodOf } from '../../periods';
import {
  emit,
  osloDate,
  carrierUnitOf,
  requireActiveUnit,
  requireFiniteNumber,
  requireIsoDate,
  requireOpenProject,
  requireSameId,
  requireStartedPeriod,
  requireValidPeriod,
} from '../rules';
import type { Now } from '../context';
import type {
  ApproveBenefitPlan,
  BenefitCommand,
  CorrectRealisation,
  PlanBenefit,
  RecordBudgetWithdrawal,
  RecordRealisation,
  RecordUnplannedBenefit,
} from './commands';
import { addAction, assessRisk, closeRisk, updateAction } from './actions';
import { declareOverlaps } from './overlap';
import {
  benefitRealisedCashReleasingOre,
  benefitRealisedCashReleasingUpToOre,
  benefitWithdrawnUpToOre,
  type BenefitState,
} from './state';

type Recorded = Exclude<BenefitState, { status: 'none' }>;
type Planned = Extract<BenefitState, { status: 'planned' | 'cancelled' }>;

const requireBenefit = (state: BenefitState, benefitId: string): Recorded => {
  if (state.status === 'none') return refuse('benefit_not_found', 'benefitId', `Gevinsten «${benefitId}» finnes ikke`);
  requireSameId(state.benefitId, benefitId, 'benefitId');
  return state;
};

/** A planned benefit, pursued or cancelled. */
const requirePlanned = (state: BenefitState, benefitId: string, notPlanned: (title: string) => string): Planned => {
  const benefit = requireBenefit(state, benefitId);
  if (benefit.status === 'unplanned') return refuse('benefit_not_planned', 'benefitId', notPlanned(benefit.title));
  return benefit;
};

/** A planned benefit that is still pursued. */
const requireActivePlanned = (state: BenefitState, benefitId: string): Planned => {
  const benefit = requirePlanned(state, benefitId, (title) => `«${title}» er en uplanlagt gevinst og kan ikke følges opp som en planlagt`);
  if (benefit.status === 'cancelled') refuse('benefit_cancelled', 'benefitId', `Gevinsten «${benefit.title}» er kansellert`);
  return benefit;
};

const requirePursued = (state: BenefitState, benefitId: string): Extract<BenefitState, { status: 'planned' }> => {
  const benefit = requireActivePlanned(state, benefitId);
  if (benefit.status !== 'planned') return refuse('benefit_cancelled', 'benefitId', `Gevinsten «${benefit.title}» er kansellert`);
  return benefit;
};

const requireNonNegativeQuantity = (quantity: unknown, path = 'quantity'): number => {
  const value = requireFiniteNumber(quantity, path);
  if (value < 0) refuse('negative_quantity', path, 'Mengden kan ikke være negativ');
  return value;
};

const requireNotInFuture = (date: unknown, now: Now, path: string): string => {
  const valid = requireIsoDate(date, path);
  if (valid > osloDate(now)) refuse('date_in_future', path, 'Datoen kan ikke være fram i tid');
  return valid;
};

/** quantity × valuation in whole øre, fixed on the event; 0 when the benefit is not valued. */
const valueOf = (quantity: number, valuationOrePerUnit: number | null): number => {
  if (valuationOrePerUnit === null) return 0;
  try {
    return multiplyOre(quantity, valuationOrePerUnit);
  } catch (error) {
    if (error instanceof InvalidAmountError) return refuse('amount_too_large', 'quantity', 'Mengden gir et for stort beløp');
    throw error;
  }
};

/** DFØ: only a gain with *budsjettmessig virkning i egen virksomhet* (category `budget`) releases cash. */
const requireCashReleasingOnlyForBudget = (category: string, cashReleasing: boolean): void => {
  if (cashReleasing && category !== 'budget')
    refuse(
      'cash_releasing_not_budget',
      'cashReleasing',
      'Bare en gevinst i kategorien «budsjett» (budsjettmessig virkning i egen virksomhet) kan være kontantfrigjørende og tas ut av budsjettet',
    );
};

/** A withdrawal is a decision: its saksnummer is required (bad input, HTTP 400). */
const requireSaksnummer = (saksnummer: string | null | undefined): string => {
  const value = saksnummer?.trim();
  if (!value) {
    const message = 'Saksnummer må fylles ut: et gevinstuttak er et vedtak';
    throw new ValidationError(message, [{ path: 'saksnummer', message }], 'saksnummer_required');
  }
  return value;
};

const planBenefit = ({ data: { sharedWith, ...data }, context }: PlanBenefit, state: BenefitState): BenefitEvent[] => {
  if (state.status !== 'none') refuse('benefit_exists', 'benefitId', `Gevinsten «${data.benefitId}» er allerede registrert`);
  requireOpenProject(context.projects, data.projectId, 'projectId');
  requireActiveUnit(context.units, data.recipientUnitId, 'recipientUnitId');
  const valuationOrePerUnit = data.valuationOrePerUnit ?? null;
  if (data.category === 'unpriced' && valuationOrePerUnit !== null)
    refuse('valuation_not_allowed', 'valuationOrePerUnit', 'En ikke-prissatt gevinst kan ikke ha verdsetting i kroner');
  requireCashReleasingOnlyForBudget(data.category, data.cashReleasing);
  if (data.cashReleasing && valuationOrePerUnit === null)
    refuse('valuation_required', 'valuationOrePerUnit', 'En budsjettmessig (kontantfrigjørende) gevinst må verdsettes i kroner per enhet');
  const baseline = data.baseline ?? null;
  const target = data.target ?? null;
  if (typeof baseline === 'number' && typeof target === 'number') {
    const againstDirection = data.direction === 'increase' ? target <= baseline : target >= baseline;
    if (againstDirection)
      refuse(
        'target_against_direction',
        'target',
        data.direction === 'increase' ? 'Målverdien må være høyere enn nullpunktet' : 'Målverdien må være lavere enn nullpunktet',
      );
  }
  const planned = emit('BenefitPlanned', {
    ...data,
    valuationOrePerUnit,
    baseline,
    target,
    targetDate: data.targetDate ?? null,
    measurementSchedule: data.measurementSchedule ?? 'tertial',
    disbenefit: data.disbenefit ?? false,
  });
  // the double-counting guard, on the plan as validated
  const overlapCandidate = { ...planned.data, periods: planned.data.plan.map((e) => e.period) };
  return [planned, ...declareOverlaps(data.benefitId, overlapCandidate, sharedWith ?? [], context.plannedBenefits)];
};

const recordRealisation = ({ data, context }: RecordRealisation, state: BenefitState): BenefitEvent[] => {
  const benefit = requireActivePlanned(state, data.benefitId);
  const period = requireValidPeriod(data.period);
  const quantity = requireNonNegativeQuantity(data.quantity);
  requireStartedPeriod(period, context.now);
  if (Object.hasOwn(benefit.realisations, period))
    refuse(
      'realisation_exists',
      'period',
      `Realisert gevinst for ${formatPeriodNb(period)} er allerede registrert; bruk korrigering for å endre den`,
    );
  const overlapping = Object.keys(benefit.realisations).find((other) => overlaps(other, period));
  if (overlapping)
    refuse(
      'period_overlaps',
      'period',
      `Perioden ${formatPeriodNb(period)} overlapper ${formatPeriodNb(overlapping)}, som allerede har realisert gevinst`,
    );
  const valuationOrePerUnit = benefit.valuationOrePerUnit;
  return [
    emit('BenefitRealised', {
      benefitId: data.benefitId,
      period,
      quantity,
      valuationOrePerUnit,
      valueOre: valueOf(quantity, valuationOrePerUnit),
      comment: data.comment ?? null,
      evidenceUrl: data.evidenceUrl ?? null,
    }),
  ];
};

const correctRealisation = ({ data }: CorrectRealisation, state: BenefitState): BenefitEvent[] => {
  const benefit = requirePlanned(state, data.benefitId, (title) => `«${title}» er en uplanlagt gevinst og har ingen realiseringer å korrigere`);
  const period = requireValidPeriod(data.period);
  const quantity = requireNonNegativeQuantity(data.quantity);
  const previous = Object.hasOwn(benefit.realisations, period) ? benefit.realisations[period] : undefined;
  if (!previous)
    return refuse('realisation_not_found', 'period', `Det finnes ingen realisert gevinst for ${formatPeriodNb(period)} å korrigere`);
  const valuationOrePerUnit = benefit.valuationOrePerUnit;
  const valueOre = valueOf(quantity, valuationOrePerUnit);
  const after: BenefitState = { ...benefit, realisations: { ...benefit.realisations, [period]: { quantity, valueOre, corrected: true } } };
  const realisedAfter = benefitRealisedCashReleasingOre(after);
  if (realisedAfter < benefit.withdrawnOre)
    refuse(
      'correction_below_withdrawn',
      'quantity',
      `Korrigeringen gir ${formatKroner(realisedAfter)} realisert budsjettmessig gevinst, men ${formatKroner(benefit.withdrawnOre)} er allerede tatt ut`,
    );
  // a lower value must also leave each withdrawal covered by what was realised by its period
  if (valueOre < previous.valueOre)
    for (const w of [...benefit.withdrawals].sort((a, b) => comparePeriods(a.period, b.period))) {
      const realisedBy = benefitRealisedCashReleasingUpToOre(after, w.period);
      const withdrawnBy = benefitWithdrawnUpToOre(benefit, w.period);
      if (realisedBy < withdrawnBy)
        refuse(
          'correction_below_withdrawn',
          'quantity',
          `Korrigeringen gir ${formatKroner(realisedBy)} realisert budsjettmessig gevinst til og med ${formatPeriodNb(w.period)}, ` +
            `men ${formatKroner(withdrawnBy)} er allerede tatt ut for perioder til og med da`,
        );
    }
  return [
    emit('BenefitRealisationCorrected', {
      benefitId: data.benefitId,
      period,
      quantity,
      valuationOrePerUnit,
      valueOre,
      comment: data.comment ?? null,
      evidenceUrl: data.evidenceUrl ?? null,
      reason: data.reason,
    }),
  ];
};

const recordBudgetWithdrawal = ({ data, context }: RecordBudgetWithdrawal, state: BenefitState): BenefitEvent[] => {
  const benefit = requireBenefit(state, data.benefitId);
  // a merged recipient's gain is withdrawn from its successor's budget
  const unitId = carrierUnitOf(context.units, data.unitId ?? benefit.recipientUnitId, osloDate(context.now));
  const saksnummer = requireSaksnummer(data.saksnummer);
  const event = emit('BudgetWithdrawalRecorded', {
    benefitId: data.benefitId,
    withdrawalId: data.withdrawalId,
    unitId,
    period: data.period,
    amountOre: data.amountOre,
    saksnummer,
    comment: data.comment ?? null,
  });
  // a benefit stored before the rule as cash-releasing in another category: no new withdrawal
  if (benefit.cashReleasing && !benefit.disbenefit) requireCashReleasingOnlyForBudget(benefit.category, true);
  if (!benefit.cashReleasing || benefit.disbenefit)
    refuse('not_cash_releasing', 'benefitId', `Gevinsten «${benefit.title}» er ikke budsjettmessig og kan ikke tas ut av budsjettet`);
  if (benefit.withdrawalIds.includes(data.withdrawalId))
    refuse('withdrawal_exists', 'withdrawalId', `Uttaket «${data.withdrawalId}» er allerede registrert`);
  requireActiveUnit(context.units, unitId, 'unitId');
  const period = event.data.period;
  const realised = benefitRealisedCashReleasingUpToOre(benefit, period);
  if (realised <= 0) {
    const later = Object.keys(benefit.realisations)
      .filter((p) => (benefit.realisations[p]?.valueOre ?? 0) > 0)
      .sort(comparePeriods)[0];
    refuse(
      'withdrawal_before_realisation',
      'period',
      `Det er ikke realisert noen budsjettmessig gevinst i ${formatPeriodNb(period)} eller tidligere` +
        (later ? `; første realisering er i ${formatPeriodNb(later)}` : '') +
        '. Et gevinstuttak kan bare gjelde realisert gevinst.',
    );
  }
  const available = realised - benefit.withdrawnOre;
  if (event.data.amountOre > available)
    refuse(
      'withdrawal_exceeds_realised',
      'amountOre',
      `Uttaket på ${formatKroner(event.data.amountOre)} er større enn det som er realisert til og med ${formatPeriodNb(period)} og ikke tatt ut: ` +
        `${formatKroner(Math.max(0, available))} (realisert ${formatKroner(realised)}, allerede tatt ut ${formatKroner(benefit.withdrawnOre)})`,
    );
  return [event];
};

const recordUnplannedBenefit = ({ data, context }: RecordUnplannedBenefit, state: BenefitState): BenefitEvent[] => {
  if (state.status !== 'none') refuse('benefit_exists', 'benefitId', `Gevinsten «${data.benefitId}» er allerede registrert`);
  const projectId = data.projectId ?? null;
  if (projectId !== null) requireOpenProject(context.projects, projectId, 'projectId');
  requireActiveUnit(context.units, data.recipientUnitId, 'recipientUnitId');
  const period = requireValidPeriod(data.period);
  requireNonNegativeQuantity(data.quantity);
  requireStartedPeriod(period, context.now);
  if (data.category === 'unpriced' && data.valueOre !== 0)
    refuse('valuation_not_allowed', 'valueOre', 'En ikke-prissatt gevinst kan ikke ha verdi i kroner');
  return [emit('UnplannedBenefitRecorded', { ...data, projectId })];
};

const samePlan = (a: readonly { period: string; quantity: number }[], b: readonly { period: string; quantity: number }[]): boolean => {
  const byPeriod = new Map(a.map((e) => [e.period, e.quantity]));
  return a.length === b.length && b.every((e) => byPeriod.get(e.period) === e.quantity);
};

const decisionPointNames = { BP1: 'BP1', BP2: 'BP2', BP3: 'BP3', BP4: 'BP4', other: 'et annet beslutningspunkt' } as const;

/**
 * Approval at a decision point copies the plan as it stands. A point may be approved again (a
 * re-approval, e.g. after the plan was revised and went back to the same point); the approval is
 * then a new version. Approving again what the point already approved, unchanged, is refused.
 */
const approveBenefitPlan = ({ data }: ApproveBenefitPlan, state: BenefitState): BenefitEvent[] => {
  const benefit = requireActivePlanned(state, data.benefitId);
  const approved = {
    plan: benefit.plan,
    baseline: benefit.baseline,
    target: benefit.target ?? null,
    targetDate: benefit.targetDate ?? null,
  };
  const previous = benefit.approvals?.[data.decisionPoint];
  if (
    previous &&
    samePlan(previous.plan, approved.plan) &&
    previous.baseline === approved.baseline &&
    previous.target === approved.target &&
    previous.targetDate === approved.targetDate
  )
    refuse(
      'plan_already_approved',
      'decisionPoint',
      `Planen for «${benefit.title}» er allerede godkjent ved ${decisionPointNames[data.decisionPoint]} slik den står nå`,
    );
  const note = data.note?.trim() ? data.note.trim() : null;
  return [emit('BenefitPlanApproved', { benefitId: data.benefitId, decisionPoint: data.decisionPoint, ...approved, note })];
};

export const decideBenefit = (command: BenefitCommand, state: BenefitState): BenefitEvent[] => {
  switch (command.type) {
    case 'PlanBenefit':
      return planBenefit(command, state);
    case 'MeasureBaseline': {
      const { data, context } = command;
      const benefit = requireActivePlanned(state, data.benefitId);
      requireNotInFuture(data.measuredOn, context.now, 'measuredOn');
      const reason = data.reason?.trim() ? data.reason.trim() : null;
      if (benefit.baselineMeasured && reason === null)
        refuse('reason_required', 'reason', 'Nullpunktet er målt før: oppgi begrunnelse for det nye nullpunktet');
      return [emit('BaselineMeasured', { ...data, reason })];
    }
    case 'RecordMeasurement': {
      const { data, context } = command;
      const benefit = requireActivePlanned(state, data.benefitId);
      const measuredOn = requireNotInFuture(data.measuredOn, context.now, 'measuredOn');
      const period = data.period ?? formatPeriod(periodOf(measuredOn, benefit.measurementSchedule));
      return [emit('MeasurementRecorded', { ...data, period })];
    }
    case 'RecordRealisation':
      return recordRealisation(command, state);
    case 'CorrectRealisation':
      return correctRealisation(command, state);
    case 'ReviseForecast':
      requireActivePlanned(state, command.data.benefitId);
      return [emit('BenefitForecastRevised', command.data)];
    case 'AssignBenefitOwner': {
      const { benefitId, owner } = command.data;
      const benefit = requireActivePlanned(state, benefitId);
      if (owner === benefit.owner) return [];
      return [emit('BenefitOwnerAssigned', { benefitId, owner, previousOwner: benefit.owner })];
    }
    case 'CancelBenefit':
      requireActivePlanned(state, command.data.benefitId);
      return [emit('BenefitCancelled', command.data)];
    case 'RecordBudgetWithdrawal':
      return recordBudgetWithdrawal(command, state);
    case 'RecordUnplannedBenefit':
      return recordUnplannedBenefit(command, state);
    case 'AttachEvidence':
      // evidence of what was measured or realised: also for a cancelled or unplanned benefit
      requireBenefit(state, command.data.benefitId);
      return [emit('EvidenceAttached', command.data)];
    case 'ApproveBenefitPlan':
      return approveBenefitPlan(command, state);
    // actions and risks: only on a benefit still pursued
    case 'AddBenefitAction':
      return addAction(command, requirePursued(state, command.data.benefitId));
    case 'UpdateBenefitAction':
      return updateAction(command, requirePursued(state, command.data.benefitId));
    case 'AssessBenefitRisk':
      return assessRisk(command, requirePursued(state, command.data.benefitId));
    case 'CloseBenefitRisk':
      return closeRisk(command, requirePursued(state, command.data.benefitId));
  }
};
