import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLedger, type LedgerEventInput } from '@gevinst/domain/ledger/index';
import { LedgerProjection } from '../src/ledger/LedgerProjection';
import { splitOre } from '../src/ledger/split';
import { splitLargestRemainder } from '@gevinst/domain/money/index';
// the domain's own generator of valid ledger histories (merges, moves, disbenefits, corrections, …)
import { historyArb } from '../../domain/test/ledger/generated';

const toRecorded = (events: LedgerEventInput[]) =>
  events.map((e, i) => ({
    id: `e${i}`,
    type: e.type,
    data: e.data as Record<string, unknown>,
    metadata: { recordedAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1, ...(e.metadata ?? {}) },
    streamName: e.streamName ?? 'x-1',
    revision: BigInt(e.revision ?? 0),
    globalPosition: BigInt(i + 1),
  }));

const spans = [{}, { from: '2025', to: '2026' }, { from: '2026-T1', to: '2026-T3' }, { from: '2025-11', to: '2026-02' }, { from: '2026-T2' }, { to: '2025-T3' }];

describe('LedgerIndex (the fast ledger)', () => {
  it('gives the same report as the domain computeLedger, to the øre, at every level and span — also when queried between events', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 100 }), (history, cut) => {
        const events = toRecorded(history);
        const ledger = new LedgerProjection();
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
  });

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
