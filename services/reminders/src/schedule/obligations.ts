import { periodEnd, periodsInSpan, comparePeriods, formatPeriod, tryParsePeriod } from '@gevinst/domain/periods';
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
}

export const dueDateOf = (period: string, config: ReminderConfig): string => realisationDueDate(period, config.dueDaysAfterPeriodEnd);

/**
 * The planned periods (realisation) and, between the first and last of them, the periods of the
 * measurement schedule that do not end together with a planned one (measurement).
 */
export const obligationsOf = (benefit: BenefitState, config: ReminderConfig): Obligation[] => {
  const planned = benefit.plan.filter((p) => tryParsePeriod(p) !== null).sort(comparePeriods);
  const first = planned[0];
  if (first === undefined) return [];
  const out: Obligation[] = planned.map((period) => obligation(period, 'realisation', config));
  const plannedEnds = new Set(planned.map((p) => periodEnd(p).toMillis()));
  const last = planned.reduce((a, b) => (periodEnd(b) > periodEnd(a) ? b : a));
  for (const p of periodsInSpan(first, last, benefit.measurementSchedule)) {
    const code = formatPeriod(p);
    if (planned.includes(code) || plannedEnds.has(periodEnd(p).toMillis())) continue;
    out.push(obligation(code, 'measurement', config));
  }
  return out.sort((a, b) => a.opensAt - b.opensAt || comparePeriods(a.period, b.period));
};

const obligation = (period: string, what: What, config: ReminderConfig): Obligation => ({
  period,
  what,
  dueDate: dueDateOf(period, config),
  opensAt: periodEnd(period).toMillis(),
});

/** Whether what the obligation asks for has been recorded (a realisation also answers a measurement). */
export const isFulfilled = (benefit: BenefitState, o: Obligation): boolean =>
  benefit.realised.has(o.period) || (o.what === 'measurement' && benefit.measured.has(o.period));
