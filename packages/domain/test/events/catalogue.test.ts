import { describe, expect, it } from 'vitest';
import {
  eventSchemas,
  eventTypes,
  isEventType,
  schemaVersionOf,
  validateEvent,
  ValidationError,
  type EventInputOf,
} from '../../src';

// The catalogue of docs/contract.md, type by type with its data fields.
const contract: Record<string, string[]> = {
  UnitRegistered: ['unitId', 'name', 'parentId', 'orgNumber', 'leader'],
  UnitRenamed: ['unitId', 'name', 'previousName'],
  UnitMoved: ['unitId', 'newParentId', 'previousParentId', 'effectiveDate'],
  UnitsMerged: ['successorUnitId', 'mergedUnitIds', 'effectiveDate'],
  UnitMergedInto: ['unitId', 'successorUnitId', 'effectiveDate'],
  UnitMoveAnnulled: ['unitId', 'effectiveDate', 'reason'],
  UnitMergerAnnulled: ['unitId', 'successorUnitId', 'effectiveDate', 'reason'],
  UnitLeaderAssigned: ['unitId', 'leader'],
  HourlyRateSet: ['unitId', 'year', 'rateOre', 'source'],
  ProjectRegistered: ['projectId', 'name', 'ownerUnitId', 'projectLeader', 'thresholds'],
  ProjectPhaseChanged: ['projectId', 'phase', 'previousPhase'],
  ProjectClosed: ['projectId', 'reason'],
  CostRecorded: ['projectId', 'costId', 'payerUnitId', 'amountOre', 'period', 'kind', 'description', 'startYear', 'endYear'],
  CostCorrected: ['projectId', 'costId', 'amountOre', 'period', 'kind', 'description', 'startYear', 'endYear', 'reason'],
  CostReversed: ['projectId', 'costId', 'reason'],
  AnnualCostStopped: ['projectId', 'costId', 'lastYear', 'reason'],
  EvidenceAttached: ['benefitId', 'attachmentId', 'fileName', 'contentType', 'sizeBytes', 'period', 'measuredOn'],
  BenefitOverlapDeclared: ['benefitId', 'otherBenefitId', 'otherProjectId', 'sharePercent', 'otherSharePercent'],
  BenefitPlanned: [
    'benefitId', 'projectId', 'title', 'recipientUnitId', 'owner', 'indicator', 'unitOfMeasure', 'direction',
    'category', 'cashReleasing', 'valuationOrePerUnit', 'baseline', 'target', 'targetDate', 'plan',
    'measurementSchedule', 'disbenefit', 'change', 'comment',
  ],
  BaselineMeasured: ['benefitId', 'value', 'measuredOn', 'reason'],
  BenefitPlanApproved: ['benefitId', 'decisionPoint', 'plan', 'baseline', 'target', 'targetDate', 'note'],
  MeasurementRecorded: ['benefitId', 'value', 'measuredOn', 'period', 'comment', 'evidenceUrl'],
  BenefitRealised: ['benefitId', 'period', 'quantity', 'valuationOrePerUnit', 'valueOre', 'comment', 'evidenceUrl'],
  BenefitRealisationCorrected: [
    'benefitId', 'period', 'quantity', 'valuationOrePerUnit', 'valueOre', 'comment', 'evidenceUrl', 'reason',
  ],
  BenefitForecastRevised: ['benefitId', 'plan', 'reason'],
  BenefitOwnerAssigned: ['benefitId', 'owner', 'previousOwner'],
  BenefitCancelled: ['benefitId', 'reason'],
  BudgetWithdrawalRecorded: ['benefitId', 'withdrawalId', 'unitId', 'period', 'amountOre', 'saksnummer', 'comment'],
  UnplannedBenefitRecorded: [
    'benefitId', 'projectId', 'title', 'recipientUnitId', 'category', 'period', 'quantity', 'unitOfMeasure',
    'valueOre', 'description',
  ],
  SettlementRecorded: ['settlementId', 'fromUnitId', 'toUnitId', 'amountOre', 'period', 'saksnummer', 'projectId', 'comment', 'override', 'overrideReason'],
  ReminderSent: ['benefitId', 'period', 'kind', 'recipients', 'dueDate', 'messageId'],
  ReminderEscalated: ['benefitId', 'period', 'recipients', 'dueDate', 'daysOverdue', 'messageId'],
  ReminderDeliveryFailed: ['benefitId', 'period', 'kind', 'recipients', 'error', 'attempts'],
  ReminderDelivered: ['benefitId', 'period', 'kind', 'recipients', 'messageId'],
  BenefitActionAdded: ['benefitId', 'actionId', 'title', 'owner', 'deadline', 'comment'],
  BenefitActionUpdated: ['benefitId', 'actionId', 'status', 'deadline', 'owner', 'comment'],
  BenefitRiskAssessed: ['benefitId', 'riskId', 'threat', 'probability', 'consequence', 'mitigation'],
  BenefitRiskClosed: ['benefitId', 'riskId', 'reason'],
  ActionReminderSent: ['benefitId', 'actionId', 'kind', 'recipients', 'deadline', 'messageId'],
  ActionReminderDelivered: ['benefitId', 'actionId', 'kind', 'messageId'],
  RoleGranted: ['grantId', 'personId', 'role', 'unitId', 'reason'],
  RoleRevoked: ['grantId', 'personId', 'role', 'unitId', 'reason'],
  MapNodeAdded: ['projectId', 'nodeId', 'kind', 'label', 'benefitId', 'goalId'],
  MapNodeChanged: ['projectId', 'nodeId', 'label', 'benefitId', 'goalId'],
  MapNodeRemoved: ['projectId', 'nodeId'],
  MapEdgeAdded: ['projectId', 'edgeId', 'from', 'to', 'assumption'],
  MapEdgeRemoved: ['projectId', 'edgeId'],
  GoalDefined: ['goalId', 'kind', 'title', 'description', 'unitId', 'parentGoalId'],
  GoalRenamed: ['goalId', 'title', 'description', 'previousTitle'],
  GoalRetired: ['goalId', 'reason'],
  GoalRequirementSet: ['goalId', 'year', 'requiredValue', 'unitOfMeasure', 'direction', 'desiredLimit', 'acceptableLimit'],
  GoalResultRecorded: ['goalId', 'year', 'value', 'comment', 'reason'],
  GoalBenefitLinked: ['goalId', 'benefitId'],
  GoalBenefitUnlinked: ['goalId', 'benefitId'],
  GoalProjectLinked: ['goalId', 'projectId'],
  GoalProjectUnlinked: ['goalId', 'projectId'],
  CostBenefitDefaultsSet: ['discountRatePct', 'analysisYears', 'priceYear', 'costsIncludeMva', 'mvaRatePct', 'note'],
  PriceIndexSet: ['year', 'index', 'source'],
  ReportingDeadlineSet: ['deadlineId', 'kind', 'period', 'date', 'title', 'remindDaysBefore'],
  ReportingDeadlineRemoved: ['deadlineId', 'reason'],
  CalendarReminderSent: ['benefitId', 'deadlineId', 'period', 'deadlineDate', 'recipients', 'missing', 'messageId'],
  CalendarReminderDelivered: ['benefitId', 'deadlineId', 'messageId'],
};

