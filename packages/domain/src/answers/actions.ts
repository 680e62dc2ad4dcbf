import { z } from 'zod';
import { ActionStatusSchema } from '../events/benefits';

/** Who wrote a fact, and when. */
const WrittenSchema = z.object({ by: z.string().nullable(), at: z.string() });

/** A realisation action (gevinstrealiseringstiltak) as it stands, with who added and last changed it. */
export const BenefitActionSchema = z.object({
  actionId: z.string(),
  benefitId: z.string(),
  title: z.string(),
  owner: z.string(),
  deadline: z.string(),
  status: ActionStatusSchema,
  comment: z.string().nullable(),
  /** open (planned or in progress) and its deadline is before today (Oslo) */
  overdue: z.boolean(),
  added: WrittenSchema,
  updated: WrittenSchema,
});
export type BenefitAction = z.infer<typeof BenefitActionSchema>;

/** `GET /api/benefits/:id/actions`: the benefit's actions, by deadline. */
export const BenefitActionsSchema = z.array(BenefitActionSchema);

export const RiskLevelSchema = z.enum(['low', 'medium', 'high']);

export const RiskAssessmentSchema = z.object({
  threat: z.string(),
  probability: z.int(),
  consequence: z.int(),
  score: z.int(),
  level: RiskLevelSchema,
  mitigation: z.string(),
  assessed: WrittenSchema,
});
export type RiskAssessment = z.infer<typeof RiskAssessmentSchema>;

/** A risk to a benefit: its latest assessment on top, every assessment (oldest first) in `history`. */
export const BenefitRiskSchema = RiskAssessmentSchema.extend({
  riskId: z.string(),
  benefitId: z.string(),
  closed: z.boolean(),
  closedReason: z.string().nullable(),
  history: z.array(RiskAssessmentSchema),
});
export type BenefitRisk = z.infer<typeof BenefitRiskSchema>;

/** `GET /api/benefits/:id/risks`: open risks first, highest score first. */
export const BenefitRisksSchema = z.array(BenefitRiskSchema);

/** Where an action or risk belongs: its benefit and project. */
const OnBenefitSchema = z.object({
  benefitTitle: z.string(),
  benefitOwner: z.string().nullable(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  recipientUnitId: z.string(),
});

/** `GET /api/actions`: the person's actions (theirs, or on benefits they own), overdue first, then by deadline. */
export const MyActionSchema = BenefitActionSchema.extend(OnBenefitSchema.shape);
export type MyAction = z.infer<typeof MyActionSchema>;
export const MyActionsSchema = z.array(MyActionSchema);

export const MatrixRiskSchema = BenefitRiskSchema.omit({ history: true }).extend(OnBenefitSchema.shape);
export type MatrixRisk = z.infer<typeof MatrixRiskSchema>;

/**
 * `GET /api/portfolio/risks`: the open risks of live benefits on the reader's units, in a 5×5 matrix:
 * one cell per probability × consequence (25 cells, probability 5 first), each with its risks.
 */
export const RiskMatrixSchema = z.object({
  cells: z.array(z.object({ probability: z.int(), consequence: z.int(), score: z.int(), level: RiskLevelSchema, count: z.int(), risks: z.array(MatrixRiskSchema) })),
  total: z.int(),
});
export type RiskMatrix = z.infer<typeof RiskMatrixSchema>;
