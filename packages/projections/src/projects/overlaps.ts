import type { DeclaredOverlap, OverlapSide } from '@gevinst/domain/answers';
import type { UnitsRegistry } from '../units/UnitsRegistry';
import type { PortfolioModel } from './PortfolioModel';

/** `GET /api/portfolio/overlaps`: every declared overlap, newest first, with both benefits and their projects. */
export const declaredOverlaps = (portfolio: PortfolioModel, units: UnitsRegistry): DeclaredOverlap[] => {
  const side = (benefitId: string, sharePercent: number): OverlapSide => {
    const b = portfolio.benefits.get(benefitId);
    const projectId = b?.projectId ?? '';
    return {
      benefitId,
      title: b?.title ?? benefitId,
      projectId,
      projectName: portfolio.projects.get(projectId)?.name ?? null,
      sharePercent,
      cancelled: b?.cancelled ?? false,
    };
  };
  return portfolio.overlaps
    .map((o): DeclaredOverlap => {
      const b = portfolio.benefits.get(o.benefitId);
      const recipientUnitId = b?.recipientUnitId ?? '';
      return {
        benefit: side(o.benefitId, o.sharePercent),
        other: side(o.otherBenefitId, o.otherSharePercent),
        recipientUnitId,
        recipientUnitName: units.get(recipientUnitId)?.name ?? null,
        indicator: b?.indicator ?? '',
        unitOfMeasure: b?.unitOfMeasure ?? '',
        totalPercent: o.sharePercent + o.otherSharePercent,
        declaredAt: o.ref.recordedAt,
        declaredBy: o.ref.userId,
      };
    })
    .reverse();
};
