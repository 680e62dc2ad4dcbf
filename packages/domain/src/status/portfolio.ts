import type { Portfolio } from '../answers/portfolio';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../events';
import { isValued, ledgerSign, type LedgerFacts } from '../ledger/facts';
import { plannedOreInSpan } from '../ledger/flows';
import { unitTree, type UnitTreeOptions } from '../ledger/tree';
import type { Ore } from '../money';
import { contains, formatPeriod, periodLastDate, periodsInSpan, type PeriodKind, type PeriodLike } from '../periods';
import { achievementPct } from './achievement';
import { measurementsInOrder } from './benefit-status';
import { DUE_DAYS_AFTER_PERIOD_END, isRealisationOverdue } from './due';
import { statusFromRealisation, type Status } from './thresholds';

export type { Portfolio, PortfolioCell } from '../answers/portfolio';

export interface PortfolioOptions extends UnitTreeOptions {
  from: PeriodLike;
  to: PeriodLike;
  /** the columns: tertials by default */
  periodKind?: PeriodKind;
  thresholds?: Thresholds;
  /** the report's instant: periods not yet due by then with nothing realised are pending; without it every period is judged */
  asOf?: string | Date | null;
  /** days after a period's last day its realisation is due (default `DUE_DAYS_AFTER_PERIOD_END`) */
  dueDaysAfterPeriodEnd?: number;
}

/**
 * Status per recipient unit (at the level) and period: valued realisation against valued plan
 * entries lying within the period (a year's plan does not show in a tertial column).
 */
export function computePortfolio(facts: LedgerFacts, options: PortfolioOptions): Portfolio {
  const kind = options.periodKind ?? 'tertial';
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const periods = periodsInSpan(options.from, options.to, kind);
  const codes = periods.map(formatPeriod);
  const at = unitTree(facts, options).reportingUnitOf;

  const asOf = options.asOf ?? null;
  const dueDays = options.dueDaysAfterPeriodEnd ?? DUE_DAYS_AFTER_PERIOD_END;
  const overdue = periods.map((p) => asOf === null || isRealisationOverdue(p, asOf, dueDays));
  const rows = new Map<string, { planned: Ore[]; realised: Ore[]; recorded: boolean[]; achievements: number[][] }>();
  const rowOf = (unitId: string) => {
    let row = rows.get(unitId);
    if (!row) rows.set(unitId, (row = { planned: codes.map(() => 0), realised: codes.map(() => 0), recorded: codes.map(() => false), achievements: codes.map(() => []) }));
    return row;
  };
  for (const benefit of facts.benefits.values()) {
    const row = rowOf(at(benefit.recipientUnitId));
    const measured = measurementsInOrder(benefit);
    periods.forEach((p, i) => {
      const inP = (code: string) => contains(p, code);
      row.planned[i] += plannedOreInSpan(benefit, inP);
      for (const r of benefit.realisations.values()) {
        if (!inP(r.period)) continue;
        row.recorded[i] = true;
        if (isValued(benefit)) row.realised[i] += r.valueOre * ledgerSign(benefit);
      }
      const last = periodLastDate(p);
      const latest = [...measured].reverse().find((m) => m.measuredOn <= last)?.value ?? null;
      const pct = achievementPct({ baseline: benefit.baseline, target: benefit.target, latest, direction: benefit.direction });
      if (pct !== null) row.achievements[i].push(pct);
    });
  }

  return {
    periods: codes,
    rows: [...rows.keys()].sort().map((unitId) => {
      const row = rows.get(unitId)!;
      return {
        unitId,
        cells: codes.map((period, i) => {
          const pending = !overdue[i] && !row.recorded[i];
          return {
            period,
            status: pending ? null : statusFromRealisation(row.realised[i], row.planned[i], thresholds),
            pending,
            plannedOre: row.planned[i],
            realisedOre: row.realised[i],
            achievementPct: row.achievements[i].length ? row.achievements[i].reduce((a, b) => a + b, 0) / row.achievements[i].length : null,
            changePct: i > 0 && row.realised[i - 1] !== 0 ? ((row.realised[i] - row.realised[i - 1]) / Math.abs(row.realised[i - 1])) * 100 : null,
          };
        }),
      };
    }),
  };
}
