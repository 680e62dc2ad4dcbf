const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/**
 * The MOD11 check digit of a Norwegian organisasjonsnummer for its first 8 digits,
 * or null when no valid check digit exists (remainder 1 → 10).
 */
export const orgNumberCheckDigit = (firstEight: string): number | null => {
  if (!/^\d{8}$/.test(firstEight)) return null;
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(firstEight[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
};

/** 9 digits whose last is the MOD11 check digit of the first 8. */
export const isValidOrgNumber = (value: string): boolean =>
  /^\d{9}$/.test(value) && orgNumberCheckDigit(value.slice(0, 8)) === Number(value[8]);

/** Accepts `974 760 673` as well as `974760673`; returns the 9 digits. */
export const normaliseOrgNumber = (value: string): string => value.replace(/\s+/g, '');
