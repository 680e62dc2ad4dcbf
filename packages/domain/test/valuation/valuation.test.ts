import { describe, expect, it } from 'vitest';
import { foldLedgerFacts } from '../../src/ledger';
import {
  costBenefitReport,
  costBenefitSourceFromEvents,
  costBenefitSummary,
  hoursFromCases,
  hoursPerUnit,
  initialCostBenefitSettings,
  rateFor,
  valueBenefit,
  type BenefitToValue,
  type RateBook,
  type UnitRateFacts,
} from '../../src/valuation';
import { History } from '../ledger/history';

const src = (note: string) => ({ wageOre: 43_700, employerContributionOre: 6_200, socialCostsOre: 11_300, note });
const unit = (unitId: string, name: string, parent: string | null, rates: UnitRateFacts['rates'] = [], mergers: { successorUnitId: string; effectiveDate: string }[] = []): UnitRateFacts => ({
  unitId,
  name,
  rates,
  timeline: { registeredParentId: parent, moves: [], mergers: mergers.map((m) => ({ ...m, annulled: false })) },
});
const units: Record<string, UnitRateFacts> = {
  kommune: unit('kommune', 'Fjordvik kommune', null, [{ year: 2025, rateOre: 60_000, source: src('KS 2025') }]),
  helse: unit('helse', 'Helse og omsorg', 'kommune'),
  hjemme: unit('hjemme', 'Hjemmetjenesten', 'helse', [{ year: 2026, rateOre: 61_200, source: src('KS lønnsstatistikk 2026') }]),
  gamle: unit('gamle', 'Gamle Nord', 'helse', [{ year: 2024, rateOre: 50_000, source: src('2024') }], [{ successorUnitId: 'hjemme', effectiveDate: '2026-01-01' }]),
};
const book: RateBook = (id) => units[id];

describe('the receiving unit’s timesats', () => {
  it('uses the unit’s own rate for the year', () => {
    expect(rateFor(book, 'hjemme', 2026)).toMatchObject({ rule: 'year', rateOre: 61_200, rateYear: 2026, rateUnitName: 'Hjemmetjenesten' });
  });
  it('takes the nearest higher unit’s rate for the year when the unit has none', () => {
    expect(rateFor(book, 'helse', 2025)).toMatchObject({ rule: 'parent', rateOre: 60_000, rateUnitId: 'kommune' });
  });
  it('falls back to the latest earlier year (never a later one), and says so', () => {
    expect(rateFor(book, 'hjemme', 2027)).toMatchObject({ rule: 'earlierYear', rateYear: 2026, rateUnitId: 'hjemme' });
    expect(rateFor(book, 'hjemme', 2025)).toMatchObject({ rule: 'parent', rateYear: 2025, rateUnitId: 'kommune' });
    expect(rateFor(book, 'hjemme', 2024)).toMatchObject({ rule: 'missing', rateOre: null });
  });
  it('values a merged unit’s benefit at its successor’s rate from the merger on', () => {
    expect(rateFor(book, 'gamle', 2025)).toMatchObject({ carrierUnitId: 'gamle', rule: 'parent', rateUnitId: 'kommune' });
    expect(rateFor(book, 'gamle', 2026)).toMatchObject({ carrierUnitId: 'hjemme', rule: 'year', rateOre: 61_200 });
  });
});

describe('time units', () => {
  it('knows hours, minutes and days', () => {
    expect(hoursPerUnit('timer')).toEqual({ num: 1n, den: 1n });
    expect(hoursPerUnit(' Minutter ')).toEqual({ num: 1n, den: 60n });
    expect(hoursPerUnit('besøk')).toBeNull();
    expect(hoursFromCases(15, 5000)).toBe(1250);
  });
});

const benefit = (over: Partial<BenefitToValue> = {}): BenefitToValue => ({
  benefitId: 'b1',
  projectId: 'p1',
  title: 'Færre tilsynsbesøk',
  recipientUnitId: 'hjemme',
  unitOfMeasure: 'timer',
  category: 'capacity',
  cashReleasing: true,
  disbenefit: false,
  valuationOrePerUnit: null,
  cancelled: false,
  unplanned: false,
  plan: [{ period: '2026', quantity: 1250 }],
  originalPlan: [{ period: '2026', quantity: 1250 }],
  realisations: [],
  ...over,
});

describe('a benefit in time valued in kroner', () => {
  it('shows hours × rate = amount with the rate’s year, unit and source', () => {
    const v = valueBenefit(benefit(), book);
    expect(v.years[0]).toMatchObject({ year: 2026, hours: 1250, forecastOre: 76_500_000, basis: 'rate' });
    expect(v.years[0]?.text).toBe(
      '1\u00a0250 timer × kr\u00a0612 = kr\u00a0765\u00a0000, timesats 2026 for Hjemmetjenesten, kilde: KS lønnsstatistikk 2026 (lønn kr\u00a0437 + arbeidsgiveravgift kr\u00a062 + sosiale kostnader kr\u00a0113)',
    );
    // time freed is not cash-releasing unless the benefit is a budget benefit
    expect(v.cashReleasing).toBe(false);
    expect(valueBenefit(benefit({ category: 'budget' }), book).cashReleasing).toBe(true);
  });
  it('values minutes as hours, realised periods as realised, and says when a year has no rate', () => {
    const v = valueBenefit(
      benefit({
        unitOfMeasure: 'minutter',
        plan: [{ period: '2024', quantity: 600 }, { period: '2026-T1', quantity: 30_000 }, { period: '2026-T2', quantity: 45_000 }],
        originalPlan: [{ period: '2026', quantity: 60_000 }],
        realisations: [{ period: '2026-T1', quantity: 36_000, valueOre: 0 }],
      }),
      book,
    );
    const y2026 = v.years.find((y) => y.year === 2026)!;
    // 36 000 + 45 000 minutes = 1 350 hours × kr 612
    expect(y2026).toMatchObject({ hours: 1350, forecastOre: 82_620_000, realisedHours: 600, realisedOre: 36_720_000, plannedOre: 61_200_000 });
    const y2024 = v.years.find((y) => y.year === 2024)!;
    expect(y2024).toMatchObject({ basis: 'unpriced', forecastOre: null });
    expect(y2024.text).toContain('ingen timesats');
  });
});

