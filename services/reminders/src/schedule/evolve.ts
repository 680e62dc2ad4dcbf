import { eventTypes, isEventType, type EventType, type GevinstEvent } from '@gevinst/domain/events';
import { obligationPeriodsOf } from './obligations';
import { type BenefitState, fileUnderOwner, type ReminderKind, type ReminderRecord, type ReminderState, type UnitState, reminderKey } from './state';

/** A stored event as the reminders fold it: parsed by the domain (`parseEvent`), with its metadata. */
export type ReminderInputEvent = GevinstEvent & { metadata?: Readonly<Record<string, unknown>> };

/** Whether an event type can change what is due; a new event type must be placed here. */
const relevance: Record<EventType, boolean> = {
  BenefitPlanned: true,
  BenefitForecastRevised: true,
  BenefitRealised: true,
  BenefitRealisationCorrected: true,
  MeasurementRecorded: true,
  BenefitOwnerAssigned: true,
  BenefitCancelled: true,
  BaselineMeasured: false,
  BudgetWithdrawalRecorded: false,
  UnplannedBenefitRecorded: false,
  ProjectRegistered: true,
  ProjectPhaseChanged: false,
  ProjectClosed: false,
  CostRecorded: false,
  CostCorrected: false,
  CostReversed: false,
  AnnualCostStopped: false,
  EvidenceAttached: false,
  BenefitPlanApproved: false,
  BenefitOverlapDeclared: false,
  UnitRegistered: true,
  UnitRenamed: true,
  UnitLeaderAssigned: true,
  UnitMergedInto: true,
  UnitMergerAnnulled: true,
  UnitMoveAnnulled: false,
  UnitMoved: false,
  HourlyRateSet: false,
  UnitsMerged: false,
  SettlementRecorded: false,
  ReminderSent: true,
  ReminderEscalated: true,
  ReminderDelivered: true,
  ReminderDeliveryFailed: true,
  RoleGranted: false,
  RoleRevoked: false,
  // actions' reminders are folded by schedule/actions.ts
  BenefitActionAdded: false,
  BenefitActionUpdated: false,
  BenefitRiskAssessed: false,
  BenefitRiskClosed: false,
  ActionReminderSent: false,
  ActionReminderDelivered: false,
  MapNodeAdded: false,
  MapNodeChanged: false,
  MapNodeRemoved: false,
  MapEdgeAdded: false,
  MapEdgeRemoved: false,
  GoalDefined: false,
  GoalRenamed: false,
  GoalRetired: false,
  GoalRequirementSet: false,
  GoalResultRecorded: false,
  GoalBenefitLinked: false,
  GoalBenefitUnlinked: false,
  GoalProjectLinked: false,
  GoalProjectUnlinked: false,
  CostBenefitDefaultsSet: false,
  PriceIndexSet: false,
  ReportingDeadlineSet: false,
  ReportingDeadlineRemoved: false,
  CalendarReminderSent: false,
  CalendarReminderDelivered: false,
};

/** The event types that can change what is due (others are ignored). */
export const RELEVANT_EVENT_TYPES: ReadonlySet<string> = new Set<string>(eventTypes.filter((type) => relevance[type]));

export const isRelevantEventType = (type: string): type is EventType => isEventType(type) && relevance[type];

const textOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const planPeriods = (plan: readonly { period: string }[]): string[] => [...new Set(plan.map((p) => p.period))];

