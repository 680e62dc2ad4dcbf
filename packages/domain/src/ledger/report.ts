import type { Ore } from '../money';
import { formatPeriod, toPeriod } from '../periods';
import type { Flow, ProjectLedger, UnitOre } from './flows';
import type { SpanOptions } from './span-filter';

import type { BalanceRow, ImbalanceRow, LedgerAnswer, LedgerMatrix, LedgerUnitRow } from '../answers/ledger';

export type { BalanceRow, ImbalanceRow, LedgerMatrix, LedgerUnitRow } from '../answers/ledger';

/** The ledger's answers in one: `GET /api/ledger` (span, flows, units) plus the matrix, imbalances and balances views. */
export type LedgerReport = LedgerAnswer & {
  /** `GET /api/ledger/matrix` */
  matrix: LedgerMatrix;
  /** `GET /api/ledger/imbalances`: units carrying more cost than they receive, worst first */
  imbalances: ImbalanceRow[];
  /** `GET /api/ledger/balances` */
  balances: BalanceRow[];
  /** per project, between units as registered (before roll-up) */
  projects: ProjectLedger[];
};

/** Per reporting unit totals for a span and level, from which every ledger view is drawn. */
export interface LedgerTotals {
  /** every unit that gets a row */
  rowIds: Iterable<string>;
  /** investor → recipient → øre, the diagonal included */
  flows: Map<string, Map<string, Ore>>;
  costs: Map<string, Ore>;
  planned: Map<string, Ore>;
  cashReleasing: Map<string, Ore>;
  withdrawn: Map<string, Ore>;
  settledIn: Map<string, Ore>;
  settledOut: Map<string, Ore>;
  /** settlements between two units that roll up into this one: in and out of it at once, and no compensation between it and another */
  settledWithin: Map<string, Ore>;
  nonValuedBenefits: Map<string, Set<string>>;
  nonValuedRealisations: Map<string, number>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/**
 * Flows, per-unit rows, the matrix with the diagonal apart, imbalances and balances from the totals.
 * Shared by `LedgerIndex` and the test oracle (`computeLedger`), so both answer alike.
 */
export function assembleLedgerReport(totals: LedgerTotals, span: SpanOptions & { level?: number | null }): Omit<LedgerReport, 'projects'> {
  const unitIds = [...totals.rowIds].sort(cmp);
  const flows: Flow[] = [];
  const received = new Map<string, Ore>();
  const fromOthers = new Map<string, Ore>();
  const producedForOthers = new Map<string, Ore>();
  const matrix: LedgerMatrix = { unitIds, cells: [], diagonal: [] };
  const gainsTo = new Map<string, UnitOre[]>();
  for (const from of unitIds) {
    const row = totals.flows.get(from);
    matrix.diagonal.push({ unitId: from, ore: row?.get(from) ?? 0 });
    if (!row) continue;
    for (const [to, ore] of [...row].sort(([a], [b]) => cmp(a, b))) {
      if (ore === 0) continue;
      flows.push({ fromUnitId: from, toUnitId: to, ore });
      add(received, to, ore);
      if (from === to) continue;
      matrix.cells.push({ investorUnitId: from, recipientUnitId: to, ore });
      add(fromOthers, to, ore);
      add(producedForOthers, from, ore);
      let list = gainsTo.get(from);
      if (!list) gainsTo.set(from, (list = []));
      list.push({ unitId: to, ore });
    }
  }

  const units: LedgerUnitRow[] = [];
  const balances: BalanceRow[] = [];
  const imbalances: ImbalanceRow[] = [];
  for (const unitId of unitIds) {
    const costsOre = totals.costs.get(unitId) ?? 0;
    const gainsReceivedOre = received.get(unitId) ?? 0;
    const gainsFromOthersOre = fromOthers.get(unitId) ?? 0;
    const gainsProducedForOthersOre = producedForOthers.get(unitId) ?? 0;
    const netOre = gainsReceivedOre - costsOre;
    units.push({
      unitId,
      costsOre,
      gainsReceivedOre,
      gainsFromOthersOre,
      gainsProducedForOthersOre,
      netOre,
      nonValuedBenefitCount: totals.nonValuedBenefits.get(unitId)?.size ?? 0,
      nonValuedRealisationCount: totals.nonValuedRealisations.get(unitId) ?? 0,
    });
    const cash = totals.cashReleasing.get(unitId) ?? 0;
    const withdrawnOre = totals.withdrawn.get(unitId) ?? 0;
    const settledInOre = totals.settledIn.get(unitId) ?? 0;
    const settledOutOre = totals.settledOut.get(unitId) ?? 0;
    // owed is between this unit and others, like gainsFromOthers/producedForOthers (the diagonal is left out of those)
    const settledWithinOre = totals.settledWithin.get(unitId) ?? 0;
    balances.push({
      unitId,
      plannedOre: totals.planned.get(unitId) ?? 0,
      realisedOre: gainsReceivedOre,
      cashReleasingOre: cash,
      withdrawnOre,
      settledInOre,
      settledOutOre,
      openOre: cash - withdrawnOre,
      owedToUnitOre: gainsProducedForOthersOre - (settledInOre - settledWithinOre),
      owedByUnitOre: gainsFromOthersOre - (settledOutOre - settledWithinOre),
    });
    if (costsOre > gainsReceivedOre) {
      const to = (gainsTo.get(unitId) ?? []).sort((a, b) => b.ore - a.ore || cmp(a.unitId, b.unitId));
      imbalances.push({ unitId, costsOre, gainsReceivedOre, netOre, gainsTo: to });
    }
  }
  imbalances.sort((a, b) => a.netOre - b.netOre || cmp(a.unitId, b.unitId));

  return {
    from: span.from == null ? null : formatPeriod(toPeriod(span.from, 'from')),
    to: span.to == null ? null : formatPeriod(toPeriod(span.to, 'to')),
    level: span.level ?? null,
    flows,
    units,
    matrix,
    imbalances,
    balances,
  };
}
