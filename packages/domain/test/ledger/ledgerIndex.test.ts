import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger, splitOre } from '../../src/ledger';
import { splitLargestRemainder } from '../../src/money';
// valid ledger histories (merges, moves, disbenefits, corrections, …)
import { historyArb } from './generated';
import { computeLedger } from './oracle';

const spans = [{}, { from: '2025', to: '2026' }, { from: '2026-T1', to: '2026-T3' }, { from: '2025-11', to: '2026-02' }, { from: '2026-T2' }, { to: '2025-T3' }];

describe('LedgerIndex (the ledger)', () => {
  it('gives the same report as the oracle computeLedger, to the øre, at every level and span — also when queried between events', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 100 }), (history, cut) => {
        const events = history;
        const ledger = new Ledger();
        const split = Math.floor((events.length * cut) / 100);
        const check = () => {
          for (const span of spans)
            for (const level of [undefined, 0, 1, 2]) {
              const { projects: _, ...expected } = computeLedger(ledger.facts, { ...span, level: level ?? null });
              expect(ledger.report({ ...span, level })).toEqual(expected);
            }
        };
        events.slice(0, split).forEach((e) => ledger.apply(e));
        check();
        events.slice(split).forEach((e) => ledger.apply(e));
        check();
      }),
      { numRuns: Number(process.env.LEDGER_RUNS ?? 150) },
    );
    // 150 generated histories, each compared at 24 spans and levels twice (as in the projections' suite it came from)
  }, 60_000);

  it('splits like the domain largest-remainder split', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.array(fc.integer({ min: 0, max: 1e11 }), { minLength: 1, maxLength: 6 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        expect(splitOre(total, weights)).toEqual(splitLargestRemainder(total, weights));
      }),
      { numRuns: 2000 },
    );
  });
});
