import { z } from 'zod';
import { validText } from '@gevinst/domain/validation';
import { COST_BENEFIT_STREAM, CostBenefitDefaultsSetSchema, PriceIndexSetSchema } from '@gevinst/domain/events';
import { costBenefitDecider } from '@gevinst/domain/valuation';
import { defineCommand, stepOn, type CommandSpec } from '../spec';

/** Bodies of the kost/nytte settings commands (messages in bokmål, from the event schemas). */
export const SetCostBenefitDefaultsInput = z.strictObject({
  discountRatePct: CostBenefitDefaultsSetSchema.shape.discountRatePct,
  analysisYears: CostBenefitDefaultsSetSchema.shape.analysisYears,
  priceYear: CostBenefitDefaultsSetSchema.shape.priceYear.optional(),
  costsIncludeMva: CostBenefitDefaultsSetSchema.shape.costsIncludeMva,
  mvaRatePct: CostBenefitDefaultsSetSchema.shape.mvaRatePct.optional(),
  note: validText(z.string().max(5000, { error: 'Maks 5000 tegn' })).nullable().optional(),
});

export const SetPriceIndexInput = z.strictObject({
  year: PriceIndexSetSchema.shape.year,
  index: PriceIndexSetSchema.shape.index,
  source: validText(z.string().trim().min(1, { error: 'Kilden må fylles ut' }).max(5000, { error: 'Maks 5000 tegn' })),
});

/** On the installation's one kost/nytte stream; the answer's id is new each time and names nothing else. */
export const costBenefitCommands: Record<string, CommandSpec> = {
  setCostBenefitDefaults: defineCommand({
    name: 'setCostBenefitDefaults',
    summary: 'Sett standardverdier for kost/nytte (kalkulasjonsrente, analyseperiode, prisår, mva)',
    input: SetCostBenefitDefaultsInput,
    id: 'new:costbenefit',
    answerId: () => 'installation',
    steps: ({ input, env }) => [stepOn(costBenefitDecider, COST_BENEFIT_STREAM, { type: 'SetCostBenefitDefaults', data: input, context: env })],
  }),
  setPriceIndex: defineCommand({
    name: 'setPriceIndex',
    summary: 'Sett prisindeks for et år (kost/nytte i faste priser)',
    input: SetPriceIndexInput,
    id: 'new:costbenefit',
    answerId: () => 'installation',
    steps: ({ input, env }) => [stepOn(costBenefitDecider, COST_BENEFIT_STREAM, { type: 'SetPriceIndex', data: input, context: env })],
  }),
};
