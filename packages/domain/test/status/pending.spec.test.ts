import { describe, expect, it } from 'vitest';
import { foldLedgerFacts } from '../../src/ledger';
import { benefitStatus, computePortfolio, DUE_DAYS_AFTER_PERIOD_END, isRealisationOverdue, realisationDueDate } from '../../src/status';
import { History } from '../ledger/history';

// 2026-T3 ends 31 December 2026; its realisation is due 14 January 2027
const history = () =>
  new History()
    .unit('K', 'Kommunen')
    .unit('BYG', 'Byggesak', 'K')
    .unit('HELSE', 'Helse', 'K')
    .project('P', 'BYG', { greenPct: 100, yellowPct: 80 })
    .cost('P', 'c', 'BYG', 100_000_00, '2026-T1')
    .benefit('b', 'P', 'BYG', 2_610_00, [
      { period: '2026-T2', quantity: 100 },
      { period: '2026-T3', quantity: 100 },
    ])
    .benefit('h', 'P', 'HELSE', 2_610_00, [{ period: '2026-T3', quantity: 100 }]);

const cell = (p: ReturnType<typeof computePortfolio>, unitId: string, period: string) =>
  p.rows.find((r) => r.unitId === unitId)!.cells.find((c) => c.period === period)!;

describe('a period whose realisation is not yet due is pending, not judged', () => {
  it('the due date is the period’s last day plus the grace (one number, shared with reminders)', () => {
    expect(DUE_DAYS_AFTER_PERIOD_END).toBe(14);
    expect(realisationDueDate('2026-T3')).toBe('2027-01-14');
    expect(isRealisationOverdue('2026-T3', '2027-01-14T23:59:59+01:00')).toBe(false);
    expect(isRealisationOverdue('2026-T3', '2027-01-15T00:00:00+01:00')).toBe(true);
  });

  it('an ongoing period with nothing realised: pending, no status (benefit and scorecard)', () => {
    const facts = foldLedgerFacts(history().events);
    const t3 = benefitStatus(facts.benefits.get('b')!, { asOf: '2026-11-24T12:00:00Z' }).statusByPeriod.find((s) => s.period === '2026-T3')!;
    expect(t3).toMatchObject({ status: null, pending: true, realisedQuantity: null });
    const p = computePortfolio(facts, { from: '2026-T2', to: '2026-T3', level: 1, asOf: '2026-11-24T12:00:00Z' });
    for (const unit of ['BYG', 'HELSE']) expect(cell(p, unit, '2026-T3')).toMatchObject({ status: null, pending: true, plannedOre: 261_000_00, realisedOre: 0 });
    // T2 ended 31 August, due 14 September, nothing realised: judged red
    expect(cell(p, 'BYG', '2026-T2')).toMatchObject({ status: 'red', pending: false });
  });

  it('ended but within the grace before the due date: still pending', () => {
    const facts = foldLedgerFacts(history().events);
    const asOf = '2027-01-10';
    expect(benefitStatus(facts.benefits.get('b')!, { asOf }).statusByPeriod[1]).toMatchObject({ period: '2026-T3', status: null, pending: true });
    expect(cell(computePortfolio(facts, { from: '2026-T3', to: '2026-T3', level: 1, asOf }), 'HELSE', '2026-T3')).toMatchObject({ status: null, pending: true });
  });

  it('past the due date with nothing realised: red', () => {
    const facts = foldLedgerFacts(history().events);
    const asOf = '2027-01-15';
    expect(benefitStatus(facts.benefits.get('b')!, { asOf }).statusByPeriod[1]).toMatchObject({ period: '2026-T3', status: 'red', pending: false });
    expect(cell(computePortfolio(facts, { from: '2026-T3', to: '2026-T3', level: 1, asOf }), 'HELSE', '2026-T3')).toMatchObject({ status: 'red', pending: false });
  });

  it('says which red comes from a missing value (unreported) and by when each period was due', () => {
    const facts = foldLedgerFacts(history().realise('b', '2026-T2', 70, 2_610_00).events);
    const [t2, t3] = benefitStatus(facts.benefits.get('b')!, { asOf: '2027-01-15' }).statusByPeriod;
    // T2: a recorded 70 of 100 is red on its figures; T3: nothing recorded by the due date
    expect(t2).toMatchObject({ status: 'red', realisedQuantity: 70, unreported: false, dueDate: '2026-09-14' });
    expect(t3).toMatchObject({ status: 'red', realisedQuantity: null, unreported: true, dueDate: '2027-01-14' });
    // not yet due: pending, not unreported
    expect(benefitStatus(facts.benefits.get('b')!, { asOf: '2026-11-24' }).statusByPeriod[1]).toMatchObject({ pending: true, unreported: false });
  });

  it('a value recorded in an ongoing period is judged at once', () => {
    const facts = foldLedgerFacts(history().realise('b', '2026-T3', 90, 2_610_00).events);
    const asOf = '2026-11-24T12:00:00Z';
    expect(benefitStatus(facts.benefits.get('b')!, { asOf }).statusByPeriod[1]).toMatchObject({ period: '2026-T3', status: 'yellow', pending: false, realisedQuantity: 90 });
    const p = computePortfolio(facts, { from: '2026-T3', to: '2026-T3', level: 1, asOf });
    expect(cell(p, 'BYG', '2026-T3')).toMatchObject({ status: 'yellow', pending: false });
    expect(cell(p, 'HELSE', '2026-T3')).toMatchObject({ status: null, pending: true });
  });

  it('without a report instant every period is judged (as before)', () => {
    const facts = foldLedgerFacts(history().events);
    expect(benefitStatus(facts.benefits.get('b')!).statusByPeriod[1]).toMatchObject({ status: 'red', pending: false });
    expect(cell(computePortfolio(facts, { from: '2026-T3', to: '2026-T3', level: 1 }), 'BYG', '2026-T3')).toMatchObject({ status: 'red', pending: false });
  });
});
