import type { BenefitValuationAnswer, CostBenefitReportAnswer, CostBenefitSettingsAnswer } from '@gevinst/domain/answers';
import { get, post, query } from '../../api/client';

/** The valuation and kost/nytte reads (shapes defined once in the domain's answers). */
export const valuationApi = {
  benefit: (benefitId: string) => get<BenefitValuationAnswer>(`/api/valuation/benefits/${encodeURIComponent(benefitId)}`),
  costBenefit: (q: { project: string | null; from?: string | null; years?: string | null; rate?: string | null; priceYear?: string | null }) =>
    get<CostBenefitReportAnswer>(
      `/api/cost-benefit${query({ project: q.project, portfolio: q.project ? null : '1', from: q.from ?? null, years: q.years ?? null, rate: q.rate ?? null, priceYear: q.priceYear ?? null })}`,
    ),
  settings: () => get<CostBenefitSettingsAnswer>('/api/cost-benefit/settings'),
  setDefaults: (body: { discountRatePct: number; analysisYears: number; priceYear?: number | null; costsIncludeMva: boolean; mvaRatePct?: number; note?: string | null }) =>
    post<unknown>('/api/cost-benefit/settings', body),
  setPriceIndex: (body: { year: number; index: number; source: string }) => post<unknown>('/api/cost-benefit/price-index', body),
};

export type { BenefitValuationAnswer, CostBenefitReportAnswer, CostBenefitSettingsAnswer };
