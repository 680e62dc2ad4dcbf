const plain = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
const pct = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

export const formatNumber = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : plain.format(value);

export const formatPct = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : `${pct.format(value)} %`;

/** A change in percentage points with its sign: `+12 %`, `−3 %`. */
export const formatChange = (value: number | null | undefined): string => {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const text = pct.format(Math.abs(value));
  return value > 0 ? `+${text} %` : value < 0 ? `\u2212${text} %` : `0 %`;
};

/** Reads `7,5` or `1 200` as a number; null when it is not one. */
export function parseNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-').replace(',', '.');
  if (cleaned === '' || !/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}
