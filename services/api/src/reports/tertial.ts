import { computePortfolio } from '@gevinst/domain/status';
import { buildTertialReport, reportCostBenefitOf, withCostBenefit, type TertialReport } from '@gevinst/domain/report';
import { costBenefitSummary } from '@gevinst/domain/valuation';
import type { BenefitView } from '@gevinst/domain/answers';
import { costBenefitSourceOf, scorecardOf, unitEntries } from '@gevinst/projections';
import type { ModelsAsOf } from './pastModels';

/**
 * Gathers the answers the tertial report is built from — out of the read models as they stood at
 * `asOf` — and builds the report's model (the domain's pure `buildTertialReport`). `inScope` is the
 * reader's reach: benefits outside it are left out of the målekort and the lists.
 */
export const tertialReportOf = (m: ModelsAsOf, q: { tertial: string; unitId: string; inScope: (unitId: string) => boolean }): TertialReport => {
  const org = { mode: 'date' as const, date: m.date };
  const depth = m.units.depthOf(q.unitId);
  const span = { from: q.tertial, to: q.tertial, org };
  const judged = { ...span, asOf: m.asOf.instant };
  const ledger = m.ledger.report({ ...span, level: depth + 1 });
  const unitNames: Record<string, string> = {};
  for (const id of m.units.ids()) unitNames[id] = m.units.get(id)?.name ?? id;
  const subtree = m.units.ids().filter((id) => m.units.isWithin(id, q.unitId));
  const benefits: BenefitView[] = [];
  for (const id of m.portfolio.benefits.keys()) {
    const view = m.projects.benefit(id);
    if (view && q.inScope(view.recipientUnitId)) benefits.push(view);
  }
  const recipient = (benefitId: string) => m.portfolio.benefits.get(benefitId)?.recipientUnitId;
  const scorecard = scorecardOf(
    {
      goals: m.goals,
      unitName: (id) => m.units.get(id)?.name ?? null,
      projectName: (id) => m.portfolio.projects.get(id)?.name ?? null,
      benefit: (id) => m.projects.benefit(id),
      mayReadBenefit: (id) => {
        const unit = recipient(id);
        return unit !== undefined && q.inScope(unit);
      },
    },
    unitEntries(m.goals, q.unitId),
    { goalId: null, unitId: q.unitId },
  );
  // kost/nytte of the projects owned in the unit's part of the tree that the reader reaches, as known at asOf
  const costBenefit = costBenefitSummary(costBenefitSourceOf(m), {
    projectId: null,
    currentYear: Number(q.tertial.slice(0, 4)),
    includeProject: (projectId) => {
      const owner = m.portfolio.projects.get(projectId)?.ownerUnitId;
      return owner !== undefined && m.units.isWithin(owner, q.unitId) && q.inScope(owner);
    },
  });
  const report = buildTertialReport({
    tertial: q.tertial,
    unitId: q.unitId,
    asOf: m.asOf.instant,
    unitNames,
    subtree,
    portfolioTotal: computePortfolio(m.ledger.facts, { ...judged, level: depth }),
    portfolio: computePortfolio(m.ledger.facts, { ...judged, level: depth + 1 }),
    ledger: ledger,
    balances: ledger.balances,
    benefits,
    projects: [...m.portfolio.projects.values()].map((p) => ({ projectId: p.id, name: p.name, phase: p.phase })),
    scorecard,
  });
  return withCostBenefit(report, reportCostBenefitOf(costBenefit));
};
