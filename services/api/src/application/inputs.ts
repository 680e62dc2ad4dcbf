import { z } from 'zod';
import { isValidOrgNumber, validText, visibleName } from '@gevinst/domain/validation';
import { tryParsePeriod } from '@gevinst/domain/periods';
import {
  ActionStatusSchema,
  BenefitCategorySchema,
  BenefitPlannedSchema,
  BudgetYearSchema,
  CostKindSchema,
  DecisionPointSchema,
  DirectionSchema,
  EVIDENCE_CONTENT_TYPES,
  GoalKindSchema,
  HourlyRateSetSchema,
  MapNodeKindSchema,
  ProjectPhaseSchema,
  ThresholdsSchema,
} from '@gevinst/domain/events';

/** Request bodies of the commands (docs/contract.md, "HTTP"). Messages in bokmål. */
const id = z
  .string()
  .trim()
  .min(1, { error: 'Må fylles ut' })
  .max(200, { error: 'For lang id' })
  .regex(/^[A-Za-z0-9][\w.:-]*$/, { error: 'Ugyldig id' });
const name = visibleName(z.string().trim().min(1, { error: 'Må fylles ut' }).max(300, { error: 'Maks 300 tegn' }));
const text = validText(z.string().max(5000, { error: 'Maks 5000 tegn' }));
const reason = validText(z.string().trim().min(1, { error: 'Begrunnelse må fylles ut' }).max(5000, { error: 'Maks 5000 tegn' }));
/** an empty text where a value is required says so, not that its form is wrong */
const emptyOr = (message: string) => (issue: { input?: unknown }) => (issue.input === '' ? 'Må fylles ut' : message);
const email = z.email({ error: emptyOr('Ugyldig e-postadresse') }).max(320);
const date = z.iso.date({ error: emptyOr('Ugyldig dato (forventet åååå-mm-dd)') });
const period = z
  .string({ error: 'Periode må være tekst, f.eks. 2026-T2' })
  .refine((p) => tryParsePeriod(p) !== null, { error: emptyOr('Ugyldig periode (forventet f.eks. 2026-T2, 2026 eller 2026-03)') });
const ore = z.int({ error: 'Beløp må være et helt antall øre' }).refine(Number.isSafeInteger, { error: 'Beløpet er for stort' });
const positiveOre = ore.refine((n) => n > 0, { error: 'Beløpet må være større enn null' });
const nonNegativeOre = ore.refine((n) => n >= 0, { error: 'Beløpet kan ikke være negativt' });
const quantity = z.number({ error: 'Må være et endelig tall' }).refine((n) => Math.abs(n) < 1e12, { error: 'Tallet er for stort' });
const url = z.url({ error: 'Ugyldig lenke' }).max(2000);
const orgNumber = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .refine(isValidOrgNumber, { error: 'Organisasjonsnummer må ha 9 siffer med gyldig kontrollsiffer (MOD11)' });
/** the event's fields; that yellow is not above green is checked when the event is made */
const thresholds = z.object(ThresholdsSchema.shape);
// the values are the events'; the messages are the API's
const category = z.enum(BenefitCategorySchema.options, { error: 'Ukjent gevinstkategori' });
const direction = z.enum(DirectionSchema.options, { error: 'Må være increase eller decrease' });
const phase = z.enum(ProjectPhaseSchema.options, { error: 'Ukjent fase' });
const costKind = z.enum(CostKindSchema.options, { error: 'Må være one-off eller annual' });
const sharePercent = z
  .number({ error: 'Andelen må være et tall i prosent' })
  .min(0, { error: 'Andelen kan ikke være negativ' })
  .max(100, { error: 'Andelen kan ikke være over 100 %' });
const plan = z.array(z.object({ period, quantity })).max(500, { error: 'Maks 500 perioder' });

export const RegisterUnitInput = z.object({
  name,
  parentId: id.nullish(),
  orgNumber: orgNumber.nullish(),
  leader: email.nullish(),
});
export const RenameUnitInput = z.object({ name });
export const MoveUnitInput = z.object({ newParentId: id.nullable(), effectiveDate: date.optional() });
export const AssignUnitLeaderInput = z.object({ leader: email });
/** annuls the unit's move with this effective date (a correction: annul, then move anew) */
export const AnnulUnitMoveInput = z.object({ effectiveDate: date, reason });
/** annuls the unit's merger into `successorUnitId` at `effectiveDate` */
export const AnnulUnitMergerInput = z.object({ successorUnitId: id, effectiveDate: date, reason });
export const MergeUnitsInput = z.object({
  mergedUnitIds: z.array(id).min(1, { error: 'Minst én enhet må slås sammen' }).max(200),
  successorUnitId: id.optional(),
  successorName: name.optional(),
  parentId: id.nullish(),
  effectiveDate: date,
});
export const SetHourlyRateInput = z.object({
  year: HourlyRateSetSchema.shape.year,
  rateOre: nonNegativeOre,
  source: z.object({
    wageOre: nonNegativeOre,
    employerContributionOre: nonNegativeOre,
    socialCostsOre: nonNegativeOre,
    note: text.optional(),
  }),
});

