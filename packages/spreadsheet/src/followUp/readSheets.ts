import type ExcelJS from 'exceljs';
import { isValidEmail } from '@gevinst/domain/validation';
import { normalise } from '../plan/labels';
import { cellDate, cellNumber, cellText, plain } from '../read/cells';
import type { Problem } from '../read/problem';
import {
  ACTION_COLUMNS,
  ACTIONS_SHEET,
  RISK_COLUMNS,
  RISKS_SHEET,
  STATUS_LABELS,
  type ActionSheetRow,
  type ActionStatusCode,
  type RiskSheetRow,
} from './sheets';

export interface FollowUpSheets {
  actions: { row: number; value: ActionSheetRow }[];
  risks: { row: number; value: RiskSheetRow }[];
}

type Columns = Record<string, { header: string }>;
type Cells<C extends Columns> = { [K in keyof C]: { read: ReturnType<typeof plain>; address: string } };

/**
 * Reads the «Tiltak» and «Risiko» sheets when the workbook has them (a file made before they existed
 * has neither, and that is fine); every bad cell is a problem at its sheet, row and column.
 */
export function readFollowUpSheets(workbook: ExcelJS.Workbook, problems: Problem[]): FollowUpSheets {
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  const actions = readSheet(workbook, ACTIONS_SHEET, ACTION_COLUMNS, ['benefit', 'title', 'owner', 'deadline'], problems, (cells, fail) => {
    const text = (key: keyof typeof ACTION_COLUMNS) => textOf(cells[key].read);
    const owner = text('owner');
    if (owner && !isValidEmail(owner)) fail('owner', `«${owner}» er ikke en gyldig e-postadresse`);
    const deadline = cellDate(cells.deadline.read, date1904);
    if (!deadline.ok) fail('deadline', deadline.reason);
    const statusText = text('status');
    const status = statusText
      ? (Object.entries(STATUS_LABELS).find(([, label]) => normalise(label) === normalise(statusText))?.[0] as ActionStatusCode | undefined)
      : 'planned';
    if (!status) fail('status', `Ukjent status «${statusText}»: skriv ${Object.values(STATUS_LABELS).join(', ')}`);
    return { benefit: text('benefit'), title: text('title'), owner, deadline: deadline.ok ? deadline.value : '', status: status ?? 'planned', comment: text('comment') || null };
  });
  const risks = readSheet(workbook, RISKS_SHEET, RISK_COLUMNS, ['benefit', 'threat', 'probability', 'consequence'], problems, (cells, fail) => {
    const grade = (key: 'probability' | 'consequence'): number => {
      const n = cellNumber(cells[key].read);
      if (n.ok && Number.isInteger(n.value) && n.value >= 1 && n.value <= 5) return n.value;
      fail(key, 'Må være et helt tall fra 1 til 5');
      return 0;
    };
    return {
      benefit: textOf(cells.benefit.read),
      threat: textOf(cells.threat.read),
      probability: grade('probability'),
      consequence: grade('consequence'),
      mitigation: textOf(cells.mitigation.read) || null,
    };
  });
  return { actions, risks };
}

const textOf = (p: ReturnType<typeof plain>): string => {
  const t = cellText(p);
  return t.ok ? t.value.trim() : '';
};

function readSheet<C extends Columns, T>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: C,
  required: readonly (keyof C & string)[],
  problems: Problem[],
  read: (cells: Cells<C>, fail: (key: keyof C & string, message: string) => void) => T,
): { row: number; value: T }[] {
  const ws = workbook.worksheets.find((w) => normalise(w.name) === normalise(name));
  if (!ws) return [];
  const sheet = ws.name;
  const headerOf = (key: keyof C & string): string => (columns[key] as { header: string }).header;
  const header = ws.getRow(1);
  const at = new Map<keyof C & string, number>();
  header.eachCell({ includeEmpty: false }, (cell, col) => {
    const text = normalise(textOf(plain(cell.value)));
    const key = (Object.keys(columns) as (keyof C & string)[]).find((k) => normalise(headerOf(k)) === text);
    if (key && !at.has(key)) at.set(key, col);
  });
  const missing = required.filter((k) => !at.has(k));
  for (const k of missing) problems.push({ sheet, row: 1, column: headerOf(k), message: `Kolonnen «${headerOf(k)}» mangler` });
  if (missing.length > 0) return [];
  const out: { row: number; value: T }[] = [];
  const last = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  for (let r = 2; r <= last; r++) {
    const row = ws.getRow(r);
    const cells = {} as Cells<C>;
    let filled = false;
    for (const key of Object.keys(columns) as (keyof C & string)[]) {
      const col = at.get(key);
      const cell = col === undefined ? undefined : row.findCell(col);
      const p = plain(cell?.value);
      if (p.kind !== 'empty') filled = true;
      cells[key] = { read: p, address: cell?.address ?? '' };
    }
    if (!filled) continue;
    const fail = (key: keyof C & string, message: string) =>
      problems.push({ sheet, row: r, column: headerOf(key), cell: cells[key].address || null, message });
    const before = problems.length;
    for (const key of required) if (cells[key].read.kind === 'empty') fail(key, `${headerOf(key)} må fylles ut`);
    const value = read(cells, (key, message) => {
      if (cells[key].read.kind !== 'empty') fail(key, message);
    });
    if (problems.length === before) out.push({ row: r, value });
  }
  return out;
}
