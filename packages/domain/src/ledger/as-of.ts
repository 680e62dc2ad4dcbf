import { DateTime } from 'luxon';
import { ValidationError } from '../errors';
import { applyLedgerEvent, type EventEnvelope, type LedgerEventInput } from './evolve';
import { initialLedgerFacts, type LedgerFacts } from './facts';
import { Ledger } from './ledger';

const ZONE = 'Europe/Oslo';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// a date, a T, a time to minutes or better, and an optional zone (Z or ±hh:mm)
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** The moment a report is taken at: only facts recorded at or before `instant` count. */
export interface AsOf {
  /** the cutoff as an ISO instant in UTC, e.g. `2026-03-31T21:59:59.999Z` */
  instant: string;
  /** the cutoff in ms since the epoch */
  ms: number;
}

const refuse = (field: string, message: string): never => {
  throw new ValidationError('Ugyldig tidspunkt', [{ path: field, message }], 'validation_failed');
};

/**
 * Reads `asOf`: a date (`2026-03-31`: the end of that day in Europe/Oslo) or an ISO instant
 * (`2026-03-31T12:00:00Z`; without a zone it is Oslo time). Bad input → `ValidationError` naming
 * the field, in bokmål.
 */
export function parseAsOf(value: string, field = 'asOf'): AsOf {
  const text = value.trim();
  let at: DateTime;
  if (DATE.test(text)) at = DateTime.fromISO(text, { zone: ZONE }).endOf('day');
  else if (INSTANT.test(text)) at = DateTime.fromISO(text, { zone: ZONE, setZone: false });
  else return refuse(field, 'Ugyldig tidspunkt (forventet en dato åååå-mm-dd eller et tidspunkt som 2026-03-31T12:00:00Z)');
  if (!at.isValid) return refuse(field, `Ugyldig dato eller klokkeslett: ${text}`);
  if (at.year < 1900 || at.year > 9999) return refuse(field, 'Tidspunktet må ligge mellom år 1900 og 9999');
  const instant = at.toUTC().toISO();
  if (instant === null) return refuse(field, `Ugyldig dato eller klokkeslett: ${text}`);
  return { instant, ms: at.toMillis() };
}

/** Whether the event was recorded at or before the cutoff (an event with no recording time is not). */
export function recordedBy(event: EventEnvelope, asOf: AsOf): boolean {
  const recordedAt = event.metadata?.recordedAt;
  if (typeof recordedAt !== 'string') return false;
  const ms = Date.parse(recordedAt);
  return Number.isFinite(ms) && ms <= asOf.ms;
}

/**
 * The ledger facts as they stood at `asOf`: folded from only the events recorded by then, so a
 * report shows what the council could see that day (a later correction of an earlier period is
 * left out). Pure; events in store order, parsed (`parseEvent`).
 */
export function foldLedgerFactsAsOf(events: Iterable<LedgerEventInput>, asOf: AsOf): LedgerFacts {
  const facts = initialLedgerFacts();
  for (const event of events) if (recordedBy(event, asOf)) applyLedgerEvent(facts, event);
  return facts;
}

/** The ledger as it stood at `asOf`: a fresh `Ledger` fed only the events recorded by then. */
export function ledgerAsOf(events: Iterable<LedgerEventInput>, asOf: AsOf): Ledger {
  const ledger = new Ledger();
  for (const event of events) if (recordedBy(event, asOf)) ledger.apply(event);
  return ledger;
}
