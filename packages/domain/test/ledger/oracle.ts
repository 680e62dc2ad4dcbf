import type { Ore } from '../../src/money';
import {
  assembleLedgerReport,
  baseLedger,
  costTerms,
  dateOfMonth,
  isValued,
  ledgerHorizonYear,
  orgChangeMonths,
  periodFilter,
  plannedOreInSpan,
  spanBounds,
  unitTree,
  type CostTerms,
  type LedgerFacts,
  type LedgerOptions,
  type LedgerReport,
  type OrgView,
  type PeriodFilter,
  type ProjectLedger,
} from '../../src/ledger';
import { endMonth, parsePeriod, periodStartDate, spanMonths, span as makeSpan, startMonth, toPeriod } from '../../src/periods';

/**
 * The test oracle: the cross-unit ledger folded naively from the facts, rule by rule as the
 * handbook states them. The domain answers with `LedgerIndex`; the property tests keep the two equal.
 */

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

interface Totals {
  rowIds: Set<string>;
  flows: Map<string, Map<string, Ore>>;
  costs: Map<string, Ore>;
  planned: Map<string, Ore>;
  cashReleasing: Map<string, Ore>;
  withdrawn: Map<string, Ore>;
  settledIn: Map<string, Ore>;
  settledOut: Map<string, Ore>;
  settledWithin: Map<string, Ore>;
  nonValuedBenefits: Map<string, Set<string>>;
  nonValuedRealisations: Map<string, number>;
}

/** The change dates not annulled, straight off the facts. */
const changeDatesOf = (facts: LedgerFacts): string[] => {
  const dates = new Set<string>();
  for (const u of facts.units.values()) {
    for (const m of u.moves) if (!m.annulled) dates.add(m.effectiveDate);
    for (const m of u.mergers) if (!m.annulled) dates.add(m.effectiveDate);
  }
  return [...dates];
};

/**
 * The cross-unit benefit ledger for a span of periods at a level of the unit tree. Flows are split
 * between units as registered and then added up per reporting unit, so every level sums to the
 * same totals as the leaves. With the organisation per period, each figure is placed by the tree
 * as it stood on its period's first day, and the gains of periods under one organisation are split
 * together.
 */
export function computeLedger(facts: LedgerFacts, options: LedgerOptions & { org?: OrgView | null } = {}): LedgerReport {
  const inSpan = periodFilter(options);
  const spanRange = spanBounds(options);
  const horizonYear = ledgerHorizonYear(facts);
  const org = options.org ?? null;
  const t: Totals = {
    rowIds: new Set(),
    flows: new Map(),
    costs: new Map(),
    planned: new Map(),
    cashReleasing: new Map(),
    withdrawn: new Map(),
    settledIn: new Map(),
    settledOut: new Map(),
    settledWithin: new Map(),
    nonValuedBenefits: new Map(),
    nonValuedRealisations: new Map(),
  };
  const projects: ProjectLedger[] = [];
  if (org?.mode !== 'period') {
    const at = unitTree(facts, { ...options, at: org?.date ?? null }).reportingUnitOf;
    for (const unit of facts.units.values()) t.rowIds.add(at(unit.unitId));
    projects.push(...place(facts, inSpan, at, t, spanRange, horizonYear));
  } else {
    // periods under the same organisation: those that begin after the same set of changes
    const dates = changeDatesOf(facts);
    const keyOf = (period: string) => {
      const first = periodStartDate(period);
      return dates.filter((d) => d <= first).length;
    };
    const groups = new Map<number, string>();
    const note = (period: string) => {
      if (!inSpan(period)) return;
      const k = keyOf(period);
      if (!groups.has(k)) groups.set(k, periodStartDate(period));
    };
    for (const b of facts.benefits.values()) {
      b.plan.forEach((e) => note(e.period));
      for (const r of b.realisations.values()) note(r.period);
      b.withdrawals.forEach((w) => note(w.period));
    }
    for (const p of facts.projects.values())
      for (const c of p.costs) {
        note(c.period);
        // each year of an annual cost is a figure of its own year
        for (const year of annualYears(costTerms(c), spanRange, horizonYear)) note(String(year));
      }
    for (const s of facts.settlements.values()) note(s.period);
    for (const [k, date] of groups) {
      const at = unitTree(facts, { ...options, at: date }).reportingUnitOf;
      projects.push(...place(facts, (p) => inSpan(p) && keyOf(p) === k, at, t, spanRange, horizonYear));
    }
    // every unit gets a row under each organisation the span sees
    const { start, end } = spanOf(options);
    const bounds = orgChangeMonths(facts);
    const starts = [-Infinity, ...bounds];
    starts.forEach((from, i) => {
      const to = bounds[i] ?? Infinity;
      if (bounds.length > 0 && (from >= end || to <= start)) return;
      const at = unitTree(facts, { ...options, at: from === -Infinity ? '0000-01-01' : dateOfMonth(from) }).reportingUnitOf;
      for (const unit of facts.units.values()) t.rowIds.add(at(unit.unitId));
    });
  }
  return { ...assembleLedgerReport(t, options), projects };
}

