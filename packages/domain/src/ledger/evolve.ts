import type { AnyEventOf, GevinstEvent } from '../events';
import { DEFAULT_THRESHOLDS } from '../events';
import {
  cloneLedgerFacts,
  initialLedgerFacts,
  type FactSource,
  type LedgerFacts,
  type ProjectFact,
  type UnitFact,
} from './facts';
import { annulMerger, annulMove, parentAt } from './timeline';

/** Where an event was recorded: its stream, revision and metadata (kept on the facts for tracing). */
export interface EventEnvelope {
  streamName?: string;
  revision?: bigint | number | string;
  metadata?: { userId?: string; recordedAt?: string; [key: string]: unknown } | null;
}

/** An event as read from the store, parsed and upcast (`parseEvent`), with what is known of its envelope. */
export type LedgerEventInput = GevinstEvent & EventEnvelope;

/** The events the ledger folds; every other event only counts. */
export const LEDGER_EVENT_TYPES = [
  'UnitRegistered',
  'UnitRenamed',
  'UnitMoved',
  'UnitsMerged',
  'UnitMergedInto',
  'UnitMoveAnnulled',
  'UnitMergerAnnulled',
  'ProjectRegistered',
  'ProjectPhaseChanged',
  'ProjectClosed',
  'CostRecorded',
  'CostCorrected',
  'CostReversed',
  'AnnualCostStopped',
  'BenefitPlanned',
  'BaselineMeasured',
  'MeasurementRecorded',
  'BenefitRealised',
  'BenefitRealisationCorrected',
  'BenefitForecastRevised',
  'BenefitOwnerAssigned',
  'BenefitCancelled',
  'BudgetWithdrawalRecorded',
  'UnplannedBenefitRecorded',
  'SettlementRecorded',
] as const;
export type LedgerEventType = (typeof LEDGER_EVENT_TYPES)[number];
export type LedgerEvent = AnyEventOf<LedgerEventType>;
type Recorded<T extends LedgerEventType> = AnyEventOf<T> & EventEnvelope;

const ledgerTypes: ReadonlySet<string> = new Set(LEDGER_EVENT_TYPES);
export const isLedgerEvent = <E extends GevinstEvent>(event: E): event is Extract<E, LedgerEvent> => ledgerTypes.has(event.type);

function sourceOf(event: LedgerEventInput, saksnummer: string | null = null): FactSource {
  const m = event.metadata;
  return {
    streamName: event.streamName ?? null,
    revision: event.revision === undefined ? null : String(event.revision),
    type: event.type,
    userId: m?.userId ?? null,
    recordedAt: m?.recordedAt ?? null,
    saksnummer,
  };
}

function unitOf(facts: LedgerFacts, unitId: string): UnitFact {
  let unit = facts.units.get(unitId);
  if (!unit) {
    // an event about a unit we have not seen registered (e.g. a partial read): keep a placeholder
    unit = { unitId, name: unitId, parentId: null, registeredParentId: null, moves: [], mergers: [], mergedInto: null, mergedUnitIds: [], source: null };
    facts.units.set(unitId, unit);
  }
  return unit;
}

function projectOf(facts: LedgerFacts, projectId: string): ProjectFact {
  let project = facts.projects.get(projectId);
  if (!project) {
    project = { projectId, name: projectId, ownerUnitId: null, thresholds: { ...DEFAULT_THRESHOLDS }, phase: 'planning', closed: false, costs: [], source: null };
    facts.projects.set(projectId, project);
  }
  return project;
}

/** A merger is told on both streams (`UnitsMerged`, `UnitMergedInto`): the first to arrive records it. */
function markMerged(facts: LedgerFacts, unitId: string, successorUnitId: string, effectiveDate: string, source: FactSource) {
  const unit = unitOf(facts, unitId);
  if (!unit.mergers.some((m) => !m.annulled)) unit.mergers.push({ successorUnitId, effectiveDate, annulled: false, source });
  settleUnit(unit);
  const successor = unitOf(facts, successorUnitId);
  if (!successor.mergedUnitIds.includes(unitId)) successor.mergedUnitIds.push(unitId);
}

