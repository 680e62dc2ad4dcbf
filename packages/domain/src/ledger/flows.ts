import { multiplyOre, splitLargestRemainder, type Ore } from '../money';
import { costTerms, isOpenEnded, ledgerHorizonYear, timesInSpan, timesKnownAt } from './costs';
import { isValued, ledgerSign, type BenefitFact, type CostFact, type LedgerFacts, type RealisationFact } from './facts';
import { monthsOfPeriod, type MonthSpan } from './months';
import type { PeriodFilter } from './span-filter';

export type { Flow, UnitOre } from '../answers/ledger';
import type { Flow, UnitOre } from '../answers/ledger';

/** One project's part of the ledger, between units as registered (before any roll-up). */
export interface ProjectLedger {
  /** null for unplanned benefits recorded without a project */
  projectId: string | null;
  ownerUnitId: string | null;
  /** all recorded costs, whatever their period (an annual cost once a year through its end, or through the horizon) */
  totalCostOre: Ore;
  /** costs that count within the span */
  costsInSpanOre: Ore;
  /** cost per payer unit over all recorded costs, ordered by unit id (the shares of a gain use only the costs known for its period) */
  payers: UnitOre[];
  /** true when the project has no recorded cost, or some gain of the span came before any cost and flows from its owner unit */
  investorIsOwner: boolean;
  /** realised valued gain per recipient unit in the span, g_R(P) */
  gains: UnitOre[];
  gainsOre: Ore;
  /** investor → recipient (one per part of a split: a pair may repeat); for each recipient the flows add up exactly to its gain */
  flows: Flow[];
}

/** A realisation the ledger counted, with the benefit behind it. */
export interface CountedRealisation {
  benefit: BenefitFact;
  realisation: RealisationFact;
  /** signed NOK value in the ledger (a disbenefit counts negative); 0 when not valued */
  ore: Ore;
  valued: boolean;
}

export interface BaseLedger {
  projects: ProjectLedger[];
  realisations: CountedRealisation[];
}

const byUnitId = (a: { unitId: string }, b: { unitId: string }) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);

/** Valued planned NOK of the plan entries in the span (signed), 0 for unvalued or cancelled benefits. */
export function plannedOreInSpan(benefit: BenefitFact, inSpan: PeriodFilter): Ore {
  if (!isValued(benefit) || benefit.cancelled || benefit.valuationOrePerUnit === null) return 0;
  let sum = 0;
  for (const entry of benefit.plan) {
    if (inSpan(entry.period)) sum += multiplyOre(entry.quantity, benefit.valuationOrePerUnit);
  }
  return sum * ledgerSign(benefit);
}

const ALL: MonthSpan = { start: Number.NEGATIVE_INFINITY, end: Number.POSITIVE_INFINITY };

/**
 * The flows of every project between units as registered. A gain is split over the project's
 * payers in proportion to the costs known for its period: the costs whose period (for an annual
 * cost, each of its years) begins before the gain's period ends. A cost booked for a later period
 * never moves an earlier gain. The span's gains of a recipient that see the same shares are added up
 * and split together, by largest remainder. A gain with no cost known for its period has the
 * project's owner unit as investor; an unplanned benefit without a project has its recipient as
 * investor (a gain from its own effort).
 */
export function baseLedger(facts: LedgerFacts, inSpan: PeriodFilter, span: MonthSpan = ALL): BaseLedger {
  /** project → recipient → shares (JSON of [payer, weight] pairs, '' for the owner) → gain */
  const gainsByProject = new Map<string | null, Map<string, Map<string, Ore>>>();
  const realisations: CountedRealisation[] = [];
  const sharesKey = (projectId: string | null, period: string): string => {
    const project = projectId === null ? undefined : facts.projects.get(projectId);
    const endMonth = monthsOfPeriod(period).end;
    const byPayer = new Map<string, Ore>();
    for (const cost of project?.costs ?? []) {
      const times = timesKnownAt(costTerms(cost), endMonth);
      if (times > 0) byPayer.set(cost.payerUnitId, (byPayer.get(cost.payerUnitId) ?? 0) + cost.amountOre * times);
    }
    const weights = [...byPayer].filter(([, ore]) => ore !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return weights.length === 0 ? '' : JSON.stringify(weights);
  };

  for (const benefit of facts.benefits.values()) {
    const valued = isValued(benefit);
    const sign = ledgerSign(benefit);
    for (const realisation of benefit.realisations.values()) {
      if (!inSpan(realisation.period)) continue;
      const ore = valued ? realisation.valueOre * sign : 0;
      realisations.push({ benefit, realisation, ore, valued });
      if (!valued) continue;
      let gains = gainsByProject.get(benefit.projectId);
      if (!gains) gainsByProject.set(benefit.projectId, (gains = new Map<string, Map<string, Ore>>()));
      let byShares = gains.get(benefit.recipientUnitId);
      if (!byShares) gains.set(benefit.recipientUnitId, (byShares = new Map<string, Ore>()));
      const key = sharesKey(benefit.projectId, realisation.period);
      byShares.set(key, (byShares.get(key) ?? 0) + ore);
    }
  }

  const horizonYear = ledgerHorizonYear(facts);
  const projects: ProjectLedger[] = [];
  const projectIds = new Set<string | null>([...facts.projects.keys(), ...gainsByProject.keys()]);
  for (const projectId of projectIds) {
    const project = projectId === null ? undefined : facts.projects.get(projectId);
    const costs: CostFact[] = project?.costs ?? [];
    const byPayer = new Map<string, Ore>();
    let totalCostOre = 0;
    let costsInSpanOre = 0;
    for (const cost of costs) {
      const terms = costTerms(cost);
      const all = cost.amountOre * timesInSpan(terms, ALL, horizonYear);
      byPayer.set(cost.payerUnitId, (byPayer.get(cost.payerUnitId) ?? 0) + all);
      totalCostOre += all;
      costsInSpanOre += cost.amountOre * timesInSpan(terms, span, horizonYear);
    }
    const payers = [...byPayer].map(([unitId, ore]) => ({ unitId, ore })).sort(byUnitId);
    const byRecipient = gainsByProject.get(projectId) ?? new Map<string, Map<string, Ore>>();
    const gains = [...byRecipient]
      .map(([unitId, byShares]) => ({ unitId, ore: [...byShares.values()].reduce((a, b) => a + b, 0) }))
      .sort(byUnitId);
    const ownerUnitId = project?.ownerUnitId ?? null;
    let investorIsOwner = totalCostOre === 0 && !costs.some(isOpenEnded);

    const flows: Flow[] = [];
    const flow = (fromUnitId: string, toUnitId: string, ore: Ore) => flows.push({ fromUnitId, toUnitId, ore });
    for (const gain of gains) {
      for (const [key, ore] of byRecipient.get(gain.unitId) ?? []) {
        if (ore === 0) continue;
        if (key === '') {
          investorIsOwner = true;
          flow(ownerUnitId ?? gain.unitId, gain.unitId, ore);
          continue;
        }
        const shares = JSON.parse(key) as [string, Ore][];
        const parts = splitLargestRemainder(ore, shares.map(([, w]) => w));
        parts.forEach((part, i) => {
          const payer = shares[i];
          if (part !== 0 && payer) flow(payer[0], gain.unitId, part);
        });
      }
    }
    projects.push({
      projectId,
      ownerUnitId,
      totalCostOre,
      costsInSpanOre,
      payers,
      investorIsOwner,
      gains,
      gainsOre: gains.reduce((s, g) => s + g.ore, 0),
      flows,
    });
  }
  return { projects, realisations };
}
