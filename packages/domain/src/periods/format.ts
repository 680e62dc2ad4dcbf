import { toPeriod } from './parse';
import type { PeriodLike } from './period';

const MONTHS_NB = [
  'januar', 'februar', 'mars', 'april', 'mai', 'juni',
  'juli', 'august', 'september', 'oktober', 'november', 'desember',
];

/** The code form: `2026`, `2026-T2`, `2026-03`. */
export function formatPeriod(value: PeriodLike): string {
  const p = toPeriod(value);
  switch (p.kind) {
    case 'year':
      return String(p.year);
    case 'tertial':
      return `${p.year}-T${p.index}`;
    case 'month':
      return `${p.year}-${String(p.index).padStart(2, '0')}`;
  }
}

/** For people, in bokmål: `2026`, `2026 T2`, `mars 2026`. */
export function formatPeriodNb(value: PeriodLike): string {
  const p = toPeriod(value);
  switch (p.kind) {
    case 'year':
      return String(p.year);
    case 'tertial':
      return `${p.year} T${p.index}`;
    case 'month':
      return `${MONTHS_NB[p.index - 1]} ${p.year}`;
  }
}

/** A tertial written out for a reader: `2026-T2` → «2. tertial 2026» */
export const formatTertialLong = (tertial: PeriodLike): string => {
  const p = toPeriod(tertial);
  return `${p.index}. tertial ${p.year}`;
};
