import { formatPeriod, formatPeriodNb, tryParsePeriod } from '@gevinst/domain/periods';

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** `mars`, `mar`, `mar.` → 3 */
function monthOf(name: string): number | null {
  const n = name.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((m) => m === n || (n.length === 3 && m.startsWith(n)));
  return i < 0 ? null : i + 1;
}

/**
 * A header that names a period: `2026 T1`, `2026-T1`, `T1 2026`, `1. tertial 2026`, `2026`, and a
 * month: `mars 2026` (as Gevinst writes it), `mar 2026`, `2026-03`.
 * Returns the period code (`2026-T1`, `2026`, `2026-03`) or null.
 */
export function periodFromHeader(header: string): string | null {
  const text = header.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  let m = /^(\d{4})\s*[- ]?\s*T\s*([1-3])$/i.exec(text);
  if (m) return `${m[1]}-T${m[2]}`;
  m = /^T\s*([1-3])\s*[- ]?\s*(\d{4})$/i.exec(text);
  if (m) return `${m[2]}-T${m[1]}`;
  m = /^([1-3])\.?\s*tertial\s*(\d{4})$/i.exec(text);
  if (m) return `${m[2]}-T${m[1]}`;
  m = /^(\p{L}+\.?)\s+(\d{4})$/u.exec(text);
  if (m) {
    const month = monthOf(m[1] ?? '');
    if (month === null) return null;
    const p = tryParsePeriod(`${m[2]}-${String(month).padStart(2, '0')}`);
    return p ? formatPeriod(p) : null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const p = tryParsePeriod(text);
    return p ? formatPeriod(p) : null;
  }
  if (/^\d{4}$/.test(text)) {
    const p = tryParsePeriod(text);
    return p ? formatPeriod(p) : null;
  }
  return null;
}

/** The header Gevinst writes for a period column: `2026 T1`, `2026`. */
export const periodHeader = (code: string): string => formatPeriodNb(code);
