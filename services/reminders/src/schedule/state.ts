export type ReminderKind = 'before-due' | 'due' | 'escalation';
export const REMINDER_KINDS: readonly ReminderKind[] = ['before-due', 'due', 'escalation'];
export type MeasurementSchedule = 'tertial' | 'year' | 'month';

/** What the reminder stream of one reminder says happened to it. */
export interface ReminderRecord {
  /** the claim (ReminderSent / ReminderEscalated) */
  claimedAt: string;
  deliveryId: string | null;
  messageId: string;
  recipients: string[];
  deliveredAt: string | null;
  failures: { at: string; error: string; attempts: number }[];
}

export interface BenefitState {
  benefitId: string;
  projectId: string;
  title: string;
  recipientUnitId: string;
  owner: string;
  indicator: string;
  unitOfMeasure: string;
  plan: string[];
  measurementSchedule: MeasurementSchedule;
  cancelled: boolean;
  /** periods with a BenefitRealised / BenefitRealisationCorrected */
  realised: Set<string>;
  /** periods with a MeasurementRecorded */
  measured: Set<string>;
  /**
   * obligation period → when it first became an obligation (the recorded time of the plan event
   * that brought it in; '' when the event has none). Decides what was already late when planned.
   */
  knownSince: Map<string, string>;
  /** who planned the benefit (the BenefitPlanned's userId) */
  plannedBy: string;
  /** `${period}.${kind}` → what its reminder stream holds */
  reminders: Map<string, ReminderRecord>;
}

export interface ProjectState {
  name: string;
  projectLeader: string | null;
}

export interface UnitState {
  name: string;
  leader: string | null;
  mergedInto: string | null;
}

/** The reminders' own read model, folded from benefit, project, unit and reminder events. */
export interface ReminderState {
  benefits: Map<string, BenefitState>;
  projects: Map<string, ProjectState>;
  units: Map<string, UnitState>;
  /** reminder facts that arrived before their benefit (streams are read in global order, so rare) */
  orphanReminders: Map<string, Map<string, ReminderRecord>>;
}

export const initialState = (): ReminderState => ({
  benefits: new Map(),
  projects: new Map(),
  units: new Map(),
  orphanReminders: new Map(),
});

export const reminderKey = (period: string, kind: ReminderKind): string => `${period}.${kind}`;
