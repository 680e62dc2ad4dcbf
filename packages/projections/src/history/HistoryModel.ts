import type { HistoryEntry, HistoryEntryBase, PlanVarianceRow, PlanVersion, PlanVersions } from '@gevinst/domain/answers';
import type { PlanEntry } from '@gevinst/domain/events';
import { benefitDecider } from '@gevinst/domain/deciders';
import { multiplyOre } from '@gevinst/domain/money';
import { comparePeriods } from '@gevinst/domain/periods';
import type { ProjectedEvent, Projection } from '../runner/projection';

interface RealisedPeriod {
  quantity: number;
  valueOre: number;
  corrected: boolean;
}

interface BenefitHistory {
  projectId: string | null;
  title: string;
  unitOfMeasure: string;
  valuationOrePerUnit: number | null;
  plan: PlanEntry[];
  baseline: number | null;
  target: number | null;
  targetDate: string | null;
  realised: Map<string, RealisedPeriod>;
  versions: PlanVersion[];
  entries: HistoryEntry[];
}

interface ProjectHistory {
  entries: HistoryEntry[];
  benefitIds: string[];
}


/** what an entry of each kind carries besides who, when and what it concerns */
type Details = { [K in HistoryEntry['kind']]: Omit<Extract<HistoryEntry, { kind: K }>, keyof HistoryEntryBase> }[HistoryEntry['kind']];

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** quantities are decimals: differences are kept to 6 decimals so 0.1 + 0.2 does not show as a variance */
const round = (n: number): number => Math.round(n * 1e6) / 1e6;
const sum = (plan: readonly PlanEntry[]): number => round(plan.reduce((s, e) => s + e.quantity, 0));

/**
 * Every change of each benefit and project, in the order recorded, with who and when (from the
 * metadata); and each benefit's approved plan versions against its current plan and realisations.
 * A read model like the others: deterministic in the events, so a rebuild equals the live model.
 */
export class HistoryModel implements Projection {
  readonly name = 'history';
  private benefits = new Map<string, BenefitHistory>();
  private projects = new Map<string, ProjectHistory>();

  reset(): void {
    this.benefits = new Map();
    this.projects = new Map();
  }

  private project(projectId: string): ProjectHistory {
    let project = this.projects.get(projectId);
    if (!project) {
      project = { entries: [], benefitIds: [] };
      this.projects.set(projectId, project);
    }
    return project;
  }

  private base(event: ProjectedEvent, projectId: string | null, benefit: { id: string; title: string } | null): HistoryEntryBase {
    const m = event.metadata as Record<string, unknown>;
    return {
      position: event.globalPosition.toString(),
      at: event.metadata.recordedAt ?? '',
      by: text(m.userId),
      byName: text(m.userName),
      role: text(m.actingRole),
      projectId,
      benefitId: benefit?.id ?? null,
      benefitTitle: benefit?.title ?? null,
    };
  }

  /**
   * An entry: who and when, then the details of its kind. (Built with Object.assign: an object
   * spread followed by more properties is about ten times slower in V8, which a rebuild would feel.)
   */
  private entry(event: ProjectedEvent, projectId: string | null, benefit: { id: string; title: string } | null, details: Details): HistoryEntry {
    return Object.assign<HistoryEntryBase, Details>(this.base(event, projectId, benefit), details);
  }

