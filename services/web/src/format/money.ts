const whole = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const withOre = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Øre as reports show it: whole kroner, rounded, `kr 1 234 567`, `−kr 25 800`. The one money format of the UI;
 * øre only where a person asks for the exact figure (`formatKrExact`).
 */
export function formatKr(ore: number | null | undefined): string {
  if (ore === null || ore === undefined || !Number.isFinite(ore)) return '–';
  return signed(Math.round(ore / 100), (kroner) => whole.format(kroner));
}

/** `kr 1 234` and `−kr 1 234` (U+2212 before `kr`, as the domain's `formatKroner` and its messages write it); never `−kr 0`. */
function signed(kroner: number, format: (abs: number) => string): string {
  const text = `kr\u00a0${format(Math.abs(kroner))}`;
  return kroner < 0 && /[1-9]/.test(text) ? `\u2212${text}` : text;
}

/** The exact figure with øre, `kr 1 234 567,89`: for the events behind a figure and for amounts a person must type back. */
export function formatKrExact(ore: number | null | undefined): string {
  if (ore === null || ore === undefined || !Number.isFinite(ore)) return '–';
  return signed(ore / 100, (kroner) => withOre.format(kroner));
}

/** An amount as a person types it into a field (`250 000`, `1 234,50`): øre only when there are any, no `kr`. */
export function formatKrForInput(ore: number): string {
  return (ore % 100 === 0 ? formatKr(ore) : formatKrExact(ore)).replace(/^(\u2212?)kr\u00a0/, '$1');
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

const compact = new Intl.NumberFormat('nb-NO', { notation: 'compact', maximumFractionDigits: 1 });

/** For a chart cell too narrow for the whole figure: `kr 1,2 mill.` (the table beside the chart has the whole figure). */
export function formatKrShort(ore: number): string {
  return signed(Math.round(ore / 100), (kroner) => compact.format(kroner));
}
