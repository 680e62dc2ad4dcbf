import type { Ratio } from '../costBenefit/exact';

/**
 * Whether a benefit is measured in time, from its unit of measure (`unitOfMeasure`, free text):
 * hours («timer», «time», «t», «timeverk»), minutes («minutter», «minutt», «min») or days of 7,5 hours
 * («dagsverk»). Its quantities are then time freed in the period (for «minutter per sak», record the
 * total: minutes per case × cases, see `hoursFromCases`). Anything else is not time: null.
 */
const HOURS: Readonly<Record<string, Ratio>> = {
  timer: { num: 1n, den: 1n },
  time: { num: 1n, den: 1n },
  t: { num: 1n, den: 1n },
  timeverk: { num: 1n, den: 1n },
  arbeidstimer: { num: 1n, den: 1n },
  minutter: { num: 1n, den: 60n },
  minutt: { num: 1n, den: 60n },
  min: { num: 1n, den: 60n },
  dagsverk: { num: 15n, den: 2n },
};

/** hours per unit of measure, or null when the unit is not a time unit */
export function hoursPerUnit(unitOfMeasure: string | null | undefined): Ratio | null {
  if (!unitOfMeasure) return null;
  const key = unitOfMeasure.trim().toLowerCase().replace(/\.$/, '');
  return Object.hasOwn(HOURS, key) ? (HOURS[key] ?? null) : null;
}

export const isTimeUnit = (unitOfMeasure: string | null | undefined): boolean => hoursPerUnit(unitOfMeasure) !== null;

/** KS's method: cases avoided (or handled faster) × minutes saved per case, in hours */
export const hoursFromCases = (minutesPerCase: number, cases: number): number => (minutesPerCase * cases) / 60;
