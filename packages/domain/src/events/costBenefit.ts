import { z } from 'zod';
import { nullableDefault, TextSchema } from './primitives';

/** A year a kost/nytte figure may be about (budget years, as in the rest of the catalogue). */
const YearSchema = z.int({ error: 'Må være et årstall (f.eks. 2026)' }).min(1900, { error: 'Året må være 1900 eller senere' }).max(2200, { error: 'Året må være 2200 eller tidligere' });

/** per cent with at most two decimals (a whole number of basis points) */
const percentWithin = (max: number, what: string) =>
  z
    .number({ error: `${what} må være et tall` })
    .min(0, { error: `${what} kan ikke være negativ` })
    .max(max, { error: `${what} kan ikke være over ${max} %` })
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, { error: `${what} kan ha høyst to desimaler` });

/**
 * The installation's defaults for kost/nytte (DFØ's guidance: real discount rate 4 %), set by finance.
 * `analysisYears` is capped at 40: DFØ's 4 % holds for the first 40 years (lower rates after).
 * `costsIncludeMva`: whether recorded costs include mva; when true, mva at `mvaRatePct` is taken out of
 * them (mva-kompensasjon) and shown as its own line. `priceYear` null: the analysis's first year.
 */
export const CostBenefitDefaultsSetSchema = z.object({
  discountRatePct: percentWithin(20, 'Kalkulasjonsrenten'),
  analysisYears: z.int({ error: 'Analyseperioden må være et helt antall år' }).min(1, { error: 'Analyseperioden må være minst 1 år' }).max(40, { error: 'Analyseperioden kan ikke være over 40 år' }),
  priceYear: nullableDefault(YearSchema),
  costsIncludeMva: z.boolean({ error: 'Må være sann eller usann' }),
  mvaRatePct: percentWithin(100, 'Mva-satsen'),
  note: nullableDefault(TextSchema),
});

/** A price index (e.g. SSB's KPI or the deflator for kommunal konsum) for one year; a later one for the same year replaces it. */
export const PriceIndexSetSchema = z.object({
  year: YearSchema,
  index: z
    .number({ error: 'Indeksen må være et tall' })
    .gt(0, { error: 'Indeksen må være større enn null' })
    .max(100_000, { error: 'Indeksen er for stor' })
    .refine((v) => Math.abs(v * 10_000 - Math.round(v * 10_000)) < 1e-6, { error: 'Indeksen kan ha høyst fire desimaler' }),
  source: TextSchema.min(1, { error: 'Kilden må fylles ut' }),
});

export const costBenefitEventSchemas = {
  CostBenefitDefaultsSet: CostBenefitDefaultsSetSchema,
  PriceIndexSet: PriceIndexSetSchema,
} as const;
