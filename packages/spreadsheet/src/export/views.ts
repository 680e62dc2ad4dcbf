import { comparePeriods } from '@gevinst/domain/periods';
import { CATEGORY_LABELS } from '../plan/labels';
import type { PlanRow } from '../plan/planRow';
import type { UnitDirectory } from '../units/unitDirectory';
import { STATUS_NB } from '@gevinst/domain/status';
import type { BalancesAnswer, BenefitView, LedgerAnswer, MatrixAnswer, PortfolioAnswer, ProjectView } from './shapes';
import { rowsOf, type Table, type TableCell } from './table';

export { STATUS_NB };
/** a period whose value is not yet due and has nothing realised: not judged */
export const PENDING_NB = 'ikke forfalt';

/** Unit names for the exports: the path when a name alone is not unique. */
export class UnitNames {
  private readonly cache = new Map<string, string>();
  constructor(readonly directory: UnitDirectory) {}
  name(unitId: string): string {
    let label = this.cache.get(unitId);
    if (label === undefined) {
      label = this.directory.label(unitId);
      this.cache.set(unitId, label);
    }
    return label;
  }
  orgNumber(unitId: string): string | null {
    return this.directory.units.find((u) => u.id === unitId)?.orgNumber ?? null;
  }
}

export function flowsTable(ledger: LedgerAnswer, names: UnitNames): Table {
  return {
    name: 'Strømmer',
    columns: [
      { header: 'Betaler (enhet)', type: 'text' },
      { header: 'Mottaker (enhet)', type: 'text' },
      { header: 'Gevinst (kr)', type: 'kroner' },
    ],
    ...rowsOf(ledger.flows, (f) => [names.name(f.fromUnitId), names.name(f.toUnitId), f.ore]),
  };
}

export function unitsTable(ledger: LedgerAnswer, names: UnitNames): Table {
  return {
    name: 'Enheter',
    columns: [
      { header: 'Enhet', type: 'text' },
      { header: 'Organisasjonsnummer', type: 'text', width: 20 },
      { header: 'Kostnader (kr)', type: 'kroner' },
      { header: 'Gevinst mottatt (kr)', type: 'kroner' },
      { header: 'Gevinst skapt for andre (kr)', type: 'kroner' },
      { header: 'Netto (kr)', type: 'kroner' },
    ],
    ...rowsOf(ledger.units, (u) => [
      names.name(u.unitId),
      names.orgNumber(u.unitId),
      u.costsOre,
      u.gainsReceivedOre,
      u.gainsProducedForOthersOre,
      u.netOre,
    ]),
  };
}

/** Payer (investor) × recipient, the diagonal (a unit's gain from its own investment) in its own column. */
export function matrixTable(matrix: MatrixAnswer, names: UnitNames): Table {
  const index = new Map(matrix.unitIds.map((id, i) => [id, i]));
  const grid = matrix.unitIds.map(() => matrix.unitIds.map((): number | null => null));
  for (const cell of matrix.cells) {
    const r = index.get(cell.investorUnitId);
    const c = index.get(cell.recipientUnitId);
    const row = r === undefined ? undefined : grid[r];
    if (row && c !== undefined && r !== c) row[c] = (row[c] ?? 0) + cell.ore;
  }
  const diagonal = new Map(matrix.diagonal.map((d) => [d.unitId, d.ore]));
  return {
    name: 'Matrise',
    columns: [
      { header: 'Betaler \\ mottaker', type: 'text' },
      ...matrix.unitIds.map((id) => ({ header: names.name(id), type: 'kroner' as const })),
      { header: 'Til andre i alt (kr)', type: 'kroner' },
      { header: 'Egen gevinst (diagonal, kr)', type: 'kroner' },
    ],
    rows: grid.map((row, r): TableCell[] => {
      const id = matrix.unitIds[r] ?? '';
      const others = row.reduce<number>((sum, v) => sum + (v ?? 0), 0);
      return [names.name(id), ...row, others, diagonal.get(id) ?? 0];
    }),
  };
}

export function balancesTable(balances: BalancesAnswer, names: UnitNames): Table {
  return {
    name: 'Åpne saldoer',
    columns: [
      { header: 'Enhet', type: 'text' },
      { header: 'Planlagt (kr)', type: 'kroner' },
      { header: 'Realisert (kr)', type: 'kroner' },
      { header: 'Kontantfrigjørende (kr)', type: 'kroner' },
      { header: 'Tatt ut (kr)', type: 'kroner' },
      { header: 'Avregnet inn (kr)', type: 'kroner' },
      { header: 'Avregnet ut (kr)', type: 'kroner' },
      { header: 'Ikke tatt ut (kr)', type: 'kroner' },
      { header: 'Åpent til gode (kr)', type: 'kroner' },
      { header: 'Åpent å betale (kr)', type: 'kroner' },
    ],
    ...rowsOf(balances, (b) => [
      names.name(b.unitId),
      b.plannedOre,
      b.realisedOre,
      b.cashReleasingOre,
      b.withdrawnOre,
      b.settledInOre,
      b.settledOutOre,
      b.openOre,
      b.owedToUnitOre,
      b.owedByUnitOre,
    ]),
  };
}