export const RegisterProjectInput = z.object({ name, ownerUnitId: id, projectLeader: email, thresholds: thresholds.optional() });
/** a budget year of an annual cost (the decider checks that only an annual cost has years, and the end is not before the start) */
const budgetYear = BudgetYearSchema;
export const RecordCostInput = z.object({
  payerUnitId: id,
  amountOre: nonNegativeOre,
  period,
  kind: costKind,
  description: text.nullish(),
  /** annual: the first budget year (default: the period's year) and the last (absent or null: until stopped) */
  startYear: budgetYear.nullish(),
  endYear: budgetYear.nullish(),
});
/** `costId` comes from the path (`/api/projects/:id/costs/:costId/…`) */
export const CorrectCostInput = z.object({
  costId: id,
  amountOre: nonNegativeOre,
  period,
  kind: costKind,
  description: text.nullish(),
  startYear: budgetYear.nullish(),
  endYear: budgetYear.nullish(),
  reason,
});
export const ReverseCostInput = z.object({ costId: id, reason });
/** an annual cost counts through `lastYear` and no longer */
export const StopAnnualCostInput = z.object({ costId: id, lastYear: budgetYear, reason });
/** what an upload says of its file (`POST /api/benefits/:id/evidence?fileName=…`); the bytes' id and size come from the store */
export const EvidenceUploadQuery = z.object({
  fileName: z.string({ error: 'Filnavn mangler' }).min(1, { error: 'Filnavn mangler' }).max(1000, { error: 'Filnavnet er for langt' }),
  period: period.optional(),
  measuredOn: date.optional(),
});
export const AttachEvidenceInput = z.object({
  attachmentId: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Ugyldig vedlegg-id' }),
  fileName: z.string().min(1).max(255),
  contentType: z.enum(EVIDENCE_CONTENT_TYPES, { error: 'Filtypen er ikke tillatt (pdf, png, jpeg, docx, xlsx, txt eller csv)' }),
  sizeBytes: z.int().min(1, { error: 'Filen er tom' }),
  period: period.nullish(),
  measuredOn: date.nullish(),
});
export const ChangePhaseInput = z.object({ phase });
export const CloseProjectInput = z.object({ reason });

export const PlanBenefitInput = z.object({
  title: name,
  recipientUnitId: id,
  owner: email,
  indicator: name,
  unitOfMeasure: name,
  direction,
  category,
  cashReleasing: z.boolean({ error: 'Må være true eller false' }),
  valuationOrePerUnit: nonNegativeOre.nullish(),
  baseline: quantity.nullish(),
  target: quantity.nullish(),
  targetDate: date.nullish(),
  plan,
  measurementSchedule: BenefitPlannedSchema.shape.measurementSchedule.optional(),
  disbenefit: BenefitPlannedSchema.shape.disbenefit.optional(),
  change: text.nullish(),
  comment: text.nullish(),
  /** how a gain another project's benefit claims too is shared (the decider checks the sum and the overlap) */
  sharedWith: z.array(z.object({ benefitId: id, sharePercent: sharePercent, otherSharePercent: sharePercent })).max(50).optional(),
});
/** `reason`: why the baseline is measured anew; needed once a baseline was measured before */
export const RecordBaselineInput = z.object({ value: quantity, measuredOn: date, reason: text.nullish() });
/** approves the plan as it stands at a decision point (Prosjektveiviseren's BP1–BP4, or another) */
export const ApproveBenefitPlanInput = z.object({
  decisionPoint: z.enum(DecisionPointSchema.options, { error: 'Beslutningspunkt må være BP1, BP2, BP3, BP4 eller other' }),
  note: text.nullish(),
});
export const RecordMeasurementInput = z.object({
  value: quantity,
  measuredOn: date,
  period: period.optional(),
  comment: text.nullish(),
  evidenceUrl: url.nullish(),
});
export const RecordRealisationInput = z.object({ period, quantity, comment: text.nullish(), evidenceUrl: url.nullish() });
export const CorrectRealisationInput = RecordRealisationInput.extend({ reason });
export const ReviseForecastInput = z.object({ plan, reason });
export const AssignOwnerInput = z.object({ owner: email });
export const CancelBenefitInput = z.object({ reason });
export const RecordWithdrawalInput = z.object({
  period,
  amountOre: positiveOre,
  /** required: an empty or missing one is refused by the decider (400 `saksnummer_required`) */
  saksnummer: text.nullish(),
  comment: text.nullish(),
});
export const RecordSettlementInput = z.object({
  fromUnitId: id,
  toUnitId: id,
  amountOre: positiveOre,
  period,
  saksnummer: visibleName(z.string().trim().min(1, { error: 'Saksnummer må fylles ut' }).max(200)),
  projectId: id.nullish(),
  comment: text.nullish(),
  /** record more than the ledger says is owed; needs `overrideReason` (400 `override_reason_required`) */
  override: z.boolean().nullish(),
  overrideReason: text.nullish(),
});
export const RecordUnplannedBenefitInput = z.object({
  projectId: id.nullish(),
  title: name,
  recipientUnitId: id,
  category,
  period,
  quantity,
  unitOfMeasure: name,
  valueOre: nonNegativeOre,
  description: text,
});