/** `parentId` and `mergedInto` from the unit's timeline, whatever the dates. */
function settleUnit(unit: UnitFact): void {
  unit.parentId = parentAt(unit, null);
  const merger = unit.mergers.find((m) => !m.annulled);
  unit.mergedInto = merger ? { successorUnitId: merger.successorUnitId, effectiveDate: merger.effectiveDate, source: merger.source } : null;
}

/**
 * Folds one event into the facts, in place. Events the ledger does not use only count. Keep this
 * for streaming folds that own their accumulator; `foldLedgerFacts` is the pure entry point.
 */
export function applyLedgerEvent(facts: LedgerFacts, event: LedgerEventInput): LedgerFacts {
  facts.eventCount++;
  if (isLedgerEvent(event)) applyLedgerFact(facts, event);
  return facts;
}

function applyLedgerFact(facts: LedgerFacts, event: Recorded<LedgerEventType>): void {
  switch (event.type) {
    case 'UnitRegistered':
    case 'UnitRenamed':
    case 'UnitMoved':
    case 'UnitsMerged':
    case 'UnitMergedInto':
    case 'UnitMoveAnnulled':
    case 'UnitMergerAnnulled':
      return applyUnitFact(facts, event);
    case 'ProjectRegistered':
    case 'ProjectPhaseChanged':
    case 'ProjectClosed':
    case 'CostRecorded':
    case 'CostCorrected':
    case 'CostReversed':
    case 'AnnualCostStopped':
      return applyProjectFact(facts, event);
    case 'BenefitPlanned':
    case 'UnplannedBenefitRecorded':
    case 'BaselineMeasured':
    case 'MeasurementRecorded':
    case 'BenefitRealised':
    case 'BenefitRealisationCorrected':
    case 'BenefitForecastRevised':
    case 'BenefitOwnerAssigned':
    case 'BenefitCancelled':
    case 'BudgetWithdrawalRecorded':
      return applyBenefitFact(facts, event);
    case 'SettlementRecorded':
      return applySettlementFact(facts, event);
    default:
      unhandled(event);
  }
}

/** Units: registration, renames, moves and mergers (a merger is told on both streams). */
function applyUnitFact(
  facts: LedgerFacts,
  event: Recorded<'UnitRegistered' | 'UnitRenamed' | 'UnitMoved' | 'UnitsMerged' | 'UnitMergedInto' | 'UnitMoveAnnulled' | 'UnitMergerAnnulled'>,
): void {
  switch (event.type) {
    case 'UnitRegistered': {
      const d = event.data;
      const unit = unitOf(facts, d.unitId);
      unit.name = d.name;
      unit.registeredParentId = d.parentId ?? null;
      unit.source = sourceOf(event);
      settleUnit(unit);
      break;
    }
    case 'UnitRenamed': {
      const d = event.data;
      unitOf(facts, d.unitId).name = d.name;
      break;
    }
    case 'UnitMoved': {
      const d = event.data;
      const unit = unitOf(facts, d.unitId);
      unit.moves.push({ newParentId: d.newParentId, previousParentId: d.previousParentId, effectiveDate: d.effectiveDate, annulled: false, source: sourceOf(event) });
      settleUnit(unit);
      break;
    }
    case 'UnitMoveAnnulled': {
      const unit = unitOf(facts, event.data.unitId);
      annulMove(unit.moves, event.data.effectiveDate);
      settleUnit(unit);
      break;
    }
    case 'UnitMergerAnnulled': {
      const d = event.data;
      const unit = unitOf(facts, d.unitId);
      annulMerger(unit.mergers, d.successorUnitId, d.effectiveDate);
      settleUnit(unit);
      const successor = unitOf(facts, d.successorUnitId);
      successor.mergedUnitIds = successor.mergedUnitIds.filter((id) => id !== d.unitId);
      break;
    }
    case 'UnitsMerged': {
      const d = event.data;
      const source = sourceOf(event);
      for (const merged of d.mergedUnitIds) markMerged(facts, merged, d.successorUnitId, d.effectiveDate, source);
      break;
    }
    case 'UnitMergedInto': {
      const d = event.data;
      markMerged(facts, d.unitId, d.successorUnitId, d.effectiveDate, sourceOf(event));
      break;
    }
    default:
      unhandled(event);
  }
}