const fieldsOf = (type: keyof typeof eventSchemas): string[] =>
  Object.keys((eventSchemas[type].schema as unknown as { shape: Record<string, unknown> }).shape);

const planned: EventInputOf<'BenefitPlanned'> = {
  benefitId: 'b1',
  projectId: 'p1',
  title: 'Raskere byggesak',
  recipientUnitId: 'u2',
  owner: 'kari@kommune.no',
  indicator: 'Timer per byggesak',
  unitOfMeasure: 'timer',
  direction: 'decrease',
  category: 'capacity',
  cashReleasing: false,
  valuationOrePerUnit: 65_000,
  baseline: 10,
  target: 7.5,
  targetDate: '2026-12-31',
  plan: [{ period: '2026-T1', quantity: 200 }, { period: '2026-T2', quantity: 300 }],
  measurementSchedule: 'tertial',
  disbenefit: false,
  change: 'Digital byggesøknad',
  comment: null,
};

const fieldPaths = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fields.map((f) => f.path);
  }
  throw new Error('expected a ValidationError');
};

describe('event catalogue', () => {
  it('has exactly the types and data fields of the contract', () => {
    expect([...eventTypes].sort()).toEqual(Object.keys(contract).sort());
    for (const type of eventTypes) expect(fieldsOf(type).sort(), type).toEqual([...(contract[type] ?? [])].sort());
  });

  it('knows its types and current versions', () => {
    expect(isEventType('BenefitRealised')).toBe(true);
    expect(isEventType('toString')).toBe(false);
    expect(schemaVersionOf('BenefitPlanned')).toBe(3);
    expect(schemaVersionOf('SettlementRecorded')).toBe(2);
    expect(schemaVersionOf('UnitRegistered')).toBe(1);
    expect(schemaVersionOf('BaselineMeasured')).toBe(2);
    expect(schemaVersionOf('CostRecorded')).toBe(2);
    expect(schemaVersionOf('CostCorrected')).toBe(2);
  });
});

