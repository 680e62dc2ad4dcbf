import { formatPeriod, formatPeriodNb, tryParsePeriod } from '@gevinst/domain/periods';

/**
 * A header that names a period: `2026 T1`, `2026-T1`, `T1 2026`, `1. tertial 2026`, `2026`.
 * Returns the period code (`2026-T1`, `2026`) or null.
 */
export function periodFromHeader(header: string): string | null {
  const text = header.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  let m = /^(\d{4})\s*[- ]?\s*T\s*([1-3])$/i.exec(text);
  if (m) return `${m[1]}-T${m[2]}`;
  m = /^T\s*([1-3])\s*[- ]?\s*(\d{4})$/i.exec(text);
  if (m) return `${m[2]}-T${m[1]}`;
  m = /^([1-3])\.?\s*tertial\s*(\d{4})$/i.exec(text);
  if (m) return `${m[2]}-T${m[1]}`;
  if (/^\d{4}$/.test(text)) {
    const p = tryParsePeriod(text);
    return p ? formatPeriod(p) : null;
  }
  return null;
}

/** The header Gevinst writes for a period column: `2026 T1`, `2026`. */
export const periodHeader = (code: string): string => formatPeriodNb(code);
