import type { EventInputOf, EventType } from '../../src/events';
import { parseEvent, schemaVersionOf } from '../../src/events';
import type { LedgerEventInput } from '../../src/ledger';

function streamOf(type: string, data: Record<string, unknown>): string {
  if (type === 'UnitsMerged') return `unit-${data.successorUnitId}`;
  if (type.startsWith('Unit') || type === 'HourlyRateSet') return `unit-${data.unitId}`;
  if (type.startsWith('Project') || type.includes('Cost')) return `project-${data.projectId}`;
  if (type === 'SettlementRecorded') return `settlement-${data.settlementId}`;
  return `benefit-${data.benefitId}`;
}

/** Builds a history of validated events with stream names, revisions and metadata, like a store would. */
export class History {
  readonly events: LedgerEventInput[] = [];
  private revisions = new Map<string, number>();
  private clock = Date.parse('2026-01-15T08:00:00Z');

  add<T extends EventType>(type: T, input: EventInputOf<T>, userId = 'okonomi@kommune.no'): this {
    // validated as a writer would, typed as the store hands it out
    const event = parseEvent({ type, data: input, metadata: { schemaVersion: schemaVersionOf(type) } });
    const streamName = streamOf(type, event.data);
    const revision = this.revisions.get(streamName) ?? 0;
    this.revisions.set(streamName, revision + 1);
    this.clock += 60_000;
    this.events.push({ ...event, streamName, revision: BigInt(revision), metadata: { userId, recordedAt: new Date(this.clock).toISOString(), schemaVersion: 1 } });
    return this;
  }

  unit(unitId: string, name: string, parentId: string | null = null): this {
    return this.add('UnitRegistered', { unitId, name, parentId, orgNumber: null, leader: null });
  }

  project(projectId: string, ownerUnitId: string, thresholds = { greenPct: 100, yellowPct: 80 }): this {
    return this.add('ProjectRegistered', { projectId, name: `Prosjekt ${projectId}`, ownerUnitId, projectLeader: 'leder@kommune.no', thresholds });
  }

  cost(projectId: string, costId: string, payerUnitId: string, amountOre: number, period: string): this {
    return this.add('CostRecorded', { projectId, costId, payerUnitId, amountOre, period, kind: 'one-off', description: null });
  }

  correctCost(projectId: string, costId: string, amountOre: number, period: string): this {
    return this.add('CostCorrected', { projectId, costId, amountOre, period, kind: 'one-off', description: null, reason: 'Feil beløp' });
  }

  /** an annual cost from `startYear` through `endYear` (null: until stopped); its period is its first year */
  annualCost(projectId: string, costId: string, payerUnitId: string, amountOre: number, startYear: number, endYear: number | null): this {
    return this.add('CostRecorded', { projectId, costId, payerUnitId, amountOre, period: String(startYear), kind: 'annual', startYear, endYear, description: null });
  }

  correctAnnualCost(projectId: string, costId: string, amountOre: number, startYear: number, endYear: number | null): this {
    return this.add('CostCorrected', { projectId, costId, amountOre, period: String(startYear), kind: 'annual', startYear, endYear, description: null, reason: 'Feil år' });
  }

  stopAnnualCost(projectId: string, costId: string, lastYear: number): this {
    return this.add('AnnualCostStopped', { projectId, costId, lastYear, reason: 'Avtalen er sagt opp' });
  }

  reverseCost(projectId: string, costId: string): this {
    return this.add('CostReversed', { projectId, costId, reason: 'Ført på feil prosjekt' });
  }

  benefit(
    benefitId: string,
    projectId: string,
    recipientUnitId: string,
    valuationOrePerUnit: number | null,
    plan: { period: string; quantity: number }[],
    extra: Partial<EventInputOf<'BenefitPlanned'>> = {},
  ): this {
    return this.add('BenefitPlanned', {
      benefitId,
      projectId,
      title: `Gevinst ${benefitId}`,
      recipientUnitId,
      owner: 'eier@kommune.no',
      indicator: 'Timer spart',
      unitOfMeasure: 'timer',
      direction: 'increase',
      category: valuationOrePerUnit === null ? 'unpriced' : 'capacity',
      cashReleasing: false,
      valuationOrePerUnit,
      baseline: null,
      target: null,
      targetDate: null,
      plan,
      measurementSchedule: 'tertial',
      disbenefit: false,
      ...extra,
    });
  }

  realise(benefitId: string, period: string, quantity: number, valuationOrePerUnit: number | null): this {
    const valueOre = valuationOrePerUnit === null ? 0 : Math.round(quantity * valuationOrePerUnit);
    return this.add('BenefitRealised', { benefitId, period, quantity, valuationOrePerUnit, valueOre, comment: null, evidenceUrl: null });
  }

  correct(benefitId: string, period: string, quantity: number, valuationOrePerUnit: number | null): this {
    const valueOre = valuationOrePerUnit === null ? 0 : Math.round(quantity * valuationOrePerUnit);
    return this.add('BenefitRealisationCorrected', { benefitId, period, quantity, valuationOrePerUnit, valueOre, comment: null, evidenceUrl: null, reason: 'Feil i telling' });
  }
}
