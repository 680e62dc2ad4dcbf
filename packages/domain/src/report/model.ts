import { z } from 'zod';
import { AnswerOreSchema as ore, AnswerPeriodSchema as period, StatusSchema } from '../answers/primitives';
import { GoalVerdictSchema } from '../answers/goals';

/**
 * The tertial report (tertialrapport) for the council: one model, built once by `buildTertialReport`
 * from the answers as known at `asOf`, rendered as JSON, HTML (printed to PDF) and DOCX. Every amount
 * is øre; every text a person reads is bokmål.
 */
export const ReportUnitSchema = z.object({ unitId: z.string(), name: z.string() });

export const ReportStatusCountsSchema = z.object({
  green: z.int(),
  yellow: z.int(),
  red: z.int(),
  /** not yet due at the report's instant */
  pending: z.int(),
  /** nothing planned in the tertial */
  none: z.int(),
});

export const ReportPortfolioRowSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  status: StatusSchema.nullable(),
  pending: z.boolean(),
  plannedOre: ore,
  realisedOre: ore,
  achievementPct: z.number().nullable(),
  changePct: z.number().nullable(),
});

export const ReportProjectRowSchema = z.object({
  projectId: z.string(),
  name: z.string(),
  phase: z.string(),
  /** the worst judged status of its benefits in the unit in the tertial */
  status: StatusSchema.nullable(),
  benefitCount: z.int(),
  plannedOre: ore,
  realisedOre: ore,
});

export const ReportLedgerRowSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  costsOre: ore,
  gainsReceivedOre: ore,
  gainsFromOthersOre: ore,
  gainsProducedForOthersOre: ore,
  netOre: ore,
  withdrawnOre: ore,
  settledInOre: ore,
  settledOutOre: ore,
  openOre: ore,
});

export const ReportFlowSchema = z.object({ fromUnitId: z.string(), fromName: z.string(), toUnitId: z.string(), toName: z.string(), ore });

export const ReportGoalRowSchema = z.object({
  goalId: z.string(),
  title: z.string(),
  kind: z.string(),
  depth: z.int(),
  unitName: z.string(),
  unitOfMeasure: z.string().nullable(),
  requiredValue: z.number().nullable(),
  desiredLimit: z.number().nullable(),
  acceptableLimit: z.number().nullable(),
  result: z.number().nullable(),
  verdict: GoalVerdictSchema.nullable(),
  comment: z.string().nullable(),
});

export const ReportUnacceptableBenefitSchema = z.object({
  benefitId: z.string(),
  title: z.string(),
  projectName: z.string().nullable(),
  recipientName: z.string(),
  owner: z.string().nullable(),
  plannedOre: ore,
  realisedOre: ore,
  /** nothing was recorded by the due date: the realisation counts as 0 */
  unreported: z.boolean(),
  /** the owner's comment on the tertial's realisation, else the benefit's own comment */
  comment: z.string().nullable(),
});

/**
 * The kost/nytte summary: filled by the valuation capability through `withCostBenefit` (the maths is
 * not the report's). Lines are shown in order; a line without an amount shows its text.
 */
export const ReportCostBenefitSchema = z.object({
  title: z.string(),
  lines: z.array(z.object({ label: z.string(), ore: ore.nullable(), text: z.string().nullable() })),
  notes: z.array(z.string()),
});
export type ReportCostBenefit = z.infer<typeof ReportCostBenefitSchema>;

/** `GET /api/reports/tertial`: the model the documents are rendered from. */
export const TertialReportSchema = z.object({
  title: z.string(),
  tertial: period,
  tertialLabel: z.string(),
  /** the tertial's first and last day (Oslo dates) */
  from: z.string(),
  to: z.string(),
  unit: ReportUnitSchema,
  /** as known at: the figures count only events recorded by this instant (ISO, UTC) */
  asOf: z.string(),
  asOfLabel: z.string(),
  /** the date the organisation is placed by (Oslo date of `asOf`) */
  orgDate: z.string(),
  summary: z.object({
    plannedOre: ore,
    realisedOre: ore,
    realisationPct: z.number().nullable(),
    costsOre: ore,
    netOre: ore,
    withdrawnOre: ore,
    settledInOre: ore,
    settledOutOre: ore,
    benefits: ReportStatusCountsSchema,
    unacceptableBenefits: z.int(),
    unacceptableGoals: z.int(),
  }),
  portfolio: z.object({ total: ReportPortfolioRowSchema.nullable(), rows: z.array(ReportPortfolioRowSchema), projects: z.array(ReportProjectRowSchema) }),
  ledger: z.object({ rows: z.array(ReportLedgerRowSchema), flows: z.array(ReportFlowSchema) }),
  scorecard: z.object({ year: z.int(), rows: z.array(ReportGoalRowSchema) }),
  unacceptable: z.object({ benefits: z.array(ReportUnacceptableBenefitSchema), goals: z.array(ReportGoalRowSchema) }),
  costBenefit: ReportCostBenefitSchema.optional(),
});
export type TertialReport = z.infer<typeof TertialReportSchema>;
export type ReportPortfolioRow = z.infer<typeof ReportPortfolioRowSchema>;
export type ReportLedgerRow = z.infer<typeof ReportLedgerRowSchema>;
export type ReportFlow = z.infer<typeof ReportFlowSchema>;
export type ReportGoalRow = z.infer<typeof ReportGoalRowSchema>;
export type ReportProjectRow = z.infer<typeof ReportProjectRowSchema>;
export type ReportUnacceptableBenefit = z.infer<typeof ReportUnacceptableBenefitSchema>;
