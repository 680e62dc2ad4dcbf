import { unitEventSchemas, type UnitEvent } from '@gevinst/domain/events';
import { osloDate } from '@gevinst/domain/deciders';
import { activeMerger, annulMerger, annulMove, changeDates, mergerAt, parentAt, type TimedMerger, type TimedMove } from '@gevinst/domain/ledger';
import type { HourlyRate, PlannedChange, UnitDetail, UnitHistoryEntry, UnitSummary } from '@gevinst/domain/answers';
import { snapshotFields, type ProjectedEvent, type SnapshotProjection } from '../runner/projection';

type UnitRecorded = Extract<ProjectedEvent, UnitEvent>;

const unitEventTypes: ReadonlySet<string> = new Set(Object.keys(unitEventSchemas));
const isUnitEvent = (event: ProjectedEvent): event is UnitRecorded => unitEventTypes.has(event.type);

/** the unit whose history the event belongs to: a merger is told on the successor's stream */
const unitIdOf = (event: UnitRecorded): string => {
  switch (event.type) {
    case 'UnitsMerged':
      return event.data.successorUnitId;
    case 'UnitRegistered':
    case 'UnitRenamed':
    case 'UnitMoved':
    case 'UnitMergedInto':
    case 'UnitMoveAnnulled':
    case 'UnitMergerAnnulled':
    case 'UnitLeaderAssigned':
    case 'HourlyRateSet':
      return event.data.unitId;
    default:
      return unhandled(event);
  }
};

const unhandled = (event: never): never => {
  throw new Error(`Unhandled unit event: ${JSON.stringify(event)}`);
};

export type { HourlyRate, PlannedChange, UnitDetail, UnitHistoryEntry, UnitSummary } from '@gevinst/domain/answers';


export interface UnitState {
  id: string;
  name: string;
  /** the parent today (valid time: a move planned for a later date is not in force yet) */
  parentId: string | null;
  orgNumber: string | null;
  leader: string | null;
  /** the successor today (a merger planned for a later date leaves the unit active) */
  mergedInto: string | null;
  history: UnitHistoryEntry[];
  hourlyRates: HourlyRate[];
  /** the unit's place over valid time */
  timeline: { registeredParentId: string | null; moves: TimedMove[]; mergers: TimedMerger[] };
}

/**
 * A unit named by a successor's `UnitsMerged` whose own stream has no `UnitMergedInto` yet: the merger
 * was cut short between its appends. The unit counts as merged already; `completeMergers` writes the rest.
 */
export interface IncompleteMerger {
  unitId: string;
  successorUnitId: string;
  effectiveDate: string;
  /** the `UnitsMerged` event on the successor's stream */
  mergedEventId: string;
  correlationId: string | null;
}

/** Today's date in Oslo by a clock of ISO instants (`osloDate` works it out once a UTC minute). */
export const osloTodayBy =
  (clock: () => string): (() => string) =>
  () =>
    osloDate(clock());

/** The unit tree as it stands now, with each unit's history; merged units point at their successor. */
export class UnitsRegistry implements SnapshotProjection {
  readonly name = 'units';
  private units = new Map<string, UnitState>();
  private incomplete = new Map<string, IncompleteMerger>();
  /** bumped on every change of the tree, so callers can cache derived maps */
  version = 0;
  private depthCache = new Map<string, number>();
  private depthCacheVersion = -1;
  /** the date `parentId`/`mergedInto` hold for, and the version they were computed at */
  private asOfDate = '';
  /** units whose timeline changed since `asOfDate` was applied (an event changes only the units it names) */
  private stale = new Set<string>();
  /** the roots today (no parent, not merged), kept as units are placed; `rootList` in the map's order, made when asked */
  private rootSet = new Set<string>();
  private rootList: string[] | undefined;

  /** `today`: the date in Oslo the tree is shown for by default (injectable for tests) */
  constructor(private readonly today: () => string = osloTodayBy(() => new Date().toISOString())) {}