/** Projects and their costs. */
function applyProjectFact(
  facts: LedgerFacts,
  event: Recorded<'ProjectRegistered' | 'ProjectPhaseChanged' | 'ProjectClosed' | 'CostRecorded' | 'CostCorrected' | 'CostReversed' | 'AnnualCostStopped'>,
): void {
  switch (event.type) {
    case 'ProjectRegistered': {
      const d = event.data;
      const project = projectOf(facts, d.projectId);
      project.name = d.name;
      project.ownerUnitId = d.ownerUnitId;
      project.thresholds = d.thresholds ?? { ...DEFAULT_THRESHOLDS };
      project.source = sourceOf(event);
      break;
    }
    case 'ProjectPhaseChanged': {
      const d = event.data;
      projectOf(facts, d.projectId).phase = d.phase;
      break;
    }
    case 'ProjectClosed': {
      const d = event.data;
      projectOf(facts, d.projectId).closed = true;
      break;
    }
    case 'CostRecorded': {
      const d = event.data;
      projectOf(facts, d.projectId).costs.push({
        costId: d.costId,
        projectId: d.projectId,
        payerUnitId: d.payerUnitId,
        amountOre: d.amountOre,
        period: d.period,
        kind: d.kind,
        startYear: d.startYear,
        endYear: d.endYear,
        source: sourceOf(event),
      });
      break;
    }
    case 'CostCorrected': {
      // the correction replaces the figures; the payer stays, and tracing opens the correction
      const d = event.data;
      const cost = projectOf(facts, d.projectId).costs.find((c) => c.costId === d.costId);
      if (!cost) break;
      cost.amountOre = d.amountOre;
      cost.period = d.period;
      cost.kind = d.kind;
      cost.startYear = d.startYear;
      cost.endYear = d.endYear;
      cost.source = sourceOf(event);
      break;
    }
    case 'AnnualCostStopped': {
      // the annual cost counts through its last year; tracing opens the stop
      const d = event.data;
      const cost = projectOf(facts, d.projectId).costs.find((c) => c.costId === d.costId);
      if (!cost) break;
      cost.endYear = d.lastYear;
      cost.source = sourceOf(event);
      break;
    }
    case 'CostReversed': {
      // a reversed cost counts as nothing: not in the totals, nor in the cost shares
      const d = event.data;
      const project = projectOf(facts, d.projectId);
      project.costs = project.costs.filter((c) => c.costId !== d.costId);
      break;
    }
    default:
      unhandled(event);
  }
}

