import { InvalidPeriodError } from './errors';
import { endMonth, nextPeriod, periodOf, periodStart, startMonth } from './calendar';
import { toPeriod } from './parse';
import type { Period, PeriodKind, PeriodLike } from './period';

/** A span of time from the start of `from` to the end of `to` (both included). */
export interface PeriodSpan {
  readonly from: Period;
  readonly to: Period;
}

export function span(from: PeriodLike, to: PeriodLike = from): PeriodSpan {
  const f = toPeriod(from, 'from');
  const t = toPeriod(to, 'to');
  if (endMonth(t) <= startMonth(f)) {
    throw new InvalidPeriodError('to', 'Sluttperioden kan ikke ligge før startperioden', { from, to });
  }
  return { from: f, to: t };
}

/** Month scale bounds [start, end) of a span or of a single period. */
export function spanMonths(s: PeriodSpan | PeriodLike): { start: number; end: number } {
  if (typeof s === 'object' && 'from' in s) return { start: startMonth(s.from), end: endMonth(s.to) };
  const p = toPeriod(s);
  return { start: startMonth(p), end: endMonth(p) };
}

/**
 * Whether the period lies wholly within the span (or within another period): a tertial lies within
 * its year, a month within its tertial; a year does not lie within one of its tertials.
 */
export function contains(outer: PeriodSpan | PeriodLike, inner: PeriodLike): boolean {
  const o = spanMonths(outer);
  const p = toPeriod(inner);
  return startMonth(p) >= o.start && endMonth(p) <= o.end;
}

/** Whether the two overlap in at least one month. */
export function overlaps(a: PeriodSpan | PeriodLike, b: PeriodSpan | PeriodLike): boolean {
  const x = spanMonths(a);
  const y = spanMonths(b);
  return x.start < y.end && y.start < x.end;
}

/**
 * The periods of the kind that cover the span from the start of `from` to the end of `to`, in
 * order: `periodsInSpan('2026-T2', '2026', 'month')` gives 2026-05 … 2026-12. A period of the kind
 * that only partly overlaps an edge is included (a year span of `2026-T2` is `[2026]`).
 */
export function periodsInSpan(from: PeriodLike, to: PeriodLike, kind: PeriodKind): Period[] {
  const s = span(from, to);
  const out: Period[] = [];
  let p = periodOf(periodStart(s.from), kind);
  const end = endMonth(s.to);
  while (startMonth(p) < end) {
    out.push(p);
    p = nextPeriod(p);
  }
  return out;
}