  /** brings every unit's `parentId`/`mergedInto` to today */
  private current(): void {
    const date = this.today();
    if (date === this.asOfDate) {
      if (this.stale.size === 0) return;
      for (const id of this.stale) {
        const u = this.units.get(id);
        if (u) this.placeAt(u, date);
      }
    } else {
      this.rootSet.clear();
      this.rootList = undefined;
      for (const u of this.units.values()) this.placeAt(u, date);
      this.asOfDate = date;
      this.version++;
    }
    this.stale.clear();
  }

  private placeAt(u: UnitState, date: string): void {
    u.parentId = parentAt(u.timeline, date);
    u.mergedInto = mergerAt(u.timeline, date)?.successorUnitId ?? null;
    const root = !u.parentId && !u.mergedInto;
    if (root === this.rootSet.has(u.id)) return;
    if (root) this.rootSet.add(u.id);
    else this.rootSet.delete(u.id);
    this.rootList = undefined;
  }

  reset(): void {
    this.units = new Map();
    this.incomplete = new Map();
    this.stale.clear();
    this.asOfDate = '';
    this.rootSet.clear();
    this.rootList = undefined;
    this.version++;
  }

  apply(event: ProjectedEvent): void {
    if (!event.streamName.startsWith('unit-') || !isUnitEvent(event)) return;
    const id = unitIdOf(event);
    if (!id) return;
    if (event.type === 'UnitRegistered') {
      if (this.units.has(id)) return;
      const d = event.data;
      this.units.set(id, {
        id,
        name: d.name,
        parentId: d.parentId ?? null,
        orgNumber: d.orgNumber ?? null,
        leader: d.leader ?? null,
        mergedInto: null,
        history: [],
        hourlyRates: [],
        timeline: { registeredParentId: d.parentId ?? null, moves: [], mergers: [] },
      });
    }
    const unit = this.units.get(id);
    if (!unit) return;
    this.evolve(unit, event);
    this.stale.add(id);
    unit.history.push({
      type: event.type,
      recordedAt: event.metadata.recordedAt,
      userId: event.metadata.userId ?? null,
      data: event.data,
    });
    this.version++;
  }

  private evolve(unit: UnitState, event: UnitRecorded): void {
    switch (event.type) {
      case 'UnitRenamed':
        unit.name = event.data.name;
        break;
      case 'UnitMoved':
        unit.timeline.moves.push({ newParentId: event.data.newParentId ?? null, effectiveDate: event.data.effectiveDate, annulled: false });
        break;
      case 'UnitMoveAnnulled':
        annulMove(unit.timeline.moves, event.data.effectiveDate);
        break;
      case 'UnitMergedInto': {
        const d = event.data;
        if (!unit.timeline.mergers.some((m) => !m.annulled && m.successorUnitId === d.successorUnitId && m.effectiveDate === d.effectiveDate))
          unit.timeline.mergers.push({ successorUnitId: d.successorUnitId, effectiveDate: d.effectiveDate, annulled: false });
        this.incomplete.delete(unit.id);
        break;
      }
      case 'UnitMergerAnnulled':
        annulMerger(unit.timeline.mergers, event.data.successorUnitId, event.data.effectiveDate);
        this.incomplete.delete(unit.id);
        break;
      case 'UnitsMerged':
        this.absorb(event);
        break;
      case 'UnitLeaderAssigned':
        unit.leader = event.data.leader;
        break;
      case 'HourlyRateSet': {
        const d = event.data;
        unit.hourlyRates = unit.hourlyRates.filter((r) => r.year !== d.year);
        unit.hourlyRates.push({ year: d.year, rateOre: d.rateOre, source: d.source, recordedAt: event.metadata.recordedAt });
        unit.hourlyRates.sort((a, b) => a.year - b.year);
        break;
      }
      case 'UnitRegistered':
        break;
      default:
        unhandled(event);
    }
  }

