import { DateTime } from 'luxon';
import { OSLO } from '@gevinst/domain/periods';
import type { ReminderConfig } from '../config';
import { isFulfilled, obligationsOf, type What } from './obligations';
import { sendTimeOf } from './reminders';
import { type ReminderKind, type ReminderState, REMINDER_KINDS, reminderKey } from './state';

export interface DueReminderView {
  kind: ReminderKind;
  /** when it was claimed for sending */
  sentAt: string;
  deliveredAt: string | null;
  /** the last failed delivery, if delivery gave up (shown so nobody thinks it went out) */
  deliveryFailed: { at: string; error: string; attempts: number } | null;
}

/** One row of `GET /api/due` (docs/contract.md). */
export interface DueItem {
  benefitId: string;
  benefitTitle: string;
  projectId: string;
  projectName: string;
  period: string;
  dueDate: string;
  state: 'upcoming' | 'due' | 'overdue';
  what: What;
  reminders: DueReminderView[];
}

const osloDate = (at: number | string | Date): string => {
  const dt = typeof at === 'number' ? DateTime.fromMillis(at) : typeof at === 'string' ? DateTime.fromISO(at) : DateTime.fromJSDate(at);
  return dt.setZone(OSLO).toISODate()!;
};

/**
 * The owner's open values at `at`: each unrecorded period whose period has ended or whose first
 * reminder has gone, oldest due date first; `due` on the due date, `overdue` after it.
 * `at` may be an instant or an Oslo date (`yyyy-mm-dd`, read as the end of that day).
 */
export const dueList = (state: ReminderState, owner: string, at: number | string | Date, config: ReminderConfig): DueItem[] => {
  const today = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : osloDate(at);
  const endOfToday = DateTime.fromISO(today, { zone: OSLO }).endOf('day').toMillis();
  const who = owner.trim().toLowerCase();
  const items: DueItem[] = [];
  for (const b of state.benefits.values()) {
    if (b.cancelled || b.owner.toLowerCase() !== who) continue;
    for (const o of obligationsOf(b, config)) {
      if (isFulfilled(b, o)) continue;
      const shownFrom = Math.min(o.opensAt, sendTimeOf(o.dueDate, 'before-due', config));
      if (shownFrom > endOfToday) continue;
      const reminders: DueReminderView[] = [];
      for (const kind of REMINDER_KINDS) {
        const r = b.reminders.get(reminderKey(o.period, kind));
        if (!r?.claimedAt) continue;
        const lastFailure = r.failures.at(-1);
        reminders.push({
          kind,
          sentAt: r.claimedAt,
          deliveredAt: r.deliveredAt,
          deliveryFailed: lastFailure && !r.deliveredAt ? lastFailure : null,
        });
      }
      items.push({
        benefitId: b.benefitId,
        benefitTitle: b.title,
        projectId: b.projectId,
        projectName: state.projects.get(b.projectId)?.name ?? '',
        period: o.period,
        dueDate: o.dueDate,
        state: today < o.dueDate ? 'upcoming' : today === o.dueDate ? 'due' : 'overdue',
        what: o.what,
        reminders,
      });
    }
  }
  return items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.benefitTitle.localeCompare(b.benefitTitle) || a.period.localeCompare(b.period));
};
