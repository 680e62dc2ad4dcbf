import { formatPeriod, periodsInSpan } from '@gevinst/domain/periods/index';
import { monthsOfPeriod, within } from '../ledger/span';
import { pctOf, statusOf, type Status } from '../status/status';
import type { UnitsRegistry } from '../units/UnitsRegistry';
import { plannedOreOf, type PortfolioModel } from './PortfolioModel';

export interface PortfolioCell {
  period: string;
  status: Status | null;
  plannedOre: number;
  realisedOre: number;
  achievementPct: number | null;
  /** change in achievement (percentage points) from the previous period */
  changePct: number | null;
}

export interface PortfolioStatus {
  periods: string[];
  rows: { unitId: string; cells: PortfolioCell[] }[];
}

const DEFAULT = { greenPct: 100, yellowPct: 80 };

/**
 * Status per unit (rolled up to `level`) and tertial: valued plan vs realisation of the benefits the
 * unit receives; a plan or realisation counts in the tertial that contains its period.
 */
export const portfolioStatus = (
  portfolio: PortfolioModel,
  units: UnitsRegistry,
  q: { from: string; to: string; level?: number },
): PortfolioStatus => {
  const periods = periodsInSpan(q.from, q.to, 'tertial').map(formatPeriod);
  const spans = periods.map(monthsOfPeriod);
  const rows = new Map<string, { planned: number[]; realised: number[] }>();
  const row = (id: string) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { planned: periods.map(() => 0), realised: periods.map(() => 0) }));
    return r;
  };
  for (const id of units.unitsAtLevel(q.level)) row(id);
  for (const b of portfolio.benefits.values()) {
    if (b.cancelled || b.valuationOrePerUnit === null) continue;
    const r = row(units.rollUp(b.recipientUnitId, q.level));
    const sign = b.disbenefit ? -1 : 1;
    for (const p of b.plan) {
      const m = monthsOfPeriod(p.period);
      const i = spans.findIndex((s) => within(s, m));
      if (i >= 0) r.planned[i] += sign * plannedOreOf(b, p.quantity);
    }
    for (const real of b.realisations.values()) {
      const i = spans.findIndex((s) => within(s, real));
      if (i >= 0) r.realised[i] += sign * real.valueOre;
    }
  }
  return {
    periods,
    rows: [...rows].map(([unitId, r]) => {
      let previous: number | null = null;
      const cells = periods.map((period, i) => {
        const achievementPct = pctOf(r.realised[i], r.planned[i]);
        const changePct = achievementPct !== null && previous !== null ? Math.round((achievementPct - previous) * 10) / 10 : null;
        previous = achievementPct;
        return { period, status: statusOf(achievementPct, DEFAULT), plannedOre: r.planned[i], realisedOre: r.realised[i], achievementPct, changePct };
      });
      return { unitId, cells };
    }),
  };
};
