import { endMonth, parsePeriod, startMonth, type PeriodLike } from '../periods';
import { spanMonths } from '../periods/span';
import { span as makeSpan } from '../periods/span';
import { toPeriod } from '../periods/parse';
import type { UnitTreeOptions } from './tree';

export interface SpanOptions {
  /** first period of the span (included); absent: from the beginning */
  from?: PeriodLike | null;
  /** last period of the span (included); absent: to the end */
  to?: PeriodLike | null;
}

/** A span of periods at a level of the unit tree. */
export interface LedgerOptions extends SpanOptions, UnitTreeOptions {}

/**
 * Whether a fact's period lies wholly within the span: a year's cost counts in a tertial span only
 * when the whole year is inside it; a month's realisation counts in its tertial and its year.
 */
export type PeriodFilter = (period: string) => boolean;

export function periodFilter(options: SpanOptions): PeriodFilter {
  const { from, to } = options;
  if ((from === undefined || from === null) && (to === undefined || to === null)) return () => true;
  const { start, end } = spanBounds(options);
  const cache = new Map<string, boolean>();
  return (code: string) => {
    let inside = cache.get(code);
    if (inside === undefined) {
      const p = parsePeriod(code);
      inside = startMonth(p) >= start && endMonth(p) <= end;
      cache.set(code, inside);
    }
    return inside;
  };
}

/** The span as month bounds [start, end) (±∞ where it is open). */
export function spanBounds(options: SpanOptions): { start: number; end: number } {
  const { from, to } = options;
  let start = -Infinity;
  let end = Infinity;
  if (from != null && to != null) ({ start, end } = spanMonths(makeSpan(from, to)));
  else if (from != null) start = startMonth(toPeriod(from, 'from'));
  else if (to != null) end = endMonth(toPeriod(to, 'to'));
  return { start, end };
}
