import type { CellValue } from 'exceljs';
import { dateFromCellDate, dateFromSerial, readDate } from './dates';
import { readNumber } from './numbers';

/** What a cell holds, after formulas, rich text and links are looked through. */
export type Plain =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'error'; reason: string };

export function plain(value: CellValue | undefined): Plain {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: value.trim() };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  if (typeof value === 'object') {
    if ('richText' in value) return plain(value.richText.map((r) => r.text).join(''));
    if ('error' in value) return { kind: 'error', reason: `Cellen inneholder feilverdien ${value.error}` };
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined) return { kind: 'error', reason: 'Formelen har ingen lagret verdi: åpne og lagre filen i Excel, eller skriv inn verdien' };
      if (result && typeof result === 'object' && 'error' in result) return { kind: 'error', reason: `Formelen gir feilverdien ${(result as { error: string }).error}` };
      return plain(result as CellValue);
    }
    if ('text' in value) return plain((value as { text: CellValue }).text);
  }
  return { kind: 'error', reason: 'Ukjent celleinnhold' };
}

/**
 * A text cell's text exactly as written, blanks and line breaks kept (exceljs has already turned
 * `_xHHHH_` back into its character); null for a cell that holds anything but text.
 */
export function rawText(value: CellValue | undefined): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return null;
}

export type Reading<T> = { ok: true; value: T } | { ok: false; reason: string };

export function cellText(p: Plain): Reading<string> {
  switch (p.kind) {
    case 'text':
      return { ok: true, value: p.text };
    case 'number':
      return { ok: true, value: String(p.value) };
    case 'boolean':
      return { ok: true, value: p.value ? 'ja' : 'nei' };
    case 'date':
      return { ok: true, value: p.value.toISOString().slice(0, 10) };
    case 'error':
      return { ok: false, reason: p.reason };
    case 'empty':
      return { ok: true, value: '' };
  }
}

export function cellNumber(p: Plain): Reading<number> {
  switch (p.kind) {
    case 'number':
      return Number.isFinite(p.value) ? { ok: true, value: p.value } : { ok: false, reason: 'Ugyldig tall' };
    case 'text':
      return readNumber(p.text);
    case 'date':
      return { ok: false, reason: 'Cellen er formatert som dato, men her skal det stå et tall' };
    case 'boolean':
      return { ok: false, reason: 'Her skal det stå et tall, ikke sann/usann' };
    case 'error':
      return { ok: false, reason: p.reason };
    case 'empty':
      return { ok: false, reason: 'Tomt tall' };
  }
}

export function cellDate(p: Plain, date1904: boolean): Reading<string> {
  switch (p.kind) {
    case 'date':
      return dateFromCellDate(p.value);
    case 'number':
      return dateFromSerial(p.value, date1904);
    case 'text':
      return readDate(p.text, date1904);
    case 'boolean':
      return { ok: false, reason: 'Her skal det stå en dato (dd.mm.åååå)' };
    case 'error':
      return { ok: false, reason: p.reason };
    case 'empty':
      return { ok: false, reason: 'Tom dato' };
  }
}
