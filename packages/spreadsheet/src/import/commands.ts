import type { MeasurementSchedule, PlanRow, SharedGainCell } from '../plan/planRow';

/** The input of the API's `planBenefit` command (`POST /api/projects/:id/benefits`). */
export interface PlanBenefitInput {
  title: string;
  recipientUnitId: string;
  owner: string;
  indicator: string;
  unitOfMeasure: string;
  direction: PlanRow['direction'];
  category: PlanRow['category'];
  cashReleasing: boolean;
  valuationOrePerUnit: number | null;
  baseline: number | null;
  target: number | null;
  targetDate: string | null;
  plan: { period: string; quantity: number }[];
  measurementSchedule: MeasurementSchedule;
  /** Ulempe: counts against in the ledger */
  disbenefit: boolean;
  /** Endring/tiltak and Kommentar (BenefitPlanned v3) */
  change?: string | null;
  comment?: string | null;
  /** Delt med: how a gain benefits of other projects claim too is shared (BenefitOverlapDeclared); left out when not shared */
  sharedWith?: SharedGainCell[];
}

/** `POST /api/benefits/:id/baseline` */
export interface RecordBaselineInput {
  value: number;
  measuredOn: string;
}

/** Målefrekvens when the sheet does not say: year when every planned period is a budget year, month when every one is a month, else tertial. */
export function scheduleOfPlan(plan: PlanRow['plan']): MeasurementSchedule {
  if (plan.length > 0 && plan.every((p) => /^\d{4}$/.test(p.period))) return 'year';
  if (plan.length > 0 && plan.every((p) => /^\d{4}-\d{2}$/.test(p.period))) return 'month';
  return 'tertial';
}

export function planBenefitInput(row: PlanRow, recipientUnitId: string): PlanBenefitInput {
  return {
    title: row.title,
    recipientUnitId,
    owner: row.owner,
    indicator: row.indicator,
    unitOfMeasure: row.unitOfMeasure,
    direction: row.direction,
    category: row.category,
    cashReleasing: row.cashReleasing,
    valuationOrePerUnit: row.valuationOrePerUnit,
    baseline: row.baseline,
    target: row.target,
    targetDate: row.targetDate,
    plan: row.plan.map((p) => ({ period: p.period, quantity: p.quantity })),
    measurementSchedule: row.measurementSchedule ?? scheduleOfPlan(row.plan),
    disbenefit: row.disbenefit,
    change: row.change,
    comment: row.comment,
    ...(row.sharedWith.length > 0 ? { sharedWith: row.sharedWith.map((s) => ({ ...s })) } : {}),
  };
}

/** A baseline with a date is a measurement of its own (`BaselineMeasured`). */
export function baselineInput(row: PlanRow): RecordBaselineInput | null {
  return row.baseline !== null && row.baselineDate !== null ? { value: row.baseline, measuredOn: row.baselineDate } : null;
}
