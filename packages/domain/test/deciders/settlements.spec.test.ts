import { describe, it } from 'vitest';
import { settlementDecider, type RecordSettlement, type SettlementEvent } from '../../src';
import { specFor } from './spec';

const { given } = specFor(settlementDecider);
const context: RecordSettlement['context'] = {
  now: '2026-06-15T10:00:00+02:00',
  units: {
    it: { exists: true, active: true, name: 'IT' },
    byggesak: { exists: true, active: true, name: 'Byggesak' },
    gamle: { exists: true, active: false, name: 'Gamle Forus', mergedInto: 'byggesak' },
  },
  projects: { p1: { exists: true, closed: true, name: 'Digital byggesak' } },
};
const data = { settlementId: 's1', fromUnitId: 'byggesak', toUnitId: 'it', amountOre: 150_000_00, period: '2026', saksnummer: '26/1234' };
const recorded: SettlementEvent = { type: 'SettlementRecorded', data: { ...data, projectId: null, comment: null } };

describe('settlement decider', () => {
  it('records a settlement between two active units with a saksnummer', () =>
    given([]).when({ type: 'RecordSettlement', data, context }).then([recorded]));

  it('may name a project, even a closed one', () =>
    given([])
      .when({ type: 'RecordSettlement', data: { ...data, projectId: 'p1' }, context })
      .then([{ type: 'SettlementRecorded', data: { ...data, projectId: 'p1', comment: null } }]));

  it('refuses an unknown project', () =>
    given([]).when({ type: 'RecordSettlement', data: { ...data, projectId: 'nope' }, context }).thenThrows('project_not_found', 'projectId'));

  it('refuses the same unit on both sides', () =>
    given([]).when({ type: 'RecordSettlement', data: { ...data, toUnitId: 'byggesak' }, context }).thenThrows('validation_failed', 'toUnitId'));

  it('refuses zero, negative and fractional amounts', () => {
    for (const amountOre of [0, -1, 0.5, Number.NaN])
      given([]).when({ type: 'RecordSettlement', data: { ...data, amountOre }, context }).thenThrows('validation_failed', 'amountOre');
  });

  it('requires a saksnummer', () =>
    given([]).when({ type: 'RecordSettlement', data: { ...data, saksnummer: ' ' }, context }).thenThrows('validation_failed', 'saksnummer'));

  it('refuses unknown and merged units', () => {
    given([]).when({ type: 'RecordSettlement', data: { ...data, fromUnitId: 'nope' }, context }).thenThrows('unit_not_found', 'fromUnitId');
    given([]).when({ type: 'RecordSettlement', data: { ...data, toUnitId: 'gamle' }, context }).thenThrows('unit_inactive', 'toUnitId');
  });

  it('refuses an invalid period', () =>
    given([]).when({ type: 'RecordSettlement', data: { ...data, period: '2026-13' }, context }).thenThrows('validation_failed', 'period'));

  it('refuses recording the same settlement twice', () =>
    given([recorded]).when({ type: 'RecordSettlement', data, context }).thenThrows('settlement_exists', 'settlementId'));
});
