import { comparePeriods, formatPeriod, periodEnd, periodsInSpan, tryParsePeriod, type PeriodKind } from '../periods';

/**
 * What a benefit owner must record, by period: the one rule that the reminders
 * (services/reminders/src/schedule/obligations.ts) and the årshjul's «what is missing» both call.
 */
export const OBLIGATION_KINDS = ['realisation', 'measurement'] as const;
export type What = (typeof OBLIGATION_KINDS)[number];

export interface ObligationPeriod {
  period: string;
  what: What;
}

/**
 * The planned periods (realisation) and, between the first and last of them, the periods of the
 * measurement schedule that do not end together with a planned one (measurement). Needs no timing.
 */
export const computeObligationPeriods = (plan: readonly string[], schedule: PeriodKind): ObligationPeriod[] => {
  const planned = plan.filter((p) => tryParsePeriod(p) !== null).sort(comparePeriods);
  const first = planned[0];
  if (first === undefined) return [];
  const out: ObligationPeriod[] = planned.map((period) => ({ period, what: 'realisation' }));
  const plannedEnds = new Set(planned.map((p) => periodEnd(p).toMillis()));
  const last = planned.reduce((a, b) => (periodEnd(b) > periodEnd(a) ? b : a));
  for (const p of periodsInSpan(first, last, schedule)) {
    const code = formatPeriod(p);
    if (planned.includes(code) || plannedEnds.has(periodEnd(p).toMillis())) continue;
    out.push({ period: code, what: 'measurement' });
  }
  return out;
};

const MAX_PLANS = 10_000;
const periodsByPlan = new Map<string, readonly ObligationPeriod[]>();

/**
 * `computeObligationPeriods`, remembered per plan and schedule: a kommune's benefits share a few
 * hundred plans, and the Oslo calendar maths per benefit was most of a «what is missing» answer's time.
 * The answer must not be changed.
 */
export const rememberedObligationPeriods = (plan: readonly string[], schedule: PeriodKind): readonly ObligationPeriod[] => {
  const key = `${schedule}|${plan.join(',')}`;
  const known = periodsByPlan.get(key);
  if (known) return known;
  if (periodsByPlan.size >= MAX_PLANS) periodsByPlan.clear();
  const periods = computeObligationPeriods(plan, schedule);
  periodsByPlan.set(key, periods);
  return periods;
};

/** What has been recorded for a benefit: the periods with a realisation and those with a measurement. */
export interface RecordedPeriods {
  realised: ReadonlySet<string>;
  measured: ReadonlySet<string>;
}

/** Whether what the obligation asks for has been recorded (a realisation also answers a measurement). */
export const isObligationMet = (recorded: RecordedPeriods, o: ObligationPeriod): boolean =>
  recorded.realised.has(o.period) || (o.what === 'measurement' && recorded.measured.has(o.period));
