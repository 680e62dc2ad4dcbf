import type { LedgerFacts } from './facts';

export interface UnitTreeOptions {
  /** depth in the unit tree (0 = roots); deeper units roll up to their ancestor at this depth; absent: units as registered */
  level?: number | null;
  /** merged units count under their (final) successor; default true. Their facts keep their own ids. */
  rollUpMergers?: boolean;
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
 * The unit tree as it stands after all folded moves and mergers. Broken data (a parent cycle, an
 * unknown parent) never loops: a unit on a cycle or without a known parent is treated as a root.
 */
export function unitTree(facts: LedgerFacts, options: UnitTreeOptions = {}): UnitTree {
  const rollUp = options.rollUpMergers ?? true;
  const level = options.level ?? null;
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
      const next = facts.units.get(current)?.mergedInto?.successorUnitId;
      if (next === undefined || seen.has(next)) break;
      seen.add(next);
      current = next;
    }
    successors.set(unitId, current);
    return current;
  };

  const parentOf = (unitId: string): string | null => {
    const parentId = facts.units.get(unitId)?.parentId ?? null;
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