export function portfolioTable(portfolio: PortfolioAnswer, names: UnitNames): Table {
  return {
    name: 'Porteføljestatus',
    columns: [
      { header: 'Enhet', type: 'text' },
      { header: 'Periode', type: 'period' },
      { header: 'Status', type: 'text', width: 14 },
      { header: 'Planlagt (kr)', type: 'kroner' },
      { header: 'Realisert (kr)', type: 'kroner' },
      { header: 'Måloppnåelse (%)', type: 'percent', width: 16 },
      { header: 'Endring (%)', type: 'percent' },
    ],
    size: portfolio.rows.reduce((n, row) => n + row.cells.length, 0),
    rows: {
      *[Symbol.iterator]() {
        for (const row of portfolio.rows)
          for (const c of row.cells)
            yield [
              names.name(row.unitId),
              c.period,
              c.status ? STATUS_NB[c.status] : c.pending ? PENDING_NB : 'ikke vurdert',
              c.plannedOre,
              c.realisedOre,
              c.achievementPct,
              c.changePct,
            ];
      },
    },
  };
}

/** Per benefit and period: what was planned and what was realised, in the indicator's unit and in kroner. */
export function planVsRealisationTable(project: ProjectView, names: UnitNames): Table {
  const periodsOf = (b: BenefitView) => new Set([...b.plan.map((p) => p.period), ...b.realisations.map((r) => r.period)]);
  function* rows(): Generator<TableCell[]> {
    for (const b of project.benefits) yield* benefitRows(b);
  }
  function* benefitRows(b: BenefitView): Generator<TableCell[]> {
    const realised = new Map(b.realisations.map((r) => [r.period, r]));
    const planned = new Map(b.plan.map((p) => [p.period, p]));
    const status = new Map((b.statusByPeriod ?? []).map((s) => [s.period, s]));
    for (const period of [...periodsOf(b)].sort(comparePeriodCodes)) {
      const p = planned.get(period);
      const r = realised.get(period);
      const plannedOre = p ? (p.plannedOre ?? (b.valuationOrePerUnit === null ? null : Math.round(p.quantity * b.valuationOrePerUnit))) : null;
      const s = status.get(period);
      yield [
        b.title,
        names.name(b.recipientUnitId),
        CATEGORY_LABELS[b.category],
        b.cashReleasing ? 'ja' : 'nei',
        period,
        b.unitOfMeasure,
        p?.quantity ?? null,
        r?.quantity ?? null,
        plannedOre,
        r ? r.valueOre : null,
        s?.status ? STATUS_NB[s.status] : b.cancelled ? 'avsluttet' : s?.pending ? PENDING_NB : null,
      ];
    }
  }
  return {
    name: 'Plan mot realisering',
    columns: [
      { header: 'Gevinst', type: 'text' },
      { header: 'Gevinstmottaker (enhet)', type: 'text' },
      { header: 'Gevinstkategori', type: 'text', width: 22 },
      { header: 'Kontantfrigjørende', type: 'text', width: 18 },
      { header: 'Periode', type: 'period' },
      { header: 'Måleenhet', type: 'text', width: 14 },
      { header: 'Planlagt mengde', type: 'number', width: 16 },
      { header: 'Realisert mengde', type: 'number', width: 16 },
      { header: 'Planlagt (kr)', type: 'kroner' },
      { header: 'Realisert (kr)', type: 'kroner' },
      { header: 'Status', type: 'text', width: 14 },
    ],
    size: project.benefits.reduce((n, b) => n + periodsOf(b).size, 0),
    rows: { [Symbol.iterator]: rows },
  };
}

/** A benefit as a row of the plan sheet, so an exported plan can be imported again. */
export function benefitAsPlanRow(b: BenefitView, names: UnitNames, goals: readonly string[] = []): PlanRow {
  const baselineMeasurement = b.baselineMeasuredOn ?? null;
  return {
    change: b.change ?? null,
    title: b.title,
    category: b.category,
    recipient: names.name(b.recipientUnitId),
    owner: b.owner ?? '',
    indicator: b.indicator ?? '',
    unitOfMeasure: b.unitOfMeasure,
    direction: b.direction,
    disbenefit: b.disbenefit,
    baseline: b.baseline,
    baselineDate: b.baseline === null ? null : baselineMeasurement,
    target: b.target,
    targetDate: b.targetDate,
    valuationOrePerUnit: b.valuationOrePerUnit,
    cashReleasing: b.cashReleasing,
    measurementSchedule: b.measurementSchedule,
    // only the shares declared when this benefit was planned: the other side's are declared by the other benefit
    sharedWith: b.sharedWith
      .filter((s) => s.declaredHere)
      .map((s) => ({ benefitId: s.benefitId, sharePercent: s.sharePercent, otherSharePercent: s.otherSharePercent })),
    goals: [...goals],
    plan: b.plan.map((p) => ({ period: p.period, quantity: p.quantity })),
    comment: b.comment ?? null,
  };
}

/** Periods in time order (`2026-T1` < `2026-T2` < … ; at equal start the shorter first). */
export const comparePeriodCodes = (a: string, b: string): number => comparePeriods(a, b);
