import { spanMonths } from '../../periods';
import type { ActionStatus, BenefitCategory, BenefitEvent, DecisionPoint, Direction, MeasurementSchedule, PlanEntry } from '../../events';

export interface RealisationState {
  quantity: number;
  valueOre: number;
  corrected: boolean;
}

/** What every recorded benefit's stream says, planned or not. */
interface RecordedBenefit {
  benefitId: string;
  projectId: string | null;
  title: string;
  recipientUnitId: string;
  category: BenefitCategory;
  /** withdrawable; for an unplanned benefit, category `budget` */
  cashReleasing: boolean;
  disbenefit: boolean;
  /** the latest realisation per period code */
  realisations: Record<string, RealisationState>;
  withdrawnOre: number;
  withdrawalIds: string[];
  /** each withdrawal's period and amount, in the order recorded */
  withdrawals: { period: string; amountOre: number }[];
}

/** A planned benefit (BenefitPlanned), followed up per period. */
export interface PlannedBenefit extends RecordedBenefit {
  projectId: string;
  owner: string;
  direction: Direction;
  valuationOrePerUnit: number | null;
  measurementSchedule: MeasurementSchedule;
  plan: PlanEntry[];
  baseline: number | null;
  /** whether a baseline was measured (BaselineMeasured); a new one then needs a reason */
  baselineMeasured?: boolean;
  target?: number | null;
  targetDate?: string | null;
  /** the latest approved plan per decision point (BenefitPlanApproved) */
  approvals?: Partial<Record<DecisionPoint, ApprovedPlan>>;
  /** realisation actions by id (BenefitActionAdded / BenefitActionUpdated) */
  actions?: Readonly<Record<string, ActionState>>;
  /** risks by id (BenefitRiskAssessed / BenefitRiskClosed) */
  risks?: Readonly<Record<string, RiskState>>;
}

export interface ActionState {
  title: string;
  owner: string;
  deadline: string;
  status: ActionStatus;
  comment: string | null;
}

export interface RiskState {
  threat: string;
  probability: number;
  consequence: number;
  mitigation: string;
  closed: boolean;
}

/** What was approved at a decision point. */
export interface ApprovedPlan {
  plan: PlanEntry[];
  baseline: number | null;
  target: number | null;
  targetDate: string | null;
}

/**
 * A benefit's lifecycle: not recorded; planned and pursued; planned and cancelled (its realisations
 * may still be corrected and withdrawn); or recorded once as unplanned.
 */
export type BenefitState =
  | { status: 'none' }
  | ({ status: 'planned' } & PlannedBenefit)
  | ({ status: 'cancelled' } & PlannedBenefit)
  | ({ status: 'unplanned' } & RecordedBenefit);

export const initialBenefitState = (): BenefitState => ({ status: 'none' });

const nothingYet = () => ({ disbenefit: false, realisations: {}, withdrawnOre: 0, withdrawalIds: [], withdrawals: [] });