  /** the successor's word is enough: a merged unit takes no new facts even before its own stream says so */
  private absorb(event: Extract<UnitRecorded, { type: 'UnitsMerged' }>): void {
    const { successorUnitId, mergedUnitIds, effectiveDate } = event.data;
    for (const unitId of mergedUnitIds) {
      const merged = this.units.get(unitId);
      if (!merged || activeMerger(merged.timeline)) continue;
      merged.timeline.mergers.push({ successorUnitId, effectiveDate, annulled: false });
      this.stale.add(unitId);
      this.incomplete.set(unitId, {
        unitId,
        successorUnitId,
        effectiveDate,
        mergedEventId: event.id,
        correlationId: event.metadata.correlationId ?? null,
      });
    }
  }

  /** merged units whose `UnitMergedInto` is still missing (see `IncompleteMerger`) */
  incompleteMergers(): IncompleteMerger[] {
    return [...this.incomplete.values()];
  }

  has(id: string): boolean {
    return this.units.has(id);
  }

  get(id: string): UnitState | undefined {
    this.current();
    return this.units.get(id);
  }

  isActive(id: string): boolean {
    this.current();
    const u = this.units.get(id);
    return !!u && u.mergedInto === null;
  }

  ids(): string[] {
    return [...this.units.keys()];
  }

  /** the roots of the tree today (no parent, not merged), in the order they were registered; asked on every command */
  roots(): readonly string[] {
    this.current();
    this.rootList ??= this.ids().filter((id) => this.rootSet.has(id));
    return this.rootList;
  }

  /** the unit that carries a merged unit's facts today (itself when not merged) */
  successorOf(id: string): string {
    this.current();
    let current = id;
    for (let guard = 0; guard < 1000; guard++) {
      const next = this.units.get(current)?.mergedInto;
      if (!next) return current;
      current = next;
    }
    return current;
  }

  depthOf(id: string): number {
    this.current();
    if (this.depthCacheVersion !== this.version) {
      this.depthCache = new Map();
      this.depthCacheVersion = this.version;
    }
    const cached = this.depthCache.get(id);
    if (cached !== undefined) return cached;
    let depth = 0;
    let parent = this.units.get(id)?.parentId ?? null;
    const seen = new Set([id]);
    while (parent && this.units.has(parent) && !seen.has(parent)) {
      seen.add(parent);
      depth++;
      parent = this.units.get(parent)?.parentId ?? null;
    }
    this.depthCache.set(id, depth);
    return depth;
  }

  /**
   * The unit a figure is shown under at `level` (0 = roots): first the successor of a merged unit,
   * then its ancestor at that depth; a unit shallower than `level` stands for itself. Without a
   * level, every unit stands for itself (history stays under the old unit).
   */
  rollUp(id: string, level: number | undefined): string {
    this.current();
    if (level === undefined) return id;
    const start = this.successorOf(id);
    const path: string[] = [];
    let current: string | null = start;
    const seen = new Set<string>();
    while (current && this.units.has(current) && !seen.has(current)) {
      seen.add(current);
      path.push(current);
      current = this.units.get(current)?.parentId ?? null;
    }
    if (path.length === 0) return start;
    const root = path.length - 1;
    return path[Math.max(0, root - level)] ?? start;
  }

  /** `unitId` is `scopeUnitId` or lies below it; a merged unit also lies wherever its successor does */
  isWithin(unitId: string, scopeUnitId: string): boolean {
    this.current();
    for (const start of new Set([unitId, this.successorOf(unitId)])) {
      const seen = new Set<string>();
      for (let current: string | null | undefined = start; current && !seen.has(current); current = this.units.get(current)?.parentId) {
        if (current === scopeUnitId) return true;
        seen.add(current);
      }
    }
    return false;
  }