describe('validateEvent (on the way in)', () => {
  it('accepts a full BenefitPlanned and fills nothing it was not asked to', () => {
    expect(validateEvent('BenefitPlanned', planned)).toEqual(planned);
  });

  it('fills optional text fields with null', () => {
    const data = validateEvent('CostRecorded', {
      projectId: 'p1', costId: 'c1', payerUnitId: 'u1', amountOre: 100_000_00, period: '2026', kind: 'one-off',
    });
    expect(data.description).toBeNull();
  });

  it('defaults project thresholds to 100 % / 80 %', () => {
    const data = validateEvent('ProjectRegistered', {
      projectId: 'p1', name: 'Digital byggesak', ownerUnitId: 'u1', projectLeader: 'per@kommune.no',
    });
    expect(data.thresholds).toEqual({ greenPct: 100, yellowPct: 80 });
  });

  it('refuses money that is not whole øre, negative costs and non-positive withdrawals', () => {
    const cost = { projectId: 'p1', costId: 'c1', payerUnitId: 'u1', period: '2026-T1', kind: 'annual' };
    expect(fieldPaths(() => validateEvent('CostRecorded', { ...cost, amountOre: 10.5 }))).toEqual(['amountOre']);
    expect(fieldPaths(() => validateEvent('CostRecorded', { ...cost, amountOre: -1 }))).toEqual(['amountOre']);
    const withdrawal = { benefitId: 'b1', withdrawalId: 'w1', unitId: 'u1', period: '2026-T1' };
    expect(fieldPaths(() => validateEvent('BudgetWithdrawalRecorded', { ...withdrawal, amountOre: 0 }))).toEqual(['amountOre']);
  });

  it('refuses NaN and infinite quantities', () => {
    for (const quantity of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const paths = fieldPaths(() => validateEvent('BenefitPlanned', { ...planned, plan: [{ period: '2026-T1', quantity }] }));
      expect(paths).toEqual(['plan.0.quantity']);
    }
  });

  it('refuses a period that does not exist and one planned twice', () => {
    expect(fieldPaths(() => validateEvent('BenefitPlanned', { ...planned, plan: [{ period: '2026-T4', quantity: 1 }] }))).toEqual([
      'plan.0.period',
    ]);
    expect(
      fieldPaths(() =>
        validateEvent('BenefitPlanned', { ...planned, plan: [{ period: '2026-13', quantity: 1 }, { period: '2026-T1', quantity: 1 }, { period: '2026-T1', quantity: 2 }] }),
      ),
    ).toEqual(['plan.0.period', 'plan.2.period']);
  });

  it('refuses an owner that is not an e-mail address, with a bokmål message', () => {
    expect(() => validateEvent('BenefitPlanned', { ...planned, owner: 'kari' })).toThrow(
      expect.objectContaining({ fields: [{ path: 'owner', message: 'Ugyldig e-postadresse' }], code: 'validation_failed' }),
    );
  });

  it('checks organisation numbers with MOD11', () => {
    const unit = { unitId: 'u1', name: 'Sandnes kommune', parentId: null, leader: null };
    expect(validateEvent('UnitRegistered', { ...unit, orgNumber: '964965137' }).orgNumber).toBe('964965137');
    expect(fieldPaths(() => validateEvent('UnitRegistered', { ...unit, orgNumber: '964965138' }))).toEqual(['orgNumber']);
    expect(fieldPaths(() => validateEvent('UnitRegistered', { ...unit, orgNumber: '96496513' }))).toEqual(['orgNumber']);
  });

  it('refuses a settlement between a unit and itself or without saksnummer', () => {
    const settlement = { settlementId: 's1', fromUnitId: 'u1', toUnitId: 'u2', amountOre: 500_00, period: '2026', saksnummer: '26/123' };
    expect(validateEvent('SettlementRecorded', settlement).projectId).toBeNull();
    expect(fieldPaths(() => validateEvent('SettlementRecorded', { ...settlement, toUnitId: 'u1' }))).toEqual(['toUnitId']);
    expect(fieldPaths(() => validateEvent('SettlementRecorded', { ...settlement, saksnummer: '  ' }))).toEqual(['saksnummer']);
  });

  it('records a settlement as no override unless it says so, and an override only with its reason', () => {
    const settlement = { settlementId: 's1', fromUnitId: 'u1', toUnitId: 'u2', amountOre: 500_00, period: '2026', saksnummer: '26/123' };
    expect(validateEvent('SettlementRecorded', settlement)).toMatchObject({ override: false, overrideReason: null });
    expect(validateEvent('SettlementRecorded', { ...settlement, override: true, overrideReason: 'Vedtak i formannskapet' })).toMatchObject({
      override: true,
      overrideReason: 'Vedtak i formannskapet',
    });
    expect(fieldPaths(() => validateEvent('SettlementRecorded', { ...settlement, override: true }))).toEqual(['overrideReason']);
    expect(fieldPaths(() => validateEvent('SettlementRecorded', { ...settlement, override: true, overrideReason: ' ' }))).toEqual(['overrideReason']);
  });

  it('refuses an unknown event type', () => {
    expect(() => validateEvent('UnitExploded' as 'UnitRenamed', {})).toThrow(/Ukjent hendelsestype/);
  });
});
