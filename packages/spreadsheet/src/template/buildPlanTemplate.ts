import type ExcelJS from 'exceljs';
import { excel } from '../excel';
import { addFollowUpSheets } from '../followUp/templateSheets';
import { UNITS_SHEET } from '../plan/columns';
import type { PlanRow } from '../plan/planRow';
import { UnitDirectory } from '../units/unitDirectory';
import type { UnitRef } from '../units/unitRef';
import { planPeriods, type PeriodGranularity } from './defaultPeriods';
import { addInstructionSheet } from './instructions';
import { addPlanSheet } from './planSheet';

export interface PlanTemplateOptions {
  /** first budget year; defaults to this year */
  fromYear?: number;
  years?: number;
  granularity?: PeriodGranularity;
  /** explicit period columns (overrides fromYear/years/granularity) */
  periods?: string[];
  /** the municipality's units, listed on a sheet the Gevinstmottaker drop-down uses */
  units?: readonly UnitRef[];
  /** rows to fill in (an export of a plan is the template with rows) */
  rows?: PlanRow[];
}

/** The template's period columns when none are given: four years of tertials from this year. */
export const defaultPlanPeriods = (fromYear = new Date().getFullYear(), years = 4, granularity: PeriodGranularity = 'tertial'): string[] =>
  planPeriods(fromYear, years, granularity);

export function planWorkbook(options: PlanTemplateOptions = {}): ExcelJS.Workbook {
  const periods = options.periods ?? defaultPlanPeriods(options.fromYear, options.years, options.granularity);
  const workbook = new (excel().Workbook)();
  workbook.creator = 'Gevinst';
  const units = (options.units ?? []).filter((u) => u.active);
  addPlanSheet(workbook, { periods, rows: options.rows, unitCount: units.length });
  addFollowUpSheets(workbook);
  addInstructionSheet(workbook);
  if (options.units && units.length > 0) addUnitsSheet(workbook, options.units);
  return workbook;
}

/** The gevinstrealiseringsplan template as .xlsx bytes. */
export async function buildPlanTemplate(options: PlanTemplateOptions = {}): Promise<Buffer> {
  return Buffer.from(await planWorkbook(options).xlsx.writeBuffer());
}

/** The `Enheter` sheet: the units as the plan names them, for the Gevinstmottaker drop-down. */
export function addUnitsSheet(workbook: ExcelJS.Workbook, all: readonly UnitRef[]): ExcelJS.Worksheet {
  const directory = new UnitDirectory(all);
  const ws = workbook.addWorksheet(UNITS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'Enhet (skriv slik i planen)', key: 'label', width: 40 },
    { header: 'Plassering', key: 'path', width: 60 },
    { header: 'Organisasjonsnummer', key: 'orgNumber', width: 20 },
  ];
  ws.getRow(1).font = { bold: true };
  const rows = all
    .filter((u) => u.active)
    .map((u) => ({ label: directory.label(u.id), path: directory.path(u.id).join(' / '), orgNumber: u.orgNumber ?? '' }))
    .sort((a, b) => a.path.localeCompare(b.path, 'nb'));
  for (const row of rows) ws.addRow(row);
  return ws;
}
