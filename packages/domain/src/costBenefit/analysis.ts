import { basisPointsOf, discountRatio, divideHalfEven, indexUnits, ONE, ratio, scaleOre, times, type Ratio } from './exact';

/**
 * Kost/nytte as in DFØ's guidance: costs and priced benefits per year, in fixed prices of one year,
 * discounted with a real rate to the analysis's first year. All amounts whole øre; see `exact.ts`
 * and docs/domain.md ("Kost/nytte") for the rounding.
 */
export interface CostBenefitParameters {
  /** the first year of the analysis: year 0, not discounted */
  from: number;
  /** how many years the analysis covers (from `from` on) */
  years: number;
  /** the real discount rate in per cent (at most two decimals) */
  discountRatePct: number;
  /** the year whose prices the analysis is in */
  priceYear: number;
  /** price index per year (e.g. 2025 → 100, 2026 → 103.2) */
  priceIndex: Readonly<Record<number, number>>;
  /** whether the recorded costs include mva (then it is taken out and shown on its own line) */
  costsIncludeMva: boolean;
  mvaRatePct: number;
}

/** One year's nominal flows in øre (as recorded or priced in that year's kroner). */
export interface YearFlow {
  year: number;
  costsOre: number;
  benefitsOre: number;
  /** the part of `benefitsOre` that is cash-releasing (budsjettmessig) */
  cashReleasingOre?: number;
}

export interface CostBenefitYear {
  year: number;
  /** years after `from`: the exponent of the discount factor */
  n: number;
  /** the price index used for the year and the year it was set for (null: no index, prices as recorded) */
  index: number | null;
  indexYear: number | null;
  costsNominalOre: number;
  mvaOre: number;
  costsExMvaOre: number;
  costsRealOre: number;
  benefitsNominalOre: number;
  benefitsRealOre: number;
  cashReleasingRealOre: number;
  /** 1 / (1 + r)^n, for display (the sums use the exact ratio) */
  discountFactor: number;
  costsPvOre: number;
  benefitsPvOre: number;
  netPvOre: number;
  cumulativeNetPvOre: number;
}

export interface CostBenefitResult {
  years: CostBenefitYear[];
  costsNominalOre: number;
  mvaOre: number;
  benefitsNominalOre: number;
  pvCostsOre: number;
  pvBenefitsOre: number;
  pvCashReleasingOre: number;
  /** nåverdi: pvBenefits − pvCosts */
  npvOre: number;
  /** the first year the cumulative discounted net is ≥ 0 (after some cost), null when not within the period */
  paybackYear: number | null;
  /** flows before or after the analysis period, left out of it */
  outside: { costsOre: number; benefitsOre: number };
}

export type SensitivityCase = 'benefitsMinus20' | 'benefitsPlus20' | 'costsMinus20' | 'costsPlus20' | 'rateMinus20' | 'ratePlus20';
export interface SensitivityRow {
  case: SensitivityCase;
  label: string;
  discountRatePct: number;
  pvCostsOre: number;
  pvBenefitsOre: number;
  npvOre: number;
}

/** The index for `year`: its own, else the latest earlier year's, else the earliest later year's; null when none is set. */
export function indexFor(priceIndex: Readonly<Record<number, number>>, year: number): { index: number; year: number } | null {
  const years = Object.keys(priceIndex)
    .map(Number)
    .filter((y) => Number.isInteger(y))
    .sort((a, b) => a - b);
  if (years.length === 0) return null;
  let chosen = years[0] ?? year;
  for (const y of years) if (y <= year) chosen = y;
  const index = priceIndex[chosen];
  return index === undefined ? null : { index, year: chosen };
}

/** nominal øre of `year` → øre in `priceYear` prices: × I(priceYear) / I(year) */
export function fixedPriceRatio(priceIndex: Readonly<Record<number, number>>, year: number, priceYear: number): Ratio {
  const of = indexFor(priceIndex, year);
  const base = indexFor(priceIndex, priceYear);
  if (!of || !base) return ONE;
  return { num: indexUnits(base.index), den: indexUnits(of.index) };
}

/** The mva inside an amount that includes it: amount × m / (1 + m), half to even. */
export function mvaIncluded(amountOre: number, mvaRateBp: number): number {
  return Number(divideHalfEven(BigInt(amountOre) * BigInt(mvaRateBp), 10_000n + BigInt(mvaRateBp)));
}

/** Σ round(flow_n × scale / (1 + r)^n), n = 0, 1, …: the present value of real flows from year 0 on. */
export function presentValue(flowsOre: readonly number[], rateBp: number, scale: Ratio = ONE): number {
  let sum = 0;
  flowsOre.forEach((flow, n) => (sum += scaleOre(flow, times(scale, discountRatio(rateBp, n)))));
  return sum;
}

const yearsOf = (p: CostBenefitParameters): number[] => Array.from({ length: p.years }, (_, n) => p.from + n);

