import { z } from 'zod';
import { AnswerOreSchema } from './primitives';

/** The answers of valuation (timesats) and kost/nytte; the domain computes them in `src/valuation` and `src/costBenefit`. */

const RateSourceSchema = z.object({ wageOre: AnswerOreSchema, employerContributionOre: AnswerOreSchema, socialCostsOre: AnswerOreSchema, note: z.string().optional() });

export const RateChoiceSchema = z.object({
  rule: z.enum(['year', 'parent', 'earlierYear', 'missing']).describe('year: enhetens egen for året; parent: overordnet enhets; earlierYear: siste tidligere år; missing: ingen'),
  year: z.int(),
  carrierUnitId: z.string(),
  carrierName: z.string(),
  rateOre: AnswerOreSchema.nullable(),
  rateYear: z.int().nullable(),
  rateUnitId: z.string().nullable(),
  rateUnitName: z.string().nullable(),
  source: RateSourceSchema.nullable(),
  recordedAt: z.string().nullable(),
});
export type RateChoiceAnswer = z.infer<typeof RateChoiceSchema>;

const BasisSchema = z.enum(['rate', 'valuation', 'recorded', 'unpriced']);

export const ValuedYearSchema = z.object({
  year: z.int(),
  plannedQuantity: z.number(),
  forecastQuantity: z.number(),
  realisedQuantity: z.number(),
  hours: z.number().nullable(),
  realisedHours: z.number().nullable(),
  plannedOre: AnswerOreSchema.nullable(),
  forecastOre: AnswerOreSchema.nullable(),
  realisedOre: AnswerOreSchema.nullable(),
  basis: BasisSchema,
  rate: RateChoiceSchema.nullable(),
  text: z.string(),
});

/** `GET /api/valuation/benefits/:id`: the benefit valued in kroner per budget year, with the rate and source each year used. */
export const BenefitValuationSchema = z.object({
  benefitId: z.string(),
  title: z.string(),
  unitOfMeasure: z.string().nullable(),
  timeMeasured: z.boolean(),
  cashReleasing: z.boolean(),
  disbenefit: z.boolean(),
  category: z.enum(['budget', 'capacity', 'otherPublic', 'unpriced']),
  years: z.array(ValuedYearSchema),
  totals: z.object({
    plannedOre: AnswerOreSchema,
    forecastOre: AnswerOreSchema,
    realisedOre: AnswerOreSchema,
    hours: z.number().nullable(),
    realisedHours: z.number().nullable(),
  }),
});
export type BenefitValuationAnswer = z.infer<typeof BenefitValuationSchema>;

const CostBenefitYearSchema = z.object({
  year: z.int(),
  n: z.int(),
  index: z.number().nullable(),
  indexYear: z.int().nullable(),
  costsNominalOre: AnswerOreSchema,
  mvaOre: AnswerOreSchema,
  costsExMvaOre: AnswerOreSchema,
  costsRealOre: AnswerOreSchema,
  benefitsNominalOre: AnswerOreSchema,
  benefitsRealOre: AnswerOreSchema,
  cashReleasingRealOre: AnswerOreSchema,
  discountFactor: z.number(),
  costsPvOre: AnswerOreSchema,
  benefitsPvOre: AnswerOreSchema,
  netPvOre: AnswerOreSchema,
  cumulativeNetPvOre: AnswerOreSchema,
});

const CostBenefitResultSchema = z.object({
  years: z.array(CostBenefitYearSchema),
  costsNominalOre: AnswerOreSchema,
  mvaOre: AnswerOreSchema,
  benefitsNominalOre: AnswerOreSchema,
  pvCostsOre: AnswerOreSchema,
  pvBenefitsOre: AnswerOreSchema,
  pvCashReleasingOre: AnswerOreSchema,
  npvOre: AnswerOreSchema,
  paybackYear: z.int().nullable(),
  outside: z.object({ costsOre: AnswerOreSchema, benefitsOre: AnswerOreSchema }),
});

const SensitivityRowSchema = z.object({
  case: z.enum(['benefitsMinus20', 'benefitsPlus20', 'costsMinus20', 'costsPlus20', 'rateMinus20', 'ratePlus20']),
  label: z.string(),
  discountRatePct: z.number(),
  pvCostsOre: AnswerOreSchema,
  pvBenefitsOre: AnswerOreSchema,
  npvOre: AnswerOreSchema,
});

export const CostBenefitParametersSchema = z.object({
  from: z.int(),
  years: z.int(),
  discountRatePct: z.number(),
  priceYear: z.int(),
  priceIndex: z.record(z.string(), z.number()),
  costsIncludeMva: z.boolean(),
  mvaRatePct: z.number(),
  defaultsSet: z.boolean(),
  priceIndexSources: z.array(z.object({ year: z.int(), index: z.number(), source: z.string() })),
});

/** `GET /api/cost-benefit`: kost/nytte for a project or the portfolio — planned, forecast and realised so far. */
export const CostBenefitReportSchema = z.object({
  scope: z.object({ projectId: z.string().nullable(), name: z.string() }),
  parameters: CostBenefitParametersSchema,
  scenarios: z.object({ planned: CostBenefitResultSchema, forecast: CostBenefitResultSchema, realised: CostBenefitResultSchema }),
  sensitivity: z.array(SensitivityRowSchema),
  benefits: z.array(
    z.object({
      benefitId: z.string(),
      projectId: z.string().nullable(),
      title: z.string(),
      basis: BasisSchema,
      cashReleasing: z.boolean(),
      disbenefit: z.boolean(),
      forecastOre: AnswerOreSchema,
    }),
  ),
  unpricedBenefits: z.int(),
  ratesUsed: z.array(RateChoiceSchema),
  notes: z.array(z.string()),
});
export type CostBenefitReportAnswer = z.infer<typeof CostBenefitReportSchema>;

/** `GET /api/cost-benefit/settings`: the installation's defaults and price indexes. */
export const CostBenefitSettingsSchema = z.object({
  defaults: z.object({
    discountRatePct: z.number(),
    analysisYears: z.int(),
    priceYear: z.int().nullable(),
    costsIncludeMva: z.boolean(),
    mvaRatePct: z.number(),
    note: z.string().nullable().optional(),
  }),
  defaultsSet: z.boolean(),
  defaultsRecordedAt: z.string().nullable(),
  priceIndex: z.array(z.object({ year: z.int(), index: z.number(), source: z.string(), recordedAt: z.string().nullable() })),
});
export type CostBenefitSettingsAnswer = z.infer<typeof CostBenefitSettingsSchema>;
