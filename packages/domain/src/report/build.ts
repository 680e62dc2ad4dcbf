import { DateTime } from 'luxon';
import type { BenefitView, GoalScorecard, LedgerAnswer, BalanceRow, Portfolio, Status } from '../answers';
import { formatPeriod, formatPeriodNb, formatTertialLong, periodLastDate, periodStartDate, toPeriod, OSLO } from '../periods';
import { realisationPct } from '../status/thresholds';
import { dateText } from './format';
import type {
  ReportCostBenefit,
  ReportFlow,
  ReportGoalRow,
  ReportLedgerRow,
  ReportPortfolioRow,
  ReportProjectRow,
  ReportUnacceptableBenefit,
  TertialReport,
} from './model';

/** What the tertial report is built from: the answers as known at `asOf`, for the unit and its tertial. */
export interface TertialReportInputs {
  tertial: string;
  unitId: string;
  /** ISO instant (UTC): only events recorded by then are counted */
  asOf: string;
  unitNames: Readonly<Record<string, string>>;
  /** the unit and every unit below it, as the organisation stood at the report's date */
  subtree: readonly string[];
  /** `computePortfolio` for the tertial at the unit's own level (its row is the total) */
  portfolioTotal: Portfolio;
  /** the same one level below (the unit's parts) */
  portfolio: Portfolio;
  /** `GET /api/ledger` and its balances for the tertial, one level below the unit */
  ledger: Pick<LedgerAnswer, 'flows' | 'units'>;
  balances: readonly BalanceRow[];
  benefits: readonly BenefitView[];
  projects: readonly { projectId: string; name: string; phase: string }[];
  /** the målekort of the goals the unit owns */
  scorecard: GoalScorecard;
}

const PHASE_NB: Record<string, string> = {
  concept: 'Konsept',
  planning: 'Planlegging',
  execution: 'Gjennomføring',
  realisation: 'Gevinstrealisering',
  closed: 'Avsluttet',
};

const RANK: Record<Status, number> = { green: 1, yellow: 2, red: 3 };
const worse = (a: Status | null, b: Status | null): Status | null => (a === null ? b : b === null ? a : RANK[b] > RANK[a] ? b : a);
const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'nb');

/** `3. desember 2026 kl. 16.21` in Oslo time */
export const asOfText = (instant: string): string => {
  const at = DateTime.fromISO(instant, { zone: 'utc' }).setZone(OSLO);
  return `${dateText(at.toISODate() ?? '')} kl. ${at.toFormat('HH.mm.ss')}`;
};

/**
 * The tertial report's model: pure, from the answers as known at `asOf`. The same inputs give the
 * same model (rows sorted by name, then id), so the documents rendered from it are the same too.
 */
