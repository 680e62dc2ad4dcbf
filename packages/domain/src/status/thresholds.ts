import { DEFAULT_THRESHOLDS, type Thresholds } from '../events';

import type { Status } from '../answers/primitives';
export type { Status } from '../answers/primitives';

/** The bokmål names used on municipal scorecards. */
export const STATUS_NB: Record<Status, string> = { green: 'ønsket', yellow: 'akseptabelt', red: 'uakseptabelt' };


/** Realised as a percentage of planned; null when nothing was planned. */
export function realisationPct(realised: number, planned: number): number | null {
  if (planned === 0 || !Number.isFinite(planned) || !Number.isFinite(realised)) return null;
  return (realised / planned) * 100;
}

/**
 * Ønsket (green) at or above `greenPct` of plan, akseptabelt (yellow) at or above `yellowPct`,
 * otherwise uakseptabelt (red); null when nothing was planned for the period. For a disbenefit the
 * plan is a ceiling: the ratio is planned / realised (no harm at all is green).
 */
export function statusFromRealisation(
  realised: number,
  planned: number,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  options: { disbenefit?: boolean } = {},
): Status | null {
  let pct: number | null;
  if (options.disbenefit) {
    if (planned < 0 || realised < 0) return null;
    pct = realised === 0 ? Infinity : (planned / realised) * 100;
  } else {
    if (planned <= 0) return null;
    pct = realisationPct(realised, planned);
  }
  if (pct === null) return null;
  // a hair of float noise (e.g. 79.99999999) must not flip a status
  const eps = 1e-9;
  if (pct + eps >= thresholds.greenPct) return 'green';
  if (pct + eps >= thresholds.yellowPct) return 'yellow';
  return 'red';
}
