import { describe, expect, it } from 'vitest';
import {
  benefitStream,
  parseEvent,
  parseStreamName,
  projectStream,
  reminderStream,
  settlementStream,
  unitStream,
  upcast,
  ValidationError,
} from '../../src';

const plannedV1 = {
  benefitId: 'b1',
  projectId: 'p1',
  title: 'Færre manuelle purringer',
  recipientUnitId: 'u2',
  owner: 'kari@kommune.no',
  indicator: 'Purringer per måned',
  unitOfMeasure: 'purringer',
  direction: 'decrease',
  category: 'budget',
  cashReleasing: true,
  valuationOrePerUnit: 12_000,
  baseline: 400,
  target: 100,
  targetDate: null,
  plan: [{ period: '2026', quantity: 3600 }],
};

describe('parseEvent (on the way out)', () => {
  it('upcasts a stored v1 BenefitPlanned (before measurementSchedule, disbenefit, change, comment) to v3 with defaults', () => {
    const stored = { id: 'e1', type: 'BenefitPlanned', data: plannedV1, metadata: { schemaVersion: 1, recordedAt: '2025-01-01T00:00:00Z' }, revision: 0n };
    const event = parseEvent(stored);
    expect(event.type).toBe('BenefitPlanned');
    if (event.type !== 'BenefitPlanned') throw new Error('narrowing');
    expect(event.data).toEqual({ ...plannedV1, measurementSchedule: 'tertial', disbenefit: false, change: null, comment: null });
    expect(event.metadata).toEqual({ schemaVersion: 3, recordedAt: '2025-01-01T00:00:00Z' });
    expect(event.id).toBe('e1');
    expect(event.revision).toBe(0n);
  });

  it('upcasts a stored v2 BenefitPlanned (before change and comment) to v3 with null for both, keeping the rest as stored', () => {
    const v2 = { ...plannedV1, measurementSchedule: 'month', disbenefit: true };
    const event = parseEvent({ type: 'BenefitPlanned', data: v2, metadata: { schemaVersion: 2, recordedAt: '2025-06-01T00:00:00Z' } });
    expect(event.data).toEqual({ ...v2, change: null, comment: null });
    expect(event.metadata?.schemaVersion).toBe(3);
    expect(upcast('BenefitPlanned', v2, 2)).toEqual({ ...v2, change: null, comment: null });
  });

  it('upcasts a stored v1 cost: an annual cost counted in its period\'s year only, a one-off cost has no years', () => {
    const annual = { projectId: 'p1', costId: 'c1', payerUnitId: 'u1', amountOre: 100_00, period: '2026-T2', kind: 'annual', description: null };
    expect(upcast('CostRecorded', annual, 1)).toEqual({ ...annual, startYear: 2026, endYear: 2026 });
    expect(upcast('CostCorrected', { ...annual, reason: 'Feil' }, 1)).toEqual({ ...annual, reason: 'Feil', startYear: 2026, endYear: 2026 });
    expect(upcast('CostRecorded', { ...annual, kind: 'one-off' }, 1)).toEqual({ ...annual, kind: 'one-off', startYear: null, endYear: null });
  });

  it('the v2→v3 upcaster does not overwrite fields already there, and leaves the stored object alone', () => {
    const v2 = { ...plannedV1, measurementSchedule: 'year', disbenefit: false, change: 'Ny rutine', comment: 'fra arket' };
    const copy = structuredClone(v2);
    expect(upcast('BenefitPlanned', v2, 2)).toEqual(v2);
    expect(v2).toEqual(copy);
  });

  it('upcasts a stored v1 SettlementRecorded (before the cap on what is owed) to v2 as no override', () => {
    const v1 = { settlementId: 's1', fromUnitId: 'u1', toUnitId: 'u2', amountOre: 999_999_999_999, period: '2026', saksnummer: '26/1', projectId: null, comment: null };
    const event = parseEvent({ type: 'SettlementRecorded', data: v1, metadata: { schemaVersion: 1, recordedAt: '2026-01-10T00:00:00Z' } });
    expect(event.data).toEqual({ ...v1, override: false, overrideReason: null });
    expect(event.metadata?.schemaVersion).toBe(2);
  });

  it('treats a missing schemaVersion as v1 without overwriting fields already there', () => {
    const event = parseEvent({ type: 'BenefitPlanned', data: { ...plannedV1, measurementSchedule: 'month', disbenefit: true } });
    expect(event.data).toMatchObject({ measurementSchedule: 'month', disbenefit: true, change: null, comment: null });
  });

  it('upcasts a stored v1 BaselineMeasured (before the reason for a new baseline) to v2 with reason null', () => {
    const v1 = { benefitId: 'b1', value: 400, measuredOn: '2025-12-31' };
    const event = parseEvent({ type: 'BaselineMeasured', data: v1, metadata: { schemaVersion: 1, recordedAt: '2026-01-05T00:00:00Z' } });
    expect(event.data).toEqual({ ...v1, reason: null });
    expect(event.metadata?.schemaVersion).toBe(2);
    const v2 = { ...v1, reason: 'Ny telling etter omorganiseringen' };
    expect(parseEvent({ type: 'BaselineMeasured', data: v2, metadata: { schemaVersion: 2 } }).data).toEqual(v2);
  });

  it('takes a current-version event as it is', () => {
    const data = { ...plannedV1, measurementSchedule: 'year', disbenefit: false, change: 'Digital purring', comment: 'Avklart med økonomi' };
    expect(parseEvent({ type: 'BenefitPlanned', data, metadata: { schemaVersion: 3 } }).data).toEqual(data);
  });

  it('refuses a stored event whose data is broken, naming the field', () => {
    const broken = () =>
      parseEvent({ type: 'CostRecorded', data: { projectId: 'p1', costId: 'c1', payerUnitId: 'u1', amountOre: 1.5, period: '2026', kind: 'one-off', description: null } });
    expect(broken).toThrow(ValidationError);
    expect(broken).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ path: 'amountOre' })] }));
  });

  it('refuses a schema version from the future and unknown types', () => {
    expect(() => upcast('BenefitPlanned', plannedV1, 4)).toThrow(/skjemaversjon 4/);
    expect(() => parseEvent({ type: 'Nope', data: {} })).toThrow(ValidationError);
  });
});

describe('stream names', () => {
  it('are <category>-<id>', () => {
    expect(unitStream('0190a')).toBe('unit-0190a');
    expect(projectStream('p')).toBe('project-p');
    expect(benefitStream('b')).toBe('benefit-b');
    expect(settlementStream('s')).toBe('settlement-s');
    expect(reminderStream('0190-ab', '2026-T2', 'before-due')).toBe('reminder-0190-ab-2026-T2-before-due');
  });

  it('parse back to category and id, even when the id has dashes', () => {
    expect(parseStreamName('benefit-0190c2a4-7b1e-7000-8000-000000000001')).toEqual({
      category: 'benefit',
      id: '0190c2a4-7b1e-7000-8000-000000000001',
    });
    expect(parseStreamName('$all')).toBeNull();
    expect(parseStreamName('other-x')).toBeNull();
  });
});
