import type ExcelJS from 'exceljs';
import { excel } from '../excel';
import { isValidEmail } from '@gevinst/domain/validation';
import { columnByKey, columnForHeader, PLAN_COLUMNS, PLAN_SHEET, type ColumnKey, type PlanColumn } from '../plan/columns';
import { parseShares } from '../plan/shares';
import { booleanFromLabel, categoryFromLabel, directionFromLabel, normalise, scheduleFromLabel } from '../plan/labels';
import type { PlanRow, SheetRow } from '../plan/planRow';
import { cellDate, cellNumber, cellText, plain, rawText, type Plain } from './cells';
import { kronerToOre } from './numbers';
import { periodFromHeader } from './periodHeader';
import type { Problem } from './problem';
import { readFollowUpSheets, type FollowUpSheets } from '../followUp/readSheets';

export interface ParsedPlan {
  sheet: string | null;
  rows: SheetRow[];
  problems: Problem[];
  /** period codes of the period columns, in sheet order */
  periods: string[];
  /** headers that are neither a known column nor a period: left alone */
  ignoredColumns: string[];
  /** the «Tiltak» and «Risiko» sheets' rows (empty when the file has neither) */
  followUp?: FollowUpSheets;
}

/** Cells the domain cannot do without. */
const REQUIRED_CELLS: ColumnKey[] = ['title', 'category', 'recipient', 'owner', 'indicator', 'unitOfMeasure', 'direction'];

const HEADER_SEARCH_ROWS = 10;

type Mapped = { kind: 'field'; column: PlanColumn; header: string } | { kind: 'period'; period: string; header: string };

/** Reads the bytes of an .xlsx file into plan rows and every problem found, without touching anything. */
export async function parsePlanWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<ParsedPlan> {
  const workbook = new (excel().Workbook)();
  try {
    await workbook.xlsx.load(toBuffer(bytes) as never);
  } catch {
    return unreadableWorkbook();
  }
  return parsePlanSheet(workbook);
}

/** What the import says about a file that is not an .xlsx. */
export const unreadableWorkbook = (): ParsedPlan =>
  fail(null, 'Filen kan ikke leses som en Excel-fil (.xlsx). Lagre den som «Excel-arbeidsbok (*.xlsx)» og prøv igjen');

export function parsePlanSheet(workbook: ExcelJS.Workbook): ParsedPlan {
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  const sheets = workbook.worksheets;
  const worksheet = sheets.find((ws) => normalise(ws.name) === normalise(PLAN_SHEET));
  if (!worksheet) {
    const names = sheets.map((ws) => `«${ws.name}»`).join(', ') || 'ingen';
    const lookalike = sheets.find((ws) => findHeaderRow(ws) !== null);
    return fail(
      null,
      `Fant ikke arket «${PLAN_SHEET}». Arkene i filen: ${names}.` +
        (lookalike ? ` Arket «${lookalike.name}» ser ut som en plan: gi det navnet «${PLAN_SHEET}».` : ' Bruk malen fra Gevinst.'),
    );
  }
  const sheet = worksheet.name;
  const problems: Problem[] = [];
  const headerRow = findHeaderRow(worksheet);
  if (headerRow === null) {
    return fail(sheet, `Fant ikke overskriftsraden (med kolonner som «Gevinst», «Gevinstmottaker (enhet)» og «Måleindikator») i de ${HEADER_SEARCH_ROWS} første radene`);
  }

  const columns = new Map<number, Mapped>();
  const ignoredColumns: string[] = [];
  const seen = new Map<string, string>();
  worksheet.getRow(headerRow).eachCell({ includeEmpty: false }, (cell, col) => {
    const text = cellText(plain(cell.value));
    if (!text.ok || text.value === '') return;
    const header = text.value;
    const column = columnForHeader(header);
    const period = column ? null : periodFromHeader(header);
    const key = column ? column.key : period;
    if (!key) {
      ignoredColumns.push(header);
      return;
    }
    if (seen.has(key)) {
      problems.push({ sheet, row: headerRow, column: header, cell: cell.address, message: `Kolonnen står to ganger (også «${seen.get(key)}»)` });
      return;
    }
    seen.set(key, header);
    columns.set(col, column ? { kind: 'field', column, header } : { kind: 'period', period: key, header });
  });
  for (const column of PLAN_COLUMNS) {
    if (column.required && !seen.has(column.key)) {
      problems.push({ sheet, row: headerRow, column: column.header, message: `Kolonnen «${column.header}» mangler` });
    }
  }
  const periods = [...columns.values()].flatMap((m) => (m.kind === 'period' ? [m.period] : []));
  const headerOf = (col: number): string => columns.get(col)?.header ?? worksheet.getColumn(col).letter;

  for (const range of merges(worksheet)) {
    if (range.bottom < headerRow) continue;
    problems.push({
      sheet,
      row: range.top,
      column: headerOf(range.left),
      cell: range.address,
      message: `Sammenslåtte celler (${range.address}) kan ikke leses: del dem opp og skriv verdien i hver celle`,
    });
  }

  const rows: SheetRow[] = [];
  const last = worksheet.actualRowCount === 0 ? 0 : worksheet.rowCount;
  for (let r = headerRow + 1; r <= last; r++) {
    const row = worksheet.getRow(r);
    const cells = new Map<number, Plain>();
    // findCell, not getCell: reading must not add a cell to every column of every row (a sheet of
    // 400,000 rows would grow by millions of objects in the parser's bounded memory)
    for (const col of columns.keys()) {
      const p = plain(row.findCell(col)?.value);
      if (p.kind !== 'empty') cells.set(col, p);
    }
    if (cells.size === 0) continue; // an empty row is skipped
    // in a row with content, free text of only blanks is text too (the domain keeps it)
    for (const [col, mapped] of columns) {
      if (cells.has(col) || mapped.kind !== 'field' || mapped.column.kind !== 'freeText') continue;
      const raw = rawText(row.findCell(col)?.value);
      if (raw) cells.set(col, { kind: 'text', text: raw });
    }
    const before = problems.length;
    const value = readRow(sheet, r, row, columns, cells, date1904, problems);
    if (problems.length === before && value) {
      const addresses: Record<string, string> = {};
      for (const [col, mapped] of columns) addresses[mapped.kind === 'field' ? mapped.column.key : mapped.period] = row.getCell(col).address;
      rows.push({ sheet, row: r, value, cells: addresses });
    }
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push({ sheet, row: null, column: null, message: 'Arket har ingen gevinster: fyll ut minst én rad under overskriftene' });
  }
  const followUp = readFollowUpSheets(workbook, problems);
  return { sheet, rows, problems, periods, ignoredColumns, followUp };
}

