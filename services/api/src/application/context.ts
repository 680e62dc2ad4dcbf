import type { ProjectsLookup, UnitsLookup } from '@gevinst/domain/deciders';
import type { PortfolioModel, UnitsRegistry } from '@gevinst/projections';

const liveLookup = <T>(find: (id: string) => T | undefined): Readonly<Record<string, T | undefined>> => {
  const nothing: Record<string, T | undefined> = {};
  return new Proxy(nothing, {
    get: (_target, id) => (typeof id === 'string' ? find(id) : undefined),
    has: (_target, id) => typeof id === 'string' && find(id) !== undefined,
    getOwnPropertyDescriptor: (_target, id) => {
      const value = typeof id === 'string' ? find(id) : undefined;
      return value === undefined ? undefined : { value, writable: false, enumerable: true, configurable: true };
    },
  });
};

/**
 * The facts from outside a stream a decider needs, read live from the read models (contract: "Command context").
 * A unit is active and placed as of today; its timeline lets the unit decider check the tree at every date.
 */
export const unitsLookup = (units: UnitsRegistry): UnitsLookup =>
  liveLookup((id) => {
    const u = units.get(id);
    return u
      ? {
          exists: true,
          active: u.mergedInto === null,
          name: u.name,
          parentId: u.parentId,
          mergedInto: u.mergedInto,
          timeline: u.timeline,
          // read only by a merger naming the unit (a scan of the units: mergers are rare)
          get incomingMoves() {
            return units.incomingMoves(id);
          },
        }
      : undefined;
  });

export const projectsLookup = (portfolio: PortfolioModel): ProjectsLookup =>
  liveLookup((id) => {
    const p = portfolio.projects.get(id);
    return p ? { exists: true, closed: p.closed, name: p.name } : undefined;
  });
