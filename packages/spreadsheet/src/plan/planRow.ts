import type { BenefitCategory as Category, Direction, MeasurementSchedule } from '@gevinst/domain/events';

/** Gevinstkategori as in Prosjektveiviseren, the direction of the indicator, how often it is measured: the events' words. */
export type { Category, Direction, MeasurementSchedule };

export interface PlannedQuantity {
  /** `2026-T1`, `2026` or `2026-03` */
  period: string;
  quantity: number;
}

/**
 * One row of a gevinstrealiseringsplan as the sheet means it. The recipient is still the text the
 * user wrote (a unit's name, path or orgnr); `resolveUnits` turns it into a unit id.
 */
export interface PlanRow {
  change: string | null;
  title: string;
  category: Category;
  recipient: string;
  owner: string;
  indicator: string;
  unitOfMeasure: string;
  direction: Direction;
  /** Ulempe: the benefit counts against in the ledger and its plan is a ceiling (BenefitPlanned.disbenefit) */
  disbenefit: boolean;
  baseline: number | null;
  baselineDate: string | null;
  target: number | null;
  targetDate: string | null;
  valuationOrePerUnit: number | null;
  cashReleasing: boolean;
  /** Målefrekvens; null when the sheet does not say (the import then goes by the plan's periods) */
  measurementSchedule: MeasurementSchedule | null;
  /** Delt med: how the gain is shared with benefits of other projects that claim it too (empty: not shared) */
  sharedWith: SharedGainCell[];
  /** Mål: the titles of the goals the benefit serves (GoalBenefitLinked); empty: none */
  goals: string[];
  plan: PlannedQuantity[];
  comment: string | null;
}

/** A gain the row's benefit shares with a benefit of another project («Delt med»; the PlanBenefit command's `sharedWith`). */
export interface SharedGainCell {
  /** the other benefit */
  benefitId: string;
  /** this benefit's share of the common gain, in per cent */
  sharePercent: number;
  /** the other benefit's share, in per cent */
  otherSharePercent: number;
}

/** A parsed row with where it came from. */
export interface SheetRow {
  sheet: string;
  /** 1-based row number as Excel shows it */
  row: number;
  value: PlanRow;
  /** cell address of each column in this row: column key or period code → `D5` */
  cells?: Record<string, string>;
}
