import { describe, it } from 'vitest';
import type { CostBenefitEvent } from '../../src/events';
import { costBenefitDecider, type SetCostBenefitDefaults } from '../../src/valuation';
import { specFor } from '../deciders/spec';

const { given } = specFor(costBenefitDecider);
const context = { now: '2026-06-15T10:00:00+02:00' };
const defaults: SetCostBenefitDefaults['data'] = { discountRatePct: 4, analysisYears: 10, priceYear: 2026, costsIncludeMva: false };
const defaultsSet: CostBenefitEvent = {
  type: 'CostBenefitDefaultsSet',
  data: { discountRatePct: 4, analysisYears: 10, priceYear: 2026, costsIncludeMva: false, mvaRatePct: 25, note: null },
};
const indexSet: CostBenefitEvent = { type: 'PriceIndexSet', data: { year: 2026, index: 103.2, source: 'SSB KPI 2026' } };

describe('kost/nytte settings decider', () => {
  it('sets the installation’s defaults', () => given([]).when({ type: 'SetCostBenefitDefaults', data: defaults, context }).then([defaultsSet]));

  it('records nothing when the same defaults are set again', () =>
    given([defaultsSet]).when({ type: 'SetCostBenefitDefaults', data: defaults, context }).thenNothing());

  it('records a change of rate', () =>
    given([defaultsSet])
      .when({ type: 'SetCostBenefitDefaults', data: { ...defaults, discountRatePct: 3.5 }, context })
      .then([{ type: 'CostBenefitDefaultsSet', data: { ...defaultsSet.data, discountRatePct: 3.5 } } as CostBenefitEvent]));

  it('refuses a rate above 20 %, with more than two decimals, or a period over 40 years', () => {
    given([]).when({ type: 'SetCostBenefitDefaults', data: { ...defaults, discountRatePct: 25 }, context }).thenThrows('validation_failed', 'discountRatePct');
    given([]).when({ type: 'SetCostBenefitDefaults', data: { ...defaults, discountRatePct: 4.125 }, context }).thenThrows('validation_failed', 'discountRatePct');
    given([]).when({ type: 'SetCostBenefitDefaults', data: { ...defaults, analysisYears: 41 }, context }).thenThrows('validation_failed', 'analysisYears');
  });

  it('sets a year’s price index with its source, and replaces it', () => {
    given([]).when({ type: 'SetPriceIndex', data: { year: 2026, index: 103.2, source: ' SSB KPI 2026 ' }, context }).then([indexSet]);
    given([indexSet]).when({ type: 'SetPriceIndex', data: { year: 2026, index: 103.2, source: 'SSB KPI 2026' }, context }).thenNothing();
    given([indexSet])
      .when({ type: 'SetPriceIndex', data: { year: 2026, index: 103.4, source: 'SSB KPI 2026, revidert' }, context })
      .then([{ type: 'PriceIndexSet', data: { year: 2026, index: 103.4, source: 'SSB KPI 2026, revidert' } }]);
  });

  it('refuses an index of zero or below, and one without a source', () => {
    given([]).when({ type: 'SetPriceIndex', data: { year: 2026, index: 0, source: 'SSB' }, context }).thenThrows('validation_failed', 'index');
    given([]).when({ type: 'SetPriceIndex', data: { year: 2026, index: 100, source: '  ' }, context }).thenThrows('validation_failed', 'source');
  });
});
