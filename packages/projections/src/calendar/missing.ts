import { missingForTertial, type BenefitRecordFacts } from '@gevinst/domain/calendar';
import type { MissingBenefit } from '@gevinst/domain/answers';
import type { BenefitState } from '../projects/model';
import type { PortfolioModel } from '../projects/PortfolioModel';

/** What the domain's «what is missing» needs of a benefit in the portfolio read model. */
export const recordFactsOf = (b: BenefitState, projectName: string | null): BenefitRecordFacts => ({
  benefitId: b.id,
  title: b.title,
  projectId: b.projectId,
  projectName,
  recipientUnitId: b.recipientUnitId,
  owner: b.owner,
  cancelled: b.cancelled || b.unplanned,
  plan: b.plan.map((p) => p.period),
  measurementSchedule: b.measurementSchedule,
  realised: new Set(b.realisations.keys()),
  measured: new Set(b.measurements.flatMap((m) => (m.period ? [m.period] : []))),
});

/** The live benefits of open projects that still miss a value for the tertial, on the units `inScope` picks. */
export const missingInPortfolio = (portfolio: PortfolioModel, tertial: string, inScope: (unitId: string) => boolean): MissingBenefit[] => {
  const facts: BenefitRecordFacts[] = [];
  for (const b of portfolio.benefits.values()) {
    if (!inScope(b.recipientUnitId)) continue;
    const project = b.projectId ? portfolio.projects.get(b.projectId) : undefined;
    if (project?.closed) continue;
    facts.push(recordFactsOf(b, project?.name ?? null));
  }
  return missingForTertial(facts, tertial, inScope);
};
