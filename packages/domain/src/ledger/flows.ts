import { multiplyOre, splitLargestRemainder, type Ore } from '../money';
import { isValued, ledgerSign, type BenefitFact, type CostFact, type LedgerFacts, type RealisationFact } from './facts';
import type { PeriodFilter } from './span-filter';

export type { Flow, UnitOre } from '../answers/ledger';
import type { Flow, UnitOre } from '../answers/ledger';

/** One project's part of the ledger, between units as registered (before any roll-up). */
export interface ProjectLedger {
  /** null for unplanned benefits recorded without a project */
  projectId: string | null;
  ownerUnitId: string | null;
  /** all recorded costs, whatever their period: the base of the cost shares */
  totalCostOre: Ore;
  /** costs whose period lies within the span */
  costsInSpanOre: Ore;
  /** cost per payer unit over all recorded costs (the weights s_I(P)), ordered by unit id */
  payers: UnitOre[];
  /** true when the project has no recorded cost and its gains flow from its owner unit */
  investorIsOwner: boolean;
  /** realised valued gain per recipient unit in the span, g_R(P) */
  gains: UnitOre[];
  gainsOre: Ore;
  /** investor → recipient; for each recipient the flows add up exactly to its gain */
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

/**
 * The flows of every project between units as registered: each recipient's realised gain in the
 * span is split over the project's payers in proportion to their share of ALL its recorded costs,
 * by largest remainder. A project without costs has its owner unit as investor; an unplanned
 * benefit without a project has its recipient as investor (a gain from its own effort).
 */
export function baseLedger(facts: LedgerFacts, inSpan: PeriodFilter): BaseLedger {
  const gainsByProject = new Map<string | null, Map<string, Ore>>();
  const realisations: CountedRealisation[] = [];

  for (const benefit of facts.benefits.values()) {
    const valued = isValued(benefit);
    const sign = ledgerSign(benefit);
    for (const realisation of benefit.realisations.values()) {
      if (!inSpan(realisation.period)) continue;
      const ore = valued ? realisation.valueOre * sign : 0;
      realisations.push({ benefit, realisation, ore, valued });
      if (!valued) continue;
      let gains = gainsByProject.get(benefit.projectId);
      if (!gains) gainsByProject.set(benefit.projectId, (gains = new Map<string, Ore>()));
      gains.set(benefit.recipientUnitId, (gains.get(benefit.recipientUnitId) ?? 0) + ore);
    }
  }

  const projects: ProjectLedger[] = [];
  const projectIds = new Set<string | null>([...facts.projects.keys(), ...gainsByProject.keys()]);
  for (const projectId of projectIds) {
    const project = projectId === null ? undefined : facts.projects.get(projectId);
    const costs: CostFact[] = project?.costs ?? [];
    const byPayer = new Map<string, Ore>();
    let totalCostOre = 0;
    let costsInSpanOre = 0;
    for (const cost of costs) {
      byPayer.set(cost.payerUnitId, (byPayer.get(cost.payerUnitId) ?? 0) + cost.amountOre);
      totalCostOre += cost.amountOre;
      if (inSpan(cost.period)) costsInSpanOre += cost.amountOre;
    }
    const payers = [...byPayer].map(([unitId, ore]) => ({ unitId, ore })).sort(byUnitId);
    const gains = [...(gainsByProject.get(projectId) ?? new Map<string, Ore>())]
      .map(([unitId, ore]) => ({ unitId, ore }))
      .sort(byUnitId);
    const ownerUnitId = project?.ownerUnitId ?? null;
    const investorIsOwner = totalCostOre === 0;

    const flows: Flow[] = [];
    for (const gain of gains) {
      if (gain.ore === 0) continue;
      if (investorIsOwner) {
        flows.push({ fromUnitId: ownerUnitId ?? gain.unitId, toUnitId: gain.unitId, ore: gain.ore });
        continue;
      }
      const parts = splitLargestRemainder(gain.ore, payers.map((p) => p.ore));
      parts.forEach((ore, i) => {
        const payer = payers[i];
        if (ore !== 0 && payer) flows.push({ fromUnitId: payer.unitId, toUnitId: gain.unitId, ore });
      });
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
