import type { BenefitShare, BenefitView, ProjectDetail, ProjectSummary } from '@gevinst/domain/answers';
import type { BenefitFact } from '@gevinst/domain/ledger';
import { benefitStatus, type Status } from '@gevinst/domain/status';
import type { LedgerProjection } from '../ledger/LedgerProjection';
import type { BenefitState, OverlapFact, ProjectState, Thresholds } from './model';
import { plannedOreOf, type PortfolioModel } from './PortfolioModel';

export type { BenefitView, ProjectDetail, ProjectSummary } from '@gevinst/domain/answers';

const DEFAULT_THRESHOLDS: Thresholds = { greenPct: 100, yellowPct: 80 };

/** A benefit as its owner and project leader see it; achievement, trend and status from the domain's `benefitStatus`. */
export const benefitView = (
  b: BenefitState,
  fact: BenefitFact | undefined,
  thresholds: Thresholds,
  now: string,
  sharedWith: BenefitShare[] = [],
): BenefitView => {
  const sign = b.disbenefit ? -1 : 1;
  const status = fact ? benefitStatus(fact, { thresholds, asOf: now }) : undefined;
  return {
    id: b.id,
    projectId: b.projectId,
    title: b.title,
    recipientUnitId: b.recipientUnitId,
    owner: b.owner,
    indicator: b.indicator,
    unitOfMeasure: b.unitOfMeasure,
    direction: b.direction,
    category: b.category,
    cashReleasing: b.cashReleasing,
    valuationOrePerUnit: b.valuationOrePerUnit,
    baseline: b.baseline,
    target: b.target,
    targetDate: b.targetDate,
    measurementSchedule: b.measurementSchedule,
    disbenefit: b.disbenefit,
    change: b.change,
    comment: b.comment,
    baselineMeasuredOn: b.baselineMeasuredOn,
    unplanned: b.unplanned,
    cancelled: b.cancelled,
    plan: b.plan.map((p) => ({ period: p.period, quantity: p.quantity, plannedOre: sign * plannedOreOf(b, p.quantity) })),
    realisations: [...b.realisations.values()].map((r) => ({
      period: r.period,
      quantity: r.quantity,
      valueOre: sign * r.valueOre,
      corrected: r.corrected,
      comment: r.comment,
      evidenceUrl: r.evidenceUrl,
    })),
    measurements: b.measurements.map((m) => ({ value: m.value, measuredOn: m.measuredOn, period: m.period })),
    attachments: b.attachments.map((a) => ({ ...a })),
    withdrawals: b.withdrawals.map((w) => ({ period: w.period, amountOre: w.amountOre, saksnummer: w.saksnummer })),
    achievementPct: status?.achievementPct ?? null,
    trend: status?.trend ?? null,
    statusByPeriod: (status?.statusByPeriod ?? []).map((p) => ({
      period: p.period,
      status: p.status,
      pending: p.pending,
      plannedOre: p.plannedOre,
      realisedOre: p.realisedOre,
      plannedQuantity: p.plannedQuantity,
      realisedQuantity: p.realisedQuantity,
      dueDate: p.dueDate,
      unreported: p.unreported,
    })),
    sharedWith,
  };
};

/** The declared shares of a gain (BenefitOverlapDeclared) the benefit is on either side of, as its view shows them. */
export const sharesOf = (portfolio: PortfolioModel, benefitId: string): BenefitShare[] =>
  (overlapIndex(portfolio).get(benefitId) ?? []).map((o) => {
      const declaredHere = o.benefitId === benefitId;
      const otherId = declaredHere ? o.otherBenefitId : o.benefitId;
      const other = portfolio.benefits.get(otherId);
      const projectId = other?.projectId ?? null;
      return {
        benefitId: otherId,
        title: other?.title ?? otherId,
        projectId,
        projectName: (projectId && portfolio.projects.get(projectId)?.name) || null,
        sharePercent: declaredHere ? o.sharePercent : o.otherSharePercent,
        otherSharePercent: declaredHere ? o.otherSharePercent : o.sharePercent,
        declaredHere,
        otherCancelled: other?.cancelled ?? false,
      };
    });

