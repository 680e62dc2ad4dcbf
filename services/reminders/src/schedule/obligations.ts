import { isObligationMet, rememberedObligationPeriods, type ObligationPeriod, type What } from '@gevinst/domain/calendar';
import { comparePeriods } from '@gevinst/domain/periods';
import type { ReminderConfig } from '../config';
import type { BenefitState } from './state';
import { type PeriodTiming, periodTimingOf, wasLateAt } from './timing';

/**
 * The kinds of value an owner can owe, and which periods owe them: the domain's rule
 * (`@gevinst/domain/calendar`), which the årshjul's «what is missing» calls too.
 */
export { OBLIGATION_KINDS, type What, type ObligationPeriod } from '@gevinst/domain/calendar';

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

export const dueDateOf = (period: string, config: ReminderConfig): string => periodTimingOf(period, config).dueDate;

/**
 * The planned periods (realisation) and, between the first and last of them, the periods of the
 * measurement schedule that do not end together with a planned one (measurement). Needs no timing.
 * Remembered per plan and schedule (many benefits share them); the answer must not be changed.
 */
export const obligationPeriodsOf = (plan: readonly string[], schedule: BenefitState['measurementSchedule']): readonly ObligationPeriod[] =>
  rememberedObligationPeriods(plan, schedule);

interface TimedPeriod extends ObligationPeriod {
  timing: PeriodTiming;
}

/** The obligation periods with their timing, in the order they open; the same for every benefit with this plan. */
const timedPeriodsOf = (periods: readonly ObligationPeriod[], config: ReminderConfig): readonly TimedPeriod[] => {
  let byPeriods = timedByConfig.get(config);
  if (!byPeriods) {
    byPeriods = new WeakMap();
    timedByConfig.set(config, byPeriods);
  }
  let timed = byPeriods.get(periods);
  if (!timed) {
    timed = periods
      .map((p) => ({ ...p, timing: periodTimingOf(p.period, config) }))
      .sort((a, b) => a.timing.opensAt - b.timing.opensAt || comparePeriods(a.period, b.period));
    byPeriods.set(periods, timed);
  }
  return timed;
};
const timedByConfig = new WeakMap<ReminderConfig, WeakMap<readonly ObligationPeriod[], readonly TimedPeriod[]>>();

export const obligationsOf = (benefit: BenefitState, config: ReminderConfig): Obligation[] => {
  return timedPeriodsOf(obligationPeriodsOf(benefit.plan, benefit.measurementSchedule), config).map(({ period, what, timing }) => ({
    period,
    what,
    dueDate: timing.dueDate,
    opensAt: timing.opensAt,
    lateWhenPlanned: wasLateAt(benefit.knownSince.get(period) ?? '', timing),
  }));
};

/** Whether what the obligation asks for has been recorded (a realisation also answers a measurement). */
export const isFulfilled = (benefit: BenefitState, o: Obligation): boolean => isObligationMet(benefit, o);
