import type { LedgerFacts } from './facts';
import { changeDates, dateOfMonth, firstMonthFrom, mergerAt, parentAt, type OrgView } from './timeline';

export interface UnitTreeOptions {
  /** depth in the unit tree (0 = roots); deeper units roll up to their ancestor at this depth; absent: units as registered */
  level?: number | null;
  /** merged units count under their (final) successor; default true. Their facts keep their own ids. */
  rollUpMergers?: boolean;
  /** the tree as it stands at this date (valid time: moves and mergers in force by then); absent or null: after every recorded change */
  at?: string | null;
}

export interface UnitTree {
  /** the unit a merged unit lives on in (itself when not merged) */
  readonly successorOf: (unitId: string) => string;
  /** the parent after moves, with a merged parent replaced by its successor */
  readonly parentOf: (unitId: string) => string | null;
  readonly depthOf: (unitId: string) => number;
  /** the unit whose row a figure of `unitId` is shown on */
  readonly reportingUnitOf: (unitId: string) => string;
}

/**
 * The unit tree as it stands at a date (`options.at`), or after all folded moves and mergers. Broken
 * data (a parent cycle, an unknown parent) never loops: a unit on a cycle or without a known parent is
 * treated as a root.
 */
export function unitTree(facts: LedgerFacts, options: UnitTreeOptions = {}): UnitTree {
  const rollUp = options.rollUpMergers ?? true;
  const level = options.level ?? null;
  const at = options.at ?? null;
  if (level !== null && (!Number.isInteger(level) || level < 0)) {
    throw new RangeError(`level must be a whole number ≥ 0, got ${level}`);
  }
  const successors = new Map<string, string>();
  const chains = new Map<string, string[]>();
  const reporting = new Map<string, string>();

  const successorOf = (unitId: string): string => {
    if (!rollUp) return unitId;
    const known = successors.get(unitId);
    if (known !== undefined) return known;
    let current = unitId;
    const seen = new Set<string>([current]);
    for (;;) {
      const unit = facts.units.get(current);
      const next = unit ? mergerAt(unit, at)?.successorUnitId : undefined;
      if (next === undefined || seen.has(next)) break;
      seen.add(next);
      current = next;
    }
    successors.set(unitId, current);
    return current;
  };

  const parentOf = (unitId: string): string | null => {
    const unit = facts.units.get(unitId);
    const parentId = unit ? parentAt(unit, at) : null;
    return parentId === null ? null : successorOf(parentId);
  };

  /** [unit, parent, grandparent, …, root] */
  const chainOf = (unitId: string): string[] => {
    const known = chains.get(unitId);
    if (known) return known;
    const chain = [unitId];
    const seen = new Set(chain);
    for (let p = parentOf(unitId); p !== null && !seen.has(p); p = parentOf(p)) {
      chain.push(p);
      seen.add(p);
    }
    chains.set(unitId, chain);
    return chain;
  };

  const depthOf = (unitId: string) => chainOf(successorOf(unitId)).length - 1;

  const reportingUnitOf = (unitId: string): string => {
    const known = reporting.get(unitId);
    if (known !== undefined) return known;
    const chain = chainOf(successorOf(unitId));
    const depth = chain.length - 1;
    // the chain starts at the unit's successor, so it is never empty
    const result = (level === null || depth <= level ? chain[0] : chain[depth - level]) ?? unitId;
    reporting.set(unitId, result);
    return result;
  };

  return { successorOf, parentOf, depthOf, reportingUnitOf };
}

/** A report's choice of organisation: `org` absent or null places every figure by the tree after every recorded change. */
export interface OrgOptions extends UnitTreeOptions {
  org?: OrgView | null;
}

/**
 * The trees a report places its figures by. With the organisation at a date there is one layer; with
 * the organisation per period (`org: { mode: 'period' }`) a figure is placed by the tree as it stood on
 * the first day of its period, and the months are cut into layers at every move or merger, each
 * layer with one tree.
 */
export interface OrgLayers {
  readonly count: number;
  /** the layer of a figure whose period starts at month index `startMonth` */
  layerOf(startMonth: number): number;
  /** the months [start, end) of a layer */
  monthsOf(layer: number): { start: number; end: number };
  tree(layer: number): UnitTree;
}

/** The first months from which a move or merger not annulled is in force, sorted, each once. */
export function orgChangeMonths(facts: LedgerFacts): number[] {
  const months = new Set<number>();
  for (const unit of facts.units.values()) for (const d of changeDates(unit)) months.add(firstMonthFrom(d));
  return [...months].sort((a, b) => a - b);
}

export function orgLayers(facts: LedgerFacts, options: OrgOptions = {}): OrgLayers {
  const base = { level: options.level ?? null, rollUpMergers: options.rollUpMergers ?? true };
  const org = options.org ?? null;
  if (org === null || org.mode === 'date') {
    const tree = unitTree(facts, { ...base, at: org === null ? (options.at ?? null) : org.date });
    return { count: 1, layerOf: () => 0, monthsOf: () => ({ start: -Infinity, end: Infinity }), tree: () => tree };
  }
  const bounds = orgChangeMonths(facts);
  const trees: UnitTree[] = [];
  return {
    count: bounds.length + 1,
    layerOf(startMonth) {
      let k = 0;
      while (k < bounds.length && (bounds[k] ?? Infinity) <= startMonth) k++;
      return k;
    },
    monthsOf: (layer) => ({ start: layer === 0 ? -Infinity : (bounds[layer - 1] ?? Infinity), end: bounds[layer] ?? Infinity }),
    tree(layer) {
      let tree = trees[layer];
      if (!tree) {
        const from = layer === 0 ? undefined : bounds[layer - 1];
        trees[layer] = tree = unitTree(facts, { ...base, at: from === undefined ? '0000-01-01' : dateOfMonth(from) });
      }
      return tree;
    },
  };
}
