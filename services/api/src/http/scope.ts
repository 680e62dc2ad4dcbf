import type { BenefitView, ProjectDetail } from '@gevinst/domain/answers';
import type { BalanceRow, Flow, ImbalanceRow, LedgerMatrix, LedgerUnitRow, TraceEntry } from '@gevinst/domain/ledger';
import type { Portfolio } from '@gevinst/domain/status';

/**
 * Reports cut to the units a person's roles reach (`inScope`): a unit's row when the unit is in
 * scope, a flow or matrix cell when either end is. At a level above the person's scope the rolled-up
 * units hold other units' figures too, so they are not shown.
 *
 * In an installation of several kommuner (docs/access.md «Flere kommuner») every answer is also cut
 * to the reader's kommuner (`inTenant`): a flow or cell shows only when both ends lie in them; what a
 * unit got from another kommune's money stays in its row's sums, without the other kommune's units.
 */
export type InScope = (unitId: string) => boolean;

const everywhere: InScope = () => true;

export const cutLedger = <T extends { flows: Flow[]; units: LedgerUnitRow[] }>(report: T, inScope: InScope, inTenant: InScope = everywhere): T => ({
  ...report,
  flows: report.flows.filter((f) => (inScope(f.fromUnitId) || inScope(f.toUnitId)) && inTenant(f.fromUnitId) && inTenant(f.toUnitId)),
  units: report.units.filter((u) => inScope(u.unitId) && inTenant(u.unitId)),
});

export const cutMatrix = (matrix: LedgerMatrix, inScope: InScope, inTenant: InScope = everywhere): LedgerMatrix => {
  const cells = matrix.cells.filter((c) => (inScope(c.investorUnitId) || inScope(c.recipientUnitId)) && inTenant(c.investorUnitId) && inTenant(c.recipientUnitId));
  const shown = new Set([...cells.flatMap((c) => [c.investorUnitId, c.recipientUnitId]), ...matrix.unitIds.filter(inScope)]);
  return {
    unitIds: matrix.unitIds.filter((u) => shown.has(u) && inTenant(u)),
    cells,
    diagonal: matrix.diagonal.filter((d) => inScope(d.unitId) && inTenant(d.unitId)),
  };
};

export const cutRows = <T extends ImbalanceRow | BalanceRow | Portfolio['rows'][number]>(rows: T[], inScope: InScope, inTenant: InScope = everywhere): T[] =>
  rows
    .filter((r) => inScope(r.unitId) && inTenant(r.unitId))
    .map((r) => ('gainsTo' in r && r.gainsTo.some((g) => !inTenant(g.unitId)) ? { ...r, gainsTo: r.gainsTo.filter((g) => inTenant(g.unitId)) } : r));

export const cutPortfolio = (portfolio: Portfolio, inScope: InScope, inTenant: InScope = everywhere): Portfolio => ({
  ...portfolio,
  rows: cutRows(portfolio.rows, inScope, inTenant),
});

export const cutTrace = (entries: TraceEntry[], inScope: InScope, inTenant: InScope = everywhere, foreign: ReadonlySet<string> = new Set()): TraceEntry[] =>
  entries.filter((e) => inScope(e.unitId) && inTenant(e.unitId) && mentionsNone(foreign)(e));

/**
 * Whether a row names none of these ids (other kommuner's units, projects and benefits) anywhere in
 * it: for answers whose rows carry an event's data (audit, history, trace), cut whole rows.
 */
export const mentionsNone =
  (foreign: ReadonlySet<string>) =>
  (row: unknown): boolean => {
    if (foreign.size === 0) return true;
    const text = JSON.stringify(row);
    for (const id of foreign) if (text.includes(id)) return false;
    return true;
  };

/** a benefit's shared gains, without those shared with another kommune's benefits the reader may not see */
export const cutBenefitView = <T extends Pick<BenefitView, 'sharedWith'>>(view: T, foreign: ReadonlySet<string>): T =>
  foreign.size === 0 ? view : { ...view, sharedWith: view.sharedWith.filter((s) => !foreign.has(s.benefitId) && !(s.projectId && foreign.has(s.projectId))) };

/**
 * A joint project as one member sees it: the project's head (name, owner, leader, phase, total), and
 * of its rows the costs paid and benefits received in the member's kommuner; other members' rows are
 * left out.
 */
export const cutProjectDetail = (project: ProjectDetail, inTenant: InScope, foreign: ReadonlySet<string>): ProjectDetail => ({
  ...project,
  costs: project.costs.filter((c) => inTenant(c.payerUnitId)),
  benefits: project.benefits.filter((b) => inTenant(b.recipientUnitId)).map((b) => cutBenefitView(b, foreign)),
});