/** Mutates and returns the state (the scheduler folds hundreds of thousands of events). */
export const evolve = (state: ReminderState, event: ReminderInputEvent): ReminderState => {
  const at = textOrNull(event.metadata?.recordedAt) ?? '';
  switch (event.type) {
    case 'BenefitPlanned': {
      const d = event.data;
      const benefit: BenefitState = {
        benefitId: d.benefitId,
        projectId: d.projectId,
        title: d.title,
        recipientUnitId: d.recipientUnitId,
        owner: d.owner,
        indicator: d.indicator,
        unitOfMeasure: d.unitOfMeasure,
        plan: planPeriods(d.plan),
        measurementSchedule: d.measurementSchedule,
        cancelled: false,
        realised: new Set(),
        measured: new Set(),
        knownSince: new Map(),
        plannedBy: textOrNull(event.metadata?.userId) ?? '',
        reminders: state.orphanReminders.get(d.benefitId) ?? new Map<string, ReminderRecord>(),
      };
      noteNewObligations(benefit, at);
      state.orphanReminders.delete(benefit.benefitId);
      fileUnderOwner(state.benefitsByOwner, benefit.benefitId, benefit.owner, state.benefits.get(benefit.benefitId)?.owner);
      state.benefits.set(benefit.benefitId, benefit);
      return state;
    }
    case 'BenefitForecastRevised': {
      const { benefitId, plan } = event.data;
      withBenefit(state, benefitId, (b) => {
        b.plan = planPeriods(plan);
        noteNewObligations(b, at);
      });
      return state;
    }
    case 'BenefitRealised':
    case 'BenefitRealisationCorrected': {
      const { benefitId, period } = event.data;
      withBenefit(state, benefitId, (b) => b.realised.add(period));
      return state;
    }
    case 'MeasurementRecorded': {
      const { benefitId, period } = event.data;
      withBenefit(state, benefitId, (b) => b.measured.add(period));
      return state;
    }
    case 'BenefitOwnerAssigned': {
      const { benefitId, owner } = event.data;
      withBenefit(state, benefitId, (b) => {
        fileUnderOwner(state.benefitsByOwner, benefitId, owner, b.owner);
        b.owner = owner;
      });
      return state;
    }
    case 'BenefitCancelled':
      withBenefit(state, event.data.benefitId, (b) => (b.cancelled = true));
      return state;
    case 'ProjectRegistered':
      state.projects.set(event.data.projectId, { name: event.data.name, projectLeader: textOrNull(event.data.projectLeader) });
      return state;
    case 'UnitRegistered':
      state.units.set(event.data.unitId, { name: event.data.name, leader: textOrNull(event.data.leader), mergedInto: null });
      return state;
    case 'UnitRenamed': {
      const { unitId, name } = event.data;
      withUnit(state, unitId, (u) => (u.name = name));
      return state;
    }
    case 'UnitLeaderAssigned': {
      const { unitId, leader } = event.data;
      withUnit(state, unitId, (u) => (u.leader = textOrNull(leader)));
      return state;
    }
    case 'UnitMergedInto': {
      const { unitId, successorUnitId } = event.data;
      withUnit(state, unitId, (u) => (u.mergedInto = textOrNull(successorUnitId)));
      return state;
    }
    case 'UnitMergerAnnulled':
      withUnit(state, event.data.unitId, (u) => (u.mergedInto = null));
      return state;
    case 'ReminderSent':
    case 'ReminderEscalated': {
      const d = event.data;
      const kind: ReminderKind = event.type === 'ReminderEscalated' ? 'escalation' : event.data.kind;
      const record = reminderRecord(state, d.benefitId, d.period, kind);
      record.claimedAt = at;
      record.deliveryId = textOrNull(event.metadata?.deliveryId);
      record.messageId = d.messageId;
      record.recipients = [...d.recipients];
      return state;
    }
    case 'ReminderDelivered': {
      const { benefitId, period, kind } = event.data;
      reminderRecord(state, benefitId, period, kind).deliveredAt = at;
      return state;
    }
    case 'ReminderDeliveryFailed': {
      const { benefitId, period, kind, error, attempts } = event.data;
      reminderRecord(state, benefitId, period, kind).failures.push({ at, error, attempts });
      return state;
    }
    case 'BaselineMeasured':
    case 'BudgetWithdrawalRecorded':
    case 'UnplannedBenefitRecorded':
    case 'ProjectPhaseChanged':
    case 'ProjectClosed':
    case 'CostRecorded':
    case 'CostCorrected':
    case 'CostReversed':
    case 'AnnualCostStopped':
    case 'EvidenceAttached':
    case 'BenefitPlanApproved':
    case 'BenefitOverlapDeclared':
    case 'UnitMoved':
    case 'UnitMoveAnnulled':
    case 'HourlyRateSet':
    case 'UnitsMerged':
    case 'SettlementRecorded':
    case 'RoleGranted':
    case 'RoleRevoked':
    case 'BenefitActionAdded':
    case 'BenefitActionUpdated':
    case 'BenefitRiskAssessed':
    case 'BenefitRiskClosed':
    case 'ActionReminderSent':
    case 'ActionReminderDelivered':
    case 'MapNodeAdded':
    case 'MapNodeChanged':
    case 'MapNodeRemoved':
    case 'MapEdgeAdded':
    case 'MapEdgeRemoved':
    case 'GoalDefined':
    case 'GoalRenamed':
    case 'GoalRetired':
    case 'GoalRequirementSet':
    case 'GoalResultRecorded':
    case 'GoalBenefitLinked':
    case 'GoalBenefitUnlinked':
    case 'GoalProjectLinked':
    case 'GoalProjectUnlinked':
    case 'CostBenefitDefaultsSet':
    case 'PriceIndexSet':
    case 'ReportingDeadlineSet':
    case 'ReportingDeadlineRemoved':
    case 'CalendarReminderSent':
    case 'CalendarReminderDelivered':
      return state;
    default: {
      const unconsidered: never = event;
      return unconsidered;
    }
  }
};