/** The real (fixed-price, without mva) flows of the analysis period, by year. */
function realFlows(flows: readonly YearFlow[], p: CostBenefitParameters) {
  const mvaBp = basisPointsOf(p.mvaRatePct);
  const byYear = new Map<number, { costs: number; benefits: number; cash: number }>();
  const outside = { costsOre: 0, benefitsOre: 0 };
  const last = p.from + p.years - 1;
  for (const f of flows) {
    if (f.year < p.from || f.year > last) {
      outside.costsOre += f.costsOre;
      outside.benefitsOre += f.benefitsOre;
      continue;
    }
    const y = byYear.get(f.year) ?? { costs: 0, benefits: 0, cash: 0 };
    y.costs += f.costsOre;
    y.benefits += f.benefitsOre;
    y.cash += f.cashReleasingOre ?? 0;
    byYear.set(f.year, y);
  }
  const rows = yearsOf(p).map((year, n) => {
    const y = byYear.get(year) ?? { costs: 0, benefits: 0, cash: 0 };
    const mva = p.costsIncludeMva ? mvaIncluded(y.costs, mvaBp) : 0;
    const fixed = fixedPriceRatio(p.priceIndex, year, p.priceYear);
    const index = indexFor(p.priceIndex, year);
    return {
      year,
      n,
      index: index?.index ?? null,
      indexYear: index?.year ?? null,
      costsNominalOre: y.costs,
      mvaOre: mva,
      costsExMvaOre: y.costs - mva,
      costsRealOre: scaleOre(y.costs - mva, fixed),
      benefitsNominalOre: y.benefits,
      benefitsRealOre: scaleOre(y.benefits, fixed),
      cashReleasingRealOre: scaleOre(y.cash, fixed),
    };
  });
  return { rows, outside };
}

/** The analysis of one set of flows: fixed prices, mva apart, present values, payback year. */
export function analyseCostBenefit(flows: readonly YearFlow[], p: CostBenefitParameters): CostBenefitResult {
  const rateBp = basisPointsOf(p.discountRatePct);
  const { rows, outside } = realFlows(flows, p);
  let cumulative = 0;
  let paybackYear: number | null = null;
  let costSoFar = false;
  const years: CostBenefitYear[] = rows.map((r) => {
    const d = discountRatio(rateBp, r.n);
    const costsPvOre = scaleOre(r.costsRealOre, d);
    const benefitsPvOre = scaleOre(r.benefitsRealOre, d);
    cumulative += benefitsPvOre - costsPvOre;
    if (costsPvOre > 0) costSoFar = true;
    if (cumulative < 0) paybackYear = null;
    else if (paybackYear === null && costSoFar) paybackYear = r.year;
    return {
      ...r,
      discountFactor: Math.round((Number(d.num) / Number(d.den)) * 1e6) / 1e6,
      costsPvOre,
      benefitsPvOre,
      netPvOre: benefitsPvOre - costsPvOre,
      cumulativeNetPvOre: cumulative,
    };
  });
  const sum = (f: (y: CostBenefitYear) => number) => years.reduce((s, y) => s + f(y), 0);
  const pvCostsOre = sum((y) => y.costsPvOre);
  const pvBenefitsOre = sum((y) => y.benefitsPvOre);
  return {
    years,
    costsNominalOre: sum((y) => y.costsNominalOre),
    mvaOre: sum((y) => y.mvaOre),
    benefitsNominalOre: sum((y) => y.benefitsNominalOre),
    pvCostsOre,
    pvBenefitsOre,
    pvCashReleasingOre: years.reduce((s, y) => s + scaleOre(y.cashReleasingRealOre, discountRatio(rateBp, y.n)), 0),
    npvOre: pvBenefitsOre - pvCostsOre,
    paybackYear,
    outside,
  };
}

const MINUS_20 = ratio(8, 10);
const PLUS_20 = ratio(12, 10);

/** ±20 % on the benefits, on the costs and on the discount rate (the rate rounded to whole basis points). */
export function sensitivity(flows: readonly YearFlow[], p: CostBenefitParameters): SensitivityRow[] {
  const { rows } = realFlows(flows, p);
  const costs = rows.map((r) => r.costsRealOre);
  const benefits = rows.map((r) => r.benefitsRealOre);
  const bp = basisPointsOf(p.discountRatePct);
  const row = (c: SensitivityCase, label: string, rateBp: number, costScale: Ratio, benefitScale: Ratio): SensitivityRow => {
    const pvCostsOre = presentValue(costs, rateBp, costScale);
    const pvBenefitsOre = presentValue(benefits, rateBp, benefitScale);
    return { case: c, label, discountRatePct: rateBp / 100, pvCostsOre, pvBenefitsOre, npvOre: pvBenefitsOre - pvCostsOre };
  };
  const rateLow = Number(divideHalfEven(BigInt(bp) * 8n, 10n));
  const rateHigh = Number(divideHalfEven(BigInt(bp) * 12n, 10n));
  return [
    row('benefitsMinus20', 'Gevinster −20 %', bp, ONE, MINUS_20),
    row('benefitsPlus20', 'Gevinster +20 %', bp, ONE, PLUS_20),
    row('costsMinus20', 'Kostnader −20 %', bp, MINUS_20, ONE),
    row('costsPlus20', 'Kostnader +20 %', bp, PLUS_20, ONE),
    row('rateMinus20', `Kalkulasjonsrente −20 % (${String(rateLow / 100).replace('.', ',')} %)`, rateLow, ONE, ONE),
    row('ratePlus20', `Kalkulasjonsrente +20 % (${String(rateHigh / 100).replace('.', ',')} %)`, rateHigh, ONE, ONE),
  ];
}
