import { InvalidAmountError, type Ore } from './ore';

/** U+00A0 NO-BREAK SPACE: what Intl `nb-NO` puts between digit groups and beside `kr`. */
export const NBSP = '\u00a0';
/** U+2212 MINUS SIGN: what Intl `nb-NO` writes before a negative amount. */
export const MINUS = '\u2212';

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/**
 * `kr 1 234 567,50` — the spaces are no-break spaces (U+00A0) as Intl `nb-NO` writes them, so an
 * amount never wraps; a negative amount is `−kr 1 234,00` with the minus sign U+2212.
 * `wholeKroner` drops the øre (rounded half away from zero): `kr 1 235`.
 */
export function formatKroner(ore: Ore, options: { wholeKroner?: boolean } = {}): string {
  if (!Number.isSafeInteger(ore)) throw new InvalidAmountError('ore', 'Beløpet må være et helt antall øre', ore);
  const negative = ore < 0;
  const abs = Math.abs(ore);
  let text: string;
  if (options.wholeKroner) {
    text = group(String(Math.floor((abs + 50) / 100)));
  } else {
    text = `${group(String(Math.floor(abs / 100)))},${String(abs % 100).padStart(2, '0')}`;
  }
  const shown = `kr${NBSP}${text}`;
  return negative && text.replace(/[0,\u00a0]/g, '') !== '' ? `${MINUS}${shown}` : shown;
}

/**
 * Reads what a person types in kroner (`1 234,50`, `1234.5`, `kr 1 234`, `-12,5`) into øre; more
 * than two decimals is refused rather than rounded.
 */
export function parseKroner(text: string, field = 'amount'): Ore {
  let cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(MINUS, '-');
  const sign = cleaned.startsWith('-') ? '-' : '';
  cleaned = sign + cleaned.slice(sign.length).replace(/^kr\.?/i, '').replace(/kr\.?$/i, '');
  const m = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!m) throw new InvalidAmountError(field, `Ugyldig beløp «${text}»: skriv kroner med inntil to desimaler`, text);
  const ore = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(ore)) throw new InvalidAmountError(field, 'Beløpet er for stort', text);
  return m[1] === '-' ? -ore : ore;
}
