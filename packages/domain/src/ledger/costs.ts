import type { CostFact, LedgerFacts } from './facts';
import { monthsOfPeriod, type MonthSpan } from './months';

/**
 * When a cost counts. A one-off cost counts once, in its period. An annual cost counts its amount
 * once in each budget year from its start year through its end year; one without an end year
 * (until stopped) runs on, and a span without an end counts it through the ledger's horizon year
 * (`ledgerHorizonYear`). One rule for the index and the oracle.
 */
export interface CostTerms {
  /** first month of the (first) period the cost counts in */
  start: number;
  /** exclusive end month of a one-off cost's period */
  end: number;
  annual: boolean;
  /** an annual cost's first and last budget year (last: +∞ while it runs until stopped) */
  firstYear: number;
  lastYear: number;
}

export function costTerms(cost: CostFact): CostTerms {
  const m = monthsOfPeriod(cost.period);
  if (cost.kind !== 'annual') return { start: m.start, end: m.end, annual: false, firstYear: 0, lastYear: 0 };
  const firstYear = cost.startYear ?? Math.floor(m.start / 12);
  const lastYear = cost.endYear ?? Number.POSITIVE_INFINITY;
  return { start: firstYear * 12, end: firstYear * 12 + 12, annual: true, firstYear, lastYear };
}

/**
 * How many times the cost counts in the span (0 or 1 for a one-off cost): the budget years of an
 * annual cost that lie wholly inside the span, an open-ended one through `horizonYear` when the
 * span has no end (`horizonYear` is read only then).
 */
export function timesInSpan(t: CostTerms, span: MonthSpan, horizonYear: number): number {
  if (!t.annual) return t.start >= span.start && t.end <= span.end ? 1 : 0;
  const from = Math.max(t.firstYear, Math.ceil(span.start / 12));
  const spanLast = span.end !== Number.POSITIVE_INFINITY ? Math.floor(span.end / 12) - 1 : t.lastYear !== Number.POSITIVE_INFINITY ? t.lastYear : horizonYear;
  const to = Math.min(t.lastYear, spanLast);
  return to >= from ? to - from + 1 : 0;
}

/**
 * How many times the cost counts in the shares of a gain whose period ends at `endMonth`
 * (exclusive): the costs known for that time, i.e. the one-off costs and the years of annual costs
 * that begin before the period ends. A cost booked for a later period never counts.
 */
export function timesKnownAt(t: CostTerms, endMonth: number): number {
  if (!t.annual) return t.start < endMonth ? 1 : 0;
  const last = Math.min(t.lastYear, Math.ceil(endMonth / 12) - 1);
  return last >= t.firstYear ? last - t.firstYear + 1 : 0;
}

/** Whether the project has an annual cost that runs until stopped (its span totals then need the horizon). */
export const isOpenEnded = (cost: CostFact): boolean => cost.kind === 'annual' && cost.endYear === null;

/**
 * The last budget year the ledger has a dated fact in (a plan entry, realisation, withdrawal,
 * settlement, cost period or an annual cost's start or end year): a span without an end counts an
 * open-ended annual cost through this year. 0 when there is no dated fact.
 */
export function ledgerHorizonYear(facts: LedgerFacts): number {
  let end = 0;
  const see = (period: string) => {
    const m = monthsOfPeriod(period).end;
    if (m > end) end = m;
  };
  for (const b of facts.benefits.values()) {
    for (const e of b.plan) see(e.period);
    for (const r of b.realisations.keys()) see(r);
    for (const w of b.withdrawals) see(w.period);
  }
  for (const s of facts.settlements.values()) see(s.period);
  for (const p of facts.projects.values()) {
    for (const c of p.costs) {
      see(c.period);
      if (c.kind === 'annual' && c.endYear !== null && c.endYear * 12 + 12 > end) end = c.endYear * 12 + 12;
    }
  }
  return Math.ceil(end / 12) - 1;
}