/** Benefits: plan, realisations, measurements and withdrawals; an event about an unknown benefit is left out. */
function applyBenefitFact(facts: LedgerFacts, event: Recorded<'BenefitPlanned' | 'UnplannedBenefitRecorded' | 'BaselineMeasured' | 'MeasurementRecorded' | 'BenefitRealised' | 'BenefitRealisationCorrected' | 'BenefitForecastRevised' | 'BenefitOwnerAssigned' | 'BenefitCancelled' | 'BudgetWithdrawalRecorded'>): void {
  switch (event.type) {
    case 'BenefitPlanned': {
      const d = event.data;
      facts.benefits.set(d.benefitId, {
        benefitId: d.benefitId,
        projectId: d.projectId,
        title: d.title,
        recipientUnitId: d.recipientUnitId,
        owner: d.owner,
        category: d.category,
        cashReleasing: d.cashReleasing,
        valuationOrePerUnit: d.valuationOrePerUnit,
        direction: d.direction,
        disbenefit: d.disbenefit ?? false,
        baseline: d.baseline,
        target: d.target,
        plan: d.plan,
        originalPlan: d.plan,
        realisations: new Map(),
        withdrawals: [],
        measurements: [],
        cancelled: false,
        unplanned: false,
        source: sourceOf(event),
      });
      break;
    }
    case 'UnplannedBenefitRecorded': {
      const d = event.data;
      const source = sourceOf(event);
      const unpriced = d.category === 'unpriced';
      facts.benefits.set(d.benefitId, {
        benefitId: d.benefitId,
        projectId: d.projectId,
        title: d.title,
        recipientUnitId: d.recipientUnitId,
        owner: null,
        category: d.category,
        cashReleasing: d.category === 'budget',
        valuationOrePerUnit: null,
        direction: 'increase',
        disbenefit: false,
        baseline: null,
        target: null,
        plan: [],
        originalPlan: [],
        realisations: new Map([
          [d.period, { benefitId: d.benefitId, period: d.period, quantity: d.quantity, valuationOrePerUnit: null, valueOre: unpriced ? 0 : d.valueOre, corrected: false, versions: 1, source }],
        ]),
        withdrawals: [],
        measurements: [],
        cancelled: false,
        unplanned: true,
        source,
      });
      break;
    }
    case 'BaselineMeasured': {
      const d = event.data;
      const benefit = facts.benefits.get(d.benefitId);
      if (benefit) benefit.baseline = d.value;
      break;
    }
    case 'MeasurementRecorded': {
      const d = event.data;
      facts.benefits.get(d.benefitId)?.measurements.push({ value: d.value, measuredOn: d.measuredOn, period: d.period, source: sourceOf(event) });
      break;
    }
    case 'BenefitRealised':
    case 'BenefitRealisationCorrected': {
      const d = event.data;
      const benefit = facts.benefits.get(d.benefitId);
      if (!benefit) break;
      const previous = benefit.realisations.get(d.period);
      benefit.realisations.set(d.period, {
        benefitId: d.benefitId,
        period: d.period,
        quantity: d.quantity,
        valuationOrePerUnit: d.valuationOrePerUnit,
        valueOre: d.valueOre,
        corrected: event.type === 'BenefitRealisationCorrected',
        versions: (previous?.versions ?? 0) + 1,
        source: sourceOf(event),
      });
      break;
    }
    case 'BenefitForecastRevised': {
      const d = event.data;
      const benefit = facts.benefits.get(d.benefitId);
      if (benefit) benefit.plan = d.plan;
      break;
    }
    case 'BenefitOwnerAssigned': {
      const d = event.data;
      const benefit = facts.benefits.get(d.benefitId);
      if (benefit) benefit.owner = d.owner;
      break;
    }
    case 'BenefitCancelled': {
      const d = event.data;
      const benefit = facts.benefits.get(d.benefitId);
      if (benefit) benefit.cancelled = true;
      break;
    }
    case 'BudgetWithdrawalRecorded': {
      const d = event.data;
      facts.benefits.get(d.benefitId)?.withdrawals.push({
        withdrawalId: d.withdrawalId,
        benefitId: d.benefitId,
        unitId: d.unitId,
        period: d.period,
        amountOre: d.amountOre,
        saksnummer: d.saksnummer ?? null,
        source: sourceOf(event, d.saksnummer ?? null),
      });
      break;
    }
    default:
      unhandled(event);
  }
}

/** Settlements between units. */
function applySettlementFact(facts: LedgerFacts, event: Recorded<'SettlementRecorded'>): void {
  const d = event.data;
  facts.settlements.set(d.settlementId, {
    settlementId: d.settlementId,
    fromUnitId: d.fromUnitId,
    toUnitId: d.toUnitId,
    amountOre: d.amountOre,
    period: d.period,
    saksnummer: d.saksnummer,
    projectId: d.projectId ?? null,
    override: d.override === true,
    overrideReason: d.override === true ? (d.overrideReason ?? null) : null,
    source: sourceOf(event, d.saksnummer),
  });
}

/** A compile error when a ledger event type has no case above. */
const unhandled = (event: never): never => {
  throw new Error(`Unhandled ledger event: ${JSON.stringify(event)}`);
};

/**
 * Folds events into ledger facts. Pure: `start` (the facts of earlier events) is copied, not
 * changed, so folding in one go equals folding in any split into batches.
 */
export function foldLedgerFacts(events: Iterable<LedgerEventInput>, start?: LedgerFacts): LedgerFacts {
  const facts = start ? cloneLedgerFacts(start) : initialLedgerFacts();
  for (const event of events) applyLedgerEvent(facts, event);
  return facts;
}

/** Pure one-event evolve (copies the facts: for streaming, own an accumulator and use `applyLedgerEvent`). */
export function evolveLedgerFacts(facts: LedgerFacts, event: LedgerEventInput): LedgerFacts {
  return applyLedgerEvent(cloneLedgerFacts(facts), event);
}
