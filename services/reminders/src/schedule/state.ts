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
  /** `ownerKey` → the ids of the benefits they own: one owner's due list looks at theirs only (not saved; `ownerIndexOf`) */
  benefitsByOwner: Map<string, Set<string>>;
}

export const initialState = (): ReminderState => ({
  benefits: new Map(),
  projects: new Map(),
  units: new Map(),
  orphanReminders: new Map(),
  benefitsByOwner: new Map(),
});

/** Owners are matched without regard to case (`GET /api/due?owner=`). */
export const ownerKey = (owner: string): string => owner.toLowerCase();

/** Files a benefit under its owner, out from under the one it had. */
export const fileUnderOwner = (index: ReminderState['benefitsByOwner'], benefitId: string, owner: string, previousOwner?: string): void => {
  if (previousOwner !== undefined) {
    const before = index.get(ownerKey(previousOwner));
    before?.delete(benefitId);
    if (before?.size === 0) index.delete(ownerKey(previousOwner));
  }
  const key = ownerKey(owner);
  const ids = index.get(key) ?? new Set<string>();
  ids.add(benefitId);
  index.set(key, ids);
};

/** The owner index of these benefits (a saved schedule keeps the benefits, not the index). */
export const ownerIndexOf = (benefits: ReminderState['benefits']): ReminderState['benefitsByOwner'] => {
  const index: ReminderState['benefitsByOwner'] = new Map();
  for (const b of benefits.values()) fileUnderOwner(index, b.benefitId, b.owner);
  return index;
};

export const reminderKey = (period: string, kind: ReminderKind): string => `${period}.${kind}`;
