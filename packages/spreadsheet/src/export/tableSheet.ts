import type ExcelJS from 'exceljs';
import { isoToCellDate } from '../read/dates';
import { periodHeader } from '../read/periodHeader';
import { DATE_FORMAT, KRONER_FORMAT } from '../template/planSheet';
import { sheetText } from '../plan/sheetText';
import { columnAt, type Table, type TableCell } from './table';
import { sheetName } from './xlsx';

/** A table with few rows as a sheet of an in-memory workbook (the streaming writer does long ones). */
export function addTableSheet(workbook: ExcelJS.Workbook, table: Table): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = table.columns.map((c, i) => ({
    key: String(i),
    header: c.header,
    width: c.width ?? Math.max(c.type === 'text' ? 30 : 14, Math.min(60, c.header.length + 2)),
    style: c.type === 'kroner' ? { numFmt: KRONER_FORMAT } : c.type === 'date' ? { numFmt: DATE_FORMAT } : c.type === 'percent' ? { numFmt: '0.0" %"' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of table.rows as Iterable<TableCell[]>) {
    ws.addRow(
      row.map((v, i) => {
        if (v === null) return null;
        const type = columnAt(table, i).type;
        if (type === 'kroner') return Number(v) / 100;
        if (type === 'date') return isoToCellDate(String(v));
        if (type === 'period') return periodHeader(String(v));
        return typeof v === 'string' ? sheetText(v) : v;
      }),
    );
  }
  return ws;
}
