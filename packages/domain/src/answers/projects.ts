import { z } from 'zod';
import { BenefitCategorySchema, DirectionSchema, MeasurementScheduleSchema } from '../events/benefits';
import { CostKindSchema, ProjectPhaseSchema } from '../events/projects';
import { ReminderKindSchema } from '../events/reminders';
import { AnswerOreSchema as ore, AnswerPeriodSchema as period, PENDING_DESCRIPTION, StatusSchema, TrendSchema } from './primitives';

const status = StatusSchema.nullable();

export const BenefitPeriodStatusSchema = z.object({
  period,
  status,
  pending: z.boolean().describe(PENDING_DESCRIPTION),
  plannedOre: ore,
  realisedOre: ore,
  plannedQuantity: z.number(),
  realisedQuantity: z.number().nullable(),
  dueDate: z.string().describe('the Oslo date (yyyy-mm-dd) by which the period\'s realisation must be recorded'),
  unreported: z.boolean().describe('judged although nothing was recorded: the due date has passed, so the realisation counts as 0'),
});

/** `GET /api/benefits/:id`: a benefit as its owner and project leader see it (amounts signed: a disbenefit's are negative). */
export const BenefitViewSchema = z.object({
  id: z.string(),
  /** null for an unplanned benefit recorded without a project */
  projectId: z.string().nullable(),
  title: z.string(),
  recipientUnitId: z.string(),
  /** null for an unplanned benefit, which nobody owns */
  owner: z.string().nullable(),
  indicator: z.string().nullable(),
  unitOfMeasure: z.string(),
  direction: DirectionSchema,
  category: BenefitCategorySchema,
  cashReleasing: z.boolean(),
  valuationOrePerUnit: ore.nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  targetDate: z.string().nullable(),
  measurementSchedule: MeasurementScheduleSchema,
  disbenefit: z.boolean(),
  change: z.string().nullable().describe('Endring/tiltak'),
  comment: z.string().nullable().describe('Kommentar'),
  baselineMeasuredOn: z.string().nullable().describe('dato for nullpunktsmålingen (BaselineMeasured)'),
  /** recorded as UnplannedBenefitRecorded: not part of the plan */
  unplanned: z.boolean(),
  cancelled: z.boolean(),
  plan: z.array(z.object({ period, quantity: z.number(), plannedOre: ore })),
  realisations: z.array(
    z.object({ period, quantity: z.number(), valueOre: ore, corrected: z.boolean(), comment: z.string().nullable(), evidenceUrl: z.string().nullable() }),
  ),
  measurements: z.array(z.object({ value: z.number(), measuredOn: z.string(), period: period.nullable() })),
  /** files attached as evidence; download at `GET /api/benefits/:id/evidence/:attachmentId` */
  attachments: z.array(
    z.object({
      attachmentId: z.string().describe('SHA-256 of the file (hex)'),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.int(),
      period: period.nullable(),
      measuredOn: z.string().nullable(),
      attachedBy: z.string().nullable(),
      attachedAt: z.string(),
    }),
  ),
  withdrawals: z.array(z.object({ period, amountOre: ore, saksnummer: z.string().nullable() })),
  achievementPct: z.number().nullable(),
  trend: TrendSchema.nullable(),
  statusByPeriod: z.array(BenefitPeriodStatusSchema),
  /**
   * The gains this benefit shares with benefits of other projects (BenefitOverlapDeclared), in the
   * order declared: those declared when this benefit was planned (`declaredHere`, what its plan
   * sheet's «Delt med» column holds) and those declared by the other benefit when it was planned.
   */
  sharedWith: z.array(
    z.object({
      benefitId: z.string().describe('the other benefit'),
      title: z.string(),
      projectId: z.string().nullable(),
      projectName: z.string().nullable(),
      sharePercent: z.number().describe('this benefit\'s share of the common gain, in per cent'),
      otherSharePercent: z.number().describe('the other benefit\'s share, in per cent'),
      declaredHere: z.boolean().describe('declared when this benefit was planned (else when the other was)'),
      otherCancelled: z.boolean(),
    }),
  ),
});
export type BenefitView = z.infer<typeof BenefitViewSchema>;
export type BenefitShare = BenefitView['sharedWith'][number];

/** `GET /api/projects` row. */
export const ProjectSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  ownerUnitId: z.string(),
  projectLeader: z.string(),
  phase: ProjectPhaseSchema,
  closed: z.boolean(),
  totalCostOre: ore.describe('summen av registrerte beløp (en årlig kostnad med beløpet per år); reverserte teller ikke'),
  benefitCount: z.int(),
  /** the worst status of the project's judged periods */
  status,
});
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

export const CostViewSchema = z.object({
  costId: z.string(),
  payerUnitId: z.string(),
  amountOre: ore,
  period,
  kind: CostKindSchema,
  startYear: z.int().nullable().describe('årlig kostnad: første budsjettår den teller i; null for engangskostnad'),
  endYear: z.int().nullable().describe('årlig kostnad: siste budsjettår den teller i (etter en eventuell stopp); null: løper til den stoppes'),
  description: z.string().nullable(),
  stoppedReason: z.string().nullable().describe('begrunnelsen for stoppen (AnnualCostStopped); null når den ikke er stoppet'),
  correctedReason: z.string().nullable().describe('begrunnelsen for siste korrigering (CostCorrected); null når kostnaden står som registrert'),
  reversedReason: z.string().nullable().describe('begrunnelsen for reverseringen (CostReversed); en reversert kostnad teller ikke med'),
});
export type CostView = z.infer<typeof CostViewSchema>;

/** `GET /api/projects/:id`: the project, its costs (reversed ones too, marked) and its benefits, plan against realisation. */
export const ProjectDetailSchema = ProjectSummarySchema.omit({ benefitCount: true }).extend({
  thresholds: z.object({ greenPct: z.number(), yellowPct: z.number() }),
  costs: z.array(CostViewSchema),
  benefits: z.array(BenefitViewSchema),
});
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;

/**
 * A reminder about one due value: claimed (`sentAt`), accepted by the mail server (`deliveredAt`), or
 * given up on; the delivery fields come only from the reminder service's list.
 */
export const DueReminderSchema = z.object({
  kind: ReminderKindSchema,
  sentAt: z.string(),
  deliveredAt: z.string().nullable().optional(),
  deliveryFailed: z.object({ at: z.string(), error: z.string(), attempts: z.int() }).nullable().optional(),
});
export type DueReminder = z.infer<typeof DueReminderSchema>;

/** `GET /api/due` row: one value a benefit owner must record. */
export const DueItemSchema = z.object({
  benefitId: z.string(),
  benefitTitle: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  /** who receives the benefit (a reader outside the owner sees only the items within their scope) */
  recipientUnitId: z.string(),
  period,
  dueDate: z.string(),
  state: z.enum(['upcoming', 'due', 'overdue']),
  what: z.enum(['measurement', 'realisation']),
  reminders: z.array(DueReminderSchema),
});
export type DueItem = z.infer<typeof DueItemSchema>;
