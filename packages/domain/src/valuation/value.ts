import type { BenefitCategory } from '../events';
import { formatKroner, MINUS, multiplyOre, NBSP } from '../money';
import { decimalRatio, times } from '../costBenefit/exact';
import { rateFor, type RateBook, type RateChoice } from './rates';
import { hoursPerUnit } from './timeUnits';

/** What valuation needs to know of a benefit (from the ledger's facts and the benefit's unit of measure). */
export interface BenefitToValue {
  benefitId: string;
  projectId: string | null;
  title: string;
  recipientUnitId: string;
  unitOfMeasure: string | null;
  category: BenefitCategory;
  cashReleasing: boolean;
  disbenefit: boolean;
  valuationOrePerUnit: number | null;
  cancelled: boolean;
  unplanned: boolean;
  /** the plan as last revised (the forecast) */
  plan: readonly { period: string; quantity: number }[];
  /** the plan as first made */
  originalPlan: readonly { period: string; quantity: number }[];
  /** the latest realisation per period, with the value fixed when it was recorded */
  realisations: readonly { period: string; quantity: number; valueOre: number }[];
}

/**
 * How an amount was priced: `rate` (hours × the unit's timesats), `valuation` (quantity × the
 * benefit's own kroner per unit), `recorded` (the value fixed on a realisation of a benefit not in
 * time), `unpriced` (ikke-prissatt: no kroner).
 */
export type PricingBasis = 'rate' | 'valuation' | 'recorded' | 'unpriced';

export interface PricedAmount {
  basis: PricingBasis;
  /** the amount in øre (positive; a disbenefit's sign is applied by the caller); null when unpriced */
  ore: number | null;
  hours: number | null;
  rate: RateChoice | null;
}

export const yearOfPeriod = (period: string): number => Number(period.slice(0, 4));

/** quantity × hours per unit × øre per hour, exact, rounded half away from zero like every quantity × price (`multiplyOre`) */
function hoursTimesRate(quantity: number, perUnit: { num: bigint; den: bigint }, rateOre: number): number {
  const r = times(decimalRatio(quantity), perUnit);
  const num = r.num * BigInt(rateOre);
  const abs = num < 0n ? -num : num;
  const rounded = (abs * 2n + r.den) / (2n * r.den);
  return Number(num < 0n ? -rounded : rounded);
}

/** The hours a quantity of the benefit's unit is (null when it is not measured in time). */
export function hoursOf(benefit: Pick<BenefitToValue, 'unitOfMeasure'>, quantity: number): number | null {
  const per = hoursPerUnit(benefit.unitOfMeasure);
  if (!per) return null;
  return (quantity * Number(per.num)) / Number(per.den);
}

/**
 * Prices a quantity of the benefit in a year: time at the receiving unit's timesats for the year
 * (see `rateFor`); without a rate, or not in time, the benefit's own kroner per unit; else
 * unpriced. A realisation of a benefit not in time keeps the value fixed on it (`recordedOre`).
 */
export function priceQuantity(benefit: BenefitToValue, book: RateBook, year: number, quantity: number, recordedOre?: number): PricedAmount {
  if (benefit.category === 'unpriced') return { basis: 'unpriced', ore: null, hours: null, rate: null };
  const per = hoursPerUnit(benefit.unitOfMeasure);
  if (per) {
    const rate = rateFor(book, benefit.recipientUnitId, year);
    const hours = hoursOf(benefit, quantity);
    if (rate.rateOre !== null) return { basis: 'rate', ore: hoursTimesRate(quantity, per, rate.rateOre), hours, rate };
    if (benefit.valuationOrePerUnit !== null) return { basis: 'valuation', ore: multiplyOre(quantity, benefit.valuationOrePerUnit), hours, rate };
    return { basis: 'unpriced', ore: null, hours, rate };
  }
  if (recordedOre !== undefined && (benefit.valuationOrePerUnit !== null || benefit.unplanned)) return { basis: 'recorded', ore: recordedOre, hours: null, rate: null };
  if (benefit.valuationOrePerUnit !== null) return { basis: 'valuation', ore: multiplyOre(quantity, benefit.valuationOrePerUnit), hours: null, rate: null };
  return { basis: 'unpriced', ore: null, hours: null, rate: null };
}

