import { type BenefitState, type ReminderKind, type ReminderRecord, type ReminderState, reminderKey } from './state';

/** The part of a stored event the reminders read. */
export interface ReminderInputEvent {
  type: string;
  data: Record<string, unknown>;
  metadata?: { recordedAt?: string; [key: string]: unknown };
}

/** The event types that can change what is due (others are ignored). */
export const RELEVANT_EVENT_TYPES = new Set([
  'BenefitPlanned',
  'BenefitForecastRevised',
  'BenefitRealised',
  'BenefitRealisationCorrected',
  'MeasurementRecorded',
  'BenefitOwnerAssigned',
  'BenefitCancelled',
  'ProjectRegistered',
  'UnitRegistered',
  'UnitRenamed',
  'UnitLeaderAssigned',
  'UnitMergedInto',
  'ReminderSent',
  'ReminderEscalated',
  'ReminderDelivered',
  'ReminderDeliveryFailed',
]);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const planPeriods = (plan: unknown): string[] =>
  Array.isArray(plan) ? [...new Set(plan.map((p) => str((p as { period?: unknown }).period)).filter(Boolean))] : [];

/** Mutates and returns the state (the scheduler folds hundreds of thousands of events). */
export const evolve = (state: ReminderState, event: ReminderInputEvent): ReminderState => {
  const d = event.data;
  const at = event.metadata?.recordedAt ?? '';
  switch (event.type) {
    case 'BenefitPlanned': {
      const benefit: BenefitState = {
        benefitId: str(d.benefitId),
        projectId: str(d.projectId),
        title: str(d.title),
        recipientUnitId: str(d.recipientUnitId),
        owner: str(d.owner),
        indicator: str(d.indicator),
        unitOfMeasure: str(d.unitOfMeasure),
        plan: planPeriods(d.plan),
        measurementSchedule: (d.measurementSchedule as BenefitState['measurementSchedule']) ?? 'tertial',
        cancelled: false,
        realised: new Set(),
        measured: new Set(),
        reminders: state.orphanReminders.get(str(d.benefitId)) ?? new Map(),
      };
      state.orphanReminders.delete(benefit.benefitId);
      state.benefits.set(benefit.benefitId, benefit);
      return state;
    }
    case 'BenefitForecastRevised':
      withBenefit(state, d, (b) => (b.plan = planPeriods(d.plan)));
      return state;
    case 'BenefitRealised':
    case 'BenefitRealisationCorrected':
      withBenefit(state, d, (b) => b.realised.add(str(d.period)));
      return state;
    case 'MeasurementRecorded':
      withBenefit(state, d, (b) => {
        if (d.period) b.measured.add(str(d.period));
      });
      return state;
    case 'BenefitOwnerAssigned':
      withBenefit(state, d, (b) => (b.owner = str(d.owner)));
      return state;
    case 'BenefitCancelled':
      withBenefit(state, d, (b) => (b.cancelled = true));
      return state;
    case 'ProjectRegistered':
      state.projects.set(str(d.projectId), { name: str(d.name), projectLeader: strOrNull(d.projectLeader) });
      return state;
    case 'UnitRegistered':
      state.units.set(str(d.unitId), { name: str(d.name), leader: strOrNull(d.leader), mergedInto: null });
      return state;
    case 'UnitRenamed':
      withUnit(state, d, (u) => (u.name = str(d.name)));
      return state;
    case 'UnitLeaderAssigned':
      withUnit(state, d, (u) => (u.leader = strOrNull(d.leader)));
      return state;
    case 'UnitMergedInto':
      withUnit(state, d, (u) => (u.mergedInto = strOrNull(d.successorUnitId)));
      return state;
    case 'ReminderSent':
    case 'ReminderEscalated': {
      const kind: ReminderKind = event.type === 'ReminderEscalated' ? 'escalation' : (d.kind as ReminderKind);
      const record = reminderRecord(state, str(d.benefitId), str(d.period), kind, true);
      record.claimedAt = at;
      record.deliveryId = strOrNull(event.metadata?.deliveryId);
      record.messageId = str(d.messageId);
      record.recipients = Array.isArray(d.recipients) ? d.recipients.map(str) : [];
      return state;
    }
    case 'ReminderDelivered': {
      const record = reminderRecord(state, str(d.benefitId), str(d.period), d.kind as ReminderKind, true);
      record.deliveredAt = at;
      return state;
    }
    case 'ReminderDeliveryFailed': {
      const record = reminderRecord(state, str(d.benefitId), str(d.period), d.kind as ReminderKind, true);
      record.failures.push({ at, error: str(d.error), attempts: Number(d.attempts) || 0 });
      return state;
    }
    default:
      return state;
  }
};

export const evolveAll = (state: ReminderState, events: Iterable<ReminderInputEvent>): ReminderState => {
  for (const e of events) evolve(state, e);
  return state;
};

const withBenefit = (state: ReminderState, d: Record<string, unknown>, change: (b: BenefitState) => void) => {
  const b = state.benefits.get(str(d.benefitId));
  if (b) change(b);
};

const withUnit = (state: ReminderState, d: Record<string, unknown>, change: (u: NonNullable<ReturnType<ReminderState['units']['get']>>) => void) => {
  const u = state.units.get(str(d.unitId));
  if (u) change(u);
};

const reminderRecord = (state: ReminderState, benefitId: string, period: string, kind: ReminderKind, create: boolean): ReminderRecord => {
  const benefit = state.benefits.get(benefitId);
  let records = benefit?.reminders ?? state.orphanReminders.get(benefitId);
  if (!records) {
    records = new Map();
    state.orphanReminders.set(benefitId, records);
  }
  const key = reminderKey(period, kind);
  let record = records.get(key);
  if (!record && create) {
    record = { claimedAt: '', deliveryId: null, messageId: '', recipients: [], deliveredAt: null, failures: [] };
    records.set(key, record);
  }
  return record!;
};
