import { DateTime } from 'luxon';
import type { DueItem, DueReminder } from '@gevinst/domain/answers';
import { OSLO } from '@gevinst/domain/periods';
import type { ReminderConfig } from '../config';
import { isFulfilled, obligationsOf } from './obligations';
import { overdueSummaryClaimOf, sendTimeOf } from './reminders';
import { type BenefitState, ownerKey, type ReminderState, REMINDER_KINDS, reminderKey } from './state';

/**
 * One sent reminder of a due item: `sentAt` is when it was claimed for sending; `deliveryFailed` the last
 * failed delivery, if delivery gave up (shown so nobody thinks it went out).
 */
export type DueReminderView = DueReminder;

/** One row of `GET /api/due` (docs/contract.md): the domain's answer. */
export type { DueItem };

const osloDate = (at: number | string | Date): string => {
  const dt = typeof at === 'number' ? DateTime.fromMillis(at) : typeof at === 'string' ? DateTime.fromISO(at) : DateTime.fromJSDate(at);
  const date = dt.setZone(OSLO).toISODate();
  if (date === null) throw new Error(`not a time: ${String(at)}`);
  return date;
};

/**
 * The owner's open values at `at`: each unrecorded period whose period has ended or whose first
 * reminder has gone, oldest due date first; `due` on the due date, `overdue` after it.
 * `at` may be an instant or an Oslo date (`yyyy-mm-dd`, read as the end of that day).
 * Only the owner's benefits are looked at (`benefitsByOwner`), not every benefit.
 */
export const dueList = (state: ReminderState, owner: string, at: number | string | Date, config: ReminderConfig): DueItem[] => {
  const ids = state.benefitsByOwner.get(ownerKey(owner.trim())) ?? [];
  return dueItemsOf(state, [...ids].flatMap((id) => state.benefits.get(id) ?? []), at, config);
};

/** The open values of these benefits at `at`, as `dueList` lists them. */
export const dueItemsOf = (state: ReminderState, benefits: Iterable<BenefitState>, at: number | string | Date, config: ReminderConfig): DueItem[] => {
  const today = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : osloDate(at);
  const endOfToday = DateTime.fromISO(today, { zone: OSLO }).endOf('day').toMillis();
  const items: DueItem[] = [];
  for (const b of benefits) {
    if (b.cancelled) continue;
    const summary = overdueSummaryClaimOf(b);
    for (const o of obligationsOf(b, config)) {
      if (isFulfilled(b, o)) continue;
      const shownFrom = Math.min(o.opensAt, sendTimeOf(o.dueDate, 'before-due', config));
      if (shownFrom > endOfToday) continue;
      const reminders: DueReminderView[] = [];
      for (const kind of REMINDER_KINDS) {
        // a value late when planned was reminded of by the overdue summary (shown as its `due` reminder)
        const r = b.reminders.get(reminderKey(o.period, kind)) ?? (o.lateWhenPlanned && kind === 'due' ? summary?.record : undefined);
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
        recipientUnitId: b.recipientUnitId,
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
