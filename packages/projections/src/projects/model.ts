import type { BenefitCategory, Direction, MeasurementSchedule } from '@gevinst/domain/events';
import type { CostKind, ProjectPhase } from '@gevinst/domain/events';

/** Where a figure came from: enough to open it down to its event. */
export interface EventRef {
  streamName: string;
  revision: string;
  type: string;
  userId: string | null;
  recordedAt: string;
  globalPosition: string;
}

export interface Thresholds {
  greenPct: number;
  yellowPct: number;
}

export interface CostFact {
  costId: string;
  payerUnitId: string;
  amountOre: number;
  period: string;
  kind: CostKind;
  /** an annual cost's first and last budget year (last null: until stopped); null for a one-off cost */
  startYear: number | null;
  endYear: number | null;
  /** the reason of the latest stop of an annual cost */
  stoppedReason: string | null;
  description: string | null;
  /** month scale [start, end) of the period, for cheap span tests */
  start: number;
  end: number;
  ref: EventRef;
  /** the latest correction's reason, or null when the cost stands as recorded */
  correctedReason: string | null;
  /** set when the cost was reversed: it then counts as nothing */
  reversedReason: string | null;
}

export interface ProjectState {
  id: string;
  name: string;
  ownerUnitId: string;
  projectLeader: string;
  phase: ProjectPhase;
  thresholds: Thresholds;
  closed: boolean;
  closedReason: string | null;
  costs: CostFact[];
  /** payer unit → all its recorded costs on the project (the basis of the cost shares) */
  costByPayer: Map<string, number>;
  /** payers in first-cost order with their weights, rebuilt when a cost is recorded, corrected or reversed */
  payerIds: string[];
  payerWeights: number[];
  totalCostOre: number;
  benefitIds: string[];
}

export interface AttachmentFact {
  attachmentId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  period: string | null;
  measuredOn: string | null;
  attachedBy: string | null;
  attachedAt: string;
}

export interface PlanEntry {
  period: string;
  quantity: number;
}

export interface RealisationFact {
  period: string;
  quantity: number;
  valuationOrePerUnit: number | null;
  valueOre: number;
  corrected: boolean;
  comment: string | null;
  evidenceUrl: string | null;
  start: number;
  end: number;
  ref: EventRef;
}

export interface WithdrawalFact {
  withdrawalId: string;
  unitId: string;
  period: string;
  amountOre: number;
  saksnummer: string | null;
  start: number;
  end: number;
  ref: EventRef;
}

export interface MeasurementFact {
  value: number;
  measuredOn: string;
  period: string | null;
  comment: string | null;
  evidenceUrl: string | null;
}

export interface BenefitState {
  id: string;
  projectId: string | null;
  title: string;
  recipientUnitId: string;
  owner: string | null;
  indicator: string | null;
  unitOfMeasure: string;
  direction: Direction;
  category: BenefitCategory;
  cashReleasing: boolean;
  valuationOrePerUnit: number | null;
  baseline: number | null;
  target: number | null;
  targetDate: string | null;
  measurementSchedule: MeasurementSchedule;
  disbenefit: boolean;
  /** the change or measure (endring/tiltak) behind the benefit */
  change: string | null;
  comment: string | null;
  /** the date of the latest baseline measurement (BaselineMeasured); null when the baseline is only planned */
  baselineMeasuredOn: string | null;
  unplanned: boolean;
  cancelled: boolean;
  plan: PlanEntry[];
  /** period → the latest realisation of that period */
  realisations: Map<string, RealisationFact>;
  measurements: MeasurementFact[];
  /** files attached as evidence (EvidenceAttached), oldest first */
  attachments: AttachmentFact[];
  withdrawals: WithdrawalFact[];
  reminders: { kind: string; period: string; sentAt: string }[];
  ref: EventRef;
}

/** A declared share of a gain two benefits claim (`BenefitOverlapDeclared`). */
export interface OverlapFact {
  benefitId: string;
  otherBenefitId: string;
  sharePercent: number;
  otherSharePercent: number;
  ref: EventRef;
}
