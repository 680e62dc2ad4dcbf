import { InvalidAmountError, type Ore } from './ore';

/** A finite number as an exact decimal: value = mantissa / 10^scale. */
function toDecimal(value: number): { mantissa: bigint; scale: number } {
  // String(x) is the shortest text that reads back as x, i.e. the decimal the user typed.
  const text = String(value);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) throw new InvalidAmountError('quantity', `Ugyldig tall: ${text}`, value);
  const fraction = m[3] ?? '';
  let mantissa = BigInt(`${m[1]}${m[2]}${fraction}`);
  let scale = fraction.length - Number(m[4] ?? 0);
  if (scale < 0) {
    mantissa *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { mantissa, scale };
}

/** a / b rounded to the nearest integer, halves away from zero. */
function divideRounded(a: bigint, b: bigint): bigint {
  const negative = a < 0n !== b < 0n;
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  const q = (absA * 2n + absB) / (absB * 2n);
  return negative ? -q : q;
}

/**
 * quantity × øre per unit, rounded to whole øre (halves away from zero), computed on the exact
 * decimals so 0.1 h × 3 øre is 0 øre and 2.5 h × 1 øre is 3 øre, not what float noise gives.
 */
export function multiplyOre(quantity: number, orePerUnit: Ore): Ore {
  if (!Number.isFinite(quantity)) throw new InvalidAmountError('quantity', 'Mengden må være et endelig tall', quantity);
  if (!Number.isSafeInteger(orePerUnit)) {
    throw new InvalidAmountError('valuationOrePerUnit', 'Verdsettingen må være et helt antall øre', orePerUnit);
  }
  const { mantissa, scale } = toDecimal(quantity);
  const result = divideRounded(mantissa * BigInt(orePerUnit), 10n ** BigInt(scale));
  const n = Number(result);
  if (!Number.isSafeInteger(n)) throw new InvalidAmountError('quantity', 'Beløpet blir for stort', quantity);
  return n;
}

/**
 * Splits `totalOre` in whole øre in proportion to `weights` by the largest-remainder method: every
 * part gets the floor of its exact share, and the øre left over go one each to the largest
 * remainders; equal remainders go to the earlier weight. The parts always add up to the total.
 * A negative total splits as the negation of the positive one. Integer weights are exact (BigInt);
 * fractional weights are scaled to decimals first.
 */
export function splitLargestRemainder(totalOre: Ore, weights: readonly number[]): Ore[] {
  if (!Number.isSafeInteger(totalOre)) {
    throw new InvalidAmountError('totalOre', 'Beløpet må være et helt antall øre', totalOre);
  }
  if (weights.length === 0) {
    if (totalOre === 0) return [];
    throw new InvalidAmountError('weights', 'Kan ikke fordele et beløp på ingen andeler', weights);
  }
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new InvalidAmountError('weights', 'Andelene må være tall ≥ 0', weights);
  }
  if (totalOre < 0) return splitLargestRemainder(-totalOre, weights).map((x) => (x === 0 ? 0 : -x));

  // exact integer weights: scale fractional ones by a common power of ten
  const decimals = weights.map(toDecimal);
  const scale = Math.max(...decimals.map((d) => d.scale));
  const ws = decimals.map((d) => d.mantissa * 10n ** BigInt(scale - d.scale));
  const sum = ws.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    if (totalOre === 0) return weights.map(() => 0);
    throw new InvalidAmountError('weights', 'Kan ikke fordele et beløp når alle andelene er null', weights);
  }
  const total = BigInt(totalOre);
  const shares = ws.map((w, i) => {
    const part = (total * w) / sum;
    return { i, part, remainder: total * w - part * sum };
  });
  let left = Number(total - shares.reduce((a, s) => a + s.part, 0n));
  const byRemainder = [...shares].sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const share of byRemainder) {
    if (left <= 0) break;
    share.part += 1n;
    left--;
  }
  return shares.map((s) => Number(s.part));
}
