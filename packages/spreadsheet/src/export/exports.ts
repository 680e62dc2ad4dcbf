import type { Writable } from 'node:stream';
import { planWorkbook } from '../template/buildPlanTemplate';
import { UnitDirectory } from '../units/unitDirectory';
import type { UnitRef } from '../units/unitRef';
import { csvChunks } from './csv';
import type { BalancesAnswer, LedgerAnswer, LedgerQuery, MatrixAnswer, PortfolioAnswer, ProjectView } from './shapes';
import type { Table } from './table';
import {
  balancesTable,
  benefitAsPlanRow,
  comparePeriodCodes,
  flowsTable,
  matrixTable,
  planVsRealisationTable,
  portfolioTable,
  UnitNames,
  unitsTable,
} from './views';
import { addTableSheet } from './tableSheet';

/** The read models the exports need (the routes adapt the API's projections to it). */
export interface ExportPort {
  units(): Promise<readonly UnitRef[]> | readonly UnitRef[];
  ledger(query: LedgerQuery): Promise<LedgerAnswer> | LedgerAnswer;
  matrix(query: LedgerQuery): Promise<MatrixAnswer> | MatrixAnswer;
  balances(query: LedgerQuery): Promise<BalancesAnswer> | BalancesAnswer;
  portfolio(query: LedgerQuery): Promise<PortfolioAnswer> | PortfolioAnswer;
  /** null when there is no such project */
  project(projectId: string): Promise<ProjectView | null> | ProjectView | null;
  /** the titles of the goals a benefit serves («Mål»); without it the column is left empty */
  goalsOfBenefit?(benefitId: string): readonly string[];
}

export const LEDGER_VIEWS = ['flows', 'matrix', 'units', 'balances'] as const;
export type LedgerView = (typeof LEDGER_VIEWS)[number];

async function names(port: ExportPort): Promise<UnitNames> {
  return new UnitNames(new UnitDirectory(await port.units()));
}

/** The ledger as four tables: flows, the investor × recipient matrix, per-unit positions, open balances. */
export async function ledgerTables(port: ExportPort, query: LedgerQuery, views: readonly LedgerView[] = LEDGER_VIEWS): Promise<Table[]> {
  const n = await names(port);
  const ledger = views.includes('flows') || views.includes('units') ? await port.ledger(query) : null;
  const out: Table[] = [];
  for (const view of views) {
    // `ledger` is read above whenever a view needs it
    if (view === 'flows' && ledger) out.push(flowsTable(ledger, n));
    if (view === 'matrix') out.push(matrixTable(await port.matrix(query), n));
    if (view === 'units' && ledger) out.push(unitsTable(ledger, n));
    if (view === 'balances') out.push(balancesTable(await port.balances(query), n));
  }
  return out;
}

export async function portfolioTables(port: ExportPort, query: LedgerQuery): Promise<Table[]> {
  return [portfolioTable(await port.portfolio(query), await names(port))];
}

export async function planVsRealisationTables(port: ExportPort, projectId: string): Promise<Table[] | null> {
  const project = await port.project(projectId);
  if (!project) return null;
  return [planVsRealisationTable(project, await names(port))];
}

/** Writes the table as CSV (BOM, `;`, decimal comma, CRLF) to the stream, respecting back-pressure. */
export async function streamCsv(table: Table, out: Writable): Promise<void> {
  for await (const chunk of csvChunks(table)) {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
  out.end();
}

/**
 * A project's plan as .xlsx: the plan sheet exactly as the template has it (so it can be imported
 * again, into this or another project), the instructions, and the plan against what was realised.
 */
export async function projectPlanXlsx(port: ExportPort, projectId: string): Promise<Buffer | null> {
  const project = await port.project(projectId);
  if (!project) return null;
  const units = await port.units();
  const n = new UnitNames(new UnitDirectory(units));
  const live = project.benefits.filter((b) => !b.cancelled && !b.unplanned);
  const periods = [...new Set(live.flatMap((b) => b.plan.map((p) => p.period)))].sort(comparePeriodCodes);
  const workbook = planWorkbook({
    periods: periods.length > 0 ? periods : undefined,
    units,
    rows: live.map((b) => benefitAsPlanRow(b, n, port.goalsOfBenefit?.(b.id) ?? [])),
  });
  addTableSheet(workbook, planVsRealisationTable(project, n));
  workbook.title = `Gevinstrealiseringsplan – ${project.name}`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
