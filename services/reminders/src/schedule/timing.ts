import { DateTime } from 'luxon';
import { OSLO, periodEnd } from '@gevinst/domain/periods';
import { realisationDueDate } from '@gevinst/domain/status';
import type { ReminderConfig } from '../config';
import type { ReminderKind } from './state';

/**
 * The time-zone maths of one period under one config, worked out once: a store holds some thirty
 * distinct periods but tens of thousands of benefits, and luxon's Oslo arithmetic was most of the
 * planning's CPU when it ran per benefit and period.
 */
export interface PeriodTiming {
  /** Oslo date, `yyyy-mm-dd` */
  dueDate: string;
  /** the period's end (the first moment its value can be recorded) */
  opensAt: number;
  /** the first instant whose Oslo date is after the due date: what became an obligation from then on was late when planned */
  lateFrom: number;
  sendAt: Readonly<Record<ReminderKind, number>>;
}

/** Enough for every period and due date a store holds; a store that somehow holds more starts over rather than grow. */
const MAX_ENTRIES = 10_000;

const memos = new WeakMap<ReminderConfig, { periods: Map<string, PeriodTiming>; dueDates: Map<string, PeriodTiming['sendAt']> }>();

const memoOf = (config: ReminderConfig) => {
  let memo = memos.get(config);
  if (!memo) {
    memo = { periods: new Map(), dueDates: new Map() };
    memos.set(config, memo);
  }
  return memo;
};

const remember = <K, V>(map: Map<K, V>, key: K, value: V): V => {
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, value);
  return value;
};

/** When each reminder of a due date goes: `sendHour` Oslo time, `beforeDueDays` before, on the day, `escalationDaysOverdue` after. */
export const sendTimesOf = (dueDate: string, config: ReminderConfig): PeriodTiming['sendAt'] => {
  const { dueDates } = memoOf(config);
  const known = dueDates.get(dueDate);
  if (known) return known;
  const day = DateTime.fromISO(dueDate, { zone: OSLO }).set({ hour: config.sendHour });
  return remember(dueDates, dueDate, {
    'before-due': day.plus({ days: -config.beforeDueDays }).toMillis(),
    due: day.toMillis(),
    escalation: day.plus({ days: config.escalationDaysOverdue }).toMillis(),
  });
};

export const periodTimingOf = (period: string, config: ReminderConfig): PeriodTiming => {
  const { periods } = memoOf(config);
  const known = periods.get(period);
  if (known) return known;
  const dueDate = realisationDueDate(period, config.dueDaysAfterPeriodEnd);
  return remember(periods, period, {
    dueDate,
    opensAt: periodEnd(period).toMillis(),
    lateFrom: DateTime.fromISO(dueDate, { zone: OSLO }).plus({ days: 1 }).startOf('day').toMillis(),
    sendAt: sendTimesOf(dueDate, config),
  });
};

/** An instant as the store writes `recordedAt` (what `Date.parse` reads exactly as luxon does). */
const PLAIN_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a value that became an obligation at `since` (an instant; '' when unknown) was already past its due date then. */
export const wasLateAt = (since: string, timing: PeriodTiming): boolean => {
  if (since === '') return false;
  if (PLAIN_INSTANT.test(since)) return Date.parse(since) >= timing.lateFrom;
  return timing.dueDate < (DateTime.fromISO(since).setZone(OSLO).toISODate() ?? '');
};
