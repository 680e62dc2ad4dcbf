import type { UnitTimeline } from '../ledger/timeline';

/**
 * Facts from outside a stream, filled by the API from its read models (see docs/contract.md,
 * "Command context"). `active` and `mergedInto` are as of today (a merger planned for a later date
 * leaves the unit active). `parentId`, `mergedInto` and `timeline` are optional extras: with them the
 * unit decider refuses a change that would make a cycle, an orphan or a merger across kommuner at
 * any date; without `timeline`, the unit is taken as it stands today at every date.
 */
export interface UnitFacts {
  exists: boolean;
  active: boolean;
  name: string;
  parentId?: string | null;
  mergedInto?: string | null;
  /** the unit's registered parent, moves and mergers in valid time */
  timeline?: UnitTimeline;
  /** moves of other units under this one (not annulled), with their effective dates: a merger dated on or before one would orphan it */
  incomingMoves?: readonly { unitId: string; effectiveDate: string }[];
}
export type UnitsLookup = Readonly<Record<string, UnitFacts | undefined>>;

export interface ProjectFacts {
  exists: boolean;
  closed: boolean;
  name?: string;
}
export type ProjectsLookup = Readonly<Record<string, ProjectFacts | undefined>>;

/** The current time: an ISO instant or a Date. */
export type Now = string | Date;

export interface TimeContext {
  now: Now;
}
export interface UnitsContext extends TimeContext {
  units: UnitsLookup;
}
export interface UnitsAndProjectsContext extends UnitsContext {
  projects: ProjectsLookup;
}
