import type { Direction } from '../events';

export interface AchievementInput {
  baseline: number | null;
  target: number | null;
  latest: number | null;
  direction: Direction;
}

/**
 * Måloppnåelse: (latest − baseline) / (target − baseline) × 100, read in the benefit's direction
 * (for `decrease` a fall is progress). Null when a value is missing, or when the target does not lie
 * in the benefit's direction from the baseline (nothing to achieve, or a contradiction).
 */
export function achievementPct({ baseline, target, latest, direction }: AchievementInput): number | null {
  if (baseline === null || target === null || latest === null) return null;
  const sign = direction === 'increase' ? 1 : -1;
  const goal = (target - baseline) * sign;
  if (!(goal > 0)) return null;
  const pct = (((latest - baseline) * sign) / goal) * 100;
  if (!Number.isFinite(pct)) return null;
  return pct === 0 ? 0 : pct; // never -0
}

import type { Trend } from '../answers/primitives';
export type { Trend } from '../answers/primitives';

/** How the indicator moved since the previous measurement (the value itself, not whether it is better). */
export function trendOf(latest: number | null, previous: number | null): Trend | null {
  if (latest === null || previous === null) return null;
  return latest > previous ? 'up' : latest < previous ? 'down' : 'flat';
}

/** Whether the move since the previous measurement is progress in the benefit's direction. */
export function progressOf(latest: number | null, previous: number | null, direction: Direction): 'better' | 'worse' | 'same' | null {
  const trend = trendOf(latest, previous);
  if (trend === null) return null;
  if (trend === 'flat') return 'same';
  return (trend === 'up') === (direction === 'increase') ? 'better' : 'worse';
}