export function buildTertialReport(input: TertialReportInputs): TertialReport {
  const code = formatPeriod(toPeriod(input.tertial, 'tertial'));
  const year = Number(code.slice(0, 4));
  const name = (unitId: string) => input.unitNames[unitId] ?? unitId;
  const inUnit = new Set(input.subtree);
  const orgDate = DateTime.fromISO(input.asOf, { zone: 'utc' }).setZone(OSLO).toISODate() ?? '';

  const cellRow = (row: Portfolio['rows'][number]): ReportPortfolioRow | null => {
    const cell = row.cells.find((c) => c.period === code);
    if (!cell) return null;
    return {
      unitId: row.unitId,
      name: name(row.unitId),
      status: cell.status,
      pending: cell.pending,
      plannedOre: cell.plannedOre,
      realisedOre: cell.realisedOre,
      achievementPct: cell.achievementPct,
      changePct: cell.changePct,
    };
  };
  const totalRow = input.portfolioTotal.rows.find((r) => r.unitId === input.unitId);
  const total = totalRow ? cellRow(totalRow) : null;
  const portfolioRows = input.portfolio.rows
    .filter((r) => inUnit.has(r.unitId))
    .map(cellRow)
    .filter((r): r is ReportPortfolioRow => r !== null)
    .sort((a, b) => byName(a, b) || a.unitId.localeCompare(b.unitId));

  // the benefits received in the unit, with their status in the tertial
  const counts = { green: 0, yellow: 0, red: 0, pending: 0, none: 0 };
  const perProject = new Map<string, { status: Status | null; count: number; plannedOre: number; realisedOre: number }>();
  const unacceptable: ReportUnacceptableBenefit[] = [];
  const projectName = new Map(input.projects.map((p) => [p.projectId, p] as const));
  for (const b of input.benefits) {
    if (!inUnit.has(b.recipientUnitId) || b.cancelled) continue;
    const cell = b.statusByPeriod.find((p) => p.period === code);
    if (!cell) counts.none++;
    else if (cell.status) counts[cell.status]++;
    else if (cell.pending) counts.pending++;
    else counts.none++;
    if (b.projectId) {
      const p = perProject.get(b.projectId) ?? { status: null, count: 0, plannedOre: 0, realisedOre: 0 };
      p.status = worse(p.status, cell?.status ?? null);
      p.count++;
      p.plannedOre += cell?.plannedOre ?? 0;
      p.realisedOre += cell?.realisedOre ?? 0;
      perProject.set(b.projectId, p);
    }
    if (cell?.status === 'red') {
      const realisation = b.realisations.find((r) => r.period === code);
      unacceptable.push({
        benefitId: b.id,
        title: b.title,
        projectName: b.projectId ? (projectName.get(b.projectId)?.name ?? null) : null,
        recipientName: name(b.recipientUnitId),
        owner: b.owner,
        plannedOre: cell.plannedOre,
        realisedOre: cell.realisedOre,
        unreported: cell.unreported,
        comment: realisation?.comment ?? b.comment,
      });
    }
  }
  unacceptable.sort((a, b) => a.title.localeCompare(b.title, 'nb') || a.benefitId.localeCompare(b.benefitId));
  const projects: ReportProjectRow[] = [...perProject.entries()]
    .map(([projectId, p]) => {
      const project = projectName.get(projectId);
      return {
        projectId,
        name: project?.name ?? projectId,
        phase: project ? (PHASE_NB[project.phase] ?? project.phase) : '–',
        status: p.status,
        benefitCount: p.count,
        plannedOre: p.plannedOre,
        realisedOre: p.realisedOre,
      };
    })
    .sort((a, b) => byName(a, b) || a.projectId.localeCompare(b.projectId));

  // the ledger: who paid, who gained, what was withdrawn and settled
  const balance = new Map(input.balances.map((b) => [b.unitId, b] as const));
  const ledgerRows: ReportLedgerRow[] = input.ledger.units
    .filter((u) => inUnit.has(u.unitId))
    .map((u) => {
      const b = balance.get(u.unitId);
      return {
        unitId: u.unitId,
        name: name(u.unitId),
        costsOre: u.costsOre,
        gainsReceivedOre: u.gainsReceivedOre,
        gainsFromOthersOre: u.gainsFromOthersOre,
        gainsProducedForOthersOre: u.gainsProducedForOthersOre,
        netOre: u.netOre,
        withdrawnOre: b?.withdrawnOre ?? 0,
        settledInOre: b?.settledInOre ?? 0,
        settledOutOre: b?.settledOutOre ?? 0,
        openOre: b?.openOre ?? 0,
      };
    })
    .sort((a, b) => byName(a, b) || a.unitId.localeCompare(b.unitId));
  const flows: ReportFlow[] = input.ledger.flows
    .filter((f) => f.ore !== 0 && (inUnit.has(f.fromUnitId) || inUnit.has(f.toUnitId)))
    .map((f) => ({ fromUnitId: f.fromUnitId, fromName: name(f.fromUnitId), toUnitId: f.toUnitId, toName: name(f.toUnitId), ore: f.ore }))
    .sort((a, b) => b.ore - a.ore || a.fromUnitId.localeCompare(b.fromUnitId) || a.toUnitId.localeCompare(b.toUnitId));

  // the målekort for the tertial's year
  const goalRows: ReportGoalRow[] = input.scorecard.rows
    .filter((r) => !r.retired)
    .map((r) => {
      const y = r.years.find((x) => x.year === year);
      return {
        goalId: r.goalId,
        title: r.title,
        kind: r.kind,
        depth: r.depth,
        unitName: r.unitName ?? name(r.unitId),
        unitOfMeasure: y?.requirement?.unitOfMeasure ?? null,
        requiredValue: y?.requirement?.requiredValue ?? null,
        desiredLimit: y?.requirement?.desiredLimit ?? null,
        acceptableLimit: y?.requirement?.acceptableLimit ?? null,
        result: y?.result?.value ?? null,
        verdict: y?.verdict ?? null,
        comment: y?.result?.comment ?? null,
      };
    });

  const sum = (rows: readonly ReportLedgerRow[], key: keyof ReportLedgerRow) => rows.reduce((s, r) => s + (r[key] as number), 0);
  const plannedOre = total?.plannedOre ?? 0;
  const realisedOre = total?.realisedOre ?? 0;
  const unacceptableGoals = goalRows.filter((g) => g.verdict === 'unacceptable');
  return {
    title: `Tertialrapport ${formatPeriodNb(code)} – ${name(input.unitId)}`,
    tertial: code,
    tertialLabel: formatTertialLong(code),
    from: periodStartDate(code),
    to: periodLastDate(code),
    unit: { unitId: input.unitId, name: name(input.unitId) },
    asOf: input.asOf,
    asOfLabel: asOfText(input.asOf),
    orgDate,
    summary: {
      plannedOre,
      realisedOre,
      realisationPct: realisationPct(realisedOre, plannedOre),
      costsOre: sum(ledgerRows, 'costsOre'),
      netOre: sum(ledgerRows, 'netOre'),
      withdrawnOre: sum(ledgerRows, 'withdrawnOre'),
      settledInOre: sum(ledgerRows, 'settledInOre'),
      settledOutOre: sum(ledgerRows, 'settledOutOre'),
      benefits: counts,
      unacceptableBenefits: unacceptable.length,
      unacceptableGoals: unacceptableGoals.length,
    },
    portfolio: { total, rows: portfolioRows, projects },
    ledger: { rows: ledgerRows, flows },
    scorecard: { year, rows: goalRows },
    unacceptable: { benefits: unacceptable, goals: unacceptableGoals },
  };
}

/** The report with its kost/nytte summary: the valuation capability computes the section, the report shows it. */
export const withCostBenefit = (report: TertialReport, costBenefit: ReportCostBenefit | undefined): TertialReport =>
  costBenefit ? { ...report, costBenefit } : report;
