import { ValidationError } from '@gevinst/domain/errors';
import { tryParsePeriod, span } from '@gevinst/domain/periods';
import type { Request } from 'express';
import { parseAsOf, type AsOf, type OrgView } from '@gevinst/domain/ledger';
import type { OrgAnswer } from '@gevinst/domain/answers';

const one = (req: Request, name: string): string | undefined => {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ValidationError('Ugyldig parameter', [{ path: name, message: 'Oppgi parameteren én gang, som tekst' }]);
  return value === '' ? undefined : value;
};

export const periodParam = (req: Request, name: string): string | undefined => {
  const value = one(req, name);
  if (value !== undefined && !tryParsePeriod(value))
    throw new ValidationError('Ugyldig periode', [
      { path: name, message: 'Ugyldig periode (forventet f.eks. 2026-T2, 2026 eller 2026-03)' },
    ]);
  return value;
};

export const levelParam = (req: Request): number | undefined => {
  const value = one(req, 'level');
  if (value === undefined) return undefined;
  if (!/^\d{1,3}$/.test(value))
    throw new ValidationError('Ugyldig nivå', [{ path: 'level', message: 'Nivå må være et helt tall fra 0 (kommunen) og nedover' }]);
  return Number(value);
};

export const spanParams = (req: Request): { from?: string; to?: string; level?: number } => {
  const from = periodParam(req, 'from');
  const to = periodParam(req, 'to');
  if (from && to) {
    try {
      span(from, to);
    } catch {
      throw new ValidationError('Ugyldig tidsrom', [{ path: 'to', message: 'Sluttperioden kan ikke ligge før startperioden' }]);
    }
  }
  return { from, to, level: levelParam(req) };
};

export const stringParam = (req: Request, name: string, max = 320): string | undefined => {
  const value = one(req, name);
  if (value !== undefined && value.length > max)
    throw new ValidationError('Ugyldig parameter', [{ path: name, message: `Maks ${max} tegn` }]);
  return value;
};

export const dateParam = (req: Request, name: string): string | undefined => {
  const value = one(req, name);
  if (value !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))))
    throw new ValidationError('Ugyldig dato', [{ path: name, message: 'Ugyldig dato (forventet åååå-mm-dd)' }]);
  return value;
};

/** `asOf`: a date (end of that day in Oslo) or an ISO instant; reports then count only facts recorded by then. */
export const asOfParam = (req: Request): AsOf | undefined => {
  const value = one(req, 'asOf');
  return value === undefined ? undefined : parseAsOf(value, 'asOf');
};

/** The organisation reports place figures by when the reader does not choose: as it stands today. */
export const DEFAULT_ORG = 'today';

/**
 * `org`: the organisation figures are placed by (valid time) — `period` (as it stood in each period),
 * `today`, or a date `yyyy-mm-dd` (as it stands on that day). Default: today. Combines freely with
 * `asOf` (transaction time: as known at).
 */
export const orgParam = (req: Request, today: string): { org: OrgView; answer: OrgAnswer } => {
  const value = one(req, 'org') ?? DEFAULT_ORG;
  const chosen = req.query.org !== undefined && req.query.org !== '';
  if (value === 'period') return { org: { mode: 'period' }, answer: { mode: 'period', date: null, default: !chosen } };
  const date = value === 'today' ? today : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
    throw new ValidationError('Ugyldig organisasjon', [
      { path: 'org', message: 'Oppgi «period» (slik organisasjonen var i hver periode), «today» eller en dato åååå-mm-dd' },
    ]);
  return { org: { mode: 'date', date }, answer: { mode: 'date', date, default: !chosen } };
};
