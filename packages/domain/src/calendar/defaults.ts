import { DateTime } from 'luxon';
import type { DeadlineFacts } from '../deciders/calendar/state';
import { OSLO, periodEnd, formatPeriod, formatTertialLong, period } from '../periods';

/**
 * The default årshjul, used for every tertial that has no tertial deadline of its own: the tertial
 * report is due on the 20th of the month after the tertial ends (T1 → 20 May, T2 → 20 September,
 * T3 → 20 January of the next year), on the Oslo calendar, with reminders 14 days ahead. Most
 * kommuner put the report to formannskapet about then; finance sets the real dates (any explicit
 * tertial deadline for a tertial replaces its default).
 */
export const DEFAULT_TERTIAL_REPORT_DAY = 20;
export const DEFAULT_REMIND_DAYS_BEFORE = 14;

/** A deadline of the årshjul, set by finance (`explicit`) or from the default rule. */
export type CalendarDeadline = DeadlineFacts & { source: 'explicit' | 'default' };


/** The default deadline's id: stable, so its reminders keep their job ids. */
export const defaultDeadlineId = (tertial: string): string => `default-${tertial}`;

/** The default tertial report deadline of a tertial (`2026-T1` → 2026-05-20). */
export const defaultTertialDeadline = (tertial: string): CalendarDeadline => {
  const code = formatPeriod(tertial);
  const monthAfter = periodEnd(code).setZone(OSLO);
  const date = DateTime.fromObject({ year: monthAfter.year, month: monthAfter.month, day: DEFAULT_TERTIAL_REPORT_DAY }, { zone: OSLO }).toISODate();
  if (date === null) throw new Error(`No default deadline for ${code}`);
  return {
    deadlineId: defaultDeadlineId(code),
    kind: 'tertial',
    period: code,
    date,
    title: `Tertialrapport for ${formatTertialLong(code)}`,
    remindDaysBefore: DEFAULT_REMIND_DAYS_BEFORE,
    source: 'default',
  };
};

/** The three tertials of a year as codes. */
export const tertialsOf = (year: number): string[] => [1, 2, 3].map((i) => formatPeriod(period('tertial', year, i)));
