import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  InvalidPeriodError,
  comparePeriods,
  contains,
  formatPeriod,
  formatPeriodNb,
  isValidPeriod,
  nextPeriod,
  parsePeriod,
  periodEnd,
  periodInstants,
  periodLastDate,
  periodOf,
  periodStart,
  periodStartDate,
  periodsInSpan,
  previousPeriod,
  span,
  tryParsePeriod,
  type Period,
  type PeriodKind,
} from '../../src/periods';

const codes = (ps: Period[]) => ps.map(formatPeriod);

describe('parsePeriod / formatPeriod', () => {
  it('reads the three code forms', () => {
    expect(parsePeriod('2026-T2')).toEqual({ kind: 'tertial', year: 2026, index: 2 });
    expect(parsePeriod('2026')).toEqual({ kind: 'year', year: 2026, index: 1 });
    expect(parsePeriod('2026-03')).toEqual({ kind: 'month', year: 2026, index: 3 });
  });

  it.each(['2026-T4', '2026-T0', '2026-13', '2026-00', '26', '2026-3', '2026-t2', ' 2026', '2026-Q1', '', '0999'])(
    'refuses %j with an error naming the field',
    (code) => {
      expect(isValidPeriod(code)).toBe(false);
      expect(tryParsePeriod(code)).toBeNull();
      expect(() => parsePeriod(code, 'plan[0].period')).toThrow(InvalidPeriodError);
      expect(() => parsePeriod(code, 'plan[0].period')).toThrow(
        expect.objectContaining({ field: 'plan[0].period', message: expect.stringMatching(/Ugyldig periode/) }),
      );
    },
  );

  it('refuses non-strings', () => {
    expect(() => parsePeriod(2026)).toThrow(InvalidPeriodError);
    expect(isValidPeriod({ kind: 'tertial', year: 2026, index: 4 })).toBe(false);
    expect(isValidPeriod({ kind: 'tertial', year: 2026, index: 3 })).toBe(true);
  });

  it('formats for code and for people', () => {
    expect(formatPeriod('2026-T2')).toBe('2026-T2');
    expect(formatPeriod({ kind: 'month', year: 2026, index: 3 })).toBe('2026-03');
    expect(formatPeriodNb('2026-T2')).toBe('2026 T2');
    expect(formatPeriodNb('2026-03')).toBe('mars 2026');
    expect(formatPeriodNb('2026-12')).toBe('desember 2026');
    expect(formatPeriodNb('2026')).toBe('2026');
  });

  const anyPeriod = fc.oneof(
    fc.record({ kind: fc.constant<PeriodKind>('year'), year: fc.integer({ min: 1990, max: 2100 }), index: fc.constant(1) }),
    fc.record({ kind: fc.constant<PeriodKind>('tertial'), year: fc.integer({ min: 1990, max: 2100 }), index: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant<PeriodKind>('month'), year: fc.integer({ min: 1990, max: 2100 }), index: fc.integer({ min: 1, max: 12 }) }),
  );

  it('parse ∘ format is the identity', () => {
    fc.assert(fc.property(anyPeriod, (p) => {
      expect(parsePeriod(formatPeriod(p))).toEqual(p);
    }));
  });

  it('every period starts where its predecessor ends, and next/previous are inverse', () => {
    fc.assert(
      fc.property(anyPeriod, (p) => {
        expect(periodStart(nextPeriod(p)).toMillis()).toBe(periodEnd(p).toMillis());
        expect(previousPeriod(nextPeriod(p))).toEqual(p);
        expect(comparePeriods(p, nextPeriod(p))).toBeLessThan(0);
        expect(periodOf(periodStart(p), p.kind)).toEqual(p);
        expect(periodOf(periodEnd(p).minus({ milliseconds: 1 }), p.kind)).toEqual(p);
      }),
    );
  });
});

