import { costTerms } from '../ledger/costs';
import type { BenefitFact, CostFact, LedgerFacts } from '../ledger/facts';
import type { RateBook, RateChoice } from '../valuation/rates';
import { forecastEntries, isCashReleasing, pricedByYear, yearOfPeriod, type BenefitToValue, type PricingBasis } from '../valuation/value';
import { analyseCostBenefit, sensitivity, type CostBenefitParameters, type CostBenefitResult, type SensitivityRow, type YearFlow } from './analysis';
import type { CostBenefitSettings } from './settings';

/** Everything a kost/nytte analysis reads: the ledger's facts, each benefit's unit of measure, the timesatser, the settings. */
export interface CostBenefitSource {
  facts: LedgerFacts;
  unitOfMeasure: (benefitId: string) => string | null;
  rates: RateBook;
  settings: CostBenefitSettings;
}

/** What to analyse: one project, or the portfolio (`projectId` null), with the parameters a person may override. */
export interface CostBenefitQuery {
  projectId: string | null;
  /** the budget year now: realised-so-far counts costs through this year */
  currentYear: number;
  from?: number | null;
  years?: number | null;
  discountRatePct?: number | null;
  priceYear?: number | null;
  /** the portfolio's projects to include (e.g. the reader's scope); all when absent */
  includeProject?: (projectId: string) => boolean;
}

export type ScenarioKey = 'planned' | 'forecast' | 'realised';

export interface CostBenefitBenefitLine {
  benefitId: string;
  projectId: string | null;
  title: string;
  basis: PricingBasis;
  cashReleasing: boolean;
  disbenefit: boolean;
  /** forecast, nominal øre over the analysis period (signed: a disbenefit is negative) */
  forecastOre: number;
}

export interface CostBenefitReport {
  scope: { projectId: string | null; name: string };
  parameters: CostBenefitParameters & { defaultsSet: boolean; priceIndexSources: { year: number; index: number; source: string }[] };
  scenarios: Record<ScenarioKey, CostBenefitResult>;
  /** ±20 % on the forecast */
  sensitivity: SensitivityRow[];
  benefits: CostBenefitBenefitLine[];
  unpricedBenefits: number;
  /** every timesats the analysis used (unit, year, source), once each */
  ratesUsed: RateChoice[];
  notes: string[];
}

const addFlow = (map: Map<number, YearFlow>, year: number, f: Partial<YearFlow>) => {
  const cur = map.get(year) ?? { year, costsOre: 0, benefitsOre: 0, cashReleasingOre: 0 };
  cur.costsOre += f.costsOre ?? 0;
  cur.benefitsOre += f.benefitsOre ?? 0;
  cur.cashReleasingOre = (cur.cashReleasingOre ?? 0) + (f.cashReleasingOre ?? 0);
  map.set(year, cur);
};

/** The benefit as valuation reads it. */
export const benefitToValue = (b: BenefitFact, unitOfMeasure: string | null): BenefitToValue => ({
  benefitId: b.benefitId,
  projectId: b.projectId,
  title: b.title,
  recipientUnitId: b.recipientUnitId,
  unitOfMeasure,
  category: b.category,
  cashReleasing: b.cashReleasing,
  disbenefit: b.disbenefit,
  valuationOrePerUnit: b.valuationOrePerUnit,
  cancelled: b.cancelled,
  unplanned: b.unplanned,
  plan: b.plan,
  originalPlan: b.originalPlan,
  realisations: [...b.realisations.values()].map((r) => ({ period: r.period, quantity: r.quantity, valueOre: r.valueOre })),
});

/** The years a cost counts in (an open-ended annual cost through `lastYear`), each with its amount. */
function costYears(cost: CostFact, lastYear: number): number[] {
  const t = costTerms(cost);
  if (!t.annual) return [yearOfPeriod(cost.period)];
  const out: number[] = [];
  for (let y = t.firstYear; y <= Math.min(t.lastYear, lastYear); y++) out.push(y);
  return out;
}

