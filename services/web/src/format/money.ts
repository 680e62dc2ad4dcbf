const whole = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const withOre = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Øre as people read it: `kr 1 234 567` (øre shown only when there are any: `kr 12,50`). */
export function formatKr(ore: number | null | undefined): string {
  if (ore === null || ore === undefined || !Number.isFinite(ore)) return '–';
  const kroner = ore / 100;
  const text = Number.isInteger(kroner) ? whole.format(kroner) : withOre.format(kroner);
  return `kr ${text}`;
}

/**
 * Reads an amount in kroner as typed by a person (`1 234 567`, `1234,50`, `kr 12`) into integer øre.
 * Returns null when the text is not an amount.
 */
export function parseKrToOre(text: string): number | null {
  const cleaned = text.replace(/kr/gi, '').replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-').replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}
