import { describe, expect, it } from 'vitest';
import { Ledger } from '../../src/ledger';
import { History } from './history';

// What a unit owes another (the settlement cap), read from the ledger's own flows. Kommunen (K) has IT
// and Helse under it, and Hjemmetjenesten (HJ) under Helse. IT pays all of a project whose gain of
// kr 30 000 is realised by HJ in 2026 T2: HJ — and Helse with it — owes IT kr 30 000 from T2 on.
const history = () =>
  new History()
    .unit('K', 'Kommunen')
    .unit('IT', 'IT', 'K')
    .unit('HELSE', 'Helse', 'K')
    .unit('HJ', 'Hjemmetjenesten', 'HELSE')
    .project('P', 'IT')
    .cost('P', 'c1', 'IT', 100_000_00, '2026-T1')
    .benefit('b1', 'P', 'HJ', 300_00, [{ period: '2026-T2', quantity: 100 }])
    .realise('b1', '2026-T2', 100, 300_00);
const settle = (h: History, id: string, from: string, amountOre: number, period = '2026') =>
  h.add('SettlementRecorded', { settlementId: id, fromUnitId: from, toUnitId: 'IT', amountOre, period, saksnummer: '26/1', projectId: null, comment: null });
const ledgerOf = (h: History) => {
  const ledger = new Ledger();
  for (const e of h.events) ledger.apply(e);
  return ledger;
};

describe('what a unit owes another', () => {
  it('is the flow from the investor up to the end of the period, nothing before the gain is realised', () => {
    const ledger = ledgerOf(history());
    expect(ledger.owed({ recipientUnitId: 'HJ', investorUnitId: 'IT', upTo: '2026-T2' })).toEqual({ flowOre: 30_000_00, settledOre: 0, owedOre: 30_000_00, level: 2 });
    expect(ledger.owed({ recipientUnitId: 'HJ', investorUnitId: 'IT', upTo: '2026-T1' }).owedOre).toBe(0);
    // nothing flows from HJ's money to IT
    expect(ledger.owed({ recipientUnitId: 'IT', investorUnitId: 'HJ', upTo: '2026' }).owedOre).toBe(0);
  });

  it('counts for a sector the flows to the units under it', () =>
    expect(ledgerOf(history()).owed({ recipientUnitId: 'HELSE', investorUnitId: 'IT', upTo: '2026' })).toEqual({ flowOre: 30_000_00, settledOre: 0, owedOre: 30_000_00, level: 1 }));

  it('less every settlement between the two, of any period', () => {
    const ledger = ledgerOf(settle(history(), 's1', 'HJ', 10_000_00, '2026-T3'));
    expect(ledger.owed({ recipientUnitId: 'HJ', investorUnitId: 'IT', upTo: '2026-T2' })).toEqual({ flowOre: 30_000_00, settledOre: 10_000_00, owedOre: 20_000_00, level: 2 });
  });

  it('a sector’s settlement leaves less for the units under it, and theirs less for the sector', () => {
    const bySector = ledgerOf(settle(history(), 's1', 'HELSE', 25_000_00));
    expect(bySector.owed({ recipientUnitId: 'HJ', investorUnitId: 'IT', upTo: '2026' })).toEqual({ flowOre: 30_000_00, settledOre: 25_000_00, owedOre: 5_000_00, level: 1 });
    const byUnit = ledgerOf(settle(history(), 's1', 'HJ', 25_000_00));
    expect(byUnit.owed({ recipientUnitId: 'HELSE', investorUnitId: 'IT', upTo: '2026' }).owedOre).toBe(5_000_00);
  });
});
