import type { AnyEventOf } from '@gevinst/domain/events';
import { monthsOfPeriod } from '@gevinst/domain/ledger';
import { multiplyOre } from '@gevinst/domain/money';
import { snapshotFields, type ProjectedEvent, type SnapshotProjection } from '../runner/projection';
import type { BenefitState, EventRef, OverlapFact, ProjectState, RealisationFact } from './model';

type Of<T extends ProjectedEvent['type']> = Extract<ProjectedEvent, AnyEventOf<T>>;

const monthsOf = (period: string): { start: number; end: number } => {
  const { start, end } = monthsOfPeriod(period);
  return { start, end };
};

const refOf = (event: ProjectedEvent): EventRef => ({
  streamName: event.streamName,
  revision: event.revision.toString(),
  type: event.type,
  userId: event.metadata.userId ?? null,
  recordedAt: event.metadata.recordedAt,
  globalPosition: event.globalPosition.toString(),
});

export const plannedOreOf = (benefit: BenefitState, quantity: number): number =>
  benefit.valuationOrePerUnit === null ? 0 : multiplyOre(quantity, benefit.valuationOrePerUnit);

const plannedBenefit = (event: Of<'BenefitPlanned'>): BenefitState => {
  const d = event.data;
  return {
    id: d.benefitId,
    projectId: d.projectId ?? null,
    title: d.title,
    recipientUnitId: d.recipientUnitId,
    owner: d.owner ?? null,
    indicator: d.indicator ?? null,
    unitOfMeasure: d.unitOfMeasure,
    direction: d.direction ?? 'increase',
    category: d.category,
    cashReleasing: d.cashReleasing ?? false,
    valuationOrePerUnit: d.valuationOrePerUnit ?? null,
    baseline: d.baseline ?? null,
    target: d.target ?? null,
    targetDate: d.targetDate ?? null,
    measurementSchedule: d.measurementSchedule ?? 'tertial',
    disbenefit: d.disbenefit ?? false,
    change: d.change ?? null,
    comment: d.comment ?? null,
    baselineMeasuredOn: null,
    unplanned: false,
    cancelled: false,
    plan: d.plan ?? [],
    realisations: new Map(),
    measurements: [],
    attachments: [],
    withdrawals: [],
    reminders: [],
    ref: refOf(event),
  };
};

const unplannedBenefit = (event: Of<'UnplannedBenefitRecorded'>): BenefitState => {
  const d = event.data;
  const ref = refOf(event);
  const realisation: RealisationFact = {
    period: d.period,
    quantity: d.quantity,
    valuationOrePerUnit: null,
    valueOre: d.valueOre,
    corrected: false,
    comment: d.description ?? null,
    evidenceUrl: null,
    ...monthsOf(d.period),
    ref,
  };
  return {
    id: d.benefitId,
    projectId: d.projectId ?? null,
    title: d.title,
    recipientUnitId: d.recipientUnitId,
    owner: null,
    indicator: null,
    unitOfMeasure: d.unitOfMeasure,
    direction: 'increase',
    category: d.category,
    cashReleasing: false,
    valuationOrePerUnit: null,
    baseline: null,
    target: null,
    targetDate: null,
    measurementSchedule: 'tertial',
    disbenefit: false,
    change: null,
    comment: null,
    baselineMeasuredOn: null,
    unplanned: true,
    cancelled: false,
    plan: [],
    realisations: new Map([[d.period, realisation]]),
    measurements: [],
    attachments: [],
    withdrawals: [],
    reminders: [],
    ref,
  };
};

const realisationOf = (event: Of<'BenefitRealised' | 'BenefitRealisationCorrected'>): RealisationFact => {
  const d = event.data;
  return {
    period: d.period,
    quantity: d.quantity,
    valuationOrePerUnit: d.valuationOrePerUnit ?? null,
    valueOre: d.valueOre,
    corrected: event.type === 'BenefitRealisationCorrected',
    comment: d.comment ?? null,
    evidenceUrl: d.evidenceUrl ?? null,
    ...monthsOf(d.period),
    ref: refOf(event),
  };
};

/**
 * Projects, their costs and benefits (plan, realisations, measurements, withdrawals, reminders),
 * folded live from `project-`, `benefit-` and `reminder-` streams. The project, benefit, due and
 * portfolio read models are queries over this one fold; settlements are the ledger's
 * (`LedgerProjection`).
 */
