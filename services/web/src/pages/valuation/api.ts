import type { BenefitValuationAnswer, CostBenefitReportAnswer, CostBenefitSettingsAnswer } from '@gevinst/domain/answers';
import { get, query } from '../../api/client';

/** The valuation and kost/nytte reads (shapes defined once in the domain's answers). */
export const valuationApi = {
  benefit: (benefitId: string) => get<BenefitValuationAnswer>(`/api/valuation/benefits/${encodeURIComponent(benefitId)}`),
  costBenefit: (q: { project: string | null; from?: string | null; years?: string | null; rate?: string | null; priceYear?: string | null }) =>
    get<CostBenefitReportAnswer>(
      `/api/cost-benefit${query({ project: q.project, portfolio: q.project ? null : '1', from: q.from ?? null, years: q.years ?? null, rate: q.rate ?? null, priceYear: q.priceYear ?? null })}`,
    ),
  settings: () => get<CostBenefitSettingsAnswer>('/api/cost-benefit/settings'),
};

export type { BenefitValuationAnswer, CostBenefitReportAnswer };
