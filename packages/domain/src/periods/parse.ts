import { InvalidPeriodError } from './errors';
import { MAX_YEAR, MIN_YEAR, PERIODS_PER_YEAR, type Period, type PeriodKind, type PeriodLike } from './period';

const CODE = /^(\d{4})(?:-(?:T(\d)|(\d{2})))?$/;

function inRange(kind: PeriodKind, year: number, index: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    Number.isInteger(index) &&
    index >= 1 &&
    index <= PERIODS_PER_YEAR[kind]
  );
}

/** Builds a period value, refusing one that does not exist (month 13, T4, year 0). */
export function period(kind: PeriodKind, year: number, index = 1, field = 'period'): Period {
  if (!inRange(kind, year, index)) {
    throw new InvalidPeriodError(field, `Perioden finnes ikke: ${kind} ${year}/${index}`, { kind, year, index });
  }
  return { kind, year, index };
}

export const yearPeriod = (year: number): Period => period('year', year, 1);
export const tertial = (year: number, index: number): Period => period('tertial', year, index);
export const month = (year: number, index: number): Period => period('month', year, index);

/** Reads `2026` (budget year), `2026-T2` (tertial) or `2026-03` (month), or returns null. */
export function tryParsePeriod(code: unknown): Period | null {
  if (typeof code !== 'string') return null;
  const m = CODE.exec(code);
  if (!m) return null;
  const year = Number(m[1]);
  const kind: PeriodKind = m[2] !== undefined ? 'tertial' : m[3] !== undefined ? 'month' : 'year';
  const index = kind === 'tertial' ? Number(m[2]) : kind === 'month' ? Number(m[3]) : 1;
  return inRange(kind, year, index) ? { kind, year, index } : null;
}

/** Reads a period code; throws an `InvalidPeriodError` naming `field` and the expected forms. */
export function parsePeriod(code: unknown, field = 'period'): Period {
  const parsed = tryParsePeriod(code);
  if (parsed) return parsed;
  const shown = typeof code === 'string' ? `«${code}»` : String(code);
  throw new InvalidPeriodError(
    field,
    `Ugyldig periode ${shown}: bruk budsjettår (2026), tertial (2026-T1 til 2026-T3) eller måned (2026-01 til 2026-12)`,
    code,
  );
}

export function isValidPeriod(value: unknown): boolean {
  if (typeof value === 'string') return tryParsePeriod(value) !== null;
  if (value && typeof value === 'object') {
    const p = value as Partial<Period>;
    return (
      typeof p.kind === 'string' &&
      p.kind in PERIODS_PER_YEAR &&
      inRange(p.kind, p.year as number, p.index as number)
    );
  }
  return false;
}

/** A period value from a value or a code (validated either way). */
export function toPeriod(value: PeriodLike, field = 'period'): Period {
  if (typeof value === 'string') return parsePeriod(value, field);
  if (!isValidPeriod(value)) throw new InvalidPeriodError(field, 'Ugyldig periode', value);
  return value;
}
