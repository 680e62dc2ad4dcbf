import { mergerAt, parentAt, type UnitTimeline } from '../ledger/timeline';

/** A timesats as set with `HourlyRateSet`: øre per hour for a unit and year, with its source. */
export interface RateEntry {
  year: number;
  rateOre: number;
  source: { wageOre: number; employerContributionOre: number; socialCostsOre: number; note?: string };
  recordedAt?: string | null;
}

/** What valuation needs to know of a unit: its name, its rates and its place in the organisation over time. */
export interface UnitRateFacts {
  unitId: string;
  name: string;
  rates: readonly RateEntry[];
  timeline: UnitTimeline | null;
}
export type RateBook = (unitId: string) => UnitRateFacts | undefined;

/**
 * How a year's rate was found: `year` (the unit's own rate for that year), `parent` (a higher unit's
 * rate for that year: the unit has none of its own), `earlierYear` (no rate for the year anywhere up
 * the tree: the latest earlier year's), `missing` (none at all).
 */
export type RateRule = 'year' | 'parent' | 'earlierYear' | 'missing';

export interface RateChoice {
  rule: RateRule;
  /** the year valued */
  year: number;
  /** the unit carrying the benefit in that year (the recipient, or its successor after a merger) */
  carrierUnitId: string;
  carrierName: string;
  /** the rate used and the unit and year it was set for; null when missing */
  rateOre: number | null;
  rateYear: number | null;
  rateUnitId: string | null;
  rateUnitName: string | null;
  source: RateEntry['source'] | null;
  recordedAt: string | null;
}

const yearStart = (year: number): string => `${String(year).padStart(4, '0')}-01-01`;

/** The unit that carries `unitId`'s facts on 1 January of `year`: itself, or the successor of the merger in force then (followed through chains). */
export function carrierInYear(book: RateBook, unitId: string, year: number): string {
  let current = unitId;
  const seen = new Set<string>([current]);
  for (;;) {
    const t = book(current)?.timeline;
    const merger = t ? mergerAt(t, yearStart(year)) : null;
    if (!merger || seen.has(merger.successorUnitId)) return current;
    current = merger.successorUnitId;
    seen.add(current);
  }
}

/** The carrier and its parents on 1 January of `year`, nearest first. */
function chainInYear(book: RateBook, unitId: string, year: number): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let current: string | null = carrierInYear(book, unitId, year);
  while (current !== null && !seen.has(current)) {
    chain.push(current);
    seen.add(current);
    const t: UnitTimeline | null | undefined = book(current)?.timeline;
    current = t ? parentAt(t, yearStart(year)) : null;
  }
  return chain;
}

/**
 * The timesats for valuing a benefit received by `unitId` in `year`. The rule, in order:
 * 1. the carrier unit (the recipient, or the unit it was merged into by 1 January of the year);
 * 2. its own rate for the year, else the nearest higher unit's rate for the year (the tree on 1 January);
 * 3. else the latest earlier year's rate up the same chain (the nearest unit wins a tie); never a later year's;
 * 4. else missing: the benefit's time is shown, its kroner value is not.
 */
export function rateFor(book: RateBook, unitId: string, year: number): RateChoice {
  // a book is a snapshot of the facts (made per request or per fold): its answers are kept with it
  let cache = rateCache.get(book);
  if (!cache) rateCache.set(book, (cache = new Map<string, RateChoice>()));
  const key = `${year}:${unitId}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const choice = findRate(book, unitId, year);
  cache.set(key, choice);
  return choice;
}

const rateCache = new WeakMap<RateBook, Map<string, RateChoice>>();

function findRate(book: RateBook, unitId: string, year: number): RateChoice {
  const chain = chainInYear(book, unitId, year);
  const carrierUnitId = chain[0] ?? unitId;
  const carrierName = book(carrierUnitId)?.name ?? carrierUnitId;
  const choice = (rule: RateRule, unit: UnitRateFacts, rate: RateEntry): RateChoice => ({
    rule,
    year,
    carrierUnitId,
    carrierName,
    rateOre: rate.rateOre,
    rateYear: rate.year,
    rateUnitId: unit.unitId,
    rateUnitName: unit.name,
    source: rate.source,
    recordedAt: rate.recordedAt ?? null,
  });
  for (const id of chain) {
    const unit = book(id);
    const rate = unit?.rates.find((r) => r.year === year);
    if (unit && rate) return choice(id === carrierUnitId ? 'year' : 'parent', unit, rate);
  }
  let best: { unit: UnitRateFacts; rate: RateEntry } | null = null;
  for (const id of chain) {
    const unit = book(id);
    if (!unit) continue;
    for (const rate of unit.rates) if (rate.year < year && (!best || rate.year > best.rate.year)) best = { unit, rate };
  }
  if (best) return choice('earlierYear', best.unit, best.rate);
  return { rule: 'missing', year, carrierUnitId, carrierName, rateOre: null, rateYear: null, rateUnitId: null, rateUnitName: null, source: null, recordedAt: null };
}
