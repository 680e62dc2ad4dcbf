import type { BenefitCategory, CostKind, Direction, PlanEntry, ProjectPhase, Thresholds } from '../events';
import type { Ore } from '../money';

/** Where a fact came from, so any figure can be opened down to the events behind it. */
export interface FactSource {
  streamName: string | null;
  /** 0-based revision within the stream, as a string (bigint-safe, JSON-safe) */
  revision: string | null;
  type: string;
  userId: string | null;
  recordedAt: string | null;
  saksnummer: string | null;
}

export interface UnitMoveFact {
  newParentId: string | null;
  previousParentId: string | null;
  effectiveDate: string;
  /** annulled by a later `UnitMoveAnnulled`: kept (transaction time), counts as never made (valid time) */
  annulled: boolean;
  source: FactSource;
}

export interface UnitMergerFact {
  successorUnitId: string;
  effectiveDate: string;
  /** annulled by a later `UnitMergerAnnulled` */
  annulled: boolean;
  source: FactSource;
}

/** A unit and its place over valid time (it is a `UnitTimeline`: see `timeline.ts`). */
export interface UnitFact {
  unitId: string;
  name: string;
  /** the parent after every move not annulled, whatever its date (the tree at a date: `parentAt`) */
  parentId: string | null;
  /** the parent it was registered under */
  registeredParentId: string | null;
  /** in recorded order, annulled ones included */
  moves: UnitMoveFact[];
  /** in recorded order, annulled ones included; at most one is not annulled */
  mergers: UnitMergerFact[];
  /** the merger not annulled, whatever its date (from its effective date on, the unit takes no new facts) */
  mergedInto: { successorUnitId: string; effectiveDate: string; source: FactSource } | null;
  /** units merged into this one */
  mergedUnitIds: string[];
  source: FactSource | null;
}

export interface CostFact {
  costId: string;
  projectId: string;
  payerUnitId: string;
  amountOre: Ore;
  period: string;
  kind: CostKind;
  /** an annual cost's first and last budget year (`endYear` null: until stopped); null for a one-off cost */
  startYear: number | null;
  endYear: number | null;
  source: FactSource;
}

export interface ProjectFact {
  projectId: string;
  name: string;
  ownerUnitId: string | null;
  thresholds: Thresholds;
  phase: ProjectPhase;
  closed: boolean;
  costs: CostFact[];
  source: FactSource | null;
}

export interface RealisationFact {
  benefitId: string;
  period: string;
  quantity: number;
  valuationOrePerUnit: Ore | null;
  valueOre: Ore;
  /** true when the latest event for the period is a correction */
  corrected: boolean;
  /** how many events (realisation + corrections) were recorded for the period */
  versions: number;
  source: FactSource;
}

export interface WithdrawalFact {
  withdrawalId: string;
  benefitId: string;
  unitId: string;
  period: string;
  amountOre: Ore;
  saksnummer: string | null;
  source: FactSource;
}

export interface MeasurementFact {
  value: number;
  measuredOn: string;
  period: string | null;
  source: FactSource;
}

export interface BenefitFact {
  benefitId: string;
  projectId: string | null;
  title: string;
  recipientUnitId: string;
  owner: string | null;
  category: BenefitCategory;
  cashReleasing: boolean;
  valuationOrePerUnit: Ore | null;
  direction: Direction;
  disbenefit: boolean;
  baseline: number | null;
  target: number | null;
  /** the plan as last revised */
  plan: PlanEntry[];
  /** the plan as first made */
  originalPlan: PlanEntry[];
  /** the latest realisation per period (a correction replaces the realisation) */
  realisations: Map<string, RealisationFact>;
  withdrawals: WithdrawalFact[];
  measurements: MeasurementFact[];
  cancelled: boolean;
  /** recorded with `UnplannedBenefitRecorded`: one realisation, no plan */
  unplanned: boolean;
  source: FactSource | null;
}

export interface SettlementFact {
  settlementId: string;
  fromUnitId: string;
  toUnitId: string;
  amountOre: Ore;
  period: string;
  saksnummer: string;
  projectId: string | null;
  /** recorded above what was owed, by an explicit override (SettlementRecorded v2) */
  override: boolean;
  overrideReason: string | null;
  source: FactSource;
}

/**
 * What the ledger needs, folded from the events. Maps are keyed by id and kept in first-seen order.
 * A value of this type is an accumulator: `applyLedgerEvent` changes it in place, every other
 * function leaves it alone.
 */
export interface LedgerFacts {
  units: Map<string, UnitFact>;
  projects: Map<string, ProjectFact>;
  benefits: Map<string, BenefitFact>;
  settlements: Map<string, SettlementFact>;
  /** how many events were folded (including ones the ledger does not use) */
  eventCount: number;
}

export function initialLedgerFacts(): LedgerFacts {
  return { units: new Map(), projects: new Map(), benefits: new Map(), settlements: new Map(), eventCount: 0 };
}

/** A deep copy (Maps included) that later folds will not touch. */
export function cloneLedgerFacts(facts: LedgerFacts): LedgerFacts {
  return structuredClone(facts);
}

/** Whether the benefit's realisations are NOK figures the ledger may add up. */
export function isValued(benefit: BenefitFact): boolean {
  if (benefit.category === 'unpriced') return false;
  return benefit.unplanned || benefit.valuationOrePerUnit !== null;
}

/** The sign a benefit's value takes in the ledger: a disbenefit (ulempe) counts against. */
export function ledgerSign(benefit: BenefitFact): 1 | -1 {
  return benefit.disbenefit ? -1 : 1;
}

/**
 * The unit whose ledger row a withdrawal counts on: the benefit's recipient, placed by the tree like
 * every other figure of the benefit. The withdrawal's own `unitId` names the budget that was cut —
 * the recipient's, or its successor's once the recipient was merged — so a merged unit's balance
 * passes to its successor with its history, and an annulled merger gives it back whole.
 */
export const withdrawalRowUnit = (benefit: BenefitFact): string => benefit.recipientUnitId;