/**
 * Kost/nytte for a project or the portfolio: yearly flows in three scenarios — planned (the plan as
 * first made), forecast (realised periods as realised, the rest as last revised) and realised so far
 * (realisations, and costs through the current year) — in fixed prices, discounted, with ±20 %
 * sensitivity on the forecast. Pure: everything comes from `source`.
 */
export function costBenefitReport(source: CostBenefitSource, q: CostBenefitQuery): CostBenefitReport {
  const { facts, settings } = source;
  const projects = q.projectId !== null ? [facts.projects.get(q.projectId)].filter((p) => !!p) : [...facts.projects.values()].filter((p) => !q.includeProject || q.includeProject(p.projectId));
  const projectIds = new Set(projects.map((p) => p.projectId));
  const benefits = [...facts.benefits.values()].filter((b) => b.projectId !== null && projectIds.has(b.projectId));
  const values = benefits.map((b) => benefitToValue(b, source.unitOfMeasure(b.benefitId)));

  // the analysis period: from the first year with a fact, or the year asked for
  let firstYear = Number.POSITIVE_INFINITY;
  for (const p of projects) for (const c of p.costs) firstYear = Math.min(firstYear, c.kind === 'annual' ? costTerms(c).firstYear : yearOfPeriod(c.period));
  for (const b of values) for (const e of [...b.originalPlan, ...b.plan, ...b.realisations]) firstYear = Math.min(firstYear, yearOfPeriod(e.period));
  const from = q.from ?? (Number.isFinite(firstYear) ? firstYear : q.currentYear);
  const years = q.years ?? settings.defaults.analysisYears;
  const last = from + years - 1;
  const params: CostBenefitParameters = {
    from,
    years,
    discountRatePct: q.discountRatePct ?? settings.defaults.discountRatePct,
    priceYear: q.priceYear ?? settings.defaults.priceYear ?? from,
    priceIndex: Object.fromEntries(Object.entries(settings.priceIndex).map(([y, e]) => [y, e.index])),
    costsIncludeMva: settings.defaults.costsIncludeMva,
    mvaRatePct: settings.defaults.mvaRatePct,
  };

  const flows: Record<ScenarioKey, Map<number, YearFlow>> = { planned: new Map(), forecast: new Map(), realised: new Map() };
  for (const p of projects)
    for (const c of p.costs)
      for (const y of costYears(c, Math.max(last, q.currentYear))) {
        addFlow(flows.planned, y, { costsOre: c.amountOre });
        addFlow(flows.forecast, y, { costsOre: c.amountOre });
        if (y <= q.currentYear) addFlow(flows.realised, y, { costsOre: c.amountOre });
      }

  const rates = new Map<string, RateChoice>();
  const lines: CostBenefitBenefitLine[] = [];
  let unpriced = 0;
  for (const b of values) {
    const sign = b.disbenefit ? -1 : 1;
    const cash = isCashReleasing(b);
    let anyPriced = false;
    let forecastTotal = 0;
    let basis: PricingBasis = 'unpriced';
    const scenarioEntries: Record<ScenarioKey, { period: string; quantity: number; valueOre?: number }[]> = {
      planned: [...b.originalPlan],
      forecast: forecastEntries(b),
      realised: [...b.realisations],
    };
    for (const key of ['planned', 'forecast', 'realised'] as const) {
      for (const [year, priced] of pricedByYear(b, source.rates, scenarioEntries[key])) {
        if (priced.rate?.rateOre != null && year >= from && year <= last) rates.set(`${priced.rate.rateUnitId}:${priced.rate.rateYear}`, priced.rate);
        if (priced.ore === null) continue;
        anyPriced = true;
        if (key === 'forecast') {
          basis = priced.basis;
          if (year >= from && year <= last) forecastTotal += sign * priced.ore;
        }
        addFlow(flows[key], year, { benefitsOre: sign * priced.ore, cashReleasingOre: cash ? sign * priced.ore : 0 });
      }
    }
    if (!anyPriced) unpriced++;
    lines.push({ benefitId: b.benefitId, projectId: b.projectId, title: b.title, basis, cashReleasing: cash, disbenefit: b.disbenefit, forecastOre: forecastTotal });
  }

  const list = (m: Map<number, YearFlow>) => [...m.values()].sort((a, b) => a.year - b.year);
  const scenarios = {
    planned: analyseCostBenefit(list(flows.planned), params),
    forecast: analyseCostBenefit(list(flows.forecast), params),
    realised: analyseCostBenefit(list(flows.realised), params),
  };
  const notes: string[] = [];
  notes.push(
    params.costsIncludeMva
      ? `Kostnadene er registrert med mva; mva (${String(params.mvaRatePct).replace('.', ',')} %) er trukket ut og vist på egen linje (mva-kompensasjon).`
      : 'Kostnadene er registrert uten mva (kommunen får mva-kompensasjon); mva-linjen er derfor null.',
  );
  if (Object.keys(params.priceIndex).length === 0) notes.push('Ingen prisindeks er satt: beløpene står i løpende priser.');
  if (!settings.defaultsSet) notes.push('Standardverdier fra DFØs veileder: kalkulasjonsrente 4 % (reell), analyseperiode 10 år.');
  if (unpriced > 0) notes.push(`${unpriced} gevinst(er) er ikke prissatt og inngår ikke i nåverdien.`);
  if (scenarios.forecast.outside.costsOre !== 0 || scenarios.forecast.outside.benefitsOre !== 0)
    notes.push('Noen kostnader eller gevinster ligger utenfor analyseperioden og er holdt utenfor.');
  const name = q.projectId === null ? 'Porteføljen' : (projects[0]?.name ?? q.projectId);
  return {
    scope: { projectId: q.projectId, name },
    parameters: {
      ...params,
      defaultsSet: settings.defaultsSet,
      priceIndexSources: Object.entries(settings.priceIndex)
        .map(([y, e]) => ({ year: Number(y), index: e.index, source: e.source }))
        .sort((a, b) => a.year - b.year),
    },
    scenarios,
    sensitivity: sensitivity(list(flows.forecast), params),
    benefits: lines,
    unpricedBenefits: unpriced,
    ratesUsed: [...rates.values()].sort((a, b) => (a.rateUnitName ?? '').localeCompare(b.rateUnitName ?? '') || (a.rateYear ?? 0) - (b.rateYear ?? 0)),
    notes,
  };
}