/** `1 250`, `1 250,5`: a number the Norwegian way (no-break spaces between thousands, decimal comma). */
export function formatNumberNb(value: number, maxDecimals = 2): string {
  const rounded = Math.round(Math.abs(value) * 10 ** maxDecimals) / 10 ** maxDecimals;
  const [whole, fraction] = String(rounded).split('.');
  const text = (whole ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, NBSP) + (fraction ? `,${fraction}` : '');
  return value < 0 && rounded !== 0 ? `${MINUS}${text}` : text;
}

const kroner = (ore: number): string => formatKroner(ore, { wholeKroner: ore % 100 === 0 });

/** «lønn kr 437 + arbeidsgiveravgift kr 62 + sosiale kostnader kr 146 (KS lønnsstatistikk 2026)» */
export function describeRateSource(source: RateChoice['source']): string {
  if (!source) return 'ingen kilde';
  const parts = `lønn ${kroner(source.wageOre)} + arbeidsgiveravgift ${kroner(source.employerContributionOre)} + sosiale kostnader ${kroner(source.socialCostsOre)}`;
  return source.note ? `${source.note} (${parts})` : parts;
}

/** «1 250 timer × kr 612 = kr 765 000, timesats 2026 for Hjemmetjenesten, kilde: …», or why there is no amount */
export function describeValuation(hours: number, rate: RateChoice, ore: number | null): string {
  if (rate.rateOre === null || ore === null)
    return `${formatNumberNb(hours)} timer, ingen timesats for ${rate.carrierName} i ${rate.year} eller tidligere: ikke verdsatt i kroner`;
  const whose =
    rate.rule === 'parent'
      ? `timesats ${rate.rateYear} for ${rate.rateUnitName} (overordnet enhet; ${rate.carrierName} har ingen egen)`
      : rate.rule === 'earlierYear'
        ? `timesats ${rate.rateYear} for ${rate.rateUnitName} (ingen timesats for ${rate.year}; siste tidligere år brukt)`
        : `timesats ${rate.rateYear} for ${rate.rateUnitName}`;
  return `${formatNumberNb(hours)} timer × ${kroner(rate.rateOre)} = ${kroner(ore)}, ${whose}, kilde: ${describeRateSource(rate.source)}`;
}

export interface ValuedYear {
  year: number;
  plannedQuantity: number;
  forecastQuantity: number;
  realisedQuantity: number;
  /** forecast in hours (realised where a period is realised, else the revised plan); null when not in time */
  hours: number | null;
  realisedHours: number | null;
  plannedOre: number | null;
  forecastOre: number | null;
  realisedOre: number | null;
  basis: PricingBasis;
  rate: RateChoice | null;
  /** how the forecast amount was reached, in words */
  text: string;
}

export interface BenefitValuation {
  benefitId: string;
  title: string;
  unitOfMeasure: string | null;
  timeMeasured: boolean;
  /** frigjort tid is not cash-releasing unless the benefit is a `budget` benefit */
  cashReleasing: boolean;
  disbenefit: boolean;
  category: BenefitCategory;
  years: ValuedYear[];
  totals: { plannedOre: number; forecastOre: number; realisedOre: number; hours: number | null; realisedHours: number | null };
}

const sumByYear = (entries: readonly { period: string; quantity: number }[]): Map<number, number> => {
  const out = new Map<number, number>();
  for (const e of entries) out.set(yearOfPeriod(e.period), (out.get(yearOfPeriod(e.period)) ?? 0) + e.quantity);
  return out;
};

/** Whether the benefit's gain can be taken out of a budget: time freed counts as cash-releasing only for a `budget` benefit. */
export const isCashReleasing = (b: Pick<BenefitToValue, 'unitOfMeasure' | 'category' | 'cashReleasing'>): boolean =>
  hoursPerUnit(b.unitOfMeasure) ? b.category === 'budget' : b.cashReleasing;

/**
 * The forecast per period: each realised period's quantity and recorded value, and the revised plan
 * for the periods not yet realised.
 */
export function forecastEntries(b: BenefitToValue): { period: string; quantity: number; valueOre?: number }[] {
  const realised = new Map(b.realisations.map((r) => [r.period, r]));
  const out: { period: string; quantity: number; valueOre?: number }[] = b.cancelled ? [] : b.plan.filter((e) => !realised.has(e.period)).map((e) => ({ ...e }));
  for (const r of b.realisations) out.push({ period: r.period, quantity: r.quantity, valueOre: r.valueOre });
  return out;
}

