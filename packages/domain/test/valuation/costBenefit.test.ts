import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyseCostBenefit,
  basisPointsOf,
  divideHalfEven,
  fixedPriceRatio,
  indexFor,
  mvaIncluded,
  presentValue,
  scaleOre,
  sensitivity,
  type CostBenefitParameters,
  type SensitivityCase,
  type SensitivityRow,
} from '../../src/valuation';

const params = (over: Partial<CostBenefitParameters> = {}): CostBenefitParameters => ({
  from: 2026,
  years: 5,
  discountRatePct: 4,
  priceYear: 2026,
  priceIndex: {},
  costsIncludeMva: false,
  mvaRatePct: 25,
  ...over,
});
const kr = (k: number) => k * 100;

describe('exact rounding', () => {
  it('rounds halves to the even neighbour, both signs', () => {
    expect([5n, 15n, 25n, -5n, -15n, 7n, -7n].map((a) => divideHalfEven(a, 10n))).toEqual([0n, 2n, 2n, 0n, -2n, 1n, -1n]);
    expect(divideHalfEven(1n, -3n)).toBe(0n);
  });
  it('takes percentages with two decimals as whole basis points', () => {
    expect(basisPointsOf(4)).toBe(400);
    expect(basisPointsOf(3.75)).toBe(375);
    expect(() => basisPointsOf(4.001)).toThrow();
  });
});

describe('worked example (DFØ style, hand-checked to the øre)', () => {
  /*
   * An investment of kr 1 000 000 in 2026 (year 0), running costs kr 100 000 and gains kr 400 000 a
   * year in 2027–2030, real discount rate 4 %, 5 years, fixed prices (no index), costs without mva.
   *
   * discount factors 1/1,04^n: n=1 0,961538…, n=2 0,924556…, n=3 0,888996…, n=4 0,854804…
   * costs  (øre):  100 000 000 + 10 000 000 × factor, each rounded half to even:
   *                 9 615 384,6 → 9 615 385 ; 9 245 562,1 → 9 245 562 ; 8 889 963,6 → 8 889 964 ; 8 548 041,9 → 8 548 042
   *                 PV costs = 100 000 000 + 36 298 953 = 136 298 953 øre = kr 1 362 989,53
   * gains  (øre):  40 000 000 × factor: 38 461 538,5 → 38 461 538 ; 36 982 248,5 → 36 982 249 (…,52) ;
   *                 35 559 854,4 → 35 559 854 ; 34 192 167,6 → 34 192 168
   *                 PV gains = 145 195 809 øre = kr 1 451 958,09  (= kr 400 000 × annuity factor 3,629895)
   * NPV = 145 195 809 − 136 298 953 = 8 896 856 øre = kr 88 968,56
   * cumulative discounted net: −1 000 000 ; −711 538 ; −434 172 ; −167 473 ; +88 969 → payback year 2030
   */
  const flows = [
    { year: 2026, costsOre: kr(1_000_000), benefitsOre: 0 },
    ...[2027, 2028, 2029, 2030].map((year) => ({ year, costsOre: kr(100_000), benefitsOre: kr(400_000) })),
  ];

  it('reproduces the hand-computed present values, NPV and payback year', () => {
    const r = analyseCostBenefit(flows, params());
    expect(r.years.map((y) => y.costsPvOre)).toEqual([100_000_000, 9_615_385, 9_245_562, 8_889_964, 8_548_042]);
    expect(r.years.map((y) => y.benefitsPvOre)).toEqual([0, 38_461_538, 36_982_249, 35_559_854, 34_192_168]);
    expect(r.pvCostsOre).toBe(136_298_953);
    expect(r.pvBenefitsOre).toBe(145_195_809);
    expect(r.npvOre).toBe(8_896_856);
    expect(Math.round(r.npvOre / 100)).toBe(88_969);
    expect(r.paybackYear).toBe(2030);
    expect(r.years.map((y) => y.discountFactor)).toEqual([1, 0.961538, 0.924556, 0.888996, 0.854804]);
    expect(r.mvaOre).toBe(0);
  });

  it('has no payback year within a period too short', () => {
    expect(analyseCostBenefit(flows, params({ years: 4 })).paybackYear).toBeNull();
  });

  it('shows mva as its own line when costs include it, and compares costs without it', () => {
    // kr 1 250 000 including 25 % mva = kr 1 000 000 + kr 250 000 mva
    const r = analyseCostBenefit([{ year: 2026, costsOre: kr(1_250_000), benefitsOre: 0 }], params({ costsIncludeMva: true, years: 1 }));
    expect(r.mvaOre).toBe(kr(250_000));
    expect(r.years[0]).toMatchObject({ costsNominalOre: kr(1_250_000), mvaOre: kr(250_000), costsExMvaOre: kr(1_000_000), costsPvOre: kr(1_000_000) });
    expect(mvaIncluded(125, 2500)).toBe(25);
  });

  it('puts each year in the price year’s prices with the index finance set (the latest earlier year’s when a year has none)', () => {
    const priceIndex = { 2025: 100, 2026: 104 };
    expect(indexFor(priceIndex, 2027)).toEqual({ index: 104, year: 2026 });
    expect(indexFor(priceIndex, 2020)).toEqual({ index: 100, year: 2025 });
    // kr 100 000 spent in 2025 is kr 104 000 in 2026 prices
    expect(scaleOre(kr(100_000), fixedPriceRatio(priceIndex, 2025, 2026))).toBe(kr(104_000));
    const r = analyseCostBenefit([{ year: 2025, costsOre: kr(100_000), benefitsOre: 0 }], params({ from: 2025, years: 1, priceYear: 2026, priceIndex }));
    expect(r.years[0]).toMatchObject({ costsNominalOre: kr(100_000), costsRealOre: kr(104_000), index: 100, indexYear: 2025 });
  });

  it('varies gains, costs and the rate by ±20 %', () => {
    const rows = sensitivity(flows, params());
    const byCase = Object.fromEntries(rows.map((r) => [r.case, r])) as Record<SensitivityCase, SensitivityRow>;
    expect(byCase.benefitsMinus20.pvCostsOre).toBe(136_298_953);
    expect(byCase.costsPlus20.pvBenefitsOre).toBe(145_195_809);
    expect(byCase.rateMinus20.discountRatePct).toBe(3.2);
    expect(byCase.ratePlus20.discountRatePct).toBe(4.8);
    expect(byCase.benefitsMinus20.npvOre).toBeLessThan(8_896_856);
    expect(byCase.benefitsPlus20.npvOre).toBeGreaterThan(8_896_856);
    expect(byCase.costsPlus20.npvOre).toBeLessThan(0);
    // the gains come later than the investment: a higher rate lowers the NPV
    expect(byCase.ratePlus20.npvOre).toBeLessThan(8_896_856);
    expect(byCase.rateMinus20.npvOre).toBeGreaterThan(8_896_856);
  });

  it('leaves flows outside the period out, and says how much', () => {
    const r = analyseCostBenefit([...flows, { year: 2040, costsOre: 5, benefitsOre: 7 }], params());
    expect(r.outside).toEqual({ costsOre: 5, benefitsOre: 7 });
    expect(r.npvOre).toBe(8_896_856);
  });
});

