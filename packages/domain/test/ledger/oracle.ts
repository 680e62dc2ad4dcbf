import type { Ore } from '../../src/money';
import {
  assembleLedgerReport,
  baseLedger,
  costTerms,
  isValued,
  ledgerHorizonYear,
  periodFilter,
  plannedOreInSpan,
  spanBounds,
  timesInSpan,
  unitTree,
  type LedgerFacts,
  type LedgerOptions,
  type LedgerReport,
} from '../../src/ledger';

/**
 * The test oracle: the cross-unit ledger folded naively from the facts, rule by rule as the
 * handbook states them. The domain answers with `LedgerIndex`; the property tests keep the two equal.
 */

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/**
 * The cross-unit benefit ledger for a span of periods at a level of the unit tree. Flows are split
 * between units as registered and then added up per reporting unit, so every level sums to the
 * same totals as the leaves.
 */
export function computeLedger(facts: LedgerFacts, options: LedgerOptions = {}): LedgerReport {
  const inSpan = periodFilter(options);
  const tree = unitTree(facts, options);
  const at = tree.reportingUnitOf;
  const bounds = spanBounds(options);
  const base = baseLedger(facts, inSpan, bounds);
  const horizonYear = ledgerHorizonYear(facts);

  const rowIds = new Set<string>();
  for (const unit of facts.units.values()) rowIds.add(at(unit.unitId));

  const flowMap = new Map<string, Map<string, Ore>>();
  for (const project of base.projects) {
    for (const f of project.flows) {
      const from = at(f.fromUnitId);
      const to = at(f.toUnitId);
      rowIds.add(from).add(to);
      let row = flowMap.get(from);
      if (!row) flowMap.set(from, (row = new Map()));
      add(row, to, f.ore);
    }
  }

  const costs = new Map<string, Ore>();
  for (const project of facts.projects.values()) {
    for (const cost of project.costs) {
      // a one-off cost in its period, an annual cost once in each of its years inside the span
      const times = timesInSpan(costTerms(cost), bounds, horizonYear);
      if (times === 0) continue;
      const payer = at(cost.payerUnitId);
      rowIds.add(payer);
      add(costs, payer, cost.amountOre * times);
    }
  }

  const planned = new Map<string, Ore>();
  const cashReleasing = new Map<string, Ore>();
  const withdrawn = new Map<string, Ore>();
  const nonValuedBenefits = new Map<string, Set<string>>();
  const nonValuedRealisations = new Map<string, number>();
  for (const benefit of facts.benefits.values()) {
    const recipient = at(benefit.recipientUnitId);
    rowIds.add(recipient);
    add(planned, recipient, plannedOreInSpan(benefit, inSpan));
    for (const w of benefit.withdrawals) {
      if (!inSpan(w.period)) continue;
      const unit = at(w.unitId);
      rowIds.add(unit);
      add(withdrawn, unit, w.amountOre);
    }
    if (!isValued(benefit) && benefit.plan.some((e) => inSpan(e.period))) {
      let set = nonValuedBenefits.get(recipient);
      if (!set) nonValuedBenefits.set(recipient, (set = new Set()));
      set.add(benefit.benefitId);
    }
  }
  for (const counted of base.realisations) {
    const recipient = at(counted.benefit.recipientUnitId);
    if (counted.valued) {
      // a disbenefit is never withdrawable, so it does not count as cash released
      if (counted.benefit.cashReleasing && !counted.benefit.disbenefit) add(cashReleasing, recipient, counted.ore);
    } else {
      add(nonValuedRealisations, recipient, 1);
      let set = nonValuedBenefits.get(recipient);
      if (!set) nonValuedBenefits.set(recipient, (set = new Set()));
      set.add(counted.benefit.benefitId);
    }
  }

  const settledIn = new Map<string, Ore>();
  const settledOut = new Map<string, Ore>();
  const settledWithin = new Map<string, Ore>();
  for (const s of facts.settlements.values()) {
    if (!inSpan(s.period)) continue;
    const from = at(s.fromUnitId);
    const to = at(s.toUnitId);
    rowIds.add(from).add(to);
    add(settledOut, from, s.amountOre);
    add(settledIn, to, s.amountOre);
    if (from === to) add(settledWithin, from, s.amountOre);
  }

  return {
    ...assembleLedgerReport(
      { rowIds, flows: flowMap, costs, planned, cashReleasing, withdrawn, settledIn, settledOut, settledWithin, nonValuedBenefits, nonValuedRealisations },
      options,
    ),
    projects: base.projects,
  };
}