function readRow(
  sheet: string,
  r: number,
  row: ExcelJS.Row,
  columns: Map<number, Mapped>,
  cells: Map<number, Plain>,
  date1904: boolean,
  problems: Problem[],
): PlanRow | null {
  const out: Partial<PlanRow> & { plan: PlanRow['plan'] } = { plan: [] };
  const present = new Set<ColumnKey>();
  const report = (col: number, header: string, message: string) =>
    problems.push({ sheet, row: r, column: header, cell: row.getCell(col).address, message });

  for (const [col, mapped] of columns) {
    const p = cells.get(col);
    if (!p) continue;
    if (mapped.kind === 'period') {
      const n = cellNumber(p);
      if (n.ok) out.plan.push({ period: mapped.period, quantity: n.value });
      else report(col, mapped.header, n.reason);
      continue;
    }
    const { column, header } = mapped;
    present.add(column.key);
    const text = cellText(p);
    if (!text.ok) {
      report(col, header, text.reason);
      continue;
    }
    switch (column.kind) {
      case 'text':
      case 'unit':
        (out as Record<string, unknown>)[column.key] = text.value;
        break;
      case 'freeText':
        // kept as written: blanks at either end and line breaks are part of the text (the domain keeps them)
        (out as Record<string, unknown>)[column.key] = rawText(row.getCell(col).value) ?? text.value;
        break;
      case 'email':
        // as written (the access rules compare addresses without regard to case)
        if (isValidEmail(text.value)) out.owner = text.value;
        else report(col, header, `«${text.value}» er ikke en gyldig e-postadresse`);
        break;
      case 'category': {
        const category = categoryFromLabel(text.value);
        if (category) out.category = category;
        else report(col, header, `Ukjent gevinstkategori «${text.value}»: velg budsjettmessig, alternativ anvendelse, øvrig offentlig sektor eller ikke-prissatt`);
        break;
      }
      case 'direction': {
        const direction = directionFromLabel(text.value);
        if (direction) out.direction = direction;
        else report(col, header, `Ukjent retning «${text.value}»: velg økning eller reduksjon`);
        break;
      }
      case 'boolean': {
        const yes = p.kind === 'boolean' ? p.value : booleanFromLabel(text.value);
        if (yes === null) report(col, header, `«${text.value}»: skriv ja eller nei`);
        else (out as Record<string, unknown>)[column.key] = yes;
        break;
      }
      case 'schedule': {
        const schedule = scheduleFromLabel(text.value);
        if (schedule) out.measurementSchedule = schedule;
        else report(col, header, `Ukjent målefrekvens «${text.value}»: velg tertial, år eller måned`);
        break;
      }
      case 'shares': {
        const shares = parseShares(text.value);
        if (shares.ok) out.sharedWith = shares.value;
        else report(col, header, shares.reason);
        break;
      }
      case 'goals':
        out.goals = splitGoalTitles(text.value);
        break;
      case 'number': {
        const n = cellNumber(p);
        if (n.ok) (out as Record<string, unknown>)[column.key] = n.value;
        else report(col, header, n.reason);
        break;
      }
      case 'kroner': {
        const n = cellNumber(p);
        if (!n.ok) report(col, header, n.reason);
        else if (n.value < 0) report(col, header, 'Verdsettingen kan ikke være negativ');
        else {
          const ore = kronerToOre(n.value);
          if (ore === null) report(col, header, `${n.value} kr har mer enn to desimaler: oppgi kroner med høyst to desimaler (hele øre)`);
          else out.valuationOrePerUnit = ore;
        }
        break;
      }
      case 'date': {
        const d = cellDate(p, date1904);
        if (d.ok) (out as Record<string, unknown>)[column.key] = d.value;
        else report(col, header, d.reason);
        break;
      }
    }
  }
  for (const key of REQUIRED_CELLS) {
    if (!present.has(key)) {
      const column = columnByKey(key);
      const col = [...columns].find(([, m]) => m.kind === 'field' && m.column.key === key)?.[0];
      if (col === undefined) continue; // the missing column is reported once, at the header
      report(col, (columns.get(col) as { header: string }).header, `${column.header} må fylles ut`);
    }
  }
  return {
    change: out.change ?? null,
    title: out.title ?? '',
    category: out.category ?? 'unpriced',
    recipient: out.recipient ?? '',
    owner: out.owner ?? '',
    indicator: out.indicator ?? '',
    unitOfMeasure: out.unitOfMeasure ?? '',
    direction: out.direction ?? 'increase',
    // a sheet without the column (made before it was added) plans benefits, not disbenefits
    disbenefit: out.disbenefit ?? false,
    baseline: out.baseline ?? null,
    baselineDate: out.baselineDate ?? null,
    target: out.target ?? null,
    targetDate: out.targetDate ?? null,
    valuationOrePerUnit: out.valuationOrePerUnit ?? null,
    cashReleasing: out.cashReleasing ?? false,
    measurementSchedule: out.measurementSchedule ?? null,
    sharedWith: out.sharedWith ?? [],
    goals: out.goals ?? [],
    plan: out.plan,
    comment: out.comment ?? null,
  };
}

