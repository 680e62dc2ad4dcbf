/** A reporting period: a budget year (= calendar year), a tertial (T1 jan–apr, T2 mai–aug, T3 sep–des) or a month. */
export type PeriodKind = 'year' | 'tertial' | 'month';

export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  /** 1 for a year, 1–3 for a tertial, 1–12 for a month */
  readonly index: number;
}

/** A period value or its code form (`2026`, `2026-T2`, `2026-03`). */
export type PeriodLike = Period | string;

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** How many periods of the kind a year holds, and how many months each one spans. */
export const PERIODS_PER_YEAR: Record<PeriodKind, number> = { year: 1, tertial: 3, month: 12 };
export const MONTHS_PER_PERIOD: Record<PeriodKind, number> = { year: 12, tertial: 4, month: 1 };
