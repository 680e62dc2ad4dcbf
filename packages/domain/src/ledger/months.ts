import { endMonth, span, startMonth, tryParsePeriod } from '../periods';
import type { OrgView } from './timeline';

export interface LedgerQuery {
  /** first period of the span (included); default: from the beginning */
  from?: string;
  /** last period of the span (included); default: to the end */
  to?: string;
  /** depth in the unit tree (0 = roots); default: the units as registered */
  level?: number;
  /** the organisation figures are placed by (valid time): per period, or at a date; default: after every recorded change */
  org?: OrgView | null;
}

export interface MonthSpan {
  start: number;
  end: number;
}

/** The span as month bounds [start, end); a fact counts when its period lies wholly inside. */
export const monthSpanOf = (q: LedgerQuery): MonthSpan => {
  if (q.from && q.to) {
    const s = span(q.from, q.to);
    return { start: startMonth(s.from), end: endMonth(s.to) };
  }
  if (q.from) return { start: startMonth(span(q.from).from), end: Number.POSITIVE_INFINITY };
  if (q.to) return { start: Number.NEGATIVE_INFINITY, end: endMonth(span(q.to).to) };
  return { start: Number.NEGATIVE_INFINITY, end: Number.POSITIVE_INFINITY };
};

export const within = (s: MonthSpan, fact: { start: number; end: number }): boolean =>
  fact.start >= s.start && fact.end <= s.end;

const periodMonths = new Map<string, MonthSpan>();

/** Month bounds of a period code (memoised: there are few distinct periods). */
export const monthsOfPeriod = (period: string): MonthSpan => {
  let m = periodMonths.get(period);
  if (!m) {
    const p = tryParsePeriod(period);
    m = p ? { start: startMonth(p), end: endMonth(p) } : { start: 0, end: 0 };
    periodMonths.set(period, m);
  }
  return m;
};
