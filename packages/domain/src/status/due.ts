import { DateTime } from 'luxon';
import { OSLO, periodLastDate, toOslo, type PeriodLike } from '../periods';

/** A period's realisation is due this many Oslo calendar days after the period's last day (reminders use the same). */
export const DUE_DAYS_AFTER_PERIOD_END = 14;

/**
 * Due dates by `dueDays:period`: a status asks for each benefit and period, but a kommune has a few
 * dozen distinct periods, and the Oslo calendar maths (luxon time zones) was most of an export's time.
 */
const dueDates = new Map<string, { date: string; firstMomentAfter: number }>();

function due(period: PeriodLike, dueDays: number): { date: string; firstMomentAfter: number } {
  const key = typeof period === 'string' ? `${dueDays}:${period}` : null;
  const known = key === null ? undefined : dueDates.get(key);
  if (known) return known;
  const date = toOslo(periodLastDate(period), 'period').plus({ days: dueDays }).toISODate();
  const value = { date, firstMomentAfter: DateTime.fromISO(date, { zone: OSLO }).plus({ days: 1 }).toMillis() };
  if (key !== null && dueDates.size < 10_000) dueDates.set(key, value);
  return value;
}

/** The Oslo date (`yyyy-mm-dd`) by which the period's value must be recorded. */
export function realisationDueDate(period: PeriodLike, dueDays = DUE_DAYS_AFTER_PERIOD_END): string {
  return due(period, dueDays).date;
}

/** Whether the due date has passed at `asOf` (i.e. `asOf` lies after the due date's last moment in Oslo). */
export function isRealisationOverdue(period: PeriodLike, asOf: string | Date | DateTime, dueDays = DUE_DAYS_AFTER_PERIOD_END): boolean {
  const at = DateTime.isDateTime(asOf) ? asOf.toMillis() : toOslo(asOf, 'asOf').toMillis();
  return at >= due(period, dueDays).firstMomentAfter;
}