  apply(event: ProjectedEvent): void {
    switch (event.type) {
      case 'ProjectRegistered': {
        const d = event.data;
        this.project(d.projectId).entries.push(this.entry(event, d.projectId, null, {
          kind: 'projectRegistered',
          name: d.name,
          ownerUnitId: d.ownerUnitId,
          projectLeader: d.projectLeader,
        }));
        return;
      }
      case 'ProjectPhaseChanged':
        this.project(event.data.projectId).entries.push(this.entry(event, event.data.projectId, null, {
          kind: 'phaseChanged',
          phase: event.data.phase,
          previousPhase: event.data.previousPhase,
        }));
        return;
      case 'ProjectClosed':
        this.project(event.data.projectId).entries.push(this.entry(event, event.data.projectId, null, { kind: 'projectClosed', reason: event.data.reason }));
        return;
      case 'CostRecorded': {
        const d = event.data;
        this.project(d.projectId).entries.push(this.entry(event, d.projectId, null, {
          kind: 'costRecorded',
          costId: d.costId,
          payerUnitId: d.payerUnitId,
          amountOre: d.amountOre,
          period: d.period,
          costKind: d.kind,
          description: d.description ?? null,
        }));
        return;
      }
      case 'CostCorrected': {
        const d = event.data;
        this.project(d.projectId).entries.push(this.entry(event, d.projectId, null, {
          kind: 'costCorrected',
          costId: d.costId,
          amountOre: d.amountOre,
          period: d.period,
          costKind: d.kind,
          reason: d.reason,
        }));
        return;
      }
      case 'CostReversed':
        this.project(event.data.projectId).entries.push(this.entry(event, event.data.projectId, null, {
          kind: 'costReversed',
          costId: event.data.costId,
          reason: event.data.reason,
        }));
        return;
      case 'BenefitPlanned': {
        const d = event.data;
        const benefit: BenefitHistory = {
          projectId: d.projectId,
          title: d.title,
          unitOfMeasure: d.unitOfMeasure,
          valuationOrePerUnit: d.valuationOrePerUnit,
          plan: d.plan,
          baseline: d.baseline,
          target: d.target,
          targetDate: d.targetDate,
          realised: new Map(),
          versions: [],
          entries: [],
        };
        this.benefits.set(d.benefitId, benefit);
        this.project(d.projectId).benefitIds.push(d.benefitId);
        benefit.entries.push(this.entry(event, d.projectId, { id: d.benefitId, title: d.title }, {
          kind: 'benefitPlanned',
          title: d.title,
          owner: d.owner,
          plan: d.plan,
          baseline: d.baseline,
          target: d.target,
          targetDate: d.targetDate,
        }));
        return;
      }
      case 'UnplannedBenefitRecorded': {
        const d = event.data;
        const benefit: BenefitHistory = {
          projectId: d.projectId,
          title: d.title,
          unitOfMeasure: d.unitOfMeasure,
          valuationOrePerUnit: null,
          plan: [],
          baseline: null,
          target: null,
          targetDate: null,
          realised: new Map([[d.period, { quantity: d.quantity, valueOre: d.valueOre, corrected: false }]]),
          versions: [],
          entries: [],
        };
        this.benefits.set(d.benefitId, benefit);
        if (d.projectId !== null) this.project(d.projectId).benefitIds.push(d.benefitId);
        benefit.entries.push(this.entry(event, d.projectId, { id: d.benefitId, title: d.title }, {
          kind: 'unplannedBenefitRecorded',
          period: d.period,
          quantity: d.quantity,
          valueOre: d.valueOre,
          description: d.description,
        }));
        return;
      }
    }
    // only the benefit's own stream tells its history (gevinstkart nodes and goal links name benefits too)
    if (!benefitDecider.isEvent(event)) return;
    const benefitId = event.data.benefitId;
    const benefit = this.benefits.get(benefitId);
    if (!benefit) return;
    const ref = { id: benefitId, title: benefit.title };
    const m = event.metadata as Record<string, unknown>;
    switch (event.type) {
      case 'BenefitPlanApproved': {
        const d = event.data;
        const version: PlanVersion = {
          version: benefit.versions.length + 1,
          decisionPoint: d.decisionPoint,
          approvedAt: event.metadata.recordedAt ?? '',
          approvedBy: text(m.userId),
          approvedByName: text(m.userName),
          note: d.note,
          plan: d.plan,
          baseline: d.baseline,
          target: d.target,
          targetDate: d.targetDate,
          plannedQuantity: sum(d.plan),
        };
        benefit.versions.push(version);
        benefit.entries.push(this.entry(event, benefit.projectId, ref, {
          kind: 'planApproved',
          decisionPoint: d.decisionPoint,
          plan: d.plan,
          baseline: d.baseline,
          target: d.target,
          targetDate: d.targetDate,
          note: d.note,
        }));
        return;
      }
      case 'BenefitForecastRevised':
        benefit.entries.push(this.entry(event, benefit.projectId, ref, { kind: 'forecastRevised', plan: event.data.plan, previousPlan: benefit.plan, reason: event.data.reason }));
        benefit.plan = event.data.plan;
        return;
      case 'BenefitOwnerAssigned':
        benefit.entries.push(this.entry(event, benefit.projectId, ref, { kind: 'ownerChanged', owner: event.data.owner, previousOwner: event.data.previousOwner }));
        return;
      case 'BaselineMeasured': {
        const d = event.data;
        benefit.entries.push(this.entry(event, benefit.projectId, ref, { kind: 'baselineMeasured', value: d.value, measuredOn: d.measuredOn, previousValue: benefit.baseline, reason: d.reason }));
        benefit.baseline = d.value;
        return;
      }
      case 'MeasurementRecorded': {
        const d = event.data;
        benefit.entries.push(this.entry(event, benefit.projectId, ref, {
          kind: 'measurementRecorded',
          value: d.value,
          measuredOn: d.measuredOn,
          period: d.period,
          comment: d.comment,
          evidenceUrl: d.evidenceUrl,
        }));
        return;
      }
      case 'EvidenceAttached': {
        const d = event.data;
        benefit.entries.push(this.entry(event, benefit.projectId, ref, {
          kind: 'evidenceAttached',
          attachmentId: d.attachmentId,
          fileName: d.fileName,
          contentType: d.contentType,
          period: d.period,
          measuredOn: d.measuredOn,
          href: `/api/benefits/${encodeURIComponent(benefitId)}/evidence/${d.attachmentId}`,
        }));
        return;
      }
      case 'BenefitRealised': {
        const d = event.data;
        benefit.realised.set(d.period, { quantity: d.quantity, valueOre: d.valueOre, corrected: false });
        benefit.entries.push(this.entry(event, benefit.projectId, ref, { kind: 'realised', period: d.period, quantity: d.quantity, valueOre: d.valueOre, comment: d.comment, evidenceUrl: d.evidenceUrl }));
        return;
      }
      case 'BenefitRealisationCorrected': {
        const d = event.data;
        const previous = benefit.realised.get(d.period);
        benefit.realised.set(d.period, { quantity: d.quantity, valueOre: d.valueOre, corrected: true });
        benefit.entries.push(this.entry(event, benefit.projectId, ref, {
          kind: 'realisationCorrected',
          period: d.period,
          quantity: d.quantity,
          valueOre: d.valueOre,
          previousQuantity: previous?.quantity ?? null,
          reason: d.reason,
          comment: d.comment,
          evidenceUrl: d.evidenceUrl,
        }));
        return;
      }
      case 'BudgetWithdrawalRecorded': {
        const d = event.data;
        benefit.entries.push(this.entry(event, benefit.projectId, ref, { kind: 'withdrawalRecorded', period: d.period, amountOre: d.amountOre, unitId: d.unitId, saksnummer: d.saksnummer }));
        return;
      }
      case 'BenefitCancelled':
        benefit.entries.push(this.entry(event, benefit.projectId, ref, { kind: 'benefitCancelled', reason: event.data.reason }));
        return;
      case 'BenefitOverlapDeclared': {
        // in both benefits' histories: each sees the share from its own side
        const d = event.data;
        const other = this.benefits.get(d.otherBenefitId);
        benefit.entries.push(this.entry(event, benefit.projectId, ref, {
          kind: 'overlapDeclared',
          otherBenefitId: d.otherBenefitId,
          otherBenefitTitle: other?.title ?? null,
          otherProjectId: d.otherProjectId,
          sharePercent: d.sharePercent,
          otherSharePercent: d.otherSharePercent,
          declaredHere: true,
        }));
        if (other && d.otherBenefitId !== benefitId) {
          other.entries.push(this.entry(event, other.projectId, { id: d.otherBenefitId, title: other.title }, {
            kind: 'overlapDeclared',
            otherBenefitId: benefitId,
            otherBenefitTitle: benefit.title,
            otherProjectId: benefit.projectId ?? '',
            sharePercent: d.otherSharePercent,
            otherSharePercent: d.sharePercent,
            declaredHere: false,
          }));
        }
        return;
      }
    }
  }

