import type { DateTime } from 'luxon';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../events';
import type { BenefitFact, MeasurementFact } from '../ledger/facts';
import { isValued, ledgerSign } from '../ledger/facts';
import { multiplyOre, type Ore } from '../money';
import { comparePeriods, toOslo } from '../periods';
import { DUE_DAYS_AFTER_PERIOD_END, isRealisationOverdue, realisationDueDate } from './due';
import { achievementPct, trendOf, type Trend } from './achievement';
import { statusFromRealisation, type Status } from './thresholds';

export interface PeriodStatus {
  period: string;
  status: Status | null;
  /** not yet due (the period is ongoing, or ended within the grace before the due date) and nothing realised: not judged, so no status */
  pending: boolean;
  plannedQuantity: number;
  realisedQuantity: number | null;
  /** the Oslo date by which the period's realisation must be recorded (`realisationDueDate`) */
  dueDate: string;
  /** judged although nothing was recorded: the due date has passed, so the realisation counts as 0 */
  unreported: boolean;
  /** valued plan for the period (signed; 0 when not valued) */
  plannedOre: Ore;
  /** valued realisation for the period (signed; 0 when not valued or not realised) */
  realisedOre: Ore;
}

export interface BenefitStatus {
  achievementPct: number | null;
  trend: Trend | null;
  latestMeasurement: number | null;
  statusByPeriod: PeriodStatus[];
}

export interface BenefitStatusOptions {
  thresholds?: Thresholds;
  /** the report's instant: periods whose realisation is not yet due by then and has not been recorded are pending (no status); without it every period is judged */
  asOf?: string | Date | null;
  /** days after a period's last day its realisation is due (default `DUE_DAYS_AFTER_PERIOD_END`) */
  dueDaysAfterPeriodEnd?: number;
}

/** Measurements in the order they were taken (ties in the order they were recorded). */
export function measurementsInOrder(benefit: BenefitFact): MeasurementFact[] {
  return benefit.measurements
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (a.m.measuredOn < b.m.measuredOn ? -1 : a.m.measuredOn > b.m.measuredOn ? 1 : a.i - b.i))
    .map((x) => x.m);
}

/** The last `asOf` text read: a view asks with the same one for every benefit (luxon's parse and zone maths are dear). */
let lastAsOf: { text: string; at: DateTime<true> } | null = null;
function asOfInOslo(asOf: string | Date): DateTime<true> {
  if (typeof asOf !== 'string') return toOslo(asOf, 'asOf');
  if (lastAsOf?.text !== asOf) lastAsOf = { text: asOf, at: toOslo(asOf, 'asOf') };
  return lastAsOf.at;
}

/**
 * Achievement (from the latest measurement, against the baseline and target), its trend against the
 * previous measurement (or the baseline when there is only one), and a status per period from the
 * realised quantity against the planned one. A cancelled benefit has no status.
 */
export function benefitStatus(benefit: BenefitFact, options: BenefitStatusOptions = {}): BenefitStatus {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const measured = measurementsInOrder(benefit);
  const latest = measured.at(-1)?.value ?? null;
  const previous = measured.length >= 2 ? (measured.at(-2)?.value ?? null) : measured.length === 1 ? benefit.baseline : null;
  const dueDays = options.dueDaysAfterPeriodEnd ?? DUE_DAYS_AFTER_PERIOD_END;
  const asOf = options.asOf ? asOfInOslo(options.asOf) : null;

  const valuedPerUnit = isValued(benefit) ? benefit.valuationOrePerUnit : null;
  const sign = ledgerSign(benefit);
  const plan = new Map(benefit.plan.map((e) => [e.period, e.quantity]));
  const periods = [...new Set([...plan.keys(), ...benefit.realisations.keys()])].sort(comparePeriods);
  const statusByPeriod = periods.map((period): PeriodStatus => {
    const plannedQuantity = plan.get(period) ?? 0;
    const realisation = benefit.realisations.get(period);
    const realisedQuantity = realisation?.quantity ?? null;
    let status: Status | null = null;
    const pending = !benefit.cancelled && !!asOf && realisation === undefined && !isRealisationOverdue(period, asOf, dueDays);
    if (!benefit.cancelled && !pending) {
      status = statusFromRealisation(realisedQuantity ?? 0, plannedQuantity, thresholds, { disbenefit: benefit.disbenefit });
    }
    return {
      period,
      status,
      pending,
      plannedQuantity,
      realisedQuantity,
      dueDate: realisationDueDate(period, dueDays),
      unreported: status !== null && realisation === undefined,
      plannedOre: valuedPerUnit !== null && !benefit.cancelled ? multiplyOre(plannedQuantity, valuedPerUnit) * sign : 0,
      realisedOre: isValued(benefit) && realisation ? realisation.valueOre * sign : 0,
    };
  });

  return {
    achievementPct: achievementPct({ baseline: benefit.baseline, target: benefit.target, latest, direction: benefit.direction }),
    trend: trendOf(latest, previous),
    latestMeasurement: latest,
    statusByPeriod,
  };
}