/** benefit id → the declared overlaps it is on either side of; rebuilt when the portfolio's list changes (it only grows, or is replaced on a rebuild) */
const overlapIndexes = new WeakMap<PortfolioModel, { list: OverlapFact[]; length: number; index: Map<string, OverlapFact[]> }>();
const overlapIndex = (portfolio: PortfolioModel): Map<string, OverlapFact[]> => {
  const cached = overlapIndexes.get(portfolio);
  if (cached && cached.list === portfolio.overlaps && cached.length === portfolio.overlaps.length) return cached.index;
  const index = new Map<string, OverlapFact[]>();
  for (const o of portfolio.overlaps)
    for (const id of new Set([o.benefitId, o.otherBenefitId])) {
      const list = index.get(id);
      if (list) list.push(o);
      else index.set(id, [o]);
    }
  overlapIndexes.set(portfolio, { list: portfolio.overlaps, length: portfolio.overlaps.length, index });
  return index;
};

/** The worst status of the project's judged periods (red beats yellow beats green). */
const worst = (views: BenefitView[]): Status | null => {
  let result: Status | null = null;
  for (const v of views)
    for (const s of v.statusByPeriod) {
      if (s.status === 'red') return 'red';
      if (s.status === 'yellow') result = 'yellow';
      else if (s.status === 'green' && result === null) result = 'green';
    }
  return result;
};

export class ProjectViews {
  constructor(
    private readonly portfolio: PortfolioModel,
    private readonly ledger: LedgerProjection,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  private benefitsOf(p: ProjectState): BenefitView[] {
    const now = this.clock();
    return p.benefitIds.map((id) => {
      const benefit = this.portfolio.benefits.get(id);
      // the portfolio adds a benefit before it lists it under its project
      if (!benefit) throw new Error(`Project ${p.id} lists unknown benefit ${id}`);
      return benefitView(benefit, this.ledger.facts.benefits.get(id), p.thresholds, now, sharesOf(this.portfolio, id));
    });
  }

  list(): ProjectSummary[] {
    return [...this.portfolio.projects.values()].map((p) => ({
      id: p.id,
      name: p.name,
      ownerUnitId: p.ownerUnitId,
      projectLeader: p.projectLeader,
      phase: p.phase,
      closed: p.closed,
      totalCostOre: p.totalCostOre,
      benefitCount: p.benefitIds.length,
      status: worst(this.benefitsOf(p)),
    }));
  }

  project(id: string): ProjectDetail | undefined {
    const p = this.portfolio.projects.get(id);
    if (!p) return undefined;
    const benefits = this.benefitsOf(p);
    return {
      id: p.id,
      name: p.name,
      ownerUnitId: p.ownerUnitId,
      projectLeader: p.projectLeader,
      phase: p.phase,
      closed: p.closed,
      thresholds: p.thresholds,
      totalCostOre: p.totalCostOre,
      costs: p.costs.map((c) => ({
        costId: c.costId,
        payerUnitId: c.payerUnitId,
        amountOre: c.amountOre,
        period: c.period,
        kind: c.kind,
        startYear: c.startYear,
        endYear: c.endYear,
        description: c.description,
        stoppedReason: c.stoppedReason,
        correctedReason: c.correctedReason,
        reversedReason: c.reversedReason,
      })),
      benefits,
      status: worst(benefits),
    };
  }

  benefit(id: string): BenefitView | undefined {
    const b = this.portfolio.benefits.get(id);
    if (!b) return undefined;
    const thresholds = (b.projectId && this.portfolio.projects.get(b.projectId)?.thresholds) || DEFAULT_THRESHOLDS;
    return benefitView(b, this.ledger.facts.benefits.get(id), thresholds, this.clock(), sharesOf(this.portfolio, id));
  }
}
