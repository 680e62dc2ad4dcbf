import type { Writable } from 'node:stream';
import { addUnitsSheet, defaultPlanPeriods } from '../template/buildPlanTemplate';
import { addInstructionSheet } from '../template/instructions';
import { startPlanSheet } from '../template/planSheet';
import { backPressure, writeTableSheet, xlsxStreamWriter } from './xlsx';
import { UnitDirectory } from '../units/unitDirectory';
import type { UnitRef } from '../units/unitRef';
import { csvChunks } from './csv';
import { actionsTable, risksTable, type ActionSheetRow, type RiskSheetRow } from '../followUp/sheets';
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
  /** a benefit's realisation actions and open risks («Tiltak», «Risiko»); without it the sheets are empty */
  followUpOf?(benefitId: string): { actions: readonly Omit<ActionSheetRow, 'benefit'>[]; risks: readonly Omit<RiskSheetRow, 'benefit'>[] };
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
 * A project's plan as .xlsx, streamed to `out` a row at a time: the plan sheet exactly as the
 * template has it (so it can be imported again, into this or another project), the instructions,
 * the realisation actions and open risks, the units, and the plan against what was realised. `open` gives the stream once the project is
 * found; false when there is no such project.
 */
export async function projectPlanXlsx(port: ExportPort, projectId: string, open: () => Writable): Promise<boolean> {
  const project = await port.project(projectId);
  if (!project) return false;
  const units = await port.units();
  const n = new UnitNames(new UnitDirectory(units));
  const live = project.benefits.filter((b) => !b.cancelled && !b.unplanned);
  const periods = [...new Set(live.flatMap((b) => b.plan.map((p) => p.period)))].sort(comparePeriodCodes);
  const out = open();
  // shared strings: the plan is read back by the import
  const workbook = xlsxStreamWriter(out, { sharedStrings: true });
  workbook.title = `Gevinstrealiseringsplan – ${project.name}`;
  // the sheets of `planWorkbook`, in its order
  const activeUnits = units.filter((u) => u.active).length;
  const plan = startPlanSheet(workbook, { periods: periods.length > 0 ? periods : defaultPlanPeriods(), unitCount: activeUnits });
  for (const [i, b] of live.entries()) {
    plan.add(benefitAsPlanRow(b, n, port.goalsOfBenefit?.(b.id) ?? []));
    if (i % 200 === 199) await backPressure(plan.ws, out);
  }
  plan.finish().commit();
  const followUp = live.map((b) => ({ benefit: b.title, ...(port.followUpOf?.(b.id) ?? { actions: [], risks: [] }) }));
  await writeTableSheet(workbook, actionsTable(followUp.flatMap((f) => f.actions.map((a) => ({ ...a, benefit: f.benefit })))), out);
  await writeTableSheet(workbook, risksTable(followUp.flatMap((f) => f.risks.map((r) => ({ ...r, benefit: f.benefit })))), out);
  addInstructionSheet(workbook).commit();
  if (activeUnits > 0) addUnitsSheet(workbook, units).commit();
  await writeTableSheet(workbook, planVsRealisationTable(project, n), out);
  await workbook.commit();
  return true;
}
