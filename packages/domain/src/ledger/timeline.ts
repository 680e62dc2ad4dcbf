/**
 * A unit's place in the organisation over valid time: the parent it was registered under, then its
 * moves and mergers, each taking effect on its effective date (a move or merger may be planned ahead).
 * An annulled move or merger stays recorded (transaction time keeps it) but counts as never made.
 *
 * Dates are ISO `yyyy-mm-dd` and compare as strings. `at = null` means "after every recorded change".
 */
export interface TimedMove {
  newParentId: string | null;
  effectiveDate: string;
  annulled: boolean;
}
export interface TimedMerger {
  successorUnitId: string;
  effectiveDate: string;
  annulled: boolean;
}
export interface UnitTimeline {
  registeredParentId: string | null;
  /** in recorded order */
  moves: readonly TimedMove[];
  /** in recorded order; at most one is not annulled */
  mergers: readonly TimedMerger[];
}

const inForce = (effectiveDate: string, at: string | null): boolean => at === null || effectiveDate <= at;

/** The parent at date `at`: the last move in force (by effective date, then recorded order), else the registered parent. */
export function parentAt(t: UnitTimeline, at: string | null): string | null {
  let parent = t.registeredParentId;
  let date = '';
  for (const m of t.moves) {
    if (m.annulled || !inForce(m.effectiveDate, at) || m.effectiveDate < date) continue;
    parent = m.newParentId;
    date = m.effectiveDate;
  }
  return parent;
}

/** The merger in force at date `at` (the unit is merged from its effective date on), else null. */
export function mergerAt(t: UnitTimeline, at: string | null): TimedMerger | null {
  for (const m of t.mergers) if (!m.annulled && inForce(m.effectiveDate, at)) return m;
  return null;
}

/** The merger not annulled, whatever its date (a planned one included). */
export const activeMerger = (t: UnitTimeline): TimedMerger | null => t.mergers.find((m) => !m.annulled) ?? null;

/** Every effective date of a move or merger not annulled. */
export function changeDates(t: UnitTimeline): string[] {
  const dates: string[] = [];
  for (const m of t.moves) if (!m.annulled) dates.push(m.effectiveDate);
  for (const m of t.mergers) if (!m.annulled) dates.push(m.effectiveDate);
  return dates;
}

/** Marks the latest move not yet annulled with this effective date as annulled; false when there is none. */
export function annulMove<T extends TimedMove>(moves: T[], effectiveDate: string): boolean {
  for (let i = moves.length - 1; i >= 0; i--) {
    const m = moves[i];
    if (m && !m.annulled && m.effectiveDate === effectiveDate) {
      moves[i] = { ...m, annulled: true };
      return true;
    }
  }
  return false;
}

/** Marks the merger into `successorUnitId` at `effectiveDate` as annulled; false when there is none. */
export function annulMerger<T extends TimedMerger>(mergers: T[], successorUnitId: string, effectiveDate: string): boolean {
  const i = mergers.findIndex((m) => !m.annulled && m.successorUnitId === successorUnitId && m.effectiveDate === effectiveDate);
  const m = mergers[i];
  if (!m) return false;
  mergers[i] = { ...m, annulled: true };
  return true;
}

/** Month index (year × 12 + month − 1) of the first period start on or after `date`: a change dated the 1st counts from its own month. */
export function firstMonthFrom(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return year * 12 + month - 1 + (day > 1 ? 1 : 0);
}

/** The first day of a month index, `yyyy-mm-01`. */
export function dateOfMonth(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/** How a report places units: as the organisation stood in each figure's period, or as it stands at one date. */
export type OrgView = { mode: 'period' } | { mode: 'date'; date: string };
