import { z } from 'zod';
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

export const CostRecordedSchema = z.object({
  projectId: IdSchema,
  costId: IdSchema,
  payerUnitId: IdSchema,
  amountOre: NonNegativeOreSchema,
  period: PeriodSchema,
  kind: CostKindSchema,
  description: nullableDefault(TextSchema),
});

const reason = TextSchema.min(1, { error: 'Begrunnelse må fylles ut' });

/** A recorded cost was wrong: from now on it counts with these figures (the payer stays). */
export const CostCorrectedSchema = z.object({
  projectId: IdSchema,
  costId: IdSchema,
  amountOre: NonNegativeOreSchema,
  period: PeriodSchema,
  kind: CostKindSchema,
  description: nullableDefault(TextSchema),
  reason,
});

/** A recorded cost should never have been: from now on it counts as nothing. */
export const CostReversedSchema = z.object({ projectId: IdSchema, costId: IdSchema, reason });

export const projectEventSchemas = {
  ProjectRegistered: ProjectRegisteredSchema,
  ProjectPhaseChanged: ProjectPhaseChangedSchema,
  ProjectClosed: ProjectClosedSchema,
  CostRecorded: CostRecordedSchema,
  CostCorrected: CostCorrectedSchema,
  CostReversed: CostReversedSchema,
} as const;
