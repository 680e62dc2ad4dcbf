import type ExcelJS from 'exceljs';
import { columnByKey, PLAN_COLUMNS, PLAN_SHEET, UNITS_SHEET, type PlanColumn } from '../plan/columns';
import { CATEGORY_LABELS, DIRECTION_LABELS, NO, SCHEDULE_LABELS, YES } from '../plan/labels';
import type { PlanRow } from '../plan/planRow';
import { formatShares } from '../plan/shares';
import { sheetText } from '../plan/sheetText';
import { isoToCellDate } from '../read/dates';
import { periodHeader } from '../read/periodHeader';

export interface PlanSheetOptions {
  /** period codes, one column each (`2026-T1`, `2026`) */
  periods: string[];
  rows?: PlanRow[];
  /** the labels of the units in the `Enheter` sheet, for the drop-down list on Gevinstmottaker */
  unitCount?: number;
  /** how many rows carry the drop-down lists (at least the rows written plus some to fill in) */
  validationRows?: number;
}

type SheetColumn = { kind: 'field'; column: PlanColumn } | { kind: 'period'; period: string };

export const DATE_FORMAT = 'dd.mm.yyyy';
/** Shown by Norwegian Excel as `1 234,50`. */
export const KRONER_FORMAT = '#,##0.00';

export function sheetColumns(periods: string[]): SheetColumn[] {
  const fixed = PLAN_COLUMNS.filter((c) => c.key !== 'comment').map((column): SheetColumn => ({ kind: 'field', column }));
  const comment = columnByKey('comment');
  return [...fixed, ...periods.map((period): SheetColumn => ({ kind: 'period', period })), { kind: 'field', column: comment }];
}

/** Adds the plan sheet (the one the import reads) to a workbook, with headers, formats and drop-down lists. */
export function addPlanSheet(workbook: ExcelJS.Workbook, options: PlanSheetOptions): ExcelJS.Worksheet {
  const sheet = startPlanSheet(workbook, options);
  for (const row of options.rows ?? []) sheet.add(row);
  return sheet.finish();
}

/**
 * The plan sheet a row at a time: headers and formats first, then each row (committed as it is
 * added, so exceljs's streaming writer can send it on at once), then the drop-down lists sized to
 * the rows written.
 */
export function startPlanSheet(workbook: ExcelJS.Workbook, options: Omit<PlanSheetOptions, 'rows'>) {
  const layout = sheetColumns(options.periods);
  const ws = workbook.addWorksheet(PLAN_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  ws.columns = layout.map((c) =>
    c.kind === 'field'
      ? { header: c.column.header, key: c.column.key, width: c.column.width, style: styleFor(c.column) }
      : { header: periodHeader(c.period), key: `p:${c.period}`, width: 11 },
  );
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  header.commit();
  let written = 0;
  return {
    ws,
    add(row: PlanRow): void {
      ws.addRow(rowValues(row, layout)).commit();
      written++;
    },
    finish(): ExcelJS.Worksheet {
      addValidations(ws, options, layout.length, Math.max(options.validationRows ?? 500, written + 200) + 1);
      return ws;
    },
  };
}

function addValidations(ws: ExcelJS.Worksheet, options: Omit<PlanSheetOptions, 'rows'>, columns: number, last: number): void {
  const letter = (key: string) => ws.getColumn(key).letter;
  const list = (key: string, values: string[], title: string) =>
    validations(ws).add(`${letter(key)}2:${letter(key)}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'error',
      errorTitle: title,
      error: `Velg en verdi fra listen: ${values.join(', ')}`,
    });
  list('category', Object.values(CATEGORY_LABELS), 'Gevinstkategori');
  list('direction', Object.values(DIRECTION_LABELS), 'Retning');
  list('cashReleasing', [YES, NO], 'Kontantfrigjørende');
  list('disbenefit', [YES, NO], 'Ulempe');
  list('measurementSchedule', Object.values(SCHEDULE_LABELS), 'Målefrekvens');
  if (options.unitCount && options.unitCount > 0) {
    validations(ws).add(`${letter('recipient')}2:${letter('recipient')}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${UNITS_SHEET}'!$A$2:$A$${options.unitCount + 1}`],
      // a unit may also be given by its organisasjonsnummer, so only warn
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Gevinstmottaker',
      error: 'Enheten står ikke i listen over enheter i Gevinst. Du kan også skrive organisasjonsnummeret.',
    });
  }
  for (const key of ['baselineDate', 'targetDate']) {
    validations(ws).add(`${letter(key)}2:${letter(key)}${last}`, {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [new Date(Date.UTC(1990, 0, 1))],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Dato',
      error: 'Skriv datoen som dd.mm.åååå',
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
}

function styleFor(column: PlanColumn): Partial<ExcelJS.Style> {
  if (column.kind === 'date') return { numFmt: DATE_FORMAT };
  if (column.kind === 'kroner') return { numFmt: KRONER_FORMAT };
  return {};
}

function rowValues(row: PlanRow, layout: SheetColumn[]): ExcelJS.CellValue[] {
  const quantities = new Map(row.plan.map((p) => [p.period, p.quantity]));
  return layout.map((c) => {
    if (c.kind === 'period') return quantities.get(c.period) ?? null;
    switch (c.column.key) {
      case 'category':
        return CATEGORY_LABELS[row.category];
      case 'direction':
        return DIRECTION_LABELS[row.direction];
      case 'cashReleasing':
        return row.cashReleasing ? YES : NO;
      case 'disbenefit':
        return row.disbenefit ? YES : NO;
      case 'measurementSchedule':
        return row.measurementSchedule === null ? null : SCHEDULE_LABELS[row.measurementSchedule];
      case 'sharedWith': {
        const shares = formatShares(row.sharedWith);
        return shares === null ? null : sheetText(shares);
      }
      case 'goals':
        return row.goals.length === 0 ? null : sheetText(row.goals.join('; '));
      case 'valuationOrePerUnit':
        return row.valuationOrePerUnit === null ? null : row.valuationOrePerUnit / 100;
      case 'baselineDate':
      case 'targetDate': {
        const iso = row[c.column.key];
        return iso === null ? null : isoToCellDate(iso);
      }
      default: {
        const value = row[c.column.key];
        return typeof value === 'string' ? sheetText(value) : value;
      }
    }
  });
}

/** exceljs has range data validations at run time (`A2:A500`) but not in its typings. */
function validations(ws: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}
