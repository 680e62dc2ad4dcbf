import { ValidationError } from '@gevinst/domain/errors';
import { tryParsePeriod, span } from '@gevinst/domain/periods';
import type { Request } from 'express';
import { parseAsOf, type AsOf } from '@gevinst/domain/ledger';

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
