import { DateTime } from 'luxon';
import { OSLO, periodEnd, periodsInSpan, comparePeriods, formatPeriod, tryParsePeriod } from '@gevinst/domain/periods';
import { realisationDueDate } from '@gevinst/domain/status';
import type { ReminderConfig } from '../config';
import type { BenefitState } from './state';

export type What = 'measurement' | 'realisation';

/** One value the owner must record: a realisation for each planned period, a measurement for each scheduled one. */
export interface Obligation {
  period: string;
  what: What;
  /** Oslo date, `yyyy-mm-dd` */
  dueDate: string;
  /** the first moment the value can be recorded (the period's end) */
  opensAt: number;
  /**
   * its due date had passed when it became an obligation (a benefit planned after the fact): it
   * gets no reminders of its own, only a place in the owner's one overdue summary
   */
  lateWhenPlanned: boolean;
}

export const dueDateOf = (period: string, config: ReminderConfig): string => realisationDueDate(period, config.dueDaysAfterPeriodEnd);

/**
 * The planned periods (realisation) and, between the first and last of them, the periods of the
 * measurement schedule that do not end together with a planned one (measurement). Needs no timing.
 */
export const obligationPeriodsOf = (plan: readonly string[], schedule: BenefitState['measurementSchedule']): { period: string; what: What }[] => {
  const planned = plan.filter((p) => tryParsePeriod(p) !== null).sort(comparePeriods);
  const first = planned[0];
  if (first === undefined) return [];
  const out: { period: string; what: What }[] = planned.map((period) => ({ period, what: 'realisation' }));
  const plannedEnds = new Set(planned.map((p) => periodEnd(p).toMillis()));
  const last = planned.reduce((a, b) => (periodEnd(b) > periodEnd(a) ? b : a));
  for (const p of periodsInSpan(first, last, schedule)) {
    const code = formatPeriod(p);
    if (planned.includes(code) || plannedEnds.has(periodEnd(p).toMillis())) continue;
    out.push({ period: code, what: 'measurement' });
  }
  return out;
};

export const obligationsOf = (benefit: BenefitState, config: ReminderConfig): Obligation[] =>
  obligationPeriodsOf(benefit.plan, benefit.measurementSchedule)
    .map(({ period, what }) => obligation(benefit, period, what, config))
    .sort((a, b) => a.opensAt - b.opensAt || comparePeriods(a.period, b.period));

const obligation = (benefit: BenefitState, period: string, what: What, config: ReminderConfig): Obligation => {
  const dueDate = dueDateOf(period, config);
  const since = benefit.knownSince.get(period) ?? '';
  return {
    period,
    what,
    dueDate,
    opensAt: periodEnd(period).toMillis(),
    lateWhenPlanned: since !== '' && dueDate < osloDateOf(since),
  };
};

const osloDateOf = (instant: string): string => DateTime.fromISO(instant).setZone(OSLO).toISODate() ?? '';

/** Whether what the obligation asks for has been recorded (a realisation also answers a measurement). */
export const isFulfilled = (benefit: BenefitState, o: Obligation): boolean =>
  benefit.realised.has(o.period) || (o.what === 'measurement' && benefit.measured.has(o.period));
