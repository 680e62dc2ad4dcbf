import { z } from 'zod';
import { MAX_YEAR, MIN_YEAR } from '../periods/period';
import { EmailSchema, IdSchema, NameSchema, NonNegativeOreSchema, nullableDefault, PeriodSchema, TextSchema } from './primitives';

export const ProjectPhaseSchema = z.enum(['planning', 'execution', 'realisation']);
export type ProjectPhase = z.infer<typeof ProjectPhaseSchema>;

export const ThresholdsSchema = z
  .object({
    greenPct: z.number().min(0).max(1000),
    yellowPct: z.number().min(0).max(1000),
  })
  .refine((t) => t.yellowPct <= t.greenPct, {
    error: 'Grensen for akseptabelt kan ikke være høyere enn grensen for ønsket',
    path: ['yellowPct'],
  });
export type Thresholds = z.infer<typeof ThresholdsSchema>;

export const DEFAULT_THRESHOLDS: Thresholds = { greenPct: 100, yellowPct: 80 };

export const ProjectRegisteredSchema = z.object({
  projectId: IdSchema,
  name: NameSchema,
  ownerUnitId: IdSchema,
  projectLeader: EmailSchema,
  thresholds: ThresholdsSchema.default(DEFAULT_THRESHOLDS),
});

export const ProjectPhaseChangedSchema = z.object({ projectId: IdSchema, phase: ProjectPhaseSchema, previousPhase: ProjectPhaseSchema });

export const ProjectClosedSchema = z.object({ projectId: IdSchema, reason: TextSchema.min(1, { error: 'Begrunnelse må fylles ut' }) });

export const CostKindSchema = z.enum(['one-off', 'annual']);
export type CostKind = z.infer<typeof CostKindSchema>;

/** A budget year, e.g. 2026. */
export const BudgetYearSchema = z.int({ error: 'Må være et budsjettår (f.eks. 2026)' }).min(MIN_YEAR, { error: `Budsjettåret må være ${MIN_YEAR} eller senere` }).max(MAX_YEAR, { error: `Budsjettåret må være ${MAX_YEAR} eller tidligere` });

/**
 * An annual cost (`kind: 'annual'`) counts its amount once in each budget year from `startYear`
 * through `endYear` (null: until it is stopped with `AnnualCostStopped`); its `period` is its first
 * year. A one-off cost has both null. Version 1 had neither: an annual cost then counted in its
 * period's year only (the upcaster says so).
 */
const annualYears = {
  startYear: nullableDefault(BudgetYearSchema),
  endYear: nullableDefault(BudgetYearSchema),
};
const endNotBeforeStart = (d: { startYear: number | null; endYear: number | null }) => d.endYear === null || d.startYear === null || d.endYear >= d.startYear;
const endNotBeforeStartError = { error: 'Sluttåret kan ikke være før startåret', path: ['endYear'] };

export const CostRecordedSchema = z
  .object({
    projectId: IdSchema,
    costId: IdSchema,
    payerUnitId: IdSchema,
    amountOre: NonNegativeOreSchema,
    period: PeriodSchema,
    kind: CostKindSchema,
    description: nullableDefault(TextSchema),
    ...annualYears,
  })
  .refine(endNotBeforeStart, endNotBeforeStartError);

const reason = TextSchema.min(1, { error: 'Begrunnelse må fylles ut' });

/** A recorded cost was wrong: from now on it counts with these figures (the payer stays). */
export const CostCorrectedSchema = z
  .object({
    projectId: IdSchema,
    costId: IdSchema,
    amountOre: NonNegativeOreSchema,
    period: PeriodSchema,
    kind: CostKindSchema,
    description: nullableDefault(TextSchema),
    ...annualYears,
    reason,
  })
  .refine(endNotBeforeStart, endNotBeforeStartError);

/** A recorded cost should never have been: from now on it counts as nothing. */
export const CostReversedSchema = z.object({ projectId: IdSchema, costId: IdSchema, reason });

/** An annual cost runs no longer: `lastYear` is the last budget year it counts in. */
export const AnnualCostStoppedSchema = z.object({ projectId: IdSchema, costId: IdSchema, lastYear: BudgetYearSchema, reason });

export const projectEventSchemas = {
  ProjectRegistered: ProjectRegisteredSchema,
  ProjectPhaseChanged: ProjectPhaseChangedSchema,
  ProjectClosed: ProjectClosedSchema,
  CostRecorded: CostRecordedSchema,
  CostCorrected: CostCorrectedSchema,
  CostReversed: CostReversedSchema,
  AnnualCostStopped: AnnualCostStoppedSchema,
} as const;
