import { describe, expect, it } from 'vitest';
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
  // Byggesak owes IT kr 200 000 by the end of 2026: kr 250 000 of gains from IT's money, kr 50 000 settled
  owed: ({ recipientUnitId, investorUnitId, upTo }) =>
    recipientUnitId === 'byggesak' && investorUnitId === 'it' && upTo === '2026'
      ? { flowOre: 250_000_00, settledOre: 50_000_00, owedOre: 200_000_00 }
      : { flowOre: 0, settledOre: 0, owedOre: 0 },
};
const data = { settlementId: 's1', fromUnitId: 'byggesak', toUnitId: 'it', amountOre: 150_000_00, period: '2026', saksnummer: '26/1234' };
const recorded: SettlementEvent = { type: 'SettlementRecorded', data: { ...data, projectId: null, comment: null, override: false, overrideReason: null } };

describe('settlement decider', () => {
  it('records a settlement between two active units with a saksnummer', () =>
    given([]).when({ type: 'RecordSettlement', data, context }).then([recorded]));

  it('may name a project, even a closed one', () =>
    given([])
      .when({ type: 'RecordSettlement', data: { ...data, projectId: 'p1' }, context })
      .then([{ type: 'SettlementRecorded', data: { ...data, projectId: 'p1', comment: null, override: false, overrideReason: null } }]));

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

  describe('the cap on what is owed', () => {
    it('records exactly what the ledger says Byggesak still owes IT', () =>
      given([])
        .when({ type: 'RecordSettlement', data: { ...data, amountOre: 200_000_00 }, context })
        .then([{ type: 'SettlementRecorded', data: { ...data, amountOre: 200_000_00, projectId: null, comment: null, override: false, overrideReason: null } }]));

    it('refuses one øre more, naming what is owed, what flowed and what is settled in kroner', () => {
      const error = given([]).when({ type: 'RecordSettlement', data: { ...data, amountOre: 200_000_01 }, context }).thenThrows('settlement_exceeds_owed', 'amountOre');
      expect(error.message).toContain('kr\u00a0200\u00a0000,00');
      expect(error.message).toContain('kr\u00a0250\u00a0000,00');
      expect(error.message).toContain('kr\u00a050\u00a0000,00');
    });

    it('refuses 999 999 999 999 øre and any settlement where nothing is owed (the other way round)', () => {
      given([]).when({ type: 'RecordSettlement', data: { ...data, amountOre: 999_999_999_999 }, context }).thenThrows('settlement_exceeds_owed', 'amountOre');
      given([]).when({ type: 'RecordSettlement', data: { ...data, fromUnitId: 'it', toUnitId: 'byggesak', amountOre: 1 }, context }).thenThrows('settlement_exceeds_owed', 'amountOre');
    });

    it('records more than is owed as an override with its reason', () =>
      given([])
        .when({ type: 'RecordSettlement', data: { ...data, amountOre: 999_999_999_999, override: true, overrideReason: ' Vedtak i bystyret 2026/12 ' }, context })
        .then([
          {
            type: 'SettlementRecorded',
            data: { ...data, amountOre: 999_999_999_999, projectId: null, comment: null, override: true, overrideReason: 'Vedtak i bystyret 2026/12' },
          },
        ]));

    it('refuses an override without a reason as bad input', () => {
      for (const overrideReason of [undefined, null, '', '   '])
        given([])
          .when({ type: 'RecordSettlement', data: { ...data, amountOre: 999_999_999_999, override: true, overrideReason }, context })
          .thenThrows('override_reason_required', 'overrideReason');
    });

    it('a reason without override is no override: the cap still holds', () =>
      given([])
        .when({ type: 'RecordSettlement', data: { ...data, amountOre: 200_000_01, override: false, overrideReason: 'Ment som overstyring' }, context })
        .thenThrows('settlement_exceeds_owed', 'amountOre'));
  });
});
