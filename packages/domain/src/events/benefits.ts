import { z } from 'zod';
import {
  EmailSchema,
  IdSchema,
  IsoDateSchema,
  NameSchema,
  NonNegativeOreSchema,
  nullableDefault,
  OreSchema,
  PeriodSchema,
  PositiveOreSchema,
  QuantitySchema,
  TextSchema,
  UrlSchema,
} from './primitives';

export const DirectionSchema = z.enum(['increase', 'decrease']);
export type Direction = z.infer<typeof DirectionSchema>;

export const BenefitCategorySchema = z.enum(['budget', 'capacity', 'otherPublic', 'unpriced']);
export type BenefitCategory = z.infer<typeof BenefitCategorySchema>;

export const MeasurementScheduleSchema = z.enum(['tertial', 'year', 'month']);
export type MeasurementSchedule = z.infer<typeof MeasurementScheduleSchema>;

export const PlanEntrySchema = z.object({ period: PeriodSchema, quantity: QuantitySchema });
export type PlanEntry = z.infer<typeof PlanEntrySchema>;

/** Planned realisation per period; each period at most once. */
export const PlanSchema = z.array(PlanEntrySchema).superRefine((plan, ctx) => {
  const seen = new Set<string>();
  plan.forEach((entry, i) => {
    if (seen.has(entry.period))
      ctx.addIssue({ code: 'custom', path: [i, 'period'], message: `Perioden ${entry.period} står to ganger i planen` });
    seen.add(entry.period);
  });
});

/** Øre per unit of measure; null when the benefit is not valued in NOK. */
export const ValuationSchema = z.nullable(NonNegativeOreSchema);

export const BenefitPlannedSchema = z.object({
  benefitId: IdSchema,
  projectId: IdSchema,
  title: NameSchema,
  recipientUnitId: IdSchema,
  owner: EmailSchema,
  indicator: NameSchema,
  unitOfMeasure: NameSchema,
  direction: DirectionSchema,
  category: BenefitCategorySchema,
  cashReleasing: z.boolean(),
  valuationOrePerUnit: ValuationSchema,
  baseline: z.nullable(QuantitySchema),
  target: z.nullable(QuantitySchema),
  targetDate: z.nullable(IsoDateSchema),
  plan: PlanSchema,
  measurementSchedule: MeasurementScheduleSchema,
  disbenefit: z.boolean(),
  /** the change or measure (endring/tiltak) that is to bring the benefit; since v3 */
  change: nullableDefault(TextSchema),
  /** free comment from the plan (kommentar); since v3 */
  comment: nullableDefault(TextSchema),
});

/** `reason`: why the baseline is (re)measured; since v2 (older events read null). A new measurement of an already measured baseline needs one. */
export const BaselineMeasuredSchema = z.object({
  benefitId: IdSchema,
  value: QuantitySchema,
  measuredOn: IsoDateSchema,
  reason: nullableDefault(TextSchema),
});

export const MeasurementRecordedSchema = z.object({
  benefitId: IdSchema,
  value: QuantitySchema,
  measuredOn: IsoDateSchema,
  period: PeriodSchema,
  comment: nullableDefault(TextSchema),
  evidenceUrl: nullableDefault(UrlSchema),
});

/** valueOre = Math.round(quantity × valuationOrePerUnit), fixed when recorded; 0 when not valued. */
export const BenefitRealisedSchema = z.object({
  benefitId: IdSchema,
  period: PeriodSchema,
  quantity: QuantitySchema,
  valuationOrePerUnit: ValuationSchema,
  valueOre: OreSchema,
  comment: nullableDefault(TextSchema),
  evidenceUrl: nullableDefault(UrlSchema),
});

/** Replaces the realisation of its period; the ledger uses the latest. */
export const BenefitRealisationCorrectedSchema = BenefitRealisedSchema.extend({
  reason: TextSchema.min(1, { error: 'Begrunnelse må fylles ut' }),
});

export const BenefitForecastRevisedSchema = z.object({
  benefitId: IdSchema,
  plan: PlanSchema,
  reason: TextSchema.min(1, { error: 'Begrunnelse må fylles ut' }),
});

export const BenefitOwnerAssignedSchema = z.object({ benefitId: IdSchema, owner: EmailSchema, previousOwner: EmailSchema });

export const BenefitCancelledSchema = z.object({ benefitId: IdSchema, reason: TextSchema.min(1, { error: 'Begrunnelse må fylles ut' }) });

/** Prosjektveiviseren's decision points (beslutningspunkter BP1–BP4), or another approving body. */
export const DecisionPointSchema = z.enum(['BP1', 'BP2', 'BP3', 'BP4', 'other']);
export type DecisionPoint = z.infer<typeof DecisionPointSchema>;

/**
 * The benefit plan as approved at a decision point: a copy of the plan, baseline, target and target
 * date the benefit carried when approved, so a later revision never changes what was promised.
 */
export const BenefitPlanApprovedSchema = z.object({
  benefitId: IdSchema,
  decisionPoint: DecisionPointSchema,
  plan: PlanSchema,
  baseline: z.nullable(QuantitySchema),
  target: z.nullable(QuantitySchema),
  targetDate: z.nullable(IsoDateSchema),
  note: nullableDefault(TextSchema),
});

export const BudgetWithdrawalRecordedSchema = z.object({
  benefitId: IdSchema,
  withdrawalId: IdSchema,
  unitId: IdSchema,
  period: PeriodSchema,
  amountOre: PositiveOreSchema,
  saksnummer: nullableDefault(TextSchema),
  comment: nullableDefault(TextSchema),
});

