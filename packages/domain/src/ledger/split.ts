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
  const parts: number[] = [];
  const remainders: number[] = [];
  let given = 0;
  for (const weight of weights) {
    const product = totalOre * weight;
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
    parts.push(part);
    remainders.push(remainder);
    given += part;
  }
  const left = totalOre - given;
  if (left === 0) return parts;
  const order = parts.map((_, i) => i).sort((a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0) || a - b);
  return giveOneEach(parts, order.slice(0, left));
};

/** the øre left over go one each to the parts with the largest remainders */
const giveOneEach = (parts: number[], to: number[]): number[] => {
  for (const i of to) parts[i] = (parts[i] ?? 0) + 1;
  return parts;
};

/** The same split in BigInt, for products beyond 2^53 (large costs × large gains). */
const splitBig = (totalOre: number, weights: readonly number[], sum: number): number[] => {
  const total = BigInt(totalOre);
  const s = BigInt(sum);
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const weight of weights) {
    const product = total * BigInt(weight);
    const part = product / s;
    parts.push(part);
    remainders.push(product - part * s);
    given += part;
  }
  const left = Number(total - given);
  const out = parts.map(Number);
  if (left === 0) return out;
  const order = out
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a] ?? 0n;
      const rb = remainders[b] ?? 0n;
      return ra === rb ? a - b : ra > rb ? -1 : 1;
    });
  return giveOneEach(out, order.slice(0, left));
};
