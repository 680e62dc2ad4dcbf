import type { BenefitCategory, BenefitEvent, Direction, MeasurementSchedule, PlanEntry } from '../../events';

export interface RealisationState {
  quantity: number;
  valueOre: number;
  corrected: boolean;
}

export interface BenefitState {
  status: 'none' | 'planned' | 'unplanned';
  benefitId: string | null;
  projectId: string | null;
  title: string | null;
  recipientUnitId: string | null;
  owner: string | null;
  direction: Direction | null;
  category: BenefitCategory | null;
  /** withdrawable; for an unplanned benefit, category `budget` */
  cashReleasing: boolean;
  disbenefit: boolean;
  valuationOrePerUnit: number | null;
  measurementSchedule: MeasurementSchedule | null;
  plan: PlanEntry[];
  baseline: number | null;
  cancelled: boolean;
  /** the latest realisation per period code */
  realisations: Record<string, RealisationState>;
  withdrawnOre: number;
  withdrawalIds: string[];
}

export const initialBenefitState = (): BenefitState => ({
  status: 'none',
  benefitId: null,
  projectId: null,
  title: null,
  recipientUnitId: null,
  owner: null,
  direction: null,
  category: null,
  cashReleasing: false,
  disbenefit: false,
  valuationOrePerUnit: null,
  measurementSchedule: null,
  plan: [],
  baseline: null,
  cancelled: false,
  realisations: {},
  withdrawnOre: 0,
  withdrawalIds: [],
});

export const evolveBenefit = (state: BenefitState, event: BenefitEvent): BenefitState => {
  switch (event.type) {
    case 'BenefitPlanned': {
      const d = event.data;
      return {
        ...state,
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
      };
    }
    case 'UnplannedBenefitRecorded': {
      const d = event.data;
      return {
        ...state,
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
    case 'BaselineMeasured':
      return { ...state, baseline: event.data.value };
    case 'MeasurementRecorded':
      return state;
    case 'BenefitRealised':
    case 'BenefitRealisationCorrected': {
      const { period, quantity, valueOre } = event.data;
      const corrected = event.type === 'BenefitRealisationCorrected';
      return { ...state, realisations: { ...state.realisations, [period]: { quantity, valueOre, corrected } } };
    }
    case 'BenefitForecastRevised':
      return { ...state, plan: event.data.plan };
    case 'BenefitOwnerAssigned':
      return { ...state, owner: event.data.owner };
    case 'BenefitCancelled':
      return { ...state, cancelled: true };
    case 'BudgetWithdrawalRecorded':
      return {
        ...state,
        withdrawnOre: state.withdrawnOre + event.data.amountOre,
        withdrawalIds: [...state.withdrawalIds, event.data.withdrawalId],
      };
  }
};

/** Realised value that can be taken out of a budget: the latest realisation of each period, if cash-releasing. */
export const benefitRealisedCashReleasingOre = (state: BenefitState): number =>
  state.cashReleasing && !state.disbenefit
    ? Object.values(state.realisations).reduce((sum, r) => sum + r.valueOre, 0)
    : 0;

/** What is realised as cash-releasing and not yet withdrawn. */
export const benefitWithdrawableOre = (state: BenefitState): number => benefitRealisedCashReleasingOre(state) - state.withdrawnOre;
