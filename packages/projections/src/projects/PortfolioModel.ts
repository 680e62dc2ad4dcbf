import { multiplyOre } from '@gevinst/domain/money/index';
import { monthsOfPeriod } from '../ledger/span';
import type { RecordedEvent } from '@gevinst/eventstore/port';
import type { Projection } from '../runner/projection';
import type { BenefitState, EventRef, ProjectState, RealisationFact, SettlementFact } from './model';

const monthsOf = (period: string): { start: number; end: number } => {
  const { start, end } = monthsOfPeriod(period);
  return { start, end };
};

const refOf = (event: RecordedEvent): EventRef => ({
  streamName: event.streamName,
  revision: event.revision.toString(),
  type: event.type,
  userId: (event.metadata?.userId as string | undefined) ?? null,
  recordedAt: event.metadata?.recordedAt,
  globalPosition: event.globalPosition.toString(),
});

export const plannedOreOf = (benefit: BenefitState, quantity: number): number =>
  benefit.valuationOrePerUnit === null ? 0 : multiplyOre(quantity, benefit.valuationOrePerUnit);

/**
 * Projects, their costs, benefits (plan, realisations, measurements, withdrawals, reminders) and
 * settlements, folded live from `project-`, `benefit-`, `settlement-` and `reminder-` streams. The
 * project, benefit, ledger, due and portfolio read models are queries over this one fold.
 */
export class PortfolioModel implements Projection {
  readonly name = 'portfolio';
  projects = new Map<string, ProjectState>();
  benefits = new Map<string, BenefitState>();
  settlements: SettlementFact[] = [];
  /** bumped on every change, for callers that cache query results */
  version = 0;

  reset(): void {
    this.projects = new Map();
    this.benefits = new Map();
    this.settlements = [];
    this.version++;
  }

  apply(event: RecordedEvent): void {
    const d = event.data as Record<string, any>;
    switch (event.type) {
      case 'ProjectRegistered': {
        if (this.projects.has(d.projectId)) return;
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
        break;
      }
      case 'ProjectPhaseChanged': {
        const p = this.projects.get(d.projectId);
        if (p) p.phase = d.phase;
        break;
      }
      case 'ProjectClosed': {
        const p = this.projects.get(d.projectId);
        if (p) {
          p.closed = true;
          p.closedReason = d.reason ?? null;
        }
        break;
      }
      case 'CostRecorded': {
        const p = this.projects.get(d.projectId);
        if (!p) return;
        p.costs.push({
          costId: d.costId,
          payerUnitId: d.payerUnitId,
          amountOre: d.amountOre,
          period: d.period,
          kind: d.kind,
          description: d.description ?? null,
          ...monthsOf(d.period),
          ref: refOf(event),
        });
        p.costByPayer.set(d.payerUnitId, (p.costByPayer.get(d.payerUnitId) ?? 0) + d.amountOre);
        p.totalCostOre += d.amountOre;
        p.payerIds = [...p.costByPayer.keys()];
        p.payerWeights = p.payerIds.map((id) => p.costByPayer.get(id)!);
        break;
      }
      case 'BenefitPlanned':
      case 'UnplannedBenefitRecorded': {
        if (this.benefits.has(d.benefitId)) return;
        const unplanned = event.type === 'UnplannedBenefitRecorded';
        const benefit: BenefitState = {
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
          change: unplanned ? null : (d.change ?? null),
          comment: unplanned ? null : (d.comment ?? null),
          baselineMeasuredOn: null,
          unplanned,
          cancelled: false,
          plan: d.plan ?? [],
          realisations: new Map(),
          measurements: [],
          withdrawals: [],
          reminders: [],
          ref: refOf(event),
        };
        if (unplanned) {
          benefit.realisations.set(d.period, {
            period: d.period,
            quantity: d.quantity,
            valuationOrePerUnit: null,
            valueOre: d.valueOre,
            corrected: false,
            comment: d.description ?? null,
            evidenceUrl: null,
            ...monthsOf(d.period),
            ref: refOf(event),
          });
        }
        this.benefits.set(d.benefitId, benefit);
        if (benefit.projectId) this.projects.get(benefit.projectId)?.benefitIds.push(benefit.id);
        break;
      }
      case 'BaselineMeasured': {
        const b = this.benefits.get(d.benefitId);
        if (b) {
          b.baseline = d.value;
          b.baselineMeasuredOn = d.measuredOn;
        }
        break;
      }
      case 'MeasurementRecorded': {
        const b = this.benefits.get(d.benefitId);
        if (b)
          b.measurements.push({
            value: d.value,
            measuredOn: d.measuredOn,
            period: d.period ?? null,
            comment: d.comment ?? null,
            evidenceUrl: d.evidenceUrl ?? null,
          });
        break;
      }
      case 'BenefitRealised':
      case 'BenefitRealisationCorrected': {
        const b = this.benefits.get(d.benefitId);
        if (!b) return;
        const fact: RealisationFact = {
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
        b.realisations.delete(d.period);
        b.realisations.set(d.period, fact);
        break;
      }
      case 'BenefitForecastRevised': {
        const b = this.benefits.get(d.benefitId);
        if (b) b.plan = d.plan;
        break;
      }
      case 'BenefitOwnerAssigned': {
        const b = this.benefits.get(d.benefitId);
        if (b) b.owner = d.owner;
        break;
      }
      case 'BenefitCancelled': {
        const b = this.benefits.get(d.benefitId);
        if (b) b.cancelled = true;
        break;
      }
      case 'BudgetWithdrawalRecorded': {
        const b = this.benefits.get(d.benefitId);
        if (b)
          b.withdrawals.push({
            withdrawalId: d.withdrawalId,
            unitId: d.unitId,
            period: d.period,
            amountOre: d.amountOre,
            saksnummer: d.saksnummer ?? null,
            ...monthsOf(d.period),
            ref: refOf(event),
          });
        break;
      }
      case 'SettlementRecorded': {
        this.settlements.push({
          settlementId: d.settlementId,
          fromUnitId: d.fromUnitId,
          toUnitId: d.toUnitId,
          amountOre: d.amountOre,
          period: d.period,
          saksnummer: d.saksnummer,
          projectId: d.projectId ?? null,
          comment: d.comment ?? null,
          ...monthsOf(d.period),
          ref: refOf(event),
        });
        break;
      }
      case 'ReminderSent':
      case 'ReminderEscalated': {
        const b = this.benefits.get(d.benefitId);
        if (b) b.reminders.push({ kind: d.kind ?? 'escalation', period: d.period, sentAt: event.metadata?.recordedAt });
        break;
      }
      default:
        return;
    }
    this.version++;
  }
}
