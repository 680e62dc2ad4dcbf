import { changeDates, mergerAt, parentAt, type UnitTimeline } from '../../ledger/timeline';
import type { UnitsLookup } from '../context';
import { timelineOf, unitFactsOf } from '../rules';

/**
 * The unit tree over valid time as the units lookup tells it, with a command's proposed changes laid
 * over it, so the unit decider can check the tree at every date the change touches.
 */
export class ProposedOrganisation {
  constructor(
    private readonly units: UnitsLookup,
    private readonly proposed: ReadonlyMap<string, UnitTimeline>,
  ) {}

  timeline(unitId: string): UnitTimeline {
    return this.proposed.get(unitId) ?? timelineOf(unitFactsOf(this.units, unitId));
  }

  /** the unit itself, or the (final) successor it is merged into at `date` */
  carrier(unitId: string, date: string): string {
    let current = unitId;
    const seen = new Set([current]);
    for (let next = mergerAt(this.timeline(current), date)?.successorUnitId; next !== undefined && !seen.has(next); ) {
      seen.add(next);
      current = next;
      next = mergerAt(this.timeline(current), date)?.successorUnitId;
    }
    return current;
  }

  /** the parent at `date`, a merged parent replaced by its successor */
  parent(unitId: string, date: string): string | null {
    const parent = parentAt(this.timeline(unitId), date);
    return parent === null ? null : this.carrier(parent, date);
  }

  /** the walk up from a unit's carrier at `date`: [carrier, parent, …, root], and whether it met a unit twice */
  chain(unitId: string, date: string): { chain: string[]; cycle: boolean } {
    const chain = [this.carrier(unitId, date)];
    const seen = new Set(chain);
    for (let p = this.parent(chain[0] ?? unitId, date); p !== null; p = this.parent(p, date)) {
      if (seen.has(p)) return { chain, cycle: true };
      seen.add(p);
      chain.push(p);
    }
    return { chain, cycle: false };
  }

  /** the top-level unit (the kommune) above a unit at `date` */
  root(unitId: string, date: string): string {
    const { chain } = this.chain(unitId, date);
    return chain[chain.length - 1] ?? unitId;
  }

  /**
   * The first date on or after `from` at which a walk up from one of `starts` meets a unit twice, or
   * null. Checked at `from` and at every later change date of each unit met on the way.
   */
  firstCycle(starts: readonly string[], from: string): string | null {
    const dates = new Set<string>([from]);
    const addDates = (unitId: string) => {
      for (const d of changeDates(this.timeline(unitId))) if (d >= from) dates.add(d);
    };
    for (const s of starts) addDates(s);
    for (const s of this.proposed.keys()) addDates(s);
    const checked = new Set<string>();
    for (;;) {
      const next = [...dates].filter((d) => !checked.has(d)).sort()[0];
      if (next === undefined) return null;
      checked.add(next);
      for (const s of starts) {
        const { chain, cycle } = this.chain(s, next);
        if (cycle) return next;
        chain.forEach(addDates);
      }
    }
  }
}
