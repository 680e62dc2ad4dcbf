import { z } from 'zod';
import { DirectionSchema } from '../events/benefits';
import { GoalKindSchema } from '../events/goals';
import { AnswerOreSchema as ore, StatusSchema } from './primitives';

export const GoalVerdictSchema = z.enum(['desired', 'acceptable', 'unacceptable']).describe('resultatgrense: ønsket, akseptabelt, uakseptabelt');

/** `GET /api/goals`: every goal of the målstruktur, parents before their children. */
export const GoalSummarySchema = z.object({
  goalId: z.string(),
  kind: GoalKindSchema,
  title: z.string(),
  description: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string().nullable(),
  parentGoalId: z.string().nullable(),
  retired: z.boolean(),
  benefitIds: z.array(z.string()),
  projectIds: z.array(z.string()),
  definedAt: z.string(),
  definedBy: z.string().nullable(),
});
export type GoalSummary = z.infer<typeof GoalSummarySchema>;
export const GoalListSchema = z.array(GoalSummarySchema);

export const GoalRequirementSchema = z.object({
  requiredValue: z.number(),
  unitOfMeasure: z.string(),
  direction: DirectionSchema,
  desiredLimit: z.number(),
  acceptableLimit: z.number(),
});

/** One year of an indicator on the målekort: its resultatkrav, its result and the verdict. */
export const GoalYearSchema = z.object({
  year: z.int(),
  requirement: GoalRequirementSchema.nullable(),
  result: z.object({ value: z.number(), comment: z.string().nullable(), corrected: z.boolean() }).nullable(),
  /** null without both a requirement and a result */
  verdict: GoalVerdictSchema.nullable(),
});

/** A row of the målekort: a goal with, for an indicator, its years, latest verdict and change since the last result. */
export const GoalScorecardRowSchema = GoalSummarySchema.extend({
  depth: z.int().describe('0 for the rows at the top of the card'),
  years: z.array(GoalYearSchema),
  latest: z.object({ year: z.int(), value: z.number(), verdict: GoalVerdictSchema.nullable() }).nullable(),
  change: z
    .object({ fromYear: z.int(), delta: z.number(), better: z.boolean().nullable() })
    .nullable()
    .describe('endring fra sist måling: the latest result less the one before it; better null when unchanged or without direction'),
});
export type GoalScorecardRow = z.infer<typeof GoalScorecardRowSchema>;

/** A benefit linked to a goal on the card, with its plan and realisation (signed: a disbenefit's are negative). */
export const GoalBenefitSchema = z.object({
  benefitId: z.string(),
  title: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  recipientUnitId: z.string(),
  recipientUnitName: z.string().nullable(),
  cancelled: z.boolean(),
  /** the goals of the card it is linked to */
  goalIds: z.array(z.string()),
  plannedOre: ore,
  realisedOre: ore,
  status: StatusSchema.nullable().describe('the worst judged period'),
});

/** `GET /api/goals/:id/scorecard` (the goal and everything under it) and `GET /api/goals/scorecard?unitId=` (the goals the unit owns). */
export const GoalScorecardSchema = z.object({
  goalId: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  years: z.array(z.int()),
  rows: z.array(GoalScorecardRowSchema),
  benefits: z.array(GoalBenefitSchema),
  /** benefits linked to the card's goals that the reader may not see (not in the totals) */
  hiddenBenefits: z.int(),
  totals: z.object({ plannedOre: ore, realisedOre: ore }),
  projects: z.array(z.object({ projectId: z.string(), name: z.string().nullable(), goalIds: z.array(z.string()) })),
});
export type GoalScorecard = z.infer<typeof GoalScorecardSchema>;
