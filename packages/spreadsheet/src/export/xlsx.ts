import type ExcelJS from 'exceljs';
import { excel } from '../excel';
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

export type XlsxStreamWriter = ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * exceljs's streaming writer straight to `stream`: rows are written out as they are committed.
 * Texts inline by default (nothing kept); `sharedStrings` keeps each distinct text until the end, for a
 * file Gevinst reads back (exceljs's reader decodes `_xHHHH_` escapes only in shared strings).
 */
export function xlsxStreamWriter(stream: Writable, options: { sharedStrings?: boolean } = {}): XlsxStreamWriter {
  const workbook = new (excel().stream.xlsx.WorkbookWriter)({ stream, useStyles: true, useSharedStrings: options.sharedStrings ?? false });
  workbook.creator = 'Gevinst';
  return workbook;
}

/** How many rows are written between looks at back-pressure (and turns given to other requests). */
const ROWS_PER_TURN = 200;

/**
 * Writes the tables as one workbook, a sheet each, straight to the stream, a row at a time as the
 * tables make them, and no faster than the stream takes the bytes (so memory stays flat for long
 * exports). Amounts are numbers with the format `#,##0.00` (Norwegian Excel shows `1 234,50`), the
 * header row is frozen.
 */
export async function writeXlsx(tables: Table[], stream: Writable, onProgress?: XlsxProgress): Promise<number> {
  const workbook = xlsxStreamWriter(stream);
  let written = 0;
  for (const table of tables) written += await writeTableSheet(workbook, table, stream, (n) => onProgress?.(written + n));
  await workbook.commit();
  onProgress?.(written);
  return written;
}

/** One table as a committed sheet of a streaming workbook; the number of rows written. */
export async function writeTableSheet(workbook: XlsxStreamWriter, table: Table, out: Writable, onProgress?: XlsxProgress): Promise<number> {
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
  let written = 0;
  for await (const row of table.rows as AsyncIterable<TableCell[]>) {
    ws.addRow(row.map((v, i) => cellValue(v, columnAt(table, i).type))).commit();
    if (++written % ROWS_PER_TURN === 0) {
      onProgress?.(written);
      await backPressure(ws, out);
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, table.columns.length) } };
  ws.commit();
  return written;
}

/**
 * Waits while the output or the zip is behind. exceljs's sheet stream hands its bytes to the zip
 * entry without looking at `write`'s answer, and archiver takes the compressed bytes in whatever the
 * output says, so a producer faster than deflate or than the response piled them up in memory (408 MB
 * for 200,000 rows). So wait for the output to drain when it asks to, and for the entry's input (the
 * PassThrough archiver pipes the sheet through into deflate) when deflate is behind. When neither
 * waits, other requests get a turn. Rejects when `out` closes first (the client left).
 */
export async function backPressure(ws: ExcelJS.Worksheet, out: Writable): Promise<void> {
  const entry = (ws as unknown as { stream?: { pipes?: LegacyWritable[] } }).stream?.pipes?.[0];
  let waited = false;
  for (;;) {
    if (out.destroyed) throw outputClosed();
    const behind = out.writableNeedDrain ? out : entry && deflateBehind(entry) ? entry : null;
    if (!behind) break;
    await drained(behind, out);
    waited = true;
  }
  if (!waited) await new Promise((resolve) => setImmediate(resolve));
}

/** archiver's PassThrough is readable-stream 2's: no `writableNeedDrain` getter, but the same state and `drain` event. */
type LegacyWritable = Writable & { _writableState?: { needDrain?: boolean; length?: number } };
/**
 * Up to this much sheet XML may wait for deflate: enough that rows are made while zlib (on libuv's
 * threads) compresses the last ones — the entry's `drain` comes only once it is empty, and waiting for
 * that at 1 MB doubled the time of a 200,000-row export — and small beside the 50 MB an export may grow by.
 */
const DEFLATE_BACKLOG = 4 << 20;
const deflateBehind = (entry: LegacyWritable): boolean =>
  (entry.writableNeedDrain ?? entry._writableState?.needDrain ?? false) &&
  (entry.writableLength ?? entry._writableState?.length ?? 0) > DEFLATE_BACKLOG;

const outputClosed = () => new Error('the output closed before the workbook was written');

function drained(stream: Writable, out: Writable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off('drain', ok);
      out.off('close', closed);
      out.off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const ok = () => settle();
    const closed = () => settle(outputClosed());
    stream.once('drain', ok);
    out.once('close', closed);
    out.once('error', settle);
  });
}
