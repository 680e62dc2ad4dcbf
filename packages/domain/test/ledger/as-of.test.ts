import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors';
import { foldLedgerFacts, foldLedgerFactsAsOf, Ledger, ledgerAsOf, parseAsOf, type LedgerEventInput, type OrgView } from '../../src/ledger';
import { historyArb, spanArb } from './generated';
import { computeLedger } from './oracle';
import { History } from './history';

/** Sets the recording time of each event (the store sets it when the fact is recorded). */
const recordedAt = (events: LedgerEventInput[], times: string[]): LedgerEventInput[] =>
  events.map((e, i) => ({ ...e, metadata: { ...e.metadata, recordedAt: times[i] ?? times[times.length - 1] } }));

const receivedBy = (events: LedgerEventInput[], asOf: string, unitId: string) =>
  computeLedger(foldLedgerFactsAsOf(events, parseAsOf(asOf))).units.find((u) => u.unitId === unitId)?.gainsReceivedOre ?? 0;

describe('parseAsOf', () => {
  it('takes a date as the end of that day in Oslo (winter and summer time)', () => {
    expect(parseAsOf('2026-01-15').instant).toBe('2026-01-15T22:59:59.999Z');
    expect(parseAsOf('2026-06-30').instant).toBe('2026-06-30T21:59:59.999Z');
  });

  it('takes an instant with a zone as given, and one without a zone as Oslo time', () => {
    expect(parseAsOf('2026-03-31T12:00:00Z').instant).toBe('2026-03-31T12:00:00.000Z');
    expect(parseAsOf('2026-03-31T12:00:00+02:00').instant).toBe('2026-03-31T10:00:00.000Z');
    expect(parseAsOf('2026-01-10T08:30').instant).toBe('2026-01-10T07:30:00.000Z');
  });

  it('refuses what is not a date or an instant, naming the field in bokmål', () => {
    for (const bad of ['i går', '2026-02-30', '2026-13-01', '2026-01-01T25:00:00Z', '31.03.2026', '']) {
      expect(() => parseAsOf(bad, 'asOf'), bad).toThrow(ValidationError);
      expect(() => parseAsOf(bad, 'asOf'), bad).toThrow(
        expect.objectContaining({ fields: expect.objectContaining({ 0: expect.objectContaining({ path: 'asOf', message: expect.stringMatching(/Ugyldig/) }) }) }),
      );
    }
  });
});

describe('foldLedgerFactsAsOf: the ledger as it stood on a past date', () => {
  const history = () =>
    new History()
      .unit('kommune', 'Kommunen')
      .unit('skole', 'Skole', 'kommune')
      .unit('helse', 'Helse', 'kommune')
      .project('p1', 'skole')
      .cost('p1', 'c1', 'skole', 100_000_00, '2026')
      .benefit('b1', 'p1', 'helse', 500_00, [{ period: '2026-T1', quantity: 100 }])
      .realise('b1', '2026-T1', 100, 500_00)
      .correct('b1', '2026-T1', 60, 500_00);

  // everything set up in January, the realisation recorded 2 May, the correction 20 May
  const events = recordedAt(history().events, [
    ...Array(6).fill('2026-01-20T09:00:00Z'),
    '2026-05-02T10:00:00Z',
    '2026-05-20T10:00:00Z',
  ]);

  it('leaves out a correction recorded after the date, and counts it from the day it was recorded', () => {
    expect(receivedBy(events, '2026-05-10', 'helse')).toBe(100 * 500_00);
    expect(receivedBy(events, '2026-05-20', 'helse')).toBe(60 * 500_00);
    expect(receivedBy(events, '2026-05-20T09:59:59Z', 'helse')).toBe(100 * 500_00);
    expect(receivedBy(events, '2026-04-30', 'helse')).toBe(0);
    // as known today = every event
    expect(computeLedger(foldLedgerFactsAsOf(events, parseAsOf('2100-01-01')))).toEqual(computeLedger(foldLedgerFacts(events)));
  });

  it('takes the Oslo day: a fact recorded at 00:30 Oslo time on 3 May (22:30Z on 2 May) is not in the report of 2 May but is in the one of 3 May', () => {
    const late = recordedAt(history().events, [...Array(6).fill('2026-01-20T09:00:00Z'), '2026-05-02T22:30:00Z', '2026-06-01T00:00:00Z']);
    expect(receivedBy(late, '2026-05-02', 'helse')).toBe(0);
    expect(receivedBy(late, '2026-05-03', 'helse')).toBe(100 * 500_00);
  });

  it('filters on the recording time, not the store order, and leaves out events with no recording time', () => {
    const shuffled = recordedAt(history().events, [...Array(6).fill('2026-01-20T09:00:00Z'), '2026-05-20T10:00:00Z', '2026-05-02T10:00:00Z']);
    // the correction (second in store order) was recorded first: on 10 May only it is known
    expect(receivedBy(shuffled, '2026-05-10', 'helse')).toBe(60 * 500_00);
    const unknown = events.map((e, i) => (i === 6 ? { ...e, metadata: { userId: 'x' } } : e));
    expect(receivedBy(unknown, '2026-05-10', 'helse')).toBe(0);
  });

  it('equals folding the events recorded by then, at every cutoff between the events', () => {
    const all = history().events; // one minute apart, in store order
    for (let n = 0; n <= all.length; n++) {
      const cutoff = n === 0 ? '2026-01-15T08:00:00Z' : (all[n - 1]!.metadata!.recordedAt as string);
      expect(foldLedgerFactsAsOf(all, parseAsOf(cutoff))).toEqual(foldLedgerFacts(all.slice(0, n)));
    }
  });

  it('ledgerAsOf: the one ledger fed the events recorded by then answers as the oracle does on those facts', () => {
    const all = history().events;
    for (let n = 0; n <= all.length; n++) {
      const cutoff = n === 0 ? '2026-01-15T08:00:00Z' : (all[n - 1]?.metadata?.recordedAt ?? '');
      for (const span of [{}, { from: '2026-T1', to: '2026-T2' }, { level: 0 }]) {
        const { projects: _, ...expected } = computeLedger(foldLedgerFactsAsOf(all, parseAsOf(cutoff)), span);
        expect(ledgerAsOf(all, parseAsOf(cutoff)).report(span)).toEqual(expected);
      }
    }
  });

  it('on generated reorganisations (planned, corrected, annulled): as of any cutoff equals the events recorded by then, and as of the last equals live — under every organisation', () => {
    const orgs: (OrgView | null)[] = [null, { mode: 'period' }, { mode: 'date', date: '2026-04-15' }];
    fc.assert(
      fc.property(historyArb, spanArb, fc.integer({ min: 0, max: 100 }), fc.constantFrom(...orgs), fc.constantFrom(undefined, 0, 1), (all, span, cut, org, level) => {
        const n = Math.floor((all.length * cut) / 100);
        const cutoff = n === 0 ? '2026-01-15T08:00:00Z' : (all[n - 1]?.metadata?.recordedAt ?? '');
        const q = { ...span, level, org };
        const { projects: _, ...expected } = computeLedger(foldLedgerFacts(all.slice(0, n)), { ...q, level: level ?? null });
        expect(ledgerAsOf(all, parseAsOf(cutoff)).report(q)).toEqual(expected);
        const live = new Ledger();
        all.forEach((e) => live.apply(e));
        const last = all.at(-1)?.metadata?.recordedAt ?? '2026-01-15T08:00:00Z';
        expect(ledgerAsOf(all, parseAsOf(last)).report(q)).toEqual(live.report(q));
      }),
      { numRuns: 100 },
    );
  });
});
