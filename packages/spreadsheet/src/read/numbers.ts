/** The result of reading a number someone typed: the value, or why it cannot be read (bokmål). */
export type NumberReading = { ok: true; value: number } | { ok: false; reason: string };

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Reads a number written the Norwegian or the English way: `1,5` and `1.5`, `1 234,5`, `1.234,5`,
 * `1,234.5`, `-3`, `−3`. A lone separator followed by exactly three digits (`1.234`, `12,500`) could be
 * a thousands separator or a decimal mark, so it is refused as ambiguous instead of guessed.
 */
export function readNumber(raw: string): NumberReading {
  const shown = `«${raw.trim()}»`;
  let text = raw.trim().replace(/\u2212/g, '-');
  if (text === '') return { ok: false, reason: 'Tomt tall' };
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) sign = -1;
    text = text.slice(1).trim();
  }
  if (/[ \u00a0\u202f]/.test(text)) {
    // spaces may only group thousands in the integer part: `1 234 567,5`
    const m = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:([.,])(\d+))?$/.exec(text);
    if (!m) return { ok: false, reason: `${shown} er ikke et gyldig tall` };
    return finish((m[1] ?? '').replace(SPACES, '') + (m[3] ? `.${m[3]}` : ''), sign, shown);
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return { ok: false, reason: `${shown} er ikke et tall` };
  const commas = count(text, ',');
  const points = count(text, '.');
  if (commas > 0 && points > 0) {
    // the last separator is the decimal mark, the other groups thousands
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    if (count(text, decimal) > 1) return { ok: false, reason: `${shown} er ikke et gyldig tall` };
    const [intPart = '', fraction] = text.split(decimal);
    if (!new RegExp(`^\\d{1,3}(?:\\${thousands}\\d{3})+$`).test(intPart) || fraction === '') {
      return { ok: false, reason: `${shown} er ikke et gyldig tall: tusenskilletegnet står feil` };
    }
    return finish(`${intPart.split(thousands).join('')}.${fraction}`, sign, shown);
  }
  const separator = commas > 0 ? ',' : points > 0 ? '.' : null;
  if (separator === null) return finish(text, sign, shown);
  const n = separator === ',' ? commas : points;
  if (n > 1) {
    // `1.234.567`: only thousands separators
    if (!new RegExp(`^\\d{1,3}(?:\\${separator}\\d{3})+$`).test(text)) return { ok: false, reason: `${shown} er ikke et gyldig tall` };
    return finish(text.split(separator).join(''), sign, shown);
  }
  const [intPart = '', fraction = ''] = text.split(separator);
  if (intPart === '' || fraction === '') return { ok: false, reason: `${shown} er ikke et gyldig tall` };
  if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(intPart)) {
    const asThousands = intPart + fraction;
    const asDecimal = `${intPart},${fraction}`;
    return {
      ok: false,
      reason: `${shown} er tvetydig: skilletegnet kan være tusenskille (${asThousands}) eller desimaltegn (${asDecimal}). Skriv ${asThousands} uten skilletegn, eller bruk desimalkomma med færre eller flere enn tre desimaler`,
    };
  }
  return finish(`${intPart}.${fraction}`, sign, shown);
}

function finish(text: string, sign: number, shown: string): NumberReading {
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, reason: `${shown} er ikke et gyldig tall` };
  return { ok: true, value: sign * value + 0 };
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/** Kroner (as a number read from the sheet) to whole øre; null when it has more than two decimals. */
export function kronerToOre(kroner: number): number | null {
  const ore = kroner * 100;
  const rounded = Math.round(ore);
  if (Math.abs(ore - rounded) > 1e-6 * Math.max(1, Math.abs(ore))) return null;
  return rounded + 0;
}
