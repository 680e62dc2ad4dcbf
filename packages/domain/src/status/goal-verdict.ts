import type { Direction } from '../events/benefits';

/** Kristiansund's resultatgrenser: ønsket, akseptabelt, uakseptabelt. */
export type GoalVerdict = 'desired' | 'acceptable' | 'unacceptable';

export const goalVerdictLabels: Record<GoalVerdict, string> = { desired: 'Ønsket', acceptable: 'Akseptabelt', unacceptable: 'Uakseptabelt' };

export interface GoalLimits {
  direction: Direction;
  desiredLimit: number;
  acceptableLimit: number;
}

/** `a` is at or beyond `b` in the direction the indicator should move. */
const atOrBeyond = (direction: Direction, a: number, b: number): boolean => (direction === 'increase' ? a >= b : a <= b);

/** The verdict of a result against its year's limits (a limit is reached when the result equals it). */
export const goalVerdict = (value: number, limits: GoalLimits): GoalVerdict => {
  if (atOrBeyond(limits.direction, value, limits.desiredLimit)) return 'desired';
  if (atOrBeyond(limits.direction, value, limits.acceptableLimit)) return 'acceptable';
  return 'unacceptable';
};

/** «Endring fra sist måling»: the change from the previous result, and whether it went the wanted way (null: unchanged). */
export const changeSinceLast = (value: number, previous: number, direction: Direction): { delta: number; better: boolean | null } => {
  const delta = value - previous;
  return { delta, better: delta === 0 ? null : direction === 'increase' ? delta > 0 : delta < 0 };
};