  summary(id: string): UnitSummary | undefined {
    this.current();
    const u = this.units.get(id);
    if (!u) return undefined;
    return {
      id: u.id,
      name: u.name,
      parentId: u.parentId,
      orgNumber: u.orgNumber,
      leader: u.leader,
      depth: this.depthOf(u.id),
      active: u.mergedInto === null,
      mergedInto: u.mergedInto,
      planned: this.plannedAfter(u.id, this.asOfDate),
    };
  }

  list(): UnitSummary[] {
    return this.ids().flatMap((id) => this.summary(id) ?? []);
  }

  /** the units as the tree stands at `date` (valid time), each with its moves and mergers planned after it */
  listAt(date: string): UnitSummary[] {
    const out: UnitSummary[] = [];
    for (const u of this.units.values()) {
      const parentId = parentAt(u.timeline, date);
      const mergedInto = mergerAt(u.timeline, date)?.successorUnitId ?? null;
      let depth = 0;
      const seen = new Set([u.id]);
      for (let p = parentId; p !== null && this.units.has(p) && !seen.has(p); depth++) {
        seen.add(p);
        const parent = this.units.get(p);
        p = parent ? parentAt(parent.timeline, date) : null;
      }
      const summary = this.summary(u.id);
      if (!summary) continue;
      out.push({ ...summary, parentId, mergedInto, active: mergedInto === null, depth, planned: this.plannedAfter(u.id, date) });
    }
    return out;
  }

  /** moves and mergers of the unit that take effect after `date` (not annulled) */
  plannedAfter(id: string, date: string): PlannedChange[] {
    const u = this.units.get(id);
    if (!u) return [];
    const moves: PlannedChange[] = u.timeline.moves
      .filter((m) => !m.annulled && m.effectiveDate > date)
      .map((m) => ({ kind: 'move', effectiveDate: m.effectiveDate, newParentId: m.newParentId, successorUnitId: null }));
    const mergers: PlannedChange[] = u.timeline.mergers
      .filter((m) => !m.annulled && m.effectiveDate > date)
      .map((m) => ({ kind: 'merger', effectiveDate: m.effectiveDate, newParentId: null, successorUnitId: m.successorUnitId }));
    return [...moves, ...mergers].sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));
  }

  /** moves of other units under `id` (not annulled), with their effective dates */
  incomingMoves(id: string): { unitId: string; effectiveDate: string }[] {
    const out: { unitId: string; effectiveDate: string }[] = [];
    for (const u of this.units.values())
      for (const m of u.timeline.moves) if (!m.annulled && m.newParentId === id) out.push({ unitId: u.id, effectiveDate: m.effectiveDate });
    return out;
  }

  /** every effective date of a move or merger not annulled, sorted */
  changeDates(): string[] {
    return [...new Set([...this.units.values()].flatMap((u) => changeDates(u.timeline)))].sort();
  }

  detail(id: string): UnitDetail | undefined {
    const s = this.summary(id);
    const u = this.units.get(id);
    if (!s || !u) return undefined;
    return { ...s, history: u.history, hourlyRates: u.hourlyRates };
  }

  /** the units shown at `level` (all registered units, merged ones too, without a level) */
  unitsAtLevel(level: number | undefined): string[] {
    if (level === undefined) return this.ids();
    const ids = new Set<string>();
    for (const id of this.units.keys()) ids.add(this.rollUp(id, level));
    return [...ids];
  }

  /** bump when `UnitState`, `IncompleteMerger` or the fold changes (stored snapshots are then rebuilt) */
  readonly snapshotVersion = 1;

  snapshot(): unknown {
    return { units: this.units, incomplete: this.incomplete };
  }

  restore(state: unknown): void {
    const s = snapshotFields(state, { units: 'map', incomplete: 'map' });
    this.reset();
    this.units = s.units as Map<string, UnitState>;
    this.incomplete = s.incomplete as Map<string, IncompleteMerger>;
  }
}
