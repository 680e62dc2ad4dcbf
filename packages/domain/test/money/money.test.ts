import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  InvalidAmountError,
  MINUS,
  NBSP,
  assertOre,
  formatKroner,
  isOre,
  multiplyOre,
  parseKroner,
  splitLargestRemainder,
} from '../../src/money';

const nb = (s: string) => s.replace(/ /g, NBSP).replace(/-/g, MINUS);

/** the part at `i`; fails the test when there is none */
const at = (parts: number[], i: number): number => {
  const part = parts[i];
  if (part === undefined) throw new Error(`no part ${i} of ${parts.length}`);
  return part;
};

describe('formatKroner', () => {
  it('writes bokmål kroner with no-break spaces', () => {
    expect(formatKroner(123456750)).toBe(nb('kr 1 234 567,50'));
    expect(formatKroner(0)).toBe(nb('kr 0,00'));
    expect(formatKroner(5)).toBe(nb('kr 0,05'));
    expect(formatKroner(100000)).toBe(nb('kr 1 000,00'));
    expect(formatKroner(99999)).toBe(nb('kr 999,99'));
  });

  it('puts the minus sign (U+2212) before kr', () => {
    expect(formatKroner(-123400)).toBe(nb('-kr 1 234,00'));
    expect(formatKroner(-1)).toBe(nb('-kr 0,01'));
  });

  it('uses the same digit grouping and minus as Intl nb-NO', () => {
    const intl = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (ore) => {
        expect(formatKroner(ore).replace(`kr${NBSP}`, '')).toBe(intl.format(ore / 100));
      }),
    );
  });

  it('can drop the øre', () => {
    expect(formatKroner(123450, { wholeKroner: true })).toBe(nb('kr 1 235'));
    expect(formatKroner(-123449, { wholeKroner: true })).toBe(nb('-kr 1 234'));
    expect(formatKroner(-49, { wholeKroner: true })).toBe(nb('kr 0'));
  });

  it('refuses what is not whole øre', () => {
    expect(() => formatKroner(1.5)).toThrow(InvalidAmountError);
    expect(() => formatKroner(Number.NaN)).toThrow(InvalidAmountError);
  });

  it('parseKroner reads back what formatKroner writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (ore) => {
        expect(parseKroner(formatKroner(ore))).toBe(ore);
      }),
    );
    expect(parseKroner('1234.5')).toBe(123450);
    expect(parseKroner('-12,5 kr')).toBe(-1250);
    expect(() => parseKroner('12,345', 'amount')).toThrow(/to desimaler/);
  });
});

describe('øre guards', () => {
  it('accepts safe integers only', () => {
    expect(isOre(12)).toBe(true);
    expect(isOre(-12)).toBe(true);
    expect(isOre(1.2)).toBe(false);
    expect(isOre(Number.NaN)).toBe(false);
    expect(isOre('12')).toBe(false);
    expect(isOre(2 ** 53)).toBe(false);
  });

  it('names the field and the reason', () => {
    expect(assertOre(0, 'amountOre', { min: 0 })).toBe(0);
    expect(() => assertOre(-1, 'amountOre', { min: 0 })).toThrow(/null eller mer/);
    expect(() => assertOre(0, 'amountOre', { min: 1 })).toThrow(/større enn null/);
    expect(() => assertOre(12.5, 'costs[2].amountOre')).toThrow(
      expect.objectContaining({ field: 'costs[2].amountOre', message: expect.stringMatching(/helt antall øre/) }),
    );
  });
});

describe('multiplyOre', () => {
  it('rounds the exact decimal product, halves away from zero', () => {
    expect(multiplyOre(600, 55000)).toBe(33000000);
    expect(multiplyOre(2.5, 1)).toBe(3);
    expect(multiplyOre(-2.5, 1)).toBe(-3);
    expect(multiplyOre(0.1, 3)).toBe(0);
    expect(multiplyOre(1.005, 1000)).toBe(1005); // 1.005 * 1000 is 1004.9999999999999 in floats
    expect(multiplyOre(0.145, 100)).toBe(15); // 14.499999999999998 in floats
    expect(multiplyOre(1e-7, 10_000_000)).toBe(1);
    expect(multiplyOre(0, 12345)).toBe(0);
  });

  it('refuses what cannot become money', () => {
    expect(() => multiplyOre(Number.NaN, 1)).toThrow(InvalidAmountError);
    expect(() => multiplyOre(1, 1.5)).toThrow(/valuationOrePerUnit|Verdsettingen/);
  });
});

describe('splitLargestRemainder', () => {
  it('a worked example: 100 øre over 1:1:1 gives 34, 33, 33 (tie to the earliest)', () => {
    expect(splitLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitLargestRemainder(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(splitLargestRemainder(1000, [3, 0, 7])).toEqual([300, 0, 700]);
    expect(splitLargestRemainder(10, [0.5, 0.25, 0.25])).toEqual([5, 3, 2]);
    expect(splitLargestRemainder(7, [2, 3])).toEqual([3, 4]); // exact 2.8 and 4.2: floors 2 and 4, the øre left goes to the larger remainder
  });

  it('zero weights', () => {
    expect(splitLargestRemainder(0, [0, 0])).toEqual([0, 0]);
    expect(() => splitLargestRemainder(5, [0, 0])).toThrow(InvalidAmountError);
    expect(() => splitLargestRemainder(5, [])).toThrow(InvalidAmountError);
    expect(() => splitLargestRemainder(5, [1, -1])).toThrow(InvalidAmountError);
  });

  const weights = fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { minLength: 1, maxLength: 12 }).filter((ws) => ws.some((w) => w > 0));
  const total = fc.integer({ min: -1e14, max: 1e14 });

  it('parts add up to the whole, to the øre', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const parts = splitLargestRemainder(t, ws);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(t);
        expect(parts.every(Number.isSafeInteger)).toBe(true);
      }),
    );
  });

  it('each part is within one øre of its exact share, and zero weight gets zero', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const parts = splitLargestRemainder(t, ws);
        const sum = ws.reduce((a, b) => a + b, 0);
        ws.forEach((w, i) => {
          const exact = (t * w) / sum;
          expect(Math.abs(at(parts, i) - exact)).toBeLessThan(1 + 1e-6 * Math.abs(exact));
          if (w === 0) expect(at(parts, i)).toBe(0);
        });
      }),
    );
  });

  it('is deterministic and equal weights differ by at most one øre, earlier first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 20 }), (t, n) => {
        const parts = splitLargestRemainder(t, Array(n).fill(7));
        expect(parts).toEqual(splitLargestRemainder(t, Array(n).fill(7)));
        for (let i = 1; i < n; i++) expect(at(parts, i - 1) - at(parts, i)).toBeGreaterThanOrEqual(0);
        expect(at(parts, 0) - at(parts, n - 1)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
