import type { BenefitsLookup, OwedLookup, PlannedBenefitFacts, PlannedBenefitsLookup, ProjectsLookup, UnitsLookup } from '@gevinst/domain/deciders';
import type { LedgerProjection, PortfolioModel, UnitsRegistry } from '@gevinst/projections';
import type { GoalsLookup } from '@gevinst/domain/deciders';
import type { GoalsModel } from '@gevinst/projections';

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

/** The planned benefits on a recipient unit (the double-counting guard's facts), read live from the portfolio. */
export const plannedBenefitsLookup = (portfolio: PortfolioModel): PlannedBenefitsLookup =>
  liveLookup((unitId) => {
    const onUnit: PlannedBenefitFacts[] = [];
    for (const b of portfolio.benefits.values()) {
      if (b.unplanned || b.projectId === null || b.recipientUnitId !== unitId) continue;
      onUnit.push({
        benefitId: b.id,
        projectId: b.projectId,
        projectName: portfolio.projects.get(b.projectId)?.name ?? null,
        title: b.title,
        recipientUnitId: b.recipientUnitId,
        indicator: b.indicator ?? '',
        unitOfMeasure: b.unitOfMeasure,
        disbenefit: b.disbenefit,
        cancelled: b.cancelled,
        periods: b.plan.map((e) => e.period),
      });
    }
    return onUnit.length > 0 ? onUnit : undefined;
  });

/** What a recipient owes an investor by a period, as the live ledger says (`Ledger.owed`). */
export const owedLookup =
  (ledger: LedgerProjection): OwedLookup =>
  (query) =>
    ledger.owed(query);

/** What the gevinstkart needs of a benefit, read live from the portfolio. */
export const benefitsLookup = (portfolio: PortfolioModel): BenefitsLookup =>
  liveLookup((id) => {
    const b = portfolio.benefits.get(id);
    return b ? { projectId: b.projectId, title: b.title, disbenefit: b.disbenefit, cancelled: b.cancelled, recipientUnitId: b.recipientUnitId } : undefined;
  });

/** The goals a new goal may hang under, read live from the goals read model. */
export const goalsLookup = (goals: GoalsModel): GoalsLookup =>
  liveLookup((id) => {
    const g = goals.get(id);
    return g ? { exists: true, kind: g.kind, title: g.title, unitId: g.unitId, retired: g.retired } : undefined;
  });