describe('present value properties', () => {
  const flowsArb = fc.array(fc.integer({ min: 0, max: 1e11 }), { minLength: 1, maxLength: 30 });
  const bpArb = fc.integer({ min: 0, max: 2000 });

  it('is the nominal sum at rate 0', () => {
    fc.assert(fc.property(flowsArb, (flows) => presentValue(flows, 0) === flows.reduce((a, b) => a + b, 0)));
  });

  it('is non-increasing in the rate for non-negative flows', () => {
    fc.assert(
      fc.property(flowsArb, bpArb, bpArb, (flows, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return presentValue(flows, hi) <= presentValue(flows, lo);
      }),
    );
  });

  it('is linear in the flows, to within one øre per year of rounding', () => {
    fc.assert(
      fc.property(flowsArb, flowsArb, bpArb, (a, b, bp) => {
        const n = Math.max(a.length, b.length);
        const sum = Array.from({ length: n }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0));
        return Math.abs(presentValue(sum, bp) - presentValue(a, bp) - presentValue(b, bp)) <= n;
      }),
    );
  });

  it('is never more than the nominal sum, and a negated flow gives the negated value', () => {
    fc.assert(
      fc.property(flowsArb, bpArb, (flows, bp) => {
        const pv = presentValue(flows, bp);
        return pv <= flows.reduce((s, f) => s + f, 0) && presentValue(flows.map((f) => -f), bp) === -pv;
      }),
    );
  });

  it('NPV = PV(gains) − PV(costs), and year 0 is not discounted', () => {
    fc.assert(
      fc.property(flowsArb, flowsArb, bpArb, (costs, gains, bp) => {
        const years = Math.max(costs.length, gains.length);
        const flows = Array.from({ length: years }, (_, i) => ({ year: 2026 + i, costsOre: costs[i] ?? 0, benefitsOre: gains[i] ?? 0 }));
        const r = analyseCostBenefit(flows, params({ years, discountRatePct: bp / 100 }));
        return r.npvOre === r.pvBenefitsOre - r.pvCostsOre && r.years[0]?.costsPvOre === (costs[0] ?? 0) && r.pvCostsOre === presentValue(flows.map((f) => f.costsOre), bp);
      }),
    );
  });
});
