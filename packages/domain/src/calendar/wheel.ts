import { DateTime } from 'luxon';
import type { CalendarDeadlineAnswer } from '../answers/calendar';
import { OSLO } from '../periods';
import { defaultTertialDeadline, tertialsOf, type CalendarDeadline } from './defaults';

/** Oslo calendar days from `today` to `date` (both `yyyy-mm-dd`): 0 on the day, negative after. */
export const daysBetween = (today: string, date: string): number =>
  Math.round(DateTime.fromISO(date, { zone: OSLO }).diff(DateTime.fromISO(today, { zone: OSLO }), 'days').days);

/** The deadline as of `today`: upcoming until its day is over. */
export const withStatus = (d: CalendarDeadline, today: string): CalendarDeadlineAnswer => {
  const daysLeft = daysBetween(today, d.date);
  return { ...d, status: daysLeft >= 0 ? 'upcoming' : 'past', daysLeft };
};

const byDate = (a: CalendarDeadline, b: CalendarDeadline): number =>
  a.date.localeCompare(b.date) || a.period.localeCompare(b.period) || a.title.localeCompare(b.title) || a.deadlineId.localeCompare(b.deadlineId);

/**
 * Every explicit deadline, and the default tertial report deadline of each tertial of the given
 * years that has no explicit tertial deadline; by date.
 */
export const deadlinesWithDefaults = (explicit: Iterable<CalendarDeadline>, years: readonly number[]): CalendarDeadline[] => {
  const out = [...explicit];
  const covered = new Set(out.filter((d) => d.kind === 'tertial').map((d) => d.period));
  for (const year of years) for (const t of tertialsOf(year)) if (!covered.has(t)) out.push(defaultTertialDeadline(t));
  return out.sort(byDate);
};

/** The tertial report deadlines of a tertial: its explicit ones, else the default. */
export const tertialDeadlines = (explicit: Iterable<CalendarDeadline>, tertial: string): CalendarDeadline[] => {
  const own = [...explicit].filter((d) => d.kind === 'tertial' && d.period === tertial).sort(byDate);
  return own.length > 0 ? own : [defaultTertialDeadline(tertial)];
};

/**
 * The årshjul of a calendar year: the deadlines dated in it (the report on last year's third tertial
 * falls in January), by date, each upcoming or past as of `today`, and the next deadline from today.
 */
export const wheelOf = (explicit: Iterable<CalendarDeadline>, year: number, today: string) => {
  const all = [...explicit];
  const inYear = deadlinesWithDefaults(all, [year - 1, year]).filter((d) => d.date.startsWith(`${year}-`));
  const todayYear = Number(today.slice(0, 4));
  const next = deadlinesWithDefaults(all, [todayYear - 1, todayYear, todayYear + 1]).find((d) => d.date >= today) ?? null;
  return { year, today, deadlines: inYear.map((d) => withStatus(d, today)), next: next ? withStatus(next, today) : null };
};