/** The first row (of the first few) that holds at least three of the plan's headers. */
function findHeaderRow(worksheet: ExcelJS.Worksheet): number | null {
  const limit = Math.min(HEADER_SEARCH_ROWS, worksheet.rowCount);
  for (let r = 1; r <= limit; r++) {
    let known = 0;
    worksheet.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
      const text = cellText(plain(cell.value));
      if (text.ok && columnForHeader(text.value)) known++;
    });
    if (known >= 3) return r;
  }
  return null;
}

interface MergeRange {
  address: string;
  top: number;
  left: number;
  bottom: number;
}

function merges(worksheet: ExcelJS.Worksheet): MergeRange[] {
  const list: string[] = (worksheet.model as { merges?: string[] }).merges ?? [];
  return list.map((address) => {
    const [a = '', b = a] = address.split(':');
    const tl = decode(a);
    const br = decode(b);
    return { address, top: tl.row, left: tl.col, bottom: br.row };
  });
}

function decode(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!m) throw new Error(`${address} er ikke en celleadresse`);
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

function fail(sheet: string | null, message: string): ParsedPlan {
  return { sheet, rows: [], problems: [{ sheet, row: null, column: null, message }], periods: [], ignoredColumns: [] };
}

function toBuffer(bytes: Uint8Array | ArrayBuffer): Buffer {
  if (bytes instanceof ArrayBuffer) return Buffer.from(bytes);
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** «Mål»: goal titles separated by semicolons or line breaks. */
export const splitGoalTitles = (cell: string): string[] =>
  [...new Set(cell.split(/[;\n]/).map((t) => t.trim()).filter((t) => t.length > 0))];
