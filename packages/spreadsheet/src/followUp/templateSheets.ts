import type ExcelJS from 'exceljs';
import type { TableColumn } from '../export/table';
import { DATE_FORMAT } from '../template/planSheet';
import { ACTION_COLUMNS, ACTIONS_SHEET, RISK_COLUMNS, RISKS_SHEET } from './sheets';

/** The template's «Tiltak» and «Risiko» sheets: header rows only (the export fills them with `writeTableSheet`). */
export function addFollowUpSheets(workbook: ExcelJS.Workbook): void {
  const sheets: [string, Record<string, TableColumn>][] = [
    [ACTIONS_SHEET, ACTION_COLUMNS],
    [RISKS_SHEET, RISK_COLUMNS],
  ];
  for (const [name, columns] of sheets) {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = Object.values(columns).map((c) => ({ header: c.header, width: c.width, style: c.type === 'date' ? { numFmt: DATE_FORMAT } : {} }));
    ws.getRow(1).font = { bold: true };
  }
}