/** a realisation action (gevinstrealiseringstiltak) */
export const AddBenefitActionInput = z.object({ title: name, owner: email, deadline: date, comment: text.nullish() });
const actionStatus = z.enum(ActionStatusSchema.options, { error: 'Status må være planned, inProgress, done eller cancelled' });
/** `actionId` comes from the path (`/api/benefits/:id/actions/:actionId`); what is left out stays as it was */
export const UpdateBenefitActionInput = z.object({ actionId: id, status: actionStatus.nullish(), deadline: date.nullish(), owner: email.nullish(), comment: text.nullish() });
const grade = z.int({ error: 'Må være et helt tall fra 1 til 5' }).min(1, { error: 'Må være et helt tall fra 1 til 5' }).max(5, { error: 'Må være et helt tall fra 1 til 5' });
/** a new risk, or (with the `riskId` of an open one) a new assessment of it */
export const AssessBenefitRiskInput = z.object({ riskId: id.optional(), threat: name, probability: grade, consequence: grade, mitigation: text.nullish() });
export const CloseBenefitRiskInput = z.object({ riskId: id, reason });
// the gevinstkart (docs/architecture.md, "The gevinstkart")
const mapNodeKind = z.enum(MapNodeKindSchema.options, { error: 'Må være delivery, change, benefit, disbenefit eller goal' });
const assumption = validText(z.string().trim().min(1, { error: 'Forutsetningen må fylles ut' }).max(5000, { error: 'Maks 5000 tegn' }));
/** `label` may be left out for a node that stands for one of the project's benefits (it takes the benefit's title) */
export const AddMapNodeInput = z.object({ kind: mapNodeKind, label: name.optional(), benefitId: id.nullish(), goalId: id.nullish() });
/** what is left out stays; `null` clears a reference */
export const ChangeMapNodeInput = z.object({ nodeId: id, label: name.optional(), benefitId: id.nullish(), goalId: id.nullish() });
export const RemoveMapNodeInput = z.object({ nodeId: id });
export const AddMapEdgeInput = z.object({ from: id, to: id, assumption });
export const RemoveMapEdgeInput = z.object({ edgeId: id });
// goals (målstruktur)
const goalKind = z.enum(GoalKindSchema.options, { error: 'Må være main, sub eller indicator' });
export const DefineGoalInput = z.object({ kind: goalKind, title: name, description: text.nullish(), unitId: id, parentGoalId: id.nullable() });
export const RenameGoalInput = z.object({ title: name, description: text.nullish() });
export const RetireGoalInput = z.object({ reason });
export const SetGoalRequirementInput = z.object({
  year: budgetYear,
  requiredValue: quantity,
  unitOfMeasure: name,
  direction,
  desiredLimit: quantity,
  acceptableLimit: quantity,
});
export const RecordGoalResultInput = z.object({ year: budgetYear, value: quantity, comment: text.nullish(), reason: text.nullish() });
export const GoalBenefitInput = z.object({ benefitId: id });
export const GoalProjectInput = z.object({ projectId: id });