/** Adds `deltaOre` to what the payer has paid on the project: its total, the payers in first-cost order and their weights (the cost shares). */
function countCost(p: ProjectState, payerUnitId: string, deltaOre: number): void {
  p.costByPayer.set(payerUnitId, (p.costByPayer.get(payerUnitId) ?? 0) + deltaOre);
  p.totalCostOre += deltaOre;
  p.payerIds = [...p.costByPayer.keys()];
  p.payerWeights = p.payerIds.map((id) => p.costByPayer.get(id) ?? 0);
}

export class PortfolioModel implements SnapshotProjection {
  readonly name = 'portfolio';
  projects = new Map<string, ProjectState>();
  benefits = new Map<string, BenefitState>();
  /** declared shares of gains two benefits claim (BenefitOverlapDeclared), in the order declared */
  overlaps: OverlapFact[] = [];
  /** bumped on every change, for callers that cache query results */
  version = 0;

  reset(): void {
    this.projects = new Map();
    this.benefits = new Map();
    this.overlaps = [];
    this.version++;
  }

  apply(event: ProjectedEvent): void {
    if (this.fold(event)) this.version++;
  }

  /** folds the event in; false when it changed nothing the model keeps */
  private fold(event: ProjectedEvent): boolean {
    switch (event.type) {
      case 'ProjectRegistered':
        return this.registerProject(event);
      case 'ProjectPhaseChanged':
        return this.withProject(event.data.projectId, (p) => (p.phase = event.data.phase));
      case 'ProjectClosed':
        return this.withProject(event.data.projectId, (p) => {
          p.closed = true;
          p.closedReason = event.data.reason ?? null;
        });
      case 'CostRecorded':
        return this.recordCost(event);
      case 'CostCorrected':
      case 'CostReversed':
        return this.amendCost(event);
      case 'AnnualCostStopped':
        return this.withProject(event.data.projectId, (p) => {
          const cost = p.costs.find((c) => c.costId === event.data.costId);
          if (!cost) return;
          cost.endYear = event.data.lastYear;
          cost.stoppedReason = event.data.reason;
          cost.ref = refOf(event);
        });
      case 'BenefitPlanned':
        return this.addBenefit(plannedBenefit(event));
      case 'UnplannedBenefitRecorded':
        return this.addBenefit(unplannedBenefit(event));
      case 'BaselineMeasured':
        return this.withBenefit(event.data.benefitId, (b) => {
          b.baseline = event.data.value;
          b.baselineMeasuredOn = event.data.measuredOn;
        });
      case 'MeasurementRecorded': {
        const d = event.data;
        return this.withBenefit(d.benefitId, (b) =>
          b.measurements.push({ value: d.value, measuredOn: d.measuredOn, period: d.period ?? null, comment: d.comment ?? null, evidenceUrl: d.evidenceUrl ?? null }),
        );
      }
      case 'BenefitRealised':
      case 'BenefitRealisationCorrected': {
        const b = this.benefits.get(event.data.benefitId);
        if (!b) return false;
        b.realisations.delete(event.data.period);
        b.realisations.set(event.data.period, realisationOf(event));
        return true;
      }
      case 'BenefitForecastRevised':
        return this.withBenefit(event.data.benefitId, (b) => (b.plan = event.data.plan));
      case 'BenefitOwnerAssigned':
        return this.withBenefit(event.data.benefitId, (b) => (b.owner = event.data.owner));
      case 'BenefitCancelled':
        return this.withBenefit(event.data.benefitId, (b) => (b.cancelled = true));
      case 'BudgetWithdrawalRecorded': {
        const d = event.data;
        return this.withBenefit(d.benefitId, (b) =>
          b.withdrawals.push({
            withdrawalId: d.withdrawalId,
            unitId: d.unitId,
            period: d.period,
            amountOre: d.amountOre,
            saksnummer: d.saksnummer ?? null,
            ...monthsOf(d.period),
            ref: refOf(event),
          }),
        );
      }
      case 'ReminderSent':
        return this.withBenefit(event.data.benefitId, (b) => b.reminders.push({ kind: event.data.kind, period: event.data.period, sentAt: event.metadata.recordedAt }));
      case 'ReminderEscalated':
        return this.withBenefit(event.data.benefitId, (b) => b.reminders.push({ kind: 'escalation', period: event.data.period, sentAt: event.metadata.recordedAt }));
      case 'EvidenceAttached': {
        const d = event.data;
        return this.withBenefit(d.benefitId, (b) =>
          b.attachments.push({
            attachmentId: d.attachmentId,
            fileName: d.fileName,
            contentType: d.contentType,
            sizeBytes: d.sizeBytes,
            period: d.period ?? null,
            measuredOn: d.measuredOn ?? null,
            attachedBy: event.metadata.userId ?? null,
            attachedAt: event.metadata.recordedAt,
          }),
        );
      }
      case 'BenefitOverlapDeclared': {
        const d = event.data;
        this.overlaps.push({ benefitId: d.benefitId, otherBenefitId: d.otherBenefitId, sharePercent: d.sharePercent, otherSharePercent: d.otherSharePercent, ref: refOf(event) });
        return true;
      }
      case 'SettlementRecorded':
        // folded by the ledger; still a change callers caching query results are told of
        return true;
      default:
        return false;
    }
  }

