import type { Portfolio, PortfolioCell } from '../answers/portfolio';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../events';
import { isValued, ledgerSign, type LedgerFacts } from '../ledger/facts';
import { plannedOreInSpan } from '../ledger/flows';
import { orgLayers, type OrgOptions } from '../ledger/tree';
import type { Ore } from '../money';
import { contains, formatPeriod, periodLastDate, periodsInSpan, startMonth, type PeriodKind, type PeriodLike } from '../periods';
import { achievementPct } from './achievement';
import { measurementsInOrder } from './benefit-status';
import { DUE_DAYS_AFTER_PERIOD_END, isRealisationOverdue } from './due';
import { statusFromRealisation } from './thresholds';

export type { Portfolio, PortfolioCell } from '../answers/portfolio';

export interface PortfolioOptions extends OrgOptions {
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
  // each column's units as the organisation stood on its first day (org per period) or at one date
  const layers = orgLayers(facts, options);
  const atOf = periods.map((period) => layers.tree(layers.layerOf(startMonth(period))).reportingUnitOf);

  const asOf = options.asOf ?? null;
  const dueDays = options.dueDaysAfterPeriodEnd ?? DUE_DAYS_AFTER_PERIOD_END;
  const columns = periods.map((period, i) => ({ period, code: codes[i] ?? formatPeriod(period), overdue: asOf === null || isRealisationOverdue(period, asOf, dueDays) }));
  const rows = new Map<string, CellTally[]>();
  const rowOf = (unitId: string) => {
    let row = rows.get(unitId);
    if (!row) rows.set(unitId, (row = columns.map((column) => ({ column, planned: 0, realised: 0, recorded: false, achievements: [] }))));
    return row;
  };
  for (const benefit of facts.benefits.values()) {
    const measured = measurementsInOrder(benefit);
    for (const [i, at] of atOf.entries()) {
      const cell = rowOf(at(benefit.recipientUnitId))[i];
      if (!cell) continue;
      const p = cell.column.period;
      const inP = (code: string) => contains(p, code);
      cell.planned += plannedOreInSpan(benefit, inP);
      for (const r of benefit.realisations.values()) {
        if (!inP(r.period)) continue;
        cell.recorded = true;
        if (isValued(benefit)) cell.realised += r.valueOre * ledgerSign(benefit);
      }
      const last = periodLastDate(p);
      const latest = [...measured].reverse().find((m) => m.measuredOn <= last)?.value ?? null;
      const pct = achievementPct({ baseline: benefit.baseline, target: benefit.target, latest, direction: benefit.direction });
      if (pct !== null) cell.achievements.push(pct);
    }
  }

  return {
    periods: codes,
    rows: [...rows.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([unitId, row]) => ({ unitId, cells: row.map((cell, i) => portfolioCell(cell, i > 0 ? row[i - 1] : undefined, thresholds)) })),
  };
}

/** one unit's figures in one period, added up over its benefits */
interface CellTally {
  column: { period: ReturnType<typeof periodsInSpan>[number]; code: string; overdue: boolean };
  planned: Ore;
  realised: Ore;
  recorded: boolean;
  achievements: number[];
}

function portfolioCell(cell: CellTally, previous: CellTally | undefined, thresholds: Thresholds): PortfolioCell {
  const pending = !cell.column.overdue && !cell.recorded;
  return {
    period: cell.column.code,
    status: pending ? null : statusFromRealisation(cell.realised, cell.planned, thresholds),
    pending,
    plannedOre: cell.planned,
    realisedOre: cell.realised,
    achievementPct: cell.achievements.length ? cell.achievements.reduce((a, b) => a + b, 0) / cell.achievements.length : null,
    changePct: previous !== undefined && previous.realised !== 0 ? ((cell.realised - previous.realised) / Math.abs(previous.realised)) * 100 : null,
  };
}