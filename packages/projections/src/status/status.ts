import type { Thresholds } from '../projects/model';

export type Status = 'green' | 'yellow' | 'red';

/** ønsket / akseptabelt / uakseptabelt from realisation as a percentage of plan. */
export const statusOf = (achievementPct: number | null, thresholds: Thresholds): Status | null => {
  if (achievementPct === null) return null;
  if (achievementPct >= thresholds.greenPct) return 'green';
  if (achievementPct >= thresholds.yellowPct) return 'yellow';
  return 'red';
};

/** realised / planned × 100, rounded to one decimal; null without a plan. */
export const pctOf = (realised: number, planned: number): number | null =>
  planned === 0 ? null : Math.round((realised / planned) * 1000) / 10;