export const evolveAll = (state: ReminderState, events: Iterable<ReminderInputEvent>): ReminderState => {
  for (const e of events) evolve(state, e);
  return state;
};

/** Remembers when each obligation of the plan first appeared (kept when a period leaves the plan and comes back). */
const noteNewObligations = (benefit: BenefitState, at: string) => {
  for (const { period } of obligationPeriodsOf(benefit.plan, benefit.measurementSchedule))
    if (!benefit.knownSince.has(period)) benefit.knownSince.set(period, at);
};

const withBenefit = (state: ReminderState, benefitId: string, change: (b: BenefitState) => void) => {
  const b = state.benefits.get(benefitId);
  if (b) change(b);
};

const withUnit = (state: ReminderState, unitId: string, change: (u: UnitState) => void) => {
  const u = state.units.get(unitId);
  if (u) change(u);
};

/** The record of one reminder, made when its first fact arrives (before its benefit's, if need be). */
const reminderRecord = (state: ReminderState, benefitId: string, period: string, kind: ReminderKind): ReminderRecord => {
  const benefit = state.benefits.get(benefitId);
  let records = benefit?.reminders ?? state.orphanReminders.get(benefitId);
  if (!records) {
    records = new Map();
    state.orphanReminders.set(benefitId, records);
  }
  const key = reminderKey(period, kind);
  let record = records.get(key);
  if (!record) {
    record = { claimedAt: '', deliveryId: null, messageId: '', recipients: [], deliveredAt: null, failures: [] };
    records.set(key, record);
  }
  return record;
};

/** The entries of the state an event can change: what a saved state writes again after it. */
export interface ChangedEntries {
  /** the benefit (or, before it is planned, its orphan reminder records) */
  benefitId?: string;
  projectId?: string;
  unitId?: string;
}

export const entriesChangedBy = (event: ReminderInputEvent): ChangedEntries => {
  switch (event.type) {
    case 'BenefitPlanned':
    case 'BenefitForecastRevised':
    case 'BenefitRealised':
    case 'BenefitRealisationCorrected':
    case 'MeasurementRecorded':
    case 'BenefitOwnerAssigned':
    case 'BenefitCancelled':
    case 'ReminderSent':
    case 'ReminderEscalated':
    case 'ReminderDelivered':
    case 'ReminderDeliveryFailed':
      return { benefitId: event.data.benefitId };
    case 'ProjectRegistered':
      return { projectId: event.data.projectId };
    case 'UnitRegistered':
    case 'UnitRenamed':
    case 'UnitLeaderAssigned':
    case 'UnitMergedInto':
    case 'UnitMergerAnnulled':
      return { unitId: event.data.unitId };
    default:
      return {};
  }
};
