import { ValidationError } from '@gevinst/domain/errors';
import { span, tryParsePeriod } from '@gevinst/domain/periods';
import { parseAsOf } from '@gevinst/domain/ledger';
import type { LedgerQuery } from '../export/shapes';

export type Query = Record<string, unknown>;

const one = (query: Query, name: string): string | undefined => {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ValidationError('Ugyldig parameter', [{ path: name, message: 'Oppgi parameteren én gang, som tekst' }]);
  return value === '' ? undefined : value;
};

/** `from`, `to`, `level`, `asOf` and `org` exactly as `/api/ledger` reads them (`asOf` as an ISO instant). */
export function ledgerQuery(query: Query): LedgerQuery {
  const from = one(query, 'from');
  const to = one(query, 'to');
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (value !== undefined && !tryParsePeriod(value))
      throw new ValidationError('Ugyldig periode', [{ path: name, message: 'Ugyldig periode (forventet f.eks. 2026-T2, 2026 eller 2026-03)' }]);
  }
  if (from && to) {
    try {
      span(from, to);
    } catch {
      throw new ValidationError('Ugyldig tidsrom', [{ path: 'to', message: 'Sluttperioden kan ikke ligge før startperioden' }]);
    }
  }
  const levelText = one(query, 'level');
  if (levelText !== undefined && !/^\d{1,3}$/.test(levelText))
    throw new ValidationError('Ugyldig nivå', [{ path: 'level', message: 'Nivå må være et helt tall fra 0 (kommunen) og nedover' }]);
  const asOfText = one(query, 'asOf');
  const asOf = asOfText === undefined ? undefined : parseAsOf(asOfText, 'asOf').instant;
  // `org` as `/api/ledger` reads it: `period`, `today` (the default, left out) or a date
  const orgText = one(query, 'org');
  if (orgText !== undefined && orgText !== 'period' && orgText !== 'today' && !(/^\d{4}-\d{2}-\d{2}$/.test(orgText) && !Number.isNaN(Date.parse(orgText))))
    throw new ValidationError('Ugyldig organisasjon', [
      { path: 'org', message: 'Oppgi «period» (slik organisasjonen var i hver periode), «today» eller en dato åååå-mm-dd' },
    ]);
  const org = orgText === 'today' ? undefined : orgText;
  return { from, to, level: levelText === undefined ? undefined : Number(levelText), ...(asOf ? { asOf } : {}), ...(org ? { org } : {}) };
}

export function choice<T extends string>(query: Query, name: string, allowed: readonly T[], fallback?: T): T {
  const value = one(query, name) ?? fallback;
  if (value === undefined || !allowed.includes(value as T))
    throw new ValidationError('Ugyldig parameter', [{ path: name, message: `Velg en av: ${allowed.join(', ')}` }]);
  return value as T;
}

export function flag(query: Query, name: string): boolean {
  const value = one(query, name);
  return value !== undefined && value !== '0' && value !== 'false';
}

/** `units={"Skole":"<unitId>"}`: answers to the questions about ambiguous unit names. */
export function unitAnswers(query: Query): Record<string, string> {
  const text = one(query, 'units');
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === 'string'))
    throw new ValidationError('Ugyldig parameter', [{ path: 'units', message: 'Forventet JSON: {"navn i arket": "enhetens id"}' }]);
  return parsed as Record<string, string>;
}

/** A file name part for a span: `2026-T1_2026-T3`, or `alt`. */
export const spanLabel = (q: LedgerQuery): string =>
  [q.from ?? 'start', q.to ?? 'slutt'].join('_') +
  (q.level !== undefined ? `_niva${q.level}` : '') +
  (q.asOf ? `_per${q.asOf.slice(0, 16).replace(/[-:]/g, '')}` : '') +
  (q.org ? `_org${q.org === 'period' ? 'periode' : q.org.replace(/-/g, '')}` : '');
