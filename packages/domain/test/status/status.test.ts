import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldLedgerFacts } from '../../src/ledger';
import { achievementPct, benefitStatus, computePortfolio, progressOf, statusFromRealisation, trendOf } from '../../src/status';
import { History } from '../ledger/history';

describe('achievementPct', () => {
  it('increase: from 50 towards 100, at 75 is 50 %', () => {
    expect(achievementPct({ baseline: 50, target: 100, latest: 75, direction: 'increase' })).toBe(50);
  });

  it('decrease: 10 hours per byggesak down to 6, at 7.5 is 62.5 % (a fall is progress)', () => {
    expect(achievementPct({ baseline: 10, target: 6, latest: 7.5, direction: 'decrease' })).toBe(62.5);
    expect(achievementPct({ baseline: 10, target: 6, latest: 11, direction: 'decrease' })).toBe(-25);
    expect(achievementPct({ baseline: 10, target: 6, latest: 5, direction: 'decrease' })).toBe(125);
  });

  it('is null when it cannot be computed', () => {
    expect(achievementPct({ baseline: null, target: 6, latest: 7, direction: 'decrease' })).toBeNull();
    expect(achievementPct({ baseline: 10, target: null, latest: 7, direction: 'decrease' })).toBeNull();
    expect(achievementPct({ baseline: 10, target: 6, latest: null, direction: 'decrease' })).toBeNull();
    expect(achievementPct({ baseline: 10, target: 10, latest: 7, direction: 'decrease' })).toBeNull();
    // a target on the wrong side of the baseline for the direction
    expect(achievementPct({ baseline: 10, target: 12, latest: 11, direction: 'decrease' })).toBeNull();
  });

  it('reaching the target is 100 % and the baseline 0 %, either direction', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), fc.boolean(), (baseline, gap, up) => {
        const direction = up ? 'increase' : 'decrease';
        const target = up ? baseline + gap : baseline - gap;
        expect(achievementPct({ baseline, target, latest: target, direction })).toBeCloseTo(100, 9);
        expect(achievementPct({ baseline, target, latest: baseline, direction })).toBe(0);
      }),
    );
  });

  it('trend is the value’s move; progress reads it in the direction', () => {
    expect(trendOf(7, 8)).toBe('down');
    expect(trendOf(8, 8)).toBe('flat');
    expect(trendOf(8, null)).toBeNull();
    expect(progressOf(7, 8, 'decrease')).toBe('better');
    expect(progressOf(9, 8, 'decrease')).toBe('worse');
    expect(progressOf(9, 8, 'increase')).toBe('better');
  });
});

describe('status from realised vs planned', () => {
  it('defaults: ≥ 100 % ønsket, ≥ 80 % akseptabelt, else uakseptabelt', () => {
    expect(statusFromRealisation(100, 100)).toBe('green');
    expect(statusFromRealisation(99.9, 100)).toBe('yellow');
    expect(statusFromRealisation(80, 100)).toBe('yellow');
    expect(statusFromRealisation(79.9, 100)).toBe('red');
    expect(statusFromRealisation(0, 0)).toBeNull();
    expect(statusFromRealisation(0.8 * 3, 3)).toBe('yellow'); // 2.4000000000000004 / 3 in floats
  });

  it('per project thresholds', () => {
    expect(statusFromRealisation(90, 100, { greenPct: 90, yellowPct: 50 })).toBe('green');
    expect(statusFromRealisation(49, 100, { greenPct: 90, yellowPct: 50 })).toBe('red');
  });

  it('for a disbenefit the plan is a ceiling', () => {
    expect(statusFromRealisation(0, 10, undefined, { disbenefit: true })).toBe('green');
    expect(statusFromRealisation(12, 10, undefined, { disbenefit: true })).toBe('yellow');
    expect(statusFromRealisation(20, 10, undefined, { disbenefit: true })).toBe('red');
  });
});

describe('benefitStatus and portfolio from folded facts', () => {
  const h = new History()
    .unit('K', 'Kommunen')
    .unit('BYG', 'Byggesak', 'K')
    .project('P', 'BYG', { greenPct: 100, yellowPct: 80 })
    .cost('P', 'c', 'BYG', 100_000_00, '2026-T1')
    .benefit(
      'b',
      'P',
      'BYG',
      55_000,
      [
        { period: '2026-T1', quantity: 100 },
        { period: '2026-T2', quantity: 100 },
        { period: '2026-T3', quantity: 100 },
      ],
      { direction: 'decrease', baseline: 10, target: 6, indicator: 'Timer per byggesak' },
    )
    .add('MeasurementRecorded', { benefitId: 'b', value: 8, measuredOn: '2026-04-20', period: '2026-T1', comment: null, evidenceUrl: null })
    .add('MeasurementRecorded', { benefitId: 'b', value: 7.5, measuredOn: '2026-08-20', period: '2026-T2', comment: null, evidenceUrl: null })
    .realise('b', '2026-T1', 100, 55_000)
    .realise('b', '2026-T2', 85, 55_000)
    .correct('b', '2026-T1', 70, 55_000);
  const facts = foldLedgerFacts(h.events);

  it('per period: the correction wins; an unended period without realisation has no status yet', () => {
    const s = benefitStatus(facts.benefits.get('b')!, { asOf: '2026-09-10' });
    expect(s.achievementPct).toBe(62.5);
    expect(s.trend).toBe('down');
    expect(s.statusByPeriod).toEqual([
      { period: '2026-T1', status: 'red', pending: false, plannedQuantity: 100, realisedQuantity: 70, dueDate: '2026-05-14', unreported: false, plannedOre: 5_500_000, realisedOre: 3_850_000 },
      { period: '2026-T2', status: 'yellow', pending: false, plannedQuantity: 100, realisedQuantity: 85, dueDate: '2026-09-14', unreported: false, plannedOre: 5_500_000, realisedOre: 4_675_000 },
      { period: '2026-T3', status: null, pending: true, plannedQuantity: 100, realisedQuantity: null, dueDate: '2027-01-14', unreported: false, plannedOre: 5_500_000, realisedOre: 0 },
    ]);
    expect(benefitStatus(facts.benefits.get('b')!, { asOf: '2027-01-15' }).statusByPeriod[2]?.status).toBe('red');
  });

  it('portfolio cells per unit and tertial, rolled up to the level', () => {
    const p = computePortfolio(facts, { from: '2026-T1', to: '2026-T2', level: 0 });
    expect(p.periods).toEqual(['2026-T1', '2026-T2']);
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]?.unitId).toBe('K');
    expect(p.rows[0]?.cells).toEqual([
      { period: '2026-T1', status: 'red', pending: false, plannedOre: 5_500_000, realisedOre: 3_850_000, achievementPct: 50, changePct: null },
      { period: '2026-T2', status: 'yellow', pending: false, plannedOre: 5_500_000, realisedOre: 4_675_000, achievementPct: 62.5, changePct: (825_000 / 3_850_000) * 100 },
    ]);
  });
});