/** On its own benefit stream. */
export const UnplannedBenefitRecordedSchema = z.object({
  benefitId: IdSchema,
  projectId: z.nullable(IdSchema),
  title: NameSchema,
  recipientUnitId: IdSchema,
  category: BenefitCategorySchema,
  period: PeriodSchema,
  quantity: QuantitySchema,
  unitOfMeasure: NameSchema,
  valueOre: NonNegativeOreSchema,
  description: TextSchema,
});

/** The file types a person may attach as evidence (documents, images, spreadsheets, text). */
export const EVIDENCE_CONTENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
  'text/csv',
] as const;
export const EvidenceContentTypeSchema = z.enum(EVIDENCE_CONTENT_TYPES, { error: 'Filtypen er ikke tillatt (pdf, png, jpeg, docx, xlsx, txt eller csv)' });

/**
 * A file attached as evidence for a measurement or a realisation. The bytes live outside the event
 * log, content-addressed: `attachmentId` is their SHA-256 (hex). `measuredOn`/`period` name what it documents.
 */
export const EvidenceAttachedSchema = z.object({
  benefitId: IdSchema,
  attachmentId: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Ugyldig vedlegg-id (SHA-256)' }),
  fileName: z.string().trim().min(1, { error: 'Filnavn mangler' }).max(255, { error: 'Filnavnet er for langt' }),
  contentType: EvidenceContentTypeSchema,
  sizeBytes: z.int().min(1, { error: 'Filen er tom' }),
  period: nullableDefault(PeriodSchema),
  measuredOn: nullableDefault(IsoDateSchema),
});

/** a share of a common gain, in per cent */
const SharePercentSchema = z
  .number({ error: 'Andelen må være et tall' })
  .min(0, { error: 'Andelen kan ikke være negativ' })
  .max(100, { error: 'Andelen kan ikke være over 100 %' });

/**
 * The benefit claims a gain another project's benefit also claims (same recipient unit, indicator and
 * unit of measure, overlapping plan periods), and says how the two share it: `sharePercent` is this
 * benefit's, `otherSharePercent` the other's, together at most 100. Appended with its `BenefitPlanned`.
 */
export const BenefitOverlapDeclaredSchema = z
  .object({
    benefitId: IdSchema,
    otherBenefitId: IdSchema,
    otherProjectId: IdSchema,
    sharePercent: SharePercentSchema,
    otherSharePercent: SharePercentSchema,
  })
  .refine((d) => d.sharePercent + d.otherSharePercent <= 100, {
    path: ['sharePercent'],
    error: 'Andelene kan til sammen ikke være over 100 %',
  });

/** A realisation action's status: planlagt, pågår, fullført, avbrutt. */
export const ActionStatusSchema = z.enum(['planned', 'inProgress', 'done', 'cancelled']);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

/** A gevinstrealiseringstiltak: what is to be done for the benefit, by whom and when; it starts as `planned`. */
export const BenefitActionAddedSchema = z.object({
  benefitId: IdSchema,
  actionId: IdSchema,
  title: NameSchema,
  owner: EmailSchema,
  deadline: IsoDateSchema,
  comment: nullableDefault(TextSchema),
});

/** A change to an action; a null field is left as it was. */
export const BenefitActionUpdatedSchema = z.object({
  benefitId: IdSchema,
  actionId: IdSchema,
  status: nullableDefault(ActionStatusSchema),
  deadline: nullableDefault(IsoDateSchema),
  owner: nullableDefault(EmailSchema),
  comment: nullableDefault(TextSchema),
});

/** 1 (svært lav) to 5 (svært høy) */
export const RiskGradeSchema = z.int({ error: 'Må være et helt tall fra 1 til 5' }).min(1, { error: 'Må være minst 1' }).max(5, { error: 'Kan ikke være over 5' });

/** A threat to the benefit, assessed as probability × consequence; a new assessment of the same `riskId` replaces the last, which stays in the history. */
export const BenefitRiskAssessedSchema = z.object({
  benefitId: IdSchema,
  riskId: IdSchema,
  threat: NameSchema,
  probability: RiskGradeSchema,
  consequence: RiskGradeSchema,
  mitigation: TextSchema,
});

export const BenefitRiskClosedSchema = z.object({
  benefitId: IdSchema,
  riskId: IdSchema,
  reason: TextSchema.min(1, { error: 'Begrunnelse må fylles ut' }),
});

export const benefitEventSchemas = {
  BenefitPlanned: BenefitPlannedSchema,
  BaselineMeasured: BaselineMeasuredSchema,
  MeasurementRecorded: MeasurementRecordedSchema,
  BenefitRealised: BenefitRealisedSchema,
  BenefitRealisationCorrected: BenefitRealisationCorrectedSchema,
  BenefitForecastRevised: BenefitForecastRevisedSchema,
  BenefitOwnerAssigned: BenefitOwnerAssignedSchema,
  BenefitCancelled: BenefitCancelledSchema,
  BudgetWithdrawalRecorded: BudgetWithdrawalRecordedSchema,
  UnplannedBenefitRecorded: UnplannedBenefitRecordedSchema,
  EvidenceAttached: EvidenceAttachedSchema,
  BenefitPlanApproved: BenefitPlanApprovedSchema,
  BenefitOverlapDeclared: BenefitOverlapDeclaredSchema,
  BenefitActionAdded: BenefitActionAddedSchema,
  BenefitActionUpdated: BenefitActionUpdatedSchema,
  BenefitRiskAssessed: BenefitRiskAssessedSchema,
  BenefitRiskClosed: BenefitRiskClosedSchema,
} as const;
