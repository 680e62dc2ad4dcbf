import { DateTime } from 'luxon';
import { OSLO, periodLastDate, toOslo, type PeriodLike } from '../periods';

/** A period's realisation is due this many Oslo calendar days after the period's last day (reminders use the same). */
export const DUE_DAYS_AFTER_PERIOD_END = 14;

/** The Oslo date (`yyyy-mm-dd`) by which the period's value must be recorded. */
export function realisationDueDate(period: PeriodLike, dueDays = DUE_DAYS_AFTER_PERIOD_END): string {
  return toOslo(periodLastDate(period), 'period').plus({ days: dueDays }).toISODate();
}

/** Whether the due date has passed at `asOf` (i.e. `asOf` lies after the due date's last moment in Oslo). */
export function isRealisationOverdue(period: PeriodLike, asOf: string | Date | DateTime, dueDays = DUE_DAYS_AFTER_PERIOD_END): boolean {
  const firstDayAfterDue = DateTime.fromISO(realisationDueDate(period, dueDays), { zone: OSLO }).plus({ days: 1 });
  return toOslo(asOf, 'asOf') >= firstDayAfterDue;
}
