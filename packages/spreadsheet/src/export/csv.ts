import { periodHeader } from '../read/periodHeader';
import { formatDateNb } from '../read/dates';
import { columnAt, type Table, type TableCell, type TableColumn } from './table';

export const CSV_BOM = '\ufeff';
export const CSV_SEPARATOR = ';';
export const CSV_NEWLINE = '\r\n';

/** Øre as kroner with a decimal comma and no digit grouping: 123456 → `1234,56`, -5 → `-0,05`. */
export function oreAsCsvKroner(ore: number): string {
  const abs = Math.abs(ore);
  return `${ore < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** A number with a decimal comma (`1,5`), never in exponent form. */
export function numberAsCsv(n: number): string {
  let text = String(n);
  if (/e/i.test(text)) text = n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  return text.replace('.', ',');
}

export function quoteCsv(text: string): string {
  // a leading = + - @ would make Excel read the text as a formula
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvCell(value: TableCell, column: TableColumn): string {
  if (value === null || value === undefined) return '';
  switch (column.type) {
    case 'kroner':
      return oreAsCsvKroner(Number(value));
    case 'number':
    case 'percent':
      return numberAsCsv(Number(value));
    case 'date':
      return formatDateNb(String(value));
    case 'period':
      return quoteCsv(periodHeader(String(value)));
    case 'text':
      return quoteCsv(String(value));
  }
}

const headerCell = (column: TableColumn) => quoteCsv(column.header);

/**
 * The table as CSV the way Norwegian Excel opens it: UTF-8 with BOM, `;` between fields, decimal
 * comma, CRLF line ends. Yields chunks so a long table can be streamed.
 */
export async function* csvChunks(table: Table): AsyncGenerator<string> {
  yield CSV_BOM + table.columns.map(headerCell).join(CSV_SEPARATOR) + CSV_NEWLINE;
  let buffer = '';
  for await (const row of table.rows as AsyncIterable<TableCell[]>) {
    buffer += row.map((v, i) => csvCell(v, columnAt(table, i))).join(CSV_SEPARATOR) + CSV_NEWLINE;
    if (buffer.length > 64 * 1024) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

export async function toCsv(table: Table): Promise<string> {
  let out = '';
  for await (const chunk of csvChunks(table)) out += chunk;
  return out;
}
