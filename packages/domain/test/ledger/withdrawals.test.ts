import { describe, expect, it } from 'vitest';
import { checkWithdrawal, foldLedgerFacts, Ledger, realisedCashReleasingUpToOre } from '../../src/ledger';
import { History } from './history';

// The ledger's side of a gevinstuttak: what a withdrawal dated a period may draw on, and how a benefit
// stored before the rule «only budget benefits are cash-releasing» is read.
const history = (extra: Parameters<History['benefit']>[5] = { category: 'budget', cashReleasing: true }) =>
  new History()
    .unit('K', 'Kommunen')
    .unit('BYG', 'Byggesak', 'K')
    .project('P', 'BYG')
    .benefit('b1', 'P', 'BYG', 500_00, [{ period: '2026-T1', quantity: 10 }], extra)
    .realise('b1', '2026-T1', 10, 500_00)
    .realise('b1', '2026-T2', 4, 500_00);
const withdraw = (h: History, amountOre: number, period: string) =>
  h.add('BudgetWithdrawalRecorded', { benefitId: 'b1', withdrawalId: `w${h.events.length}`, unitId: 'BYG', period, amountOre, saksnummer: '26/1', comment: null });

describe('a withdrawal in the ledger', () => {
  it('draws on what is realised in its period or earlier (a period that ends no later than its own)', () => {
    const b = foldLedgerFacts(history().events).benefits.get('b1')!;
    expect(realisedCashReleasingUpToOre(b, '2025')).toBe(0);
    expect(realisedCashReleasingUpToOre(b, '2026-04')).toBe(5_000_00);
    expect(realisedCashReleasingUpToOre(b, '2026-T1')).toBe(5_000_00);
    expect(realisedCashReleasingUpToOre(b, '2026-T2')).toBe(7_000_00);
    expect(realisedCashReleasingUpToOre(b, '2026')).toBe(7_000_00);
    expect(checkWithdrawal(b, 1, '2025')).toMatchObject({ ok: false, reason: 'before_realisation' });
    expect(checkWithdrawal(b, 5_000_00, '2026-T1')).toEqual({ ok: true, withdrawableOre: 5_000_00 });
    expect(checkWithdrawal(b, 5_000_01, '2026-T1')).toMatchObject({ ok: false, reason: 'exceeds_withdrawable', withdrawableOre: 5_000_00 });
  });

  it('less everything withdrawn before, whatever its period', () => {
    const b = foldLedgerFacts(withdraw(history(), 6_000_00, '2026-T2').events).benefits.get('b1')!;
    expect(checkWithdrawal(b, 1, '2026-T1')).toMatchObject({ ok: false, reason: 'exceeds_withdrawable', withdrawableOre: 0 });
    expect(checkWithdrawal(b, 1_000_00, '2026-T2')).toEqual({ ok: true, withdrawableOre: 1_000_00 });
  });

  it('a capacity benefit stored as cash-releasing before the rule still counts as stored, and takes no new withdrawal', () => {
    const stored = withdraw(history({ category: 'capacity', cashReleasing: true }), 2_000_00, '2026-T1');
    const ledger = new Ledger();
    for (const e of stored.events) ledger.apply(e);
    expect(ledger.report({}).balances.find((r) => r.unitId === 'BYG')).toMatchObject({ cashReleasingOre: 7_000_00, withdrawnOre: 2_000_00, openOre: 5_000_00 });
    expect(checkWithdrawal(ledger.facts.benefits.get('b1')!, 1, '2026')).toMatchObject({ ok: false, reason: 'not_cash_releasing' });
  });
});