describe('periodOf on the Oslo wall clock', () => {
  it('tertials: T1 jan–apr, T2 mai–aug, T3 sep–des', () => {
    const t = (d: string) => formatPeriod(periodOf(d, 'tertial'));
    expect(['2026-01-01', '2026-04-30', '2026-05-01', '2026-08-31', '2026-09-01', '2026-12-31'].map(t)).toEqual([
      '2026-T1', '2026-T1', '2026-T2', '2026-T2', '2026-T3', '2026-T3',
    ]);
  });

  it('an instant late on 30 April UTC is already 1 May (T2) in Oslo summer time', () => {
    expect(formatPeriod(periodOf('2026-04-30T22:30:00Z', 'tertial'))).toBe('2026-T2');
    expect(formatPeriod(periodOf('2026-04-30T21:59:59.999Z', 'tertial'))).toBe('2026-T1');
    expect(formatPeriod(periodOf('2026-04-30T22:00:00Z', 'month'))).toBe('2026-05');
  });

  it('new year in winter time: 31 Dec 23:30Z is 1 Jan in Oslo', () => {
    expect(formatPeriod(periodOf('2026-12-31T23:30:00Z', 'year'))).toBe('2027');
    expect(formatPeriod(periodOf('2026-12-31T22:59:59Z', 'year'))).toBe('2026');
    expect(formatPeriod(periodOf(new Date('2026-12-31T23:00:00Z'), 'tertial'))).toBe('2027-T1');
  });

  it('honours an explicit offset on the instant', () => {
    expect(formatPeriod(periodOf('2026-09-01T00:10:00+02:00', 'tertial'))).toBe('2026-T3');
    expect(formatPeriod(periodOf('2026-08-31T23:50:00+00:00', 'tertial'))).toBe('2026-T3');
  });

  it('refuses an unreadable instant', () => {
    expect(() => periodOf('not a date', 'month')).toThrow(InvalidPeriodError);
  });

  it('refuses a date that is not in the calendar, and reads a leap day', () => {
    for (const d of ['2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10']) expect(() => periodOf(d, 'month')).toThrow(InvalidPeriodError);
    expect(formatPeriod(periodOf('2028-02-29', 'month'))).toBe('2028-02');
  });
});

describe('period bounds', () => {
  it('as Oslo dates', () => {
    expect(periodStartDate('2026-T2')).toBe('2026-05-01');
    expect(periodLastDate('2026-T2')).toBe('2026-08-31');
    expect(periodLastDate('2028-02')).toBe('2028-02-29');
    expect(periodLastDate('2026')).toBe('2026-12-31');
  });

  it('as instants, with the offset of the day (summer +02, winter +01)', () => {
    expect(periodInstants('2026-T2')).toEqual({ start: '2026-04-30T22:00:00.000Z', end: '2026-08-31T22:00:00.000Z' });
    expect(periodInstants('2026-T3')).toEqual({ start: '2026-08-31T22:00:00.000Z', end: '2026-12-31T23:00:00.000Z' });
    // the month DST begins (29 March 2026) has 743 hours, the month it ends (25 October) 745
    expect(periodEnd('2026-03').diff(periodStart('2026-03'), 'hours').hours).toBe(743);
    expect(periodEnd('2026-10').diff(periodStart('2026-10'), 'hours').hours).toBe(745);
  });
});

describe('spans', () => {
  it('a tertial lies within its year, a month within its tertial, not the other way', () => {
    expect(contains('2026', '2026-T2')).toBe(true);
    expect(contains('2026-T2', '2026-05')).toBe(true);
    expect(contains('2026-T2', '2026-04')).toBe(false);
    expect(contains('2026-T2', '2026')).toBe(false);
    expect(contains(span('2026-T2', '2026-T3'), '2026-09')).toBe(true);
    expect(contains(span('2026-T2', '2026-T3'), '2026')).toBe(false);
    expect(contains(span('2026-T1', '2026-T3'), '2026')).toBe(true);
  });

  it('lists the periods of a kind that cover a span', () => {
    expect(codes(periodsInSpan('2026-T2', '2026', 'month'))).toEqual([
      '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12',
    ]);
    expect(codes(periodsInSpan('2025-T3', '2026-T1', 'tertial'))).toEqual(['2025-T3', '2026-T1']);
    expect(codes(periodsInSpan('2026-T2', '2026-T2', 'year'))).toEqual(['2026']);
    expect(codes(periodsInSpan('2025-12', '2027-01', 'year'))).toEqual(['2025', '2026', '2027']);
  });

  it('refuses a span that ends before it starts', () => {
    expect(() => span('2026-T2', '2026-T1')).toThrow(/Sluttperioden/);
  });

  it('orders by start, then by length', () => {
    const sorted = ['2026-T2', '2026', '2025-12', '2026-01', '2026-T1', '2026-05'].sort(comparePeriods);
    expect(sorted).toEqual(['2025-12', '2026-01', '2026-T1', '2026', '2026-05', '2026-T2']);
  });
});
