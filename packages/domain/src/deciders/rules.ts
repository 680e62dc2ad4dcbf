import { DomainError, refuse, ValidationError } from '../errors';
import { IsoDateSchema } from '../events/primitives';
import { validateEvent, type EventInputOf, type EventOf, type EventType } from '../events';
import { formatPeriodNb, periodStart, periodStartDate, toOslo, tryParsePeriod } from '../periods';
import { mergerAt, type UnitTimeline } from '../ledger/timeline';
import type { Now, ProjectsLookup, UnitFacts, UnitsLookup } from './context';

const lookup = <T>(table: Readonly<Record<string, T | undefined>>, id: string): T | undefined =>
  Object.hasOwn(table, id) ? table[id] : undefined;

/** What the lookup tells of a unit's place over valid time; without a timeline, the unit as it stands today at every date. */
export const timelineOf = (unit: UnitFacts | undefined): UnitTimeline => {
  if (unit?.timeline) return unit.timeline;
  return {
    registeredParentId: unit?.parentId ?? null,
    moves: [],
    mergers: unit?.mergedInto ? [{ successorUnitId: unit.mergedInto, effectiveDate: '0001-01-01', annulled: false }] : [],
  };
};

export const unitFactsOf = (units: UnitsLookup, unitId: string): UnitFacts | undefined => lookup(units, unitId);

/**
 * The unit that carries a unit's facts at `date`: the unit itself, or for a merged unit its (final)
 * successor as of that date. A merged unit's open benefits, balances and owed amounts pass to it.
 */
export const carrierUnitOf = (units: UnitsLookup, unitId: string, date: string): string => {
  let current = unitId;
  const seen = new Set([current]);
  for (;;) {
    const unit = lookup(units, current);
    if (!unit?.exists) return current;
    const next = mergerAt(timelineOf(unit), date)?.successorUnitId;
    if (next === undefined || seen.has(next)) return current;
    seen.add(next);
    current = next;
  }
};

/**
 * The unit exists and is active (not merged into another) today. With `period`, also not merged by the
 * period's start: a merger planned for a later date leaves the unit open for the periods before it.
 */
export const requireActiveUnit = (units: UnitsLookup, unitId: string, path: string, period?: string): void => {
  const unit = lookup(units, unitId);
  const merger = unit?.timeline && period && tryParsePeriod(period) ? mergerAt(unit.timeline, periodStartDate(period)) : null;
  if (!unit?.exists) refuse('unit_not_found', path, `Enheten «${unitId}» finnes ikke`);
  else if (merger)
    refuse('unit_inactive', path, `Enheten «${unit.name}» slås sammen med en annen enhet fra ${merger.effectiveDate} og kan ikke få registreringer for ${formatPeriodNb(period ?? '')}`);
  else if (!unit.active)
    refuse(
      'unit_inactive',
      path,
      unit.mergedInto
        ? `Enheten «${unit.name}» er slått sammen med en annen enhet og kan ikke få nye registreringer`
        : `Enheten «${unit.name}» er ikke aktiv og kan ikke få nye registreringer`,
    );
};

/**
 * The read models say the unit is not merged. Its own stream says so only once `UnitMergedInto` is on
 * it; the read models know from the successor's `UnitsMerged` already, so a merger cut short still
 * stops new facts.
 */
export const requireNotMerged = (units: UnitsLookup, unitId: string, path = 'unitId'): void => {
  const unit = lookup(units, unitId);
  if (unit?.mergedInto)
    refuse('unit_merged', path, `Enheten «${unit.name}» er slått sammen med en annen enhet og tar ikke imot nye registreringer`);
};

/** The project exists and is not closed. */
export const requireOpenProject = (projects: ProjectsLookup, projectId: string, path: string): void => {
  const project = lookup(projects, projectId);
  if (!project?.exists) refuse('project_not_found', path, `Prosjektet «${projectId}» finnes ikke`);
  else if (project.closed)
    refuse('project_closed', path, `Prosjektet ${project.name ? `«${project.name}» ` : ''}er avsluttet og tar ikke imot nye registreringer`);
};

/** A command for stream X must name X's id. */
export const requireSameId = (expected: string | null, actual: string, path: string): void => {
  if (expected !== null && expected !== actual)
    refuse('stream_mismatch', path, `Kommandoen gjelder «${actual}», men strømmen er for «${expected}»`);
};

/** Builds an event and validates it against its schema (bad input → ValidationError naming the field). */
export const emit = <T extends EventType>(type: T, data: EventInputOf<T>): EventOf<T> => ({ type, data: validateEvent(type, data) });

/** Validates one input field before a rule computes with it. */
export const requireValidPeriod = (period: unknown, path = 'period'): string => {
  if (typeof period !== 'string' || !tryParsePeriod(period))
    return refuse(
      'invalid_period',
      path,
      'Ugyldig periode: bruk budsjettår (2026), tertial (2026-T1 til 2026-T3) eller måned (2026-01 til 2026-12)',
    );
  return period;
};

export const requireFiniteNumber = (value: unknown, path: string): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return refuse('invalid_number', path, 'Må være et endelig tall');
  return value;
};

/** A period that has not begun yet (in Oslo) cannot have realised anything. */
export const requireStartedPeriod = (period: string, now: Now, path = 'period'): void => {
  if (periodStart(period) > toOslo(now, 'now'))
    refuse('period_in_future', path, `Perioden ${formatPeriodNb(period)} har ikke startet ennå`);
};

export const requireIsoDate = (value: unknown, path: string): string => {
  const result = IsoDateSchema.safeParse(value);
  if (!result.success) {
    const message = 'Ugyldig dato (forventet åååå-mm-dd)';
    throw new ValidationError(message, [{ path, message }]);
  }
  return result.data;
};

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::[0-5]\d(?:\.\d{1,9})?)?Z$/;
let lastMinute = '';
let lastDate = '';

/**
 * Today's date in Oslo, `yyyy-mm-dd`. Asked on nearly every command: for a UTC instant (`…Z`) it is
 * worked out once a UTC minute, as Oslo's midnight falls on a whole UTC minute (its offsets are whole hours).
 */
export const osloDate = (now: Now): string => {
  const minute = typeof now === 'string' && UTC_INSTANT.test(now) ? now.slice(0, 16) : undefined;
  if (minute !== undefined && minute === lastMinute) return lastDate;
  const date = toOslo(now, 'now').toFormat('yyyy-MM-dd');
  if (minute !== undefined) {
    lastMinute = minute;
    lastDate = date;
  }
  return date;
};

export { DomainError };
