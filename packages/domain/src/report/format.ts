import { formatKroner, MINUS, NBSP } from '../money/format';
import type { Status } from '../answers/primitives';
import type { GoalVerdict } from '../status/goal-verdict';

/**
 * The report's number formats, in bokmål as the council reads them: `kr 1 234 567` (whole kroner,
 * no-break spaces between the thousands), `87,5 %`, `1 250,5`. Each renderer uses these, so the
 * PDF, the DOCX and the HTML show the same text for the same figure.
 */
export const kr = (ore: number): string => formatKroner(ore, { wholeKroner: true });

const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);

/** `1 250,5`: at most `decimals` decimals (trailing zeros dropped), decimal comma, minus sign U+2212 */
export const number = (value: number, decimals = 2): string => {
  if (!Number.isFinite(value)) return '–';
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction = ''] = fixed.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const text = grouped(whole) + (trimmed ? `,${trimmed}` : '');
  return value < 0 && /[1-9]/.test(text) ? `${MINUS}${text}` : text;
};

/** `87,5 %` (one decimal); `–` when there is no figure */
export const percent = (value: number | null): string => (value === null ? '–' : `${number(value, 1)}${NBSP}%`);

export const STATUS_LABEL: Record<Status, string> = { green: 'Ønsket', yellow: 'Akseptabelt', red: 'Uakseptabelt' };
export const VERDICT_LABEL: Record<GoalVerdict, string> = { desired: 'Ønsket', acceptable: 'Akseptabelt', unacceptable: 'Uakseptabelt' };

/** a status cell: the colour's name, «Ikke forfalt» while pending, «–» when nothing is judged */
export const statusText = (status: Status | null, pending = false): string => (status ? STATUS_LABEL[status] : pending ? 'Ikke forfalt' : '–');

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** `31. mars 2026` from an Oslo date `2026-03-31` */
export const dateText = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number);
  return `${d}. ${MONTHS[(m ?? 1) - 1]} ${y}`;
};