describe('kost/nytte over the ledger’s facts', () => {
  const h = new History()
    .unit('kommune', 'Fjordvik kommune')
    .unit('hjemme', 'Hjemmetjenesten', 'kommune')
    .project('p1', 'kommune')
    .cost('p1', 'c1', 'kommune', 100_000_000, '2026')
    .add('BenefitPlanned', {
      benefitId: 'b1',
      projectId: 'p1',
      title: 'Frigjort tid',
      recipientUnitId: 'hjemme',
      owner: 'eier@kommune.no',
      indicator: 'Timer',
      unitOfMeasure: 'timer',
      direction: 'increase',
      category: 'budget',
      cashReleasing: true,
      valuationOrePerUnit: 50_000,
      baseline: null,
      target: null,
      targetDate: null,
      plan: [2027, 2028, 2029, 2030].map((y) => ({ period: String(y), quantity: 1000 })),
      measurementSchedule: 'year',
      disbenefit: false,
    });
  const facts = foldLedgerFacts(h.events);
  const source = { facts, unitOfMeasure: () => 'timer', rates: book, settings: initialCostBenefitSettings() };

  it('prices time at the rate (1 000 h × kr 612 a year), discounts at DFØ’s 4 %, and states its parameters', () => {
    const r = costBenefitReport(source, { projectId: 'p1', currentYear: 2026, years: 5 });
    expect(r.parameters).toMatchObject({ from: 2026, years: 5, discountRatePct: 4, priceYear: 2026, defaultsSet: false });
    expect(r.scenarios.forecast.years.map((y) => y.benefitsNominalOre)).toEqual([0, 61_200_000, 61_200_000, 61_200_000, 61_200_000]);
    expect(r.scenarios.forecast.pvCashReleasingOre).toBe(r.scenarios.forecast.pvBenefitsOre);
    expect(r.scenarios.realised.pvBenefitsOre).toBe(0);
    expect(r.scenarios.realised.pvCostsOre).toBe(100_000_000);
    expect(r.ratesUsed.map((x) => `${x.rateUnitName} ${x.rateYear}`)).toEqual(['Hjemmetjenesten 2026']);
    expect(r.notes.join(' ')).toContain('uten mva');
    const s = costBenefitSummary(source, { projectId: 'p1', currentYear: 2026, years: 5 });
    expect(s.forecast.npvOre).toBe(r.scenarios.forecast.npvOre);
    expect(s.forecast.paybackYear).toBe(2028);
  });

  it('the portfolio adds up its projects', () => {
    const one = costBenefitReport(source, { projectId: 'p1', currentYear: 2026, years: 5 });
    const all = costBenefitReport(source, { projectId: null, currentYear: 2026, years: 5 });
    expect(all.scope.name).toBe('Porteføljen');
    expect(all.scenarios.forecast.npvOre).toBe(one.scenarios.forecast.npvOre);
  });

  it('folds the same source from the events themselves (for a report as known at an instant)', () => {
    const withRate = new History();
    withRate.events.push(...h.events);
    withRate.add('HourlyRateSet', { unitId: 'hjemme', year: 2026, rateOre: 61_200, source: src('KS lønnsstatistikk 2026') });
    withRate.add('PriceIndexSet' as never, { year: 2026, index: 100, source: 'SSB' } as never);
    const folded = costBenefitSourceFromEvents(withRate.events);
    expect(folded.unitOfMeasure('b1')).toBe('timer');
    expect(folded.settings.priceIndex[2026]?.index).toBe(100);
    const fromEvents = costBenefitReport(folded, { projectId: 'p1', currentYear: 2026, years: 5 });
    const live = costBenefitReport({ ...source, rates: (id) => (id === 'hjemme' ? { ...units.hjemme!, name: 'Hjemmetjenesten' } : undefined) }, { projectId: 'p1', currentYear: 2026, years: 5 });
    const figures = (r: typeof live) => (['planned', 'forecast', 'realised'] as const).map((k) => [r.scenarios[k].pvCostsOre, r.scenarios[k].pvBenefitsOre, r.scenarios[k].npvOre, r.scenarios[k].paybackYear]);
    expect(figures(fromEvents)).toEqual(figures(live));
    // the index of 2026 is the only one, so fixed prices equal current prices
    expect(fromEvents.scenarios.forecast.years[1]).toMatchObject({ index: 100, indexYear: 2026, benefitsRealOre: 61_200_000 });
    expect(fromEvents.ratesUsed.map((r) => [r.rateUnitName, r.rateYear, r.rateOre])).toEqual([['Hjemmetjenesten', 2026, 61_200]]);
  });
});