  /** applies `change` to the project when it is known; a change all the same (as the model always counted it) */
  private withProject(projectId: string, change: (project: ProjectState) => unknown): true {
    const p = this.projects.get(projectId);
    if (p) change(p);
    return true;
  }

  private withBenefit(benefitId: string, change: (benefit: BenefitState) => unknown): true {
    const b = this.benefits.get(benefitId);
    if (b) change(b);
    return true;
  }

  private registerProject(event: Of<'ProjectRegistered'>): boolean {
    const d = event.data;
    if (this.projects.has(d.projectId)) return false;
    this.projects.set(d.projectId, {
      id: d.projectId,
      name: d.name,
      ownerUnitId: d.ownerUnitId,
      projectLeader: d.projectLeader,
      phase: 'planning',
      thresholds: d.thresholds ?? { greenPct: 100, yellowPct: 80 },
      closed: false,
      closedReason: null,
      costs: [],
      costByPayer: new Map(),
      payerIds: [],
      payerWeights: [],
      totalCostOre: 0,
      benefitIds: [],
    });
    return true;
  }

  private recordCost(event: Of<'CostRecorded'>): boolean {
    const d = event.data;
    const p = this.projects.get(d.projectId);
    if (!p) return false;
    p.costs.push({
      costId: d.costId,
      payerUnitId: d.payerUnitId,
      amountOre: d.amountOre,
      period: d.period,
      kind: d.kind,
      startYear: d.startYear ?? null,
      endYear: d.endYear ?? null,
      stoppedReason: null,
      description: d.description ?? null,
      ...monthsOf(d.period),
      ref: refOf(event),
      correctedReason: null,
      reversedReason: null,
    });
    countCost(p, d.payerUnitId, d.amountOre);
    return true;
  }

  /** a correction replaces the cost's figures; a reversal keeps it listed, counting as nothing */
  private amendCost(event: Of<'CostCorrected' | 'CostReversed'>): boolean {
    const d = event.data;
    const p = this.projects.get(d.projectId);
    const cost = p?.costs.find((c) => c.costId === d.costId);
    if (!p || !cost) return false;
    const counted = () => (cost.reversedReason === null ? cost.amountOre : 0);
    const before = counted();
    if (event.type === 'CostCorrected') {
      const c = event.data;
      Object.assign(
        cost,
        { amountOre: c.amountOre, period: c.period, kind: c.kind, startYear: c.startYear ?? null, endYear: c.endYear ?? null, description: c.description ?? null, correctedReason: c.reason },
        monthsOf(c.period),
      );
    } else cost.reversedReason = d.reason;
    cost.ref = refOf(event);
    countCost(p, cost.payerUnitId, counted() - before);
    return true;
  }

  private addBenefit(benefit: BenefitState): boolean {
    if (this.benefits.has(benefit.id)) return false;
    this.benefits.set(benefit.id, benefit);
    if (benefit.projectId) this.projects.get(benefit.projectId)?.benefitIds.push(benefit.id);
    return true;
  }

  /** bump when `ProjectState`, `BenefitState`, `OverlapFact` or the fold changes (stored snapshots are then rebuilt) */
  readonly snapshotVersion = 1;

  snapshot(): unknown {
    return { projects: this.projects, benefits: this.benefits, overlaps: this.overlaps };
  }

  restore(state: unknown): void {
    const s = snapshotFields(state, { projects: 'map', benefits: 'map', overlaps: 'array' });
    this.reset();
    this.projects = s.projects as Map<string, ProjectState>;
    this.benefits = s.benefits as Map<string, BenefitState>;
    this.overlaps = s.overlaps as OverlapFact[];
  }
}
