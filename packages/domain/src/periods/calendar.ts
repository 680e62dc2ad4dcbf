import { DateTime, type DateTimeMaybeValid } from 'luxon';
import { InvalidPeriodError } from './errors';
import { period, toPeriod } from './parse';
import { MONTHS_PER_PERIOD, type Period, type PeriodKind, type PeriodLike } from './period';

export const OSLO = 'Europe/Oslo';

/** Months since year 0, a cheap absolute scale: [startMonth, endMonth) covers the period. */
export function startMonth(p: Period): number {
  return p.year * 12 + (p.index - 1) * MONTHS_PER_PERIOD[p.kind];
}
export function endMonth(p: Period): number {
  return startMonth(p) + MONTHS_PER_PERIOD[p.kind];
}

function fromMonthIndex(kind: PeriodKind, monthIndex: number): Period {
  const year = Math.floor(monthIndex / 12);
  const monthOfYear = monthIndex - year * 12; // 0-based
  return period(kind, year, Math.floor(monthOfYear / MONTHS_PER_PERIOD[kind]) + 1);
}

/** An instant (ISO string, Date, epoch ms or luxon DateTime) or an Oslo calendar date (`yyyy-mm-dd`) as an Oslo DateTime. */
export function toOslo(instant: string | Date | number | DateTime, field = 'instant'): DateTime<true> {
  let dt: DateTimeMaybeValid;
  if (DateTime.isDateTime(instant)) dt = instant.setZone(OSLO);
  else if (instant instanceof Date) dt = DateTime.fromJSDate(instant, { zone: OSLO });
  else if (typeof instant === 'number') dt = DateTime.fromMillis(instant, { zone: OSLO });
  else dt = DateTime.fromISO(instant, { zone: OSLO, setZone: false });
  if (!dt.isValid) {
    throw new InvalidPeriodError(field, `Ugyldig tidspunkt eller dato: ${String(instant)}`, instant);
  }
  return dt;
}

/**
 * The period of the kind in which the instant falls, on the Oslo wall clock: 2026-04-30T22:30Z is
 * 1 May 00:30 in Oslo (summer time), so it falls in May and T2. A bare date is an Oslo date.
 */
export function periodOf(instant: string | Date | number | DateTime, kind: PeriodKind): Period {
  // a real calendar date needs no time zone (the commands' dates); anything else goes through luxon
  const date = typeof instant === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(instant) : null;
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const utc = new Date(Date.UTC(year, month - 1, day));
    if (utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day) return fromMonthIndex(kind, year * 12 + month - 1);
  }
  const dt = toOslo(instant);
  return fromMonthIndex(kind, dt.year * 12 + dt.month - 1);
}

/** The first moment of the period in Oslo (local midnight of its first day). */
export function periodStart(value: PeriodLike): DateTime<true> {
  const p = toPeriod(value);
  const m = startMonth(p) - p.year * 12;
  const start = DateTime.fromObject({ year: p.year, month: m + 1, day: 1 }, { zone: OSLO });
  // a validated period always starts on a real Oslo date
  if (!start.isValid) throw new Error(`No start date for period ${p.kind} ${p.year}-${p.index}: ${start.invalidReason}`);
  return start;
}

/** The first moment after the period in Oslo (exclusive end = the start of the next period). */
export function periodEnd(value: PeriodLike): DateTime<true> {
  return periodStart(nextPeriod(value));
}

/** First day of the period as an Oslo date, `yyyy-mm-dd`. */
export function periodStartDate(value: PeriodLike): string {
  return periodStart(value).toISODate();
}

/** Last day of the period (inclusive) as an Oslo date, `yyyy-mm-dd`. */
export function periodLastDate(value: PeriodLike): string {
  return periodEnd(value).minus({ days: 1 }).toISODate();
}

/** The period's start and exclusive end as UTC instants (ISO strings). */
export function periodInstants(value: PeriodLike): { start: string; end: string } {
  return {
    start: periodStart(value).toUTC().toISO(),
    end: periodEnd(value).toUTC().toISO(),
  };
}

export function nextPeriod(value: PeriodLike): Period {
  const p = toPeriod(value);
  return fromMonthIndex(p.kind, endMonth(p));
}

export function previousPeriod(value: PeriodLike): Period {
  const p = toPeriod(value);
  return fromMonthIndex(p.kind, startMonth(p) - MONTHS_PER_PERIOD[p.kind]);
}

/** Orders by start; at equal start the shorter period first (month < tertial < year). */
export function comparePeriods(a: PeriodLike, b: PeriodLike): number {
  const pa = toPeriod(a);
  const pb = toPeriod(b);
  return startMonth(pa) - startMonth(pb) || endMonth(pa) - endMonth(pb);
}