const spanOf = (options: LedgerOptions): { start: number; end: number } => {
  const { from, to } = options;
  if (from != null && to != null) return spanMonths(makeSpan(from, to));
  if (from != null) return { start: startMonth(toPeriod(from, 'from')), end: Infinity };
  if (to != null) return { start: -Infinity, end: endMonth(parsePeriod(String(to))) };
  return { start: -Infinity, end: Infinity };
};

/** The budget years an annual cost may count in for a span: from its first year through its last, the span's last or the horizon. */
const annualYears = (terms: CostTerms, bounds: { end: number }, horizonYear: number): number[] => {
  if (!terms.annual) return [];
  const spanLast = bounds.end !== Infinity ? Math.floor(bounds.end / 12) - 1 : terms.lastYear !== Infinity ? terms.lastYear : horizonYear;
  const years: number[] = [];
  for (let year = terms.firstYear; year <= Math.min(terms.lastYear, spanLast); year++) years.push(year);
  return years;
};

/** Adds the facts of the periods `inSpan` takes into the totals, placed by `at`. */
function place(
  facts: LedgerFacts,
  inSpan: PeriodFilter,
  at: (unitId: string) => string,
  t: Totals,
  bounds: { start: number; end: number },
  horizonYear: number,
): ProjectLedger[] {
  const base = baseLedger(facts, inSpan, bounds);
  const { rowIds } = t;

  for (const project of base.projects) {
    for (const f of project.flows) {
      const from = at(f.fromUnitId);
      const to = at(f.toUnitId);
      rowIds.add(from).add(to);
      let row = t.flows.get(from);
      if (!row) t.flows.set(from, (row = new Map()));
      add(row, to, f.ore);
    }
  }

  for (const project of facts.projects.values()) {
    for (const cost of project.costs) {
      // a one-off cost in its period, an annual cost once in each of its years inside the span, each
      // year placed like any figure of that year
      const terms = costTerms(cost);
      const times = terms.annual ? annualYears(terms, bounds, horizonYear).filter((year) => inSpan(String(year))).length : inSpan(cost.period) ? 1 : 0;
      if (times === 0) continue;
      const payer = at(cost.payerUnitId);
      rowIds.add(payer);
      add(t.costs, payer, cost.amountOre * times);
    }
  }

  for (const benefit of facts.benefits.values()) {
    const recipient = at(benefit.recipientUnitId);
    rowIds.add(recipient);
    add(t.planned, recipient, plannedOreInSpan(benefit, inSpan));
    for (const w of benefit.withdrawals) {
      if (!inSpan(w.period)) continue;
      // on the benefit's row, whichever budget (recipient or its successor) was cut
      const unit = at(benefit.recipientUnitId);
      rowIds.add(unit);
      add(t.withdrawn, unit, w.amountOre);
    }
    if (!isValued(benefit) && benefit.plan.some((e) => inSpan(e.period))) {
      let set = t.nonValuedBenefits.get(recipient);
      if (!set) t.nonValuedBenefits.set(recipient, (set = new Set()));
      set.add(benefit.benefitId);
    }
  }
  for (const counted of base.realisations) {
    const recipient = at(counted.benefit.recipientUnitId);
    if (counted.valued) {
      // a disbenefit is never withdrawable, so it does not count as cash released
      if (counted.benefit.cashReleasing && !counted.benefit.disbenefit) add(t.cashReleasing, recipient, counted.ore);
    } else {
      add(t.nonValuedRealisations, recipient, 1);
      let set = t.nonValuedBenefits.get(recipient);
      if (!set) t.nonValuedBenefits.set(recipient, (set = new Set()));
      set.add(counted.benefit.benefitId);
    }
  }

  for (const s of facts.settlements.values()) {
    if (!inSpan(s.period)) continue;
    const from = at(s.fromUnitId);
    const to = at(s.toUnitId);
    rowIds.add(from).add(to);
    add(t.settledOut, from, s.amountOre);
    add(t.settledIn, to, s.amountOre);
    if (from === to) add(t.settledWithin, from, s.amountOre);
  }
  return base.projects;
}
