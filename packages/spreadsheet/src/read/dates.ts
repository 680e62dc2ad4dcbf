import { DateTime } from 'luxon';

export type DateReading = { ok: true; value: string } | { ok: false; reason: string };

const DAY_MS = 86_400_000;
/** Excel's day 0 in the 1900 system is 1899-12-30 (it counts the non-existent 29 Feb 1900). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel date serial (days since the epoch, any fraction is the time of day) as `yyyy-mm-dd`. */
export function dateFromSerial(serial: number, date1904 = false): DateReading {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) {
    return { ok: false, reason: `${serial} er ikke en gyldig dato (Excel-datonummer mellom 1 og 2958465)` };
  }
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(serial + 1e-9) * DAY_MS;
  return { ok: true, value: new Date(ms).toISOString().slice(0, 10) };
}

/** A JS Date exceljs made from a date-formatted cell: its UTC calendar day is the day Excel shows. */
export function dateFromCellDate(date: Date): DateReading {
  if (Number.isNaN(date.getTime())) return { ok: false, reason: 'Ugyldig dato' };
  // a serial stored as 45678.99999999 must not slip back a day
  const ms = Math.round(date.getTime() / 1000) * 1000;
  return { ok: true, value: new Date(ms).toISOString().slice(0, 10) };
}

/** Reads `dd.mm.åååå` (also with `/` or `-`), ISO `åååå-mm-dd`, or an Excel serial written as digits. */
export function readDate(raw: string, date1904 = false): DateReading {
  const text = raw.trim();
  const shown = `«${text}»`;
  let day: number, month: number, year: number;
  let m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(text);
  if (m) {
    if (m[3]?.length === 2) return { ok: false, reason: `${shown} har tosifret årstall: skriv datoen som dd.mm.åååå` };
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if (/^\d{1,7}$/.test(text)) {
    return dateFromSerial(Number(text), date1904);
  } else {
    return { ok: false, reason: `${shown} er ikke en dato: skriv dd.mm.åååå, f.eks. 31.12.2026` };
  }
  const dt = DateTime.fromObject({ year, month, day }, { zone: 'utc' });
  if (!dt.isValid) return { ok: false, reason: `${shown} er en dato som ikke finnes` };
  return { ok: true, value: dt.toISODate() };
}

/** `2026-03-31` → `31.03.2026` */
export const formatDateNb = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** `yyyy-mm-dd` as the Date exceljs writes as an Excel date (UTC midnight). */
export const isoToCellDate = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);
