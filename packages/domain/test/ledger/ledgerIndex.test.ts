import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger, splitOre, type OrgView } from '../../src/ledger';
import { splitLargestRemainder } from '../../src/money';
// valid ledger histories (merges, moves, disbenefits, corrections, …)
import { historyArb } from './generated';
import { computeLedger } from './oracle';

/** after every recorded change; as it stood in each period; as it stood on a date (valid time) */
const orgs: (OrgView | undefined)[] = [undefined, { mode: 'period' }, { mode: 'date', date: '2026-04-15' }];
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
            for (const org of orgs)
              for (const level of org === undefined ? [undefined, 0, 1, 2] : [undefined, 0, 1]) {
                const { projects: _, ...expected } = computeLedger(ledger.facts, { ...span, level: level ?? null, org });
                expect(ledger.report({ ...span, level, org })).toEqual(expected);
              }
        };
        events.slice(0, split).forEach((e) => ledger.apply(e));
        check();
        events.slice(split).forEach((e) => ledger.apply(e));
        check();
      }),
      { numRuns: Number(process.env.LEDGER_RUNS ?? 150) },
    );
    // 150 generated histories (with moves and mergers dated past and ahead, corrected and annulled), each compared at
    // 6 spans × (4 levels after every change + 3 levels per period + 3 levels at a date) twice
  }, 120_000);

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