export interface CostBenefitScenarioSummary {
  pvCostsOre: number;
  pvBenefitsOre: number;
  npvOre: number;
  mvaOre: number;
  paybackYear: number | null;
}

/** The kost/nytte in brief, for the tertial report: the three scenarios' present values, the parameters and the notes. */
export interface CostBenefitSummary {
  scope: CostBenefitReport['scope'];
  parameters: CostBenefitReport['parameters'];
  planned: CostBenefitScenarioSummary;
  forecast: CostBenefitScenarioSummary;
  realised: CostBenefitScenarioSummary;
  sensitivity: SensitivityRow[];
  unpricedBenefits: number;
  ratesUsed: RateChoice[];
  notes: string[];
}

const brief = (r: CostBenefitResult): CostBenefitScenarioSummary => ({
  pvCostsOre: r.pvCostsOre,
  pvBenefitsOre: r.pvBenefitsOre,
  npvOre: r.npvOre,
  mvaOre: r.mvaOre,
  paybackYear: r.paybackYear,
});

/** `costBenefitReport` in brief (no yearly rows): what the tertial report prints. Pure. */
export function costBenefitSummary(source: CostBenefitSource, q: CostBenefitQuery): CostBenefitSummary {
  const r = costBenefitReport(source, q);
  return {
    scope: r.scope,
    parameters: r.parameters,
    planned: brief(r.scenarios.planned),
    forecast: brief(r.scenarios.forecast),
    realised: brief(r.scenarios.realised),
    sensitivity: r.sensitivity,
    unpricedBenefits: r.unpricedBenefits,
    ratesUsed: r.ratesUsed,
    notes: r.notes,
  };
}
