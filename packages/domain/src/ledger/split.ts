import { splitLargestRemainder } from '../money';

/**
 * `splitLargestRemainder` for the hot path: integer weights are split with plain numbers while the
 * products stay exact in a double, else in BigInt without the domain's decimal parsing (same result,
 * a property test compares them); fractional weights and negative totals go to the domain's version.
 */
export const splitOre = (totalOre: number, weights: readonly number[]): number[] => {
  if (weights.length === 1) return [totalOre];
  let sum = 0;
  for (const w of weights) sum += w;
  if (totalOre < 0 || sum === 0 || !Number.isSafeInteger(sum) || !Number.isSafeInteger(totalOre)) {
    return splitLargestRemainder(totalOre, weights);
  }
  for (const w of weights) if (!Number.isInteger(w) || w < 0) return splitLargestRemainder(totalOre, weights);
  if (totalOre * sum > Number.MAX_SAFE_INTEGER) return splitBig(totalOre, weights, sum);
  const n = weights.length;
  const parts = new Array<number>(n);
  const remainders = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const product = totalOre * weights[i];
    let part = Math.floor(product / sum);
    let remainder = product - part * sum;
    // the double quotient may round across an integer; the exact remainder tells
    if (remainder < 0) {
      part -= 1;
      remainder += sum;
    } else if (remainder >= sum) {
      part += 1;
      remainder -= sum;
    }
    parts[i] = part;
    remainders[i] = remainder;
    given += part;
  }
  let left = totalOre - given;
  if (left === 0) return parts;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (let k = 0; left > 0; k++, left--) parts[order[k]] += 1;
  return parts;
};

/** The same split in BigInt, for products beyond 2^53 (large costs × large gains). */
const splitBig = (totalOre: number, weights: readonly number[], sum: number): number[] => {
  const total = BigInt(totalOre);
  const s = BigInt(sum);
  const n = weights.length;
  const parts = new Array<bigint>(n);
  const remainders = new Array<bigint>(n);
  let given = 0n;
  for (let i = 0; i < n; i++) {
    const product = total * BigInt(weights[i]);
    parts[i] = product / s;
    remainders[i] = product - parts[i] * s;
    given += parts[i];
  }
  let left = Number(total - given);
  const out = parts.map(Number);
  if (left === 0) return out;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (remainders[a] === remainders[b] ? a - b : remainders[a] > remainders[b] ? -1 : 1));
  for (let k = 0; left > 0; k++, left--) out[order[k]] += 1;
  return out;
};