  has(benefitId: string): boolean {
    return this.benefits.has(benefitId);
  }

  /** the benefit's changes, oldest first; undefined for an unknown benefit */
  benefitHistory(benefitId: string): HistoryEntry[] | undefined {
    return this.benefits.get(benefitId)?.entries.slice();
  }

  /** the project's own changes and its benefits', oldest first; undefined for an unknown project */
  projectHistory(projectId: string): HistoryEntry[] | undefined {
    const project = this.projects.get(projectId);
    if (!project) return undefined;
    const all = [...project.entries, ...project.benefitIds.flatMap((id) => this.benefits.get(id)?.entries ?? [])];
    return all.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : BigInt(a.position) > BigInt(b.position) ? 1 : 0));
  }

  /** the approved versions, the current plan, what is realised, and the variance per period */
  planVersions(benefitId: string): PlanVersions | undefined {
    const b = this.benefits.get(benefitId);
    if (!b) return undefined;
    const approved = b.versions.at(-1) ?? null;
    const realised = [...b.realised.entries()]
      .map(([period, r]) => ({ period, ...r }))
      .sort((x, y) => comparePeriods(x.period, y.period));
    const valued = (quantity: number | null): number | null =>
      quantity === null || b.valuationOrePerUnit === null ? null : multiplyOre(quantity, b.valuationOrePerUnit);
    const approvedBy = new Map(approved?.plan.map((e) => [e.period, e.quantity]) ?? []);
    const currentBy = new Map(b.plan.map((e) => [e.period, e.quantity]));
    const periods = [...new Set([...approvedBy.keys(), ...currentBy.keys(), ...b.realised.keys()])].sort(comparePeriods);
    const variance: PlanVarianceRow[] = periods.map((period) => {
      const approvedQuantity = approved ? (approvedBy.get(period) ?? null) : null;
      const currentQuantity = currentBy.get(period) ?? null;
      const r = b.realised.get(period);
      const realisedQuantity = r?.quantity ?? null;
      return {
        period,
        approvedQuantity,
        currentQuantity,
        realisedQuantity,
        currentVsApproved: approved ? round((currentQuantity ?? 0) - (approvedQuantity ?? 0)) : null,
        realisedVsApproved: approved && realisedQuantity !== null ? round(realisedQuantity - (approvedQuantity ?? 0)) : null,
        realisedVsCurrent: realisedQuantity !== null ? round(realisedQuantity - (currentQuantity ?? 0)) : null,
        approvedOre: valued(approvedQuantity),
        currentOre: valued(currentQuantity),
        realisedOre: r ? r.valueOre : null,
      };
    });
    const approvedQuantity = approved ? approved.plannedQuantity : null;
    const currentQuantity = sum(b.plan);
    const realisedQuantity = round(realised.reduce((s, r) => s + r.quantity, 0));
    return {
      benefitId,
      title: b.title,
      unitOfMeasure: b.unitOfMeasure,
      valuationOrePerUnit: b.valuationOrePerUnit,
      versions: b.versions.slice(),
      approved,
      current: { plan: b.plan, baseline: b.baseline, target: b.target, targetDate: b.targetDate },
      realised,
      variance,
      totals: {
        approvedQuantity,
        currentQuantity,
        realisedQuantity,
        currentVsApproved: approvedQuantity === null ? null : round(currentQuantity - approvedQuantity),
        realisedVsApproved: approvedQuantity === null ? null : round(realisedQuantity - approvedQuantity),
        realisedVsCurrent: round(realisedQuantity - currentQuantity),
      },
    };
  }
}