export const evolveBenefit = (state: BenefitState, event: BenefitEvent): BenefitState => {
  switch (event.type) {
    case 'BenefitPlanned': {
      const d = event.data;
      // a stream is recorded once: its first event
      return {
        ...nothingYet(),
        status: 'planned',
        benefitId: d.benefitId,
        projectId: d.projectId,
        title: d.title,
        recipientUnitId: d.recipientUnitId,
        owner: d.owner,
        direction: d.direction,
        category: d.category,
        cashReleasing: d.cashReleasing,
        disbenefit: d.disbenefit,
        valuationOrePerUnit: d.valuationOrePerUnit,
        measurementSchedule: d.measurementSchedule,
        plan: d.plan,
        baseline: d.baseline,
        target: d.target,
        targetDate: d.targetDate,
      };
    }
    case 'UnplannedBenefitRecorded': {
      const d = event.data;
      return {
        ...nothingYet(),
        status: 'unplanned',
        benefitId: d.benefitId,
        projectId: d.projectId,
        title: d.title,
        recipientUnitId: d.recipientUnitId,
        category: d.category,
        cashReleasing: d.category === 'budget',
        realisations: { [d.period]: { quantity: d.quantity, valueOre: d.valueOre, corrected: false } },
      };
    }
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'BenefitRealised':
    case 'BenefitRealisationCorrected': {
      const { period, quantity, valueOre } = event.data;
      const corrected = event.type === 'BenefitRealisationCorrected';
      return { ...state, realisations: { ...state.realisations, [period]: { quantity, valueOre, corrected } } };
    }
    case 'BudgetWithdrawalRecorded':
      return {
        ...state,
        withdrawnOre: state.withdrawnOre + event.data.amountOre,
        withdrawalIds: [...state.withdrawalIds, event.data.withdrawalId],
        withdrawals: [...state.withdrawals, { period: event.data.period, amountOre: event.data.amountOre }],
      };
    case 'MeasurementRecorded':
    case 'EvidenceAttached':
      return state;
    case 'BenefitOverlapDeclared':
      // a fact for the portfolio's list of shared gains; the benefit's own rules do not read it
      return state;
  }
  if (state.status === 'unplanned') return state;
  switch (event.type) {
    case 'BaselineMeasured':
      return { ...state, baseline: event.data.value, baselineMeasured: true };
    case 'BenefitPlanApproved': {
      const { decisionPoint, plan, baseline, target, targetDate } = event.data;
      return { ...state, approvals: { ...state.approvals, [decisionPoint]: { plan, baseline, target, targetDate } } };
    }
    case 'BenefitForecastRevised':
      return { ...state, plan: event.data.plan };
    case 'BenefitOwnerAssigned':
      return { ...state, owner: event.data.owner };
    case 'BenefitCancelled':
      return { ...state, status: 'cancelled' };
    case 'BenefitActionAdded': {
      const { actionId, title, owner, deadline, comment } = event.data;
      return { ...state, actions: { ...state.actions, [actionId]: { title, owner, deadline, comment, status: 'planned' } } };
    }
    case 'BenefitActionUpdated': {
      const { actionId, status, deadline, owner, comment } = event.data;
      const before = state.actions?.[actionId];
      if (!before) return state;
      const after: ActionState = {
        ...before,
        status: status ?? before.status,
        deadline: deadline ?? before.deadline,
        owner: owner ?? before.owner,
        comment: comment ?? before.comment,
      };
      return { ...state, actions: { ...state.actions, [actionId]: after } };
    }
    case 'BenefitRiskAssessed': {
      const { riskId, threat, probability, consequence, mitigation } = event.data;
      return { ...state, risks: { ...state.risks, [riskId]: { threat, probability, consequence, mitigation, closed: false } } };
    }
    case 'BenefitRiskClosed': {
      const before = state.risks?.[event.data.riskId];
      if (!before) return state;
      return { ...state, risks: { ...state.risks, [event.data.riskId]: { ...before, closed: true } } };
    }
  }
};

/** Realised value that can be taken out of a budget: the latest realisation of each period, if cash-releasing. */
export const benefitRealisedCashReleasingOre = (state: BenefitState): number =>
  state.status !== 'none' && state.cashReleasing && !state.disbenefit
    ? Object.values(state.realisations).reduce((sum, r) => sum + r.valueOre, 0)
    : 0;

/**
 * Realised cash-releasing value of the periods that end no later than `period` ends (the same period
 * or an earlier one, or one within it): what a withdrawal dated `period` may draw on.
 */
export const benefitRealisedCashReleasingUpToOre = (state: BenefitState, period: string): number => {
  if (state.status === 'none' || !state.cashReleasing || state.disbenefit) return 0;
  const end = spanMonths(period).end;
  let sum = 0;
  for (const [p, r] of Object.entries(state.realisations)) if (spanMonths(p).end <= end) sum += r.valueOre;
  return sum;
};

/** What was withdrawn in the periods that end no later than `period` ends. */
export const benefitWithdrawnUpToOre = (state: BenefitState, period: string): number => {
  if (state.status === 'none') return 0;
  const end = spanMonths(period).end;
  let sum = 0;
  for (const w of state.withdrawals) if (spanMonths(w.period).end <= end) sum += w.amountOre;
  return sum;
};

/** What is realised as cash-releasing and not yet withdrawn. */
export const benefitWithdrawableOre = (state: BenefitState): number =>
  benefitRealisedCashReleasingOre(state) - (state.status === 'none' ? 0 : state.withdrawnOre);
