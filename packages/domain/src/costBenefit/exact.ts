/**
 * Exact rational arithmetic for kost/nytte: every amount is whole øre, every factor a ratio of
 * integers (a discount rate in basis points, a price index in ten-thousandths), and a result is
 * rounded once, half to even, to whole øre. No floating point touches an amount.
 */

/** a / b rounded to the nearest integer, halves to the even neighbour (b ≠ 0). */
export function divideHalfEven(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new RangeError('division by zero');
  if (b < 0n) {
    a = -a;
    b = -b;
  }
  const negative = a < 0n;
  const abs = negative ? -a : a;
  let q = abs / b;
  const twice = (abs % b) * 2n;
  if (twice > b || (twice === b && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/** A ratio of integers: num / den (den > 0). */
export interface Ratio {
  num: bigint;
  den: bigint;
}
export const ONE: Ratio = { num: 1n, den: 1n };
export const ratio = (num: bigint | number, den: bigint | number = 1n): Ratio => ({ num: BigInt(num), den: BigInt(den) });
export const times = (a: Ratio, b: Ratio): Ratio => ({ num: a.num * b.num, den: a.den * b.den });

/** `amountOre` × r, rounded half to even to whole øre */
export function scaleOre(amountOre: number, r: Ratio): number {
  const out = Number(divideHalfEven(BigInt(amountOre) * r.num, r.den));
  if (!Number.isSafeInteger(out)) throw new RangeError('Beløpet blir for stort');
  return out;
}

/** a percentage with at most two decimals as whole basis points (4 → 400, 3.75 → 375) */
export function basisPointsOf(percent: number): number {
  const bp = Math.round(percent * 100);
  if (!Number.isFinite(percent) || Math.abs(percent * 100 - bp) > 1e-6) throw new RangeError(`Ugyldig prosentsats: ${percent}`);
  return bp;
}

/** the discount factor 1 / (1 + r)^n as an exact ratio, r in basis points */
export const discountRatio = (rateBp: number, n: number): Ratio => ({ num: 10_000n ** BigInt(n), den: (10_000n + BigInt(rateBp)) ** BigInt(n) });

/** a positive index number with at most four decimals in ten-thousandths (103.5 → 1 035 000) */
export function indexUnits(index: number): bigint {
  const units = Math.round(index * 10_000);
  if (!(index > 0) || Math.abs(index * 10_000 - units) > 1e-6) throw new RangeError(`Ugyldig prisindeks: ${index}`);
  return BigInt(units);
}

/** A finite number as an exact decimal ratio (the text JavaScript prints for it: what was typed). */
export function decimalRatio(value: number): Ratio {
  const text = String(value);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) throw new RangeError(`Ugyldig tall: ${text}`);
  const fraction = m[3] ?? '';
  let num = BigInt(`${m[1]}${m[2]}${fraction}`);
  let scale = fraction.length - Number(m[4] ?? 0);
  if (scale < 0) {
    num *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { num, den: 10n ** BigInt(scale) };
}
