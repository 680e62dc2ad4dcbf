import type { CostBenefitScenarioSummary, CostBenefitSummary } from '../costBenefit';
import { percent } from './format';
import type { ReportCostBenefit } from './model';

const payback = (s: CostBenefitScenarioSummary): string => (s.paybackYear === null ? 'ikke innen analyseperioden' : String(s.paybackYear));

/**
 * The kost/nytte summary as the tertial report prints it: present values for the plan, the forecast
 * and what is realised so far, the mva line, the payback year and the sensitivity; the parameters and
 * the analysis' own notes below. The figures are the valuation's (`costBenefitSummary`), unchanged.
 */
export const reportCostBenefitOf = (s: CostBenefitSummary): ReportCostBenefit => {
  const p = s.parameters;
  const scenario = (label: string, r: CostBenefitScenarioSummary) => [
    { label: `${label}: nåverdi kostnader`, ore: r.pvCostsOre, text: null },
    { label: `${label}: nåverdi prissatte gevinster`, ore: r.pvBenefitsOre, text: null },
    { label: `${label}: netto nåverdi`, ore: r.npvOre, text: null },
  ];
  return {
    title: 'Kost/nytte',
    lines: [
      ...scenario('Planlagt', s.planned),
      ...scenario('Prognose', s.forecast),
      ...scenario('Realisert hittil', s.realised),
      { label: 'Merverdiavgift (egen linje, prognose)', ore: s.forecast.mvaOre, text: null },
      { label: 'Inntjeningsår (prognose)', ore: null, text: payback(s.forecast) },
      ...s.sensitivity.map((row) => ({ label: `Følsomhet: ${row.label}`, ore: row.npvOre, text: null })),
    ],
    notes: [
      `Kalkulasjonsrente ${percent(p.discountRatePct)}, analyseperiode ${p.years} år fra ${p.from}, prisår ${p.priceYear}.`,
      // the analysis' own notes say what is not priced, which prices and which defaults
      ...s.notes,
    ],
  };
};
