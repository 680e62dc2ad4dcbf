import type { Table, TableCell, TableColumn } from '../export/table';

/** Gevinstrealiseringstiltak and risks of the plan's benefits: one sheet each, after the plan sheet. */
export const ACTIONS_SHEET = 'Tiltak';
export const RISKS_SHEET = 'Risiko';

export const ACTION_COLUMNS = {
  benefit: { header: 'Gevinst', type: 'text', width: 40 },
  title: { header: 'Tiltak', type: 'text', width: 40 },
  owner: { header: 'Ansvarlig (e-post)', type: 'text', width: 30 },
  deadline: { header: 'Frist', type: 'date', width: 12 },
  status: { header: 'Status', type: 'text', width: 14 },
  comment: { header: 'Kommentar', type: 'text', width: 40 },
} as const satisfies Record<string, TableColumn>;

export const RISK_COLUMNS = {
  benefit: { header: 'Gevinst', type: 'text', width: 40 },
  threat: { header: 'Trussel', type: 'text', width: 40 },
  probability: { header: 'Sannsynlighet (1–5)', type: 'number', width: 20 },
  consequence: { header: 'Konsekvens (1–5)', type: 'number', width: 18 },
  mitigation: { header: 'Tiltak for å redusere risiko', type: 'text', width: 40 },
} as const satisfies Record<string, TableColumn>;

export const STATUS_LABELS = { planned: 'Planlagt', inProgress: 'Pågår', done: 'Fullført', cancelled: 'Avbrutt' } as const;
export type ActionStatusCode = keyof typeof STATUS_LABELS;

/** An action as the sheet has it (`benefit` is the benefit's title). */
export interface ActionSheetRow {
  benefit: string;
  title: string;
  owner: string;
  deadline: string;
  status: ActionStatusCode;
  comment: string | null;
}

export interface RiskSheetRow {
  benefit: string;
  threat: string;
  probability: number;
  consequence: number;
  mitigation: string | null;
}

export function actionsTable(rows: readonly ActionSheetRow[]): Table {
  return {
    name: ACTIONS_SHEET,
    columns: Object.values(ACTION_COLUMNS),
    size: rows.length,
    rows: rows.map((a): TableCell[] => [a.benefit, a.title, a.owner, a.deadline, STATUS_LABELS[a.status], a.comment]),
  };
}

export function risksTable(rows: readonly RiskSheetRow[]): Table {
  return {
    name: RISKS_SHEET,
    columns: Object.values(RISK_COLUMNS),
    size: rows.length,
    rows: rows.map((r): TableCell[] => [r.benefit, r.threat, r.probability, r.consequence, r.mitigation]),
  };
}