/** Prices entries per year: for time at the year's rate; realisations not in time at their recorded value. */
export function pricedByYear(b: BenefitToValue, book: RateBook, entries: readonly { period: string; quantity: number; valueOre?: number }[]) {
  const byYear = new Map<number, { quantity: number; recorded: number | undefined; allRecorded: boolean }>();
  for (const e of entries) {
    const y = yearOfPeriod(e.period);
    const cur = byYear.get(y) ?? { quantity: 0, recorded: 0, allRecorded: true };
    cur.quantity += e.quantity;
    if (e.valueOre === undefined) cur.allRecorded = false;
    else cur.recorded = (cur.recorded ?? 0) + e.valueOre;
    byYear.set(y, cur);
  }
  const out = new Map<number, PricedAmount & { quantity: number }>();
  for (const [year, v] of byYear) {
    // a year mixing realised and planned periods of a benefit not in time: price it all by its own kroner per unit
    const priced = priceQuantity(b, book, year, v.quantity, v.allRecorded ? v.recorded : undefined);
    out.set(year, { ...priced, quantity: v.quantity });
  }
  return out;
}

/** The benefit valued per budget year: planned, forecast and realised, with the rate and source each used. */
export function valueBenefit(b: BenefitToValue, book: RateBook): BenefitValuation {
  const planned = pricedByYear(b, book, b.originalPlan);
  const forecast = pricedByYear(b, book, forecastEntries(b));
  const realised = pricedByYear(b, book, b.realisations);
  const plannedQ = sumByYear(b.originalPlan);
  const years = [...new Set([...planned.keys(), ...forecast.keys(), ...realised.keys()])].sort((a, c) => a - c);
  const timeMeasured = hoursPerUnit(b.unitOfMeasure) !== null;
  const rows: ValuedYear[] = years.map((year) => {
    const f = forecast.get(year);
    const r = realised.get(year);
    const p = planned.get(year);
    const rate = f?.rate ?? r?.rate ?? p?.rate ?? (timeMeasured ? rateFor(book, b.recipientUnitId, year) : null);
    const hours = timeMeasured ? (f?.hours ?? 0) : null;
    const basis = f?.basis ?? r?.basis ?? p?.basis ?? 'unpriced';
    const forecastOre = f ? f.ore : basis === 'unpriced' ? null : 0;
    const text =
      timeMeasured && rate
        ? describeValuation(hours ?? 0, rate, f?.basis === 'rate' ? (forecastOre ?? 0) : null) +
          (f?.basis === 'valuation' ? `; verdsatt med gevinstens egen kronesats (${kroner(b.valuationOrePerUnit ?? 0)} per ${b.unitOfMeasure})` : '')
        : basis === 'unpriced'
          ? 'Ikke prissatt'
          : `${formatNumberNb(f?.quantity ?? 0)} ${b.unitOfMeasure ?? ''} = ${kroner(forecastOre ?? 0)} (gevinstens egen kronesats${b.valuationOrePerUnit !== null ? ` ${kroner(b.valuationOrePerUnit)} per ${b.unitOfMeasure}` : ''})`;
    return {
      year,
      plannedQuantity: plannedQ.get(year) ?? 0,
      forecastQuantity: f?.quantity ?? 0,
      realisedQuantity: r?.quantity ?? 0,
      hours,
      realisedHours: timeMeasured ? (r?.hours ?? 0) : null,
      plannedOre: p ? p.ore : basis === 'unpriced' ? null : 0,
      forecastOre,
      realisedOre: r ? r.ore : basis === 'unpriced' ? null : 0,
      basis,
      rate,
      text,
    };
  });
  const total = (f: (y: ValuedYear) => number | null) => rows.reduce((s, y) => s + (f(y) ?? 0), 0);
  return {
    benefitId: b.benefitId,
    title: b.title,
    unitOfMeasure: b.unitOfMeasure,
    timeMeasured,
    cashReleasing: isCashReleasing(b),
    disbenefit: b.disbenefit,
    category: b.category,
    years: rows,
    totals: {
      plannedOre: total((y) => y.plannedOre),
      forecastOre: total((y) => y.forecastOre),
      realisedOre: total((y) => y.realisedOre),
      hours: timeMeasured ? total((y) => y.hours) : null,
      realisedHours: timeMeasured ? total((y) => y.realisedHours) : null,
    },
  };
}
