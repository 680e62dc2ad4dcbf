import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { periodHeader } from '../read/periodHeader';
import { isoToCellDate } from '../read/dates';
import { DATE_FORMAT, KRONER_FORMAT } from '../template/planSheet';
import { sheetText } from '../plan/sheetText';
import { columnAt, type ColumnType, type Table, type TableCell } from './table';

const FORMATS: Partial<Record<ColumnType, string>> = {
  kroner: KRONER_FORMAT,
  percent: '0.0" %"',
  date: DATE_FORMAT,
  number: '#,##0.##########',
};

const DEFAULT_WIDTH: Record<ColumnType, number> = { text: 30, kroner: 18, number: 14, percent: 12, date: 12, period: 10 };

function cellValue(value: TableCell, type: ColumnType): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'kroner':
      return Number(value) / 100;
    case 'number':
    case 'percent':
      return Number(value);
    case 'date':
      return isoToCellDate(String(value));
    case 'period':
      return periodHeader(String(value));
    case 'text':
      return sheetText(String(value));
  }
}

/** Excel refuses sheet names over 31 characters or with `[]:*?/\`. */
export const sheetName = (name: string): string => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

export interface XlsxProgress {
  (rowsWritten: number): void;
}

/**
 * Writes the tables as one workbook, a sheet each, straight to the stream (exceljs's streaming
 * writer: rows are committed as they come, so memory stays flat for long exports). Amounts are
 * numbers with the format `#,##0.00` (Norwegian Excel shows `1 234,50`), the header row is frozen.
 */
export async function writeXlsx(tables: Table[], stream: Writable, onProgress?: XlsxProgress): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Gevinst';
  let written = 0;
  for (const table of tables) {
    const ws = workbook.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = table.columns.map((c, i) => ({
      key: String(i),
      header: c.header,
      width: c.width ?? Math.max(DEFAULT_WIDTH[c.type], Math.min(60, c.header.length + 2)),
      style: FORMATS[c.type] ? { numFmt: FORMATS[c.type] } : {},
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.commit();
    for await (const row of table.rows as AsyncIterable<TableCell[]>) {
      ws.addRow(row.map((v, i) => cellValue(v, columnAt(table, i).type))).commit();
      if (++written % 200 === 0) {
        onProgress?.(written);
        // let the zip stream drain to the output before more rows pile up in memory
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, table.columns.length) } };
    ws.commit();
  }
  await workbook.commit();
  onProgress?.(written);
  return written;
}
