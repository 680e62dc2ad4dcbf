import { z } from 'zod';
import { BudgetYearSchema } from './projects';
import { DirectionSchema } from './benefits';
import { IdSchema, NameSchema, nullableDefault, QuantitySchema, TextSchema } from './primitives';

/**
 * A kommune's målstruktur (Kristiansund's målekort): hovedmål → delmål (suksessfaktor) →
 * måleindikator. Each goal belongs to a unit of the tree (a sector can own its goals).
 */
export const GoalKindSchema = z.enum(['main', 'sub', 'indicator']);
export type GoalKind = z.infer<typeof GoalKindSchema>;

export const goalKindLabels: Record<GoalKind, string> = { main: 'Hovedmål', sub: 'Delmål', indicator: 'Måleindikator' };

/** The kind a goal's parent must have: a sub under a main, an indicator under a sub; a main has none. */
export const parentKindOf: Record<GoalKind, GoalKind | null> = { main: null, sub: 'main', indicator: 'sub' };

export const GoalDefinedSchema = z.object({
  goalId: IdSchema,
  kind: GoalKindSchema,
  title: NameSchema,
  description: nullableDefault(TextSchema),
  unitId: IdSchema,
  parentGoalId: IdSchema.nullable(),
});

export const GoalRenamedSchema = z.object({
  goalId: IdSchema,
  title: NameSchema,
  description: nullableDefault(TextSchema),
  previousTitle: NameSchema,
});

/** A retired goal keeps its history but takes no new requirements, results or links. */
export const GoalRetiredSchema = z.object({ goalId: IdSchema, reason: TextSchema.min(1, { error: 'Begrunnelse må fylles ut' }) });

/**
 * Resultatkrav for one year of an indicator, with its resultatgrenser: a result at or beyond
 * `desiredLimit` (in the indicator's direction) is ønsket, at or beyond `acceptableLimit` akseptabelt,
 * else uakseptabelt. Setting a year again replaces that year's requirement.
 */
export const GoalRequirementSetSchema = z
  .object({
    goalId: IdSchema,
    year: BudgetYearSchema,
    requiredValue: QuantitySchema,
    unitOfMeasure: NameSchema,
    direction: DirectionSchema,
    desiredLimit: QuantitySchema,
    acceptableLimit: QuantitySchema,
  })
  .refine((r) => (r.direction === 'increase' ? r.acceptableLimit <= r.desiredLimit : r.acceptableLimit >= r.desiredLimit), {
    error: 'Grensen for akseptabelt må ligge på den uønskede siden av grensen for ønsket',
    path: ['acceptableLimit'],
  });

/** The result of an indicator for a year; recording a year again (a correction) needs a reason. */
export const GoalResultRecordedSchema = z.object({
  goalId: IdSchema,
  year: BudgetYearSchema,
  value: QuantitySchema,
  comment: nullableDefault(TextSchema),
  reason: nullableDefault(TextSchema),
});

/** A benefit or project serves the goal (the link lives on the goal's stream). */
export const GoalBenefitLinkedSchema = z.object({ goalId: IdSchema, benefitId: IdSchema });
export const GoalBenefitUnlinkedSchema = z.object({ goalId: IdSchema, benefitId: IdSchema });
export const GoalProjectLinkedSchema = z.object({ goalId: IdSchema, projectId: IdSchema });
export const GoalProjectUnlinkedSchema = z.object({ goalId: IdSchema, projectId: IdSchema });

export const goalEventSchemas = {
  GoalDefined: GoalDefinedSchema,
  GoalRenamed: GoalRenamedSchema,
  GoalRetired: GoalRetiredSchema,
  GoalRequirementSet: GoalRequirementSetSchema,
  GoalResultRecorded: GoalResultRecordedSchema,
  GoalBenefitLinked: GoalBenefitLinkedSchema,
  GoalBenefitUnlinked: GoalBenefitUnlinkedSchema,
  GoalProjectLinked: GoalProjectLinkedSchema,
  GoalProjectUnlinked: GoalProjectUnlinkedSchema,
} as const;
