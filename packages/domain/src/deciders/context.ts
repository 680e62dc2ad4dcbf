import type { GoalsLookup } from './goals/commands';
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

/** What the double-counting guard needs to know of a planned benefit (see `benefits/overlap.ts`). */
export interface PlannedBenefitFacts {
  benefitId: string;
  projectId: string;
  projectName: string | null;
  title: string;
  recipientUnitId: string;
  indicator: string;
  unitOfMeasure: string;
  disbenefit: boolean;
  cancelled: boolean;
  /** the periods of its current plan (forecast) */
  periods: readonly string[];
}
/** The planned benefits on each recipient unit, by the unit's id. */
export type PlannedBenefitsLookup = Readonly<Record<string, readonly PlannedBenefitFacts[] | undefined>>;

export interface PlanBenefitContext extends UnitsAndProjectsContext {
  plannedBenefits: PlannedBenefitsLookup;
}

/**
 * What a recipient unit owes an investor unit by the end of a period, from the ledger (see
 * `owedBetween` in `src/ledger/owed.ts`): the flow investor → recipient over the periods that end by
 * then, less every settlement already recorded from the recipient to the investor.
 */
export interface OwedFacts {
  flowOre: number;
  settledOre: number;
  owedOre: number;
}
export type OwedLookup = (query: { recipientUnitId: string; investorUnitId: string; upTo: string }) => OwedFacts;

export interface SettlementContext extends UnitsAndProjectsContext {
  owed: OwedLookup;
}

/** What the gevinstkart needs to know of a benefit: a map node may stand for one of its project's benefits. */
export interface BenefitFacts {
  projectId: string | null;
  title: string;
  disbenefit: boolean;
  cancelled: boolean;
  recipientUnitId: string;
}
export type BenefitsLookup = Readonly<Record<string, BenefitFacts | undefined>>;

export interface BenefitMapContext extends TimeContext {
  projects: ProjectsLookup;
  benefits: BenefitsLookup;
  /** the målstruktur: a goal node may stand for one of its goals */
  goals: GoalsLookup;
}
