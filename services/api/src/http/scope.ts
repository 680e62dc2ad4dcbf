import type { BalanceRow, Flow, ImbalanceRow, LedgerMatrix, LedgerUnitRow, TraceEntry } from '@gevinst/domain/ledger';
import type { Portfolio } from '@gevinst/domain/status';

/**
 * Reports cut to the units a person's roles reach (`inScope`): a unit's row when the unit is in
 * scope, a flow or matrix cell when either end is. At a level above the person's scope the rolled-up
 * units hold other units' figures too, so they are not shown.
 */
export type InScope = (unitId: string) => boolean;

export const cutLedger = <T extends { flows: Flow[]; units: LedgerUnitRow[] }>(report: T, inScope: InScope): T => ({
  ...report,
  flows: report.flows.filter((f) => inScope(f.fromUnitId) || inScope(f.toUnitId)),
  units: report.units.filter((u) => inScope(u.unitId)),
});

export const cutMatrix = (matrix: LedgerMatrix, inScope: InScope): LedgerMatrix => {
  const cells = matrix.cells.filter((c) => inScope(c.investorUnitId) || inScope(c.recipientUnitId));
  const shown = new Set([...cells.flatMap((c) => [c.investorUnitId, c.recipientUnitId]), ...matrix.unitIds.filter(inScope)]);
  return { unitIds: matrix.unitIds.filter((u) => shown.has(u)), cells, diagonal: matrix.diagonal.filter((d) => inScope(d.unitId)) };
};

export const cutRows = <T extends ImbalanceRow | BalanceRow | Portfolio['rows'][number]>(rows: T[], inScope: InScope): T[] =>
  rows.filter((r) => inScope(r.unitId));

export const cutPortfolio = (portfolio: Portfolio, inScope: InScope): Portfolio => ({ ...portfolio, rows: cutRows(portfolio.rows, inScope) });

export const cutTrace = (entries: TraceEntry[], inScope: InScope): TraceEntry[] => entries.filter((e) => inScope(e.unitId));
