import type { ActionStatus, DecisionPoint, EventInputOf, MeasurementSchedule, PlanEntry } from '../../events';
import type { PlanBenefitContext, TimeContext, UnitsAndProjectsContext, UnitsContext } from '../context';
import type { Command } from '../decider';

type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** How the new benefit shares a gain with another project's benefit it overlaps (`benefits/overlap.ts`). */
export interface SharedGain {
  benefitId: string;
  /** the new benefit's share of the common gain, in per cent */
  sharePercent: number;
  /** the other benefit's share, in per cent; the two at most 100 */
  otherSharePercent: number;
}

/**
 * `measurementSchedule` defaults to `tertial`, `disbenefit` to false, the rest of the optional fields to null.
 * `sharedWith` declares how a gain another project's benefit also claims is shared (`benefits/overlap.ts`).
 */
export type PlanBenefit = Command<
  'PlanBenefit',
  Optional<
    EventInputOf<'BenefitPlanned'>,
    'valuationOrePerUnit' | 'baseline' | 'target' | 'targetDate' | 'measurementSchedule' | 'disbenefit'
  > & { measurementSchedule?: MeasurementSchedule; sharedWith?: readonly SharedGain[] },
  PlanBenefitContext
>;
/** `reason` is needed when the baseline was measured before (a new baseline); else optional. */
export type MeasureBaseline = Command<
  'MeasureBaseline',
  { benefitId: string; value: number; measuredOn: string; reason?: string | null },
  TimeContext
>;
/** `period` defaults to the period of the benefit's measurement schedule in which `measuredOn` falls. */
export type RecordMeasurement = Command<
  'RecordMeasurement',
  { benefitId: string; value: number; measuredOn: string; period?: string; comment?: string | null; evidenceUrl?: string | null },
  TimeContext
>;
export type RecordRealisation = Command<
  'RecordRealisation',
  { benefitId: string; period: string; quantity: number; comment?: string | null; evidenceUrl?: string | null },
  TimeContext
>;
export type CorrectRealisation = Command<
  'CorrectRealisation',
  { benefitId: string; period: string; quantity: number; reason: string; comment?: string | null; evidenceUrl?: string | null },
  TimeContext
>;
export type ReviseForecast = Command<'ReviseForecast', { benefitId: string; plan: PlanEntry[]; reason: string }, TimeContext>;
export type AssignBenefitOwner = Command<'AssignBenefitOwner', { benefitId: string; owner: string }, TimeContext>;
export type CancelBenefit = Command<'CancelBenefit', { benefitId: string; reason: string }, TimeContext>;
/** `unitId` (whose budget is cut) defaults to the benefit's recipient unit. */
export type RecordBudgetWithdrawal = Command<
  'RecordBudgetWithdrawal',
  {
    benefitId: string;
    withdrawalId: string;
    period: string;
    amountOre: number;
    unitId?: string;
    saksnummer?: string | null;
    comment?: string | null;
  },
  UnitsContext
>;
export type RecordUnplannedBenefit = Command<
  'RecordUnplannedBenefit',
  Optional<EventInputOf<'UnplannedBenefitRecorded'>, 'projectId'>,
  UnitsAndProjectsContext
>;

export type BenefitCommand =
  | PlanBenefit
  | MeasureBaseline
  | RecordMeasurement
  | RecordRealisation
  | CorrectRealisation
  | ReviseForecast
  | AssignBenefitOwner
  | CancelBenefit
  | RecordBudgetWithdrawal
  | RecordUnplannedBenefit
  | AttachEvidence
  | ApproveBenefitPlan
  | AddBenefitAction
  | UpdateBenefitAction
  | AssessBenefitRisk
  | CloseBenefitRisk;

export type AttachEvidence = Command<'AttachEvidence', EventInputOf<'EvidenceAttached'>, TimeContext>;

/** Approves the benefit's plan as it stands (plan, baseline, target, target date) at a decision point. */
export type ApproveBenefitPlan = Command<
  'ApproveBenefitPlan',
  { benefitId: string; decisionPoint: DecisionPoint; note?: string | null },
  TimeContext
>;

/** A realisation action (gevinstrealiseringstiltak); it starts as planned. */
export type AddBenefitAction = Command<
  'AddBenefitAction',
  { benefitId: string; actionId: string; title: string; owner: string; deadline: string; comment?: string | null },
  TimeContext
>;
/** Changes what is given; the rest stays. */
export type UpdateBenefitAction = Command<
  'UpdateBenefitAction',
  { benefitId: string; actionId: string; status?: ActionStatus | null; deadline?: string | null; owner?: string | null; comment?: string | null },
  TimeContext
>;
/** A new risk, or a new assessment of an open one (same `riskId`). */
export type AssessBenefitRisk = Command<
  'AssessBenefitRisk',
  { benefitId: string; riskId: string; threat: string; probability: number; consequence: number; mitigation?: string | null },
  TimeContext
>;
export type CloseBenefitRisk = Command<'CloseBenefitRisk', { benefitId: string; riskId: string; reason: string }, TimeContext>;
