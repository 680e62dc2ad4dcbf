import { z } from 'zod';
import { DecisionPointSchema } from '../events/benefits';
import { CostKindSchema, ProjectPhaseSchema } from '../events/projects';
import { AnswerOreSchema as ore, AnswerPeriodSchema as period } from './primitives';

const planRows = z.array(z.object({ period, quantity: z.number() }));

/** Who did it and when, from the event's metadata; and which benefit it concerns (null: the project itself). */
const entryBase = z.object({
  position: z.string().describe('global position of the event: the order of the history'),
  at: z.string().describe('when it was recorded (ISO instant)'),
  by: z.string().nullable().describe('who recorded it (e-mail, or admin)'),
  byName: z.string().nullable(),
  role: z.string().nullable().describe('the role they acted in'),
  projectId: z.string().nullable(),
  benefitId: z.string().nullable(),
  benefitTitle: z.string().nullable(),
});

const entry = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) => entryBase.extend({ kind: z.literal(kind), ...shape });

/**
 * One change of a benefit or project, as the history shows it (`GET /api/benefits/:id/history`,
 * `GET /api/projects/:id/history`), oldest first.
 */
export const HistoryEntrySchema = z.discriminatedUnion('kind', [
  entry('benefitPlanned', {
    title: z.string(),
    owner: z.string(),
    plan: planRows.describe('the original plan'),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    targetDate: z.string().nullable(),
  }),
  entry('unplannedBenefitRecorded', { period, quantity: z.number(), valueOre: ore, description: z.string() }),
  entry('planApproved', {
    decisionPoint: DecisionPointSchema,
    plan: planRows,
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    targetDate: z.string().nullable(),
    note: z.string().nullable(),
  }),
  entry('forecastRevised', { plan: planRows, previousPlan: planRows, reason: z.string() }),
  entry('ownerChanged', { owner: z.string(), previousOwner: z.string() }),
  entry('baselineMeasured', {
    value: z.number(),
    measuredOn: z.string(),
    previousValue: z.number().nullable().describe('the baseline before (planned or measured)'),
    reason: z.string().nullable(),
  }),
  entry('measurementRecorded', {
    value: z.number(),
    measuredOn: z.string(),
    period,
    comment: z.string().nullable(),
    evidenceUrl: z.string().nullable(),
  }),
  entry('evidenceAttached', {
    attachmentId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    period: period.nullable(),
    measuredOn: z.string().nullable(),
    href: z.string().describe('download: GET /api/benefits/:id/evidence/:attachmentId'),
  }),
  entry('realised', { period, quantity: z.number(), valueOre: ore, comment: z.string().nullable(), evidenceUrl: z.string().nullable() }),
  entry('realisationCorrected', {
    period,
    quantity: z.number(),
    valueOre: ore,
    previousQuantity: z.number().nullable(),
    reason: z.string(),
    comment: z.string().nullable(),
    evidenceUrl: z.string().nullable(),
  }),
  entry('withdrawalRecorded', { period, amountOre: ore, unitId: z.string(), saksnummer: z.string().nullable() }),
  entry('benefitCancelled', { reason: z.string() }),
  entry('overlapDeclared', {
    otherBenefitId: z.string().describe('the benefit of another project that claims the same gain'),
    otherBenefitTitle: z.string().nullable(),
    otherProjectId: z.string(),
    sharePercent: z.number().describe('this benefit\'s share of the common gain, in per cent'),
    otherSharePercent: z.number().describe('the other benefit\'s share, in per cent'),
    declaredHere: z.boolean().describe('declared when this benefit was planned (else when the other was: the entry is in both histories)'),
  }),
  entry('projectRegistered', { name: z.string(), ownerUnitId: z.string(), projectLeader: z.string() }),
  entry('phaseChanged', { phase: ProjectPhaseSchema, previousPhase: ProjectPhaseSchema }),
  entry('projectClosed', { reason: z.string() }),
  entry('costRecorded', { costId: z.string(), payerUnitId: z.string(), amountOre: ore, period, costKind: CostKindSchema, description: z.string().nullable() }),
  entry('costCorrected', { costId: z.string(), amountOre: ore, period, costKind: CostKindSchema, reason: z.string() }),
  entry('costReversed', { costId: z.string(), reason: z.string() }),
]);
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type HistoryEntryKind = HistoryEntry['kind'];
/** What every history entry carries besides its kind and details. */
export type HistoryEntryBase = z.infer<typeof entryBase>;

export const HistorySchema = z.object({ entries: z.array(HistoryEntrySchema) });
export type History = z.infer<typeof HistorySchema>;

/** One approved version of a benefit plan (`BenefitPlanApproved`), with who approved it and when. */
export const PlanVersionSchema = z.object({
  version: z.int().describe('1 for the first approval, in order'),
  decisionPoint: DecisionPointSchema,
  approvedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedByName: z.string().nullable(),
  note: z.string().nullable(),
  plan: planRows,
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  targetDate: z.string().nullable(),
  plannedQuantity: z.number().describe('sum of the version\'s plan'),
});
export type PlanVersion = z.infer<typeof PlanVersionSchema>;

/** Per period: what the latest approval promised, what the current plan says, what was realised, and the differences. */
export const PlanVarianceRowSchema = z.object({
  period,
  approvedQuantity: z.number().nullable().describe('null: no approval yet, or the period is not in the approved plan'),
  currentQuantity: z.number().nullable().describe('null: not in the current plan'),
  realisedQuantity: z.number().nullable().describe('null: nothing realised for the period'),
  currentVsApproved: z.number().nullable().describe('current − approved (an absent period counts as 0); null without an approval'),
  realisedVsApproved: z.number().nullable().describe('realised − approved; null without an approval or a realisation'),
  realisedVsCurrent: z.number().nullable().describe('realised − current; null without a realisation'),
  approvedOre: ore.nullable().describe('approved quantity × valuation; null when not valued'),
  currentOre: ore.nullable(),
  realisedOre: ore.nullable().describe('the realised value as recorded (latest correction)'),
});
export type PlanVarianceRow = z.infer<typeof PlanVarianceRowSchema>;

/** `GET /api/benefits/:id/plan-versions`: the approved versions, the current plan, the realised, and the variance. */
export const PlanVersionsSchema = z.object({
  benefitId: z.string(),
  title: z.string(),
  unitOfMeasure: z.string(),
  valuationOrePerUnit: ore.nullable(),
  versions: z.array(PlanVersionSchema).describe('oldest first'),
  /** the latest approval: what the variance compares against */
  approved: PlanVersionSchema.nullable(),
  current: z.object({ plan: planRows, baseline: z.number().nullable(), target: z.number().nullable(), targetDate: z.string().nullable() }),
  realised: z.array(z.object({ period, quantity: z.number(), valueOre: ore, corrected: z.boolean() })),
  variance: z.array(PlanVarianceRowSchema).describe('one row per period in the approved plan, the current plan or the realised, in period order'),
  totals: z.object({
    approvedQuantity: z.number().nullable(),
    currentQuantity: z.number(),
    realisedQuantity: z.number(),
    currentVsApproved: z.number().nullable(),
    realisedVsApproved: z.number().nullable(),
    realisedVsCurrent: z.number(),
  }),
});
export type PlanVersions = z.infer<typeof PlanVersionsSchema>;
