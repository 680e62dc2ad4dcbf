import type { ReminderConfig } from '../config';
import { isFulfilled, obligationsOf, type Obligation } from './obligations';
import { sendTimesOf } from './timing';
import { messageIdOf, overdueSummaryMessageIdOf } from './ids';
import { type BenefitState, type ReminderKind, type ReminderRecord, type ReminderState, REMINDER_KINDS, reminderKey } from './state';

/** One reminder of one obligation: when it goes and to whom (as the state stands now). */
export interface PlannedReminder {
  benefitId: string;
  period: string;
  kind: ReminderKind;
  what: Obligation['what'];
  dueDate: string;
  /** epoch ms at which it should be sent */
  runAt: number;
  /** `to` addresses; for an escalation the project leader and the unit leader */
  to: string[];
  /** copies; the owner on an escalation */
  cc: string[];
  daysOverdue: number;
  /**
   * Not empty: this is the owner's one overdue summary, listing every value that was already late
   * when it became an obligation (oldest first). It is claimed as the `due` reminder of the first
   * of them, which has no reminders of its own.
   */
  lateWhenPlanned: Obligation[];
  messageId: string;
}

export const sendTimeOf = (dueDate: string, kind: ReminderKind, config: ReminderConfig): number => sendTimesOf(dueDate, config)[kind];

/** The unit's leader, following merges to the successor when the unit itself has none. */
export const unitLeaderOf = (state: ReminderState, unitId: string): string | null => {
  const seen = new Set<string>();
  let id: string | null = unitId;
  while (id && !seen.has(id)) {
    seen.add(id);
    const unit = state.units.get(id);
    if (!unit) return null;
    if (unit.leader && !unit.mergedInto) return unit.leader;
    id = unit.mergedInto ?? null;
    if (!id) return unit.leader;
  }
  return null;
};

const unique = (xs: (string | null | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => !!x))];

export const recipientsOf = (state: ReminderState, benefit: BenefitState, kind: ReminderKind): { to: string[]; cc: string[] } => {
  if (kind !== 'escalation') return { to: unique([benefit.owner]), cc: [] };
  const leaders = unique([state.projects.get(benefit.projectId)?.projectLeader, unitLeaderOf(state, benefit.recipientUnitId)]);
  // With no leader on record the escalation still reaches the owner rather than nobody.
  if (leaders.length === 0) return { to: unique([benefit.owner]), cc: [] };
  return { to: leaders, cc: unique([benefit.owner]).filter((o) => !leaders.includes(o)) };
};

/** The claim of the benefit's overdue summary, if it was made (on whichever period it was anchored). */
export const overdueSummaryClaimOf = (benefit: BenefitState): { period: string; record: ReminderRecord } | null => {
  const messageId = overdueSummaryMessageIdOf(benefit.benefitId);
  for (const [key, record] of benefit.reminders)
    if (record.claimedAt && record.messageId === messageId) return { period: key.slice(0, key.lastIndexOf('.')), record };
  return null;
};

/**
 * Every reminder the benefit still needs, sent or not: none once cancelled, none for an obligation
 * whose value is recorded. Whether one was already claimed is in `benefit.reminders`.
 * An obligation that was already late when it was planned gets no reminders of its own (a benefit
 * planned after the fact would otherwise escalate at once, period by period); the owner gets one
 * summary of them instead, sent when the benefit was planned.
 */
export const remindersOf = (state: ReminderState, benefit: BenefitState, config: ReminderConfig): PlannedReminder[] => {
  if (benefit.cancelled || !benefit.owner) return [];
  const out: PlannedReminder[] = [];
  const late: Obligation[] = [];
  for (const o of obligationsOf(benefit, config)) {
    if (isFulfilled(benefit, o)) continue;
    if (o.lateWhenPlanned) {
      late.push(o);
      continue;
    }
    for (const kind of REMINDER_KINDS) {
      out.push({
        benefitId: benefit.benefitId,
        period: o.period,
        kind,
        what: o.what,
        dueDate: o.dueDate,
        runAt: sendTimeOf(o.dueDate, kind, config),
        ...recipientsOf(state, benefit, kind),
        daysOverdue: kind === 'escalation' ? config.escalationDaysOverdue : 0,
        lateWhenPlanned: [],
        messageId: messageIdOf(benefit.benefitId, o.period, kind),
      });
    }
  }
  const summary = overdueSummaryOf(benefit, late, config);
  return summary ? [summary, ...out] : out;
};

const overdueSummaryOf = (benefit: BenefitState, late: Obligation[], config: ReminderConfig): PlannedReminder | null => {
  if (config.historyLoaders.includes(benefit.plannedBy)) return null;
  // once claimed it stays on its period, even if that value is recorded later (no second summary)
  const claimed = overdueSummaryClaimOf(benefit);
  const anchor = claimed ? obligationsOf(benefit, config).find((o) => o.period === claimed.period) : late[0];
  if (!anchor || late.length === 0) return null;
  const since = Date.parse(benefit.knownSince.get(anchor.period) ?? '');
  return {
    benefitId: benefit.benefitId,
    period: anchor.period,
    kind: 'due',
    what: anchor.what,
    dueDate: anchor.dueDate,
    runAt: Number.isFinite(since) ? since : sendTimeOf(anchor.dueDate, 'due', config),
    to: [benefit.owner],
    cc: [],
    daysOverdue: 0,
    lateWhenPlanned: late,
    messageId: overdueSummaryMessageIdOf(benefit.benefitId),
  };
};

/** The reminders the scheduler must have a job for: still needed and not yet claimed. */
export const unclaimedRemindersOf = (state: ReminderState, benefit: BenefitState, config: ReminderConfig): PlannedReminder[] =>
  remindersOf(state, benefit, config).filter((r) => !benefit.reminders.get(reminderKey(r.period, r.kind))?.claimedAt);

/**
 * What the worker asks at delivery time: is this reminder still wanted, and as what? null when the
 * benefit is unknown or cancelled, the value is recorded, or the period is no longer planned.
 */
export const reminderNow = (
  state: ReminderState,
  benefitId: string,
  period: string,
  kind: ReminderKind,
  config: ReminderConfig,
): PlannedReminder | null => {
  const benefit = state.benefits.get(benefitId);
  if (!benefit) return null;
  return remindersOf(state, benefit, config).find((r) => r.period === period && r.kind === kind) ?? null;
};

/**
 * A reminder whose next step is already due is superseded: a service that was down sends the owner
 * one current mail, not a burst of stale ones. (A benefit planned after its deadlines gets the overdue summary.)
 */
export const isSuperseded = (state: ReminderState, reminder: PlannedReminder, now: number, config: ReminderConfig): boolean => {
  const benefit = state.benefits.get(reminder.benefitId);
  if (!benefit) return false;
  const later = REMINDER_KINDS.slice(REMINDER_KINDS.indexOf(reminder.kind) + 1);
  return remindersOf(state, benefit, config).some((r) => r.period === reminder.period && later.includes(r.kind) && r.runAt <= now);
};
