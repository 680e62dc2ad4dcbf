import { describe, expect, it } from 'vitest';
import { foldLedgerFacts, Ledger, traceLedger, withdrawableOre, checkWithdrawal } from '../../src/ledger';
import { computeLedger } from './oracle';
import { History } from './history';

const kr = (kroner: number) => Math.round(kroner * 100);

/**
 * Example 1 (docs/domain.md): «Digital byggesak». IT pays 600 000 kr and Byggesak 400 000 kr, so the
 * cost shares are 60 % and 40 %. Byggesak saves 600 hours at 550 kr (330 000 kr) in 2026-T1,
 * Oppvekst 100 hours at 500 kr (50 000 kr) in 2026-T2.
 */
function digitalByggesak() {
  return new History()
    .unit('K', 'Kommunen')
    .unit('IT', 'IT-avdelingen', 'K')
    .unit('BYG', 'Byggesak', 'K')
    .unit('OPP', 'Oppvekst', 'K')
    .project('P1', 'BYG')
    .cost('P1', 'c1', 'IT', kr(600_000), '2026-T1')
    .cost('P1', 'c2', 'BYG', kr(400_000), '2026-T1')
    .benefit('b1', 'P1', 'BYG', kr(550), [{ period: '2026-T1', quantity: 600 }])
    .benefit('b2', 'P1', 'OPP', kr(500), [{ period: '2026-T2', quantity: 120 }])
    .realise('b1', '2026-T1', 600, kr(550))
    .realise('b2', '2026-T2', 100, kr(500));
}

describe('worked example 1: one project, two payers, two recipients', () => {
  const facts = foldLedgerFacts(digitalByggesak().events);

  it('splits each gain by the cost shares 60/40', () => {
    const ledger = computeLedger(facts, { from: '2026', to: '2026' });
    expect(ledger.flows).toEqual([
      { fromUnitId: 'BYG', toUnitId: 'BYG', ore: kr(132_000) },
      { fromUnitId: 'BYG', toUnitId: 'OPP', ore: kr(20_000) },
      { fromUnitId: 'IT', toUnitId: 'BYG', ore: kr(198_000) },
      { fromUnitId: 'IT', toUnitId: 'OPP', ore: kr(30_000) },
    ]);
    const row = (id: string) => ledger.units.find((u) => u.unitId === id);
    expect(row('IT')).toMatchObject({ costsOre: kr(600_000), gainsReceivedOre: 0, gainsProducedForOthersOre: kr(228_000), netOre: -kr(600_000) });
    expect(row('BYG')).toMatchObject({ costsOre: kr(400_000), gainsReceivedOre: kr(330_000), gainsFromOthersOre: kr(198_000), gainsProducedForOthersOre: kr(20_000), netOre: -kr(70_000) });
    expect(row('OPP')).toMatchObject({ costsOre: 0, gainsReceivedOre: kr(50_000), netOre: kr(50_000) });
    expect(row('K')).toMatchObject({ costsOre: 0, gainsReceivedOre: 0, netOre: 0 });
  });

  it('shows the matrix with the diagonal apart, and the imbalances worst first', () => {
    const ledger = computeLedger(facts, { from: '2026', to: '2026' });
    expect(ledger.matrix.cells).toEqual([
      { investorUnitId: 'BYG', recipientUnitId: 'OPP', ore: kr(20_000) },
      { investorUnitId: 'IT', recipientUnitId: 'BYG', ore: kr(198_000) },
      { investorUnitId: 'IT', recipientUnitId: 'OPP', ore: kr(30_000) },
    ]);
    expect(ledger.matrix.diagonal.find((d) => d.unitId === 'BYG')?.ore).toBe(kr(132_000));
    expect(ledger.imbalances).toEqual([
      { unitId: 'IT', costsOre: kr(600_000), gainsReceivedOre: 0, netOre: -kr(600_000), gainsTo: [{ unitId: 'BYG', ore: kr(198_000) }, { unitId: 'OPP', ore: kr(30_000) }] },
      { unitId: 'BYG', costsOre: kr(400_000), gainsReceivedOre: kr(330_000), netOre: -kr(70_000), gainsTo: [{ unitId: 'OPP', ore: kr(20_000) }] },
    ]);
  });

  it('a span of one tertial counts only that tertial, but shares stay over all costs', () => {
    const t2 = computeLedger(facts, { from: '2026-T2', to: '2026-T2' });
    expect(t2.flows).toEqual([
      { fromUnitId: 'BYG', toUnitId: 'OPP', ore: kr(20_000) },
      { fromUnitId: 'IT', toUnitId: 'OPP', ore: kr(30_000) },
    ]);
    expect(t2.units.every((u) => u.costsOre === 0)).toBe(true);
  });

  it('planned vs realised', () => {
    const ledger = computeLedger(facts, { from: '2026', to: '2026' });
    const opp = ledger.balances.find((b) => b.unitId === 'OPP');
    expect(opp).toMatchObject({ plannedOre: kr(60_000), realisedOre: kr(50_000) });
  });

  it('at level 0 everything is the kommune’s own', () => {
    const ledger = computeLedger(facts, { level: 0 });
    expect(ledger.flows).toEqual([{ fromUnitId: 'K', toUnitId: 'K', ore: kr(380_000) }]);
    expect(ledger.units).toEqual([
      expect.objectContaining({ unitId: 'K', costsOre: kr(1_000_000), gainsReceivedOre: kr(380_000), gainsProducedForOthersOre: 0, netOre: -kr(620_000) }),
    ]);
  });

  it('splits odd øre by largest remainder: 100,01 kr at 60/40 is 60,01 + 40,00', () => {
    const h = digitalByggesak().benefit('b3', 'P1', 'OPP', 1, []).realise('b3', '2026-T3', 10_001, 1);
    const ledger = computeLedger(foldLedgerFacts(h.events), { from: '2026-T3', to: '2026-T3' });
    expect(ledger.flows).toEqual([
      { fromUnitId: 'BYG', toUnitId: 'OPP', ore: 4_000 },
      { fromUnitId: 'IT', toUnitId: 'OPP', ore: 6_001 },
    ]);
  });

  it('a correction replaces the realisation of its period', () => {
    const h = digitalByggesak().correct('b1', '2026-T1', 500, kr(550));
    const ledger = computeLedger(foldLedgerFacts(h.events), { from: '2026-T1', to: '2026-T1' });
    expect(ledger.units.find((u) => u.unitId === 'BYG')?.gainsReceivedOre).toBe(kr(275_000));
    expect(ledger.flows.find((f) => f.fromUnitId === 'IT')?.ore).toBe(kr(165_000));
  });

  it('traces a flow to the events behind it', () => {
    const trace = traceLedger(facts, { from: '2026', to: '2026', fromUnitId: 'IT', toUnitId: 'BYG' });
    expect(trace.map((t) => [t.role, t.streamName, t.revision, t.type, t.ore])).toEqual([
      ['cost', 'project-P1', '1', 'CostRecorded', kr(600_000)],
      ['realisation', 'benefit-b1', '1', 'BenefitRealised', kr(330_000)],
    ]);
    expect(trace[0]?.userId).toBe('okonomi@kommune.no');
    expect(trace[0]?.recordedAt).toMatch(/^2026-01-15T/);
  });
});

describe('worked example 2: Byggesak and Plan merge into Plan og bygg on 1 May 2026', () => {
  // Project «Felles saksbehandling»: Byggesak pays 100 000, Plan 300 000, IT 400 000 (12.5 / 37.5 / 50 %).
  // Before the merger Byggesak gains 20 000 and Plan 40 000 (T1); after it Plan og bygg gains 60 000 (T2).
  const h = new History()
    .unit('K', 'Kommunen')
    .unit('TEK', 'Teknisk sektor', 'K')
    .unit('IT', 'IT', 'K')
    .unit('BYG', 'Byggesak', 'TEK')
    .unit('PLAN', 'Plan', 'TEK')
    .project('P2', 'TEK')
    .cost('P2', 'c1', 'BYG', kr(100_000), '2026-T1')
    .cost('P2', 'c2', 'PLAN', kr(300_000), '2026-T1')
    .cost('P2', 'c3', 'IT', kr(400_000), '2026-T1')
    .benefit('g1', 'P2', 'BYG', kr(500), [{ period: '2026-T1', quantity: 40 }])
    .benefit('g2', 'P2', 'PLAN', kr(500), [{ period: '2026-T1', quantity: 80 }])
    .realise('g1', '2026-T1', 40, kr(500))
    .realise('g2', '2026-T1', 80, kr(500))
    .unit('PB', 'Plan og bygg', 'TEK')
    .add('UnitsMerged', { successorUnitId: 'PB', mergedUnitIds: ['BYG', 'PLAN'], effectiveDate: '2026-05-01' })
    .add('UnitMergedInto', { unitId: 'BYG', successorUnitId: 'PB', effectiveDate: '2026-05-01' })
    .add('UnitMergedInto', { unitId: 'PLAN', successorUnitId: 'PB', effectiveDate: '2026-05-01' })
    .benefit('g3', 'P2', 'PB', kr(500), [{ period: '2026-T2', quantity: 120 }])
    .realise('g3', '2026-T2', 120, kr(500));
  const facts = foldLedgerFacts(h.events);

  it('keeps the history under the old ids', () => {
    const ledger = computeLedger(facts, { rollUpMergers: false });
    const byPair = Object.fromEntries(ledger.flows.map((f) => [`${f.fromUnitId}→${f.toUnitId}`, f.ore]));
    expect(byPair).toEqual({
      'BYG→BYG': kr(2_500), 'BYG→PLAN': kr(5_000), 'BYG→PB': kr(7_500),
      'PLAN→BYG': kr(7_500), 'PLAN→PLAN': kr(15_000), 'PLAN→PB': kr(22_500),
      'IT→BYG': kr(10_000), 'IT→PLAN': kr(20_000), 'IT→PB': kr(30_000),
    });
    expect(ledger.projects[0]?.payers).toEqual([
      { unitId: 'BYG', ore: kr(100_000) },
      { unitId: 'IT', ore: kr(400_000) },
      { unitId: 'PLAN', ore: kr(300_000) },
    ]);
  });

  it('rolls the merged units up to the successor', () => {
    const ledger = computeLedger(facts, { from: '2026', to: '2026' });
    expect(ledger.units.map((u) => u.unitId)).toEqual(['IT', 'K', 'PB', 'TEK']);
    expect(ledger.flows).toEqual([
      { fromUnitId: 'IT', toUnitId: 'PB', ore: kr(60_000) },
      { fromUnitId: 'PB', toUnitId: 'PB', ore: kr(60_000) },
    ]);
    expect(ledger.units.find((u) => u.unitId === 'PB')).toMatchObject({ costsOre: kr(400_000), gainsReceivedOre: kr(120_000), gainsFromOthersOre: kr(60_000), netOre: -kr(280_000) });
    expect(ledger.units.find((u) => u.unitId === 'IT')).toMatchObject({ costsOre: kr(400_000), gainsProducedForOthersOre: kr(60_000), netOre: -kr(400_000) });
  });

  it('at level 1 the merged successor counts under Teknisk sektor', () => {
    const ledger = computeLedger(facts, { level: 1 });
    expect(ledger.flows).toEqual([
      { fromUnitId: 'IT', toUnitId: 'TEK', ore: kr(60_000) },
      { fromUnitId: 'TEK', toUnitId: 'TEK', ore: kr(60_000) },
    ]);
  });

  it('a trace of the successor’s own gain opens the old units’ costs', () => {
    const trace = traceLedger(facts, { fromUnitId: 'PB', toUnitId: 'PB' });
    expect(trace.filter((t) => t.role === 'cost').map((t) => t.unitId)).toEqual(['BYG', 'PLAN']);
    expect(trace.filter((t) => t.role === 'realisation').map((t) => [t.benefitId, t.unitId])).toEqual([
      ['g1', 'BYG'], ['g2', 'PLAN'], ['g3', 'PB'],
    ]);
  });
});

describe('worked example 3: what finance sees as open', () => {
  const h = digitalByggesak()
    .benefit('kb', 'P1', 'OPP', kr(1), [{ period: '2026-T3', quantity: 200_000 }], { category: 'budget', cashReleasing: true, indicator: 'Lisenskostnad', unitOfMeasure: 'kroner' })
    .realise('kb', '2026-T3', 200_000, kr(1))
    .add('BudgetWithdrawalRecorded', { benefitId: 'kb', withdrawalId: 'w1', unitId: 'OPP', period: '2026-T3', amountOre: kr(150_000), saksnummer: '2026/123', comment: null })
    .add('SettlementRecorded', { settlementId: 's1', fromUnitId: 'OPP', toUnitId: 'IT', amountOre: kr(100_000), period: '2026-T3', saksnummer: '2026/124', projectId: 'P1', comment: null })
    .benefit('q', 'P1', 'OPP', null, [{ period: '2026-T3', quantity: 5 }], { indicator: 'Fornøyde foreldre', unitOfMeasure: 'poeng' })
    .realise('q', '2026-T3', 4, null)
    .benefit('d', 'P1', 'BYG', kr(100), [{ period: '2026-T3', quantity: 10 }], { disbenefit: true, title: 'Mer opplæring' })
    .realise('d', '2026-T3', 10, kr(100));
  const facts = foldLedgerFacts(h.events);

  it('withdrawals, settlements, open amounts; unpriced counted, never summed; disbenefits count against', () => {
    const ledger = computeLedger(facts, { from: '2026-T3', to: '2026-T3' });
    const opp = ledger.balances.find((b) => b.unitId === 'OPP')!;
    expect(opp).toMatchObject({
      realisedOre: kr(200_000),
      cashReleasingOre: kr(200_000),
      withdrawnOre: kr(150_000),
      openOre: kr(50_000),
      settledOutOre: kr(100_000),
      // 60 % of 200 000 came from IT, 40 % from Byggesak; 100 000 has been settled
      owedByUnitOre: kr(200_000) - kr(100_000),
    });
    const it = ledger.balances.find((b) => b.unitId === 'IT')!;
    // IT's money made 120 000 for Oppvekst and −600 kr (60 % of the 1 000 kr disbenefit) for Byggesak
    expect(it).toMatchObject({ settledInOre: kr(100_000), owedToUnitOre: kr(120_000) - kr(600) - kr(100_000) });
    expect(ledger.units.find((u) => u.unitId === 'OPP')).toMatchObject({ nonValuedBenefitCount: 1, nonValuedRealisationCount: 1 });
    expect(ledger.units.find((u) => u.unitId === 'BYG')?.gainsReceivedOre).toBe(-kr(1_000));
  });

  it('a settlement between two units that roll up into one is nothing open: owed stays as before it (level 0)', () => {
    const root = computeLedger(facts, { from: '2026-T3', to: '2026-T3', level: 0 });
    expect(root.balances).toHaveLength(1);
    const all = root.balances[0]!;
    // the settlement OPP → IT is in and out of the municipality at once; no gain crossed units, so nothing is owed
    expect(all).toMatchObject({ settledInOre: kr(100_000), settledOutOre: kr(100_000), owedToUnitOre: 0, owedByUnitOre: 0 });
  });

  it('withdrawable is the realised cash-releasing value not yet withdrawn', () => {
    const kb = facts.benefits.get('kb')!;
    expect(withdrawableOre(kb)).toBe(kr(50_000));
    expect(checkWithdrawal(kb, kr(50_000))).toEqual({ ok: true, withdrawableOre: kr(50_000) });
    expect(checkWithdrawal(kb, kr(50_000) + 1)).toMatchObject({ ok: false, reason: 'exceeds_withdrawable', withdrawableOre: kr(50_000) });
    expect(checkWithdrawal(facts.benefits.get('b1')!, 1)).toMatchObject({ ok: false, reason: 'not_cash_releasing' });
  });

  it('a cost of a whole year counts in a tertial span only when the year lies inside it', () => {
    const y = digitalByggesak().cost('P1', 'c3', 'IT', kr(12_000), '2026');
    const f = foldLedgerFacts(y.events);
    const itCost = (from: string, to: string) => computeLedger(f, { from, to }).units.find((u) => u.unitId === 'IT')!.costsOre;
    expect(itCost('2026-T2', '2026-T3')).toBe(0);
    expect(itCost('2026-T1', '2026-T3')).toBe(kr(612_000));
    expect(itCost('2026', '2026')).toBe(kr(612_000));
  });
});

/**
 * Example 3 (docs/domain.md): «Velferdsteknologi», investment shares fixed in time. IT pays a
 * one-off kr 300 000 for 2026; Helse pays an annual kr 100 000 for 2026–2027 and a one-off
 * kr 200 000 in 2026-T2. Hjemmetjenesten (HJT) saves kr 40 000 in 2026-T1, kr 30 000 in T2 and
 * kr 20 000,01 in T3 (valued at kr 1 per krone saved). Later Helse books kr 600 000 for 2030.
 */
function velferdsteknologi() {
  return new History()
    .unit('K', 'Kommunen')
    .unit('IT', 'IT-avdelingen', 'K')
    .unit('HEL', 'Helse og omsorg', 'K')
    .unit('HJT', 'Hjemmetjenesten', 'HEL')
    .project('P3', 'HEL')
    .cost('P3', 'c1', 'IT', kr(300_000), '2026')
    .annualCost('P3', 'c2', 'HEL', kr(100_000), 2026, 2027)
    .cost('P3', 'c3', 'HEL', kr(200_000), '2026-T2')
    .benefit('b1', 'P3', 'HJT', kr(1), [])
    .realise('b1', '2026-T1', 40_000, kr(1))
    .realise('b1', '2026-T2', 30_000, kr(1))
    .realise('b1', '2026-T3', 20_000.01, kr(1));
}

describe('worked example 3: investment shares fixed in time, an annual cost, and a cost booked for 2030', () => {
  const history = velferdsteknologi();
  const flowsOf = (events: typeof history.events, from: string, to: string) => {
    const ledger = new Ledger();
    events.forEach((e) => ledger.apply(e));
    const served = ledger.report({ from, to });
    expect(served).toEqual((({ projects: _, ...rest }) => rest)(computeLedger(ledger.facts, { from, to })));
    return served.flows;
  };

  it('T1 is split 75/25 by the costs known then (IT 300 000, Helse one year of 100 000); T2 and T3 50/50 (Helse’s 200 000 began in T2)', () => {
    expect(flowsOf(history.events, '2026-T1', '2026-T1')).toEqual([
      { fromUnitId: 'HEL', toUnitId: 'HJT', ore: 1_000_000 },
      { fromUnitId: 'IT', toUnitId: 'HJT', ore: 3_000_000 },
    ]);
    expect(flowsOf(history.events, '2026-T2', '2026-T2')).toEqual([
      { fromUnitId: 'HEL', toUnitId: 'HJT', ore: 1_500_000 },
      { fromUnitId: 'IT', toUnitId: 'HJT', ore: 1_500_000 },
    ]);
    // 2 000 001 øre at 50/50: 1 000 000,5 each; the odd øre goes to the first payer by unit id (HEL) on the tie
    expect(flowsOf(history.events, '2026-T3', '2026-T3')).toEqual([
      { fromUnitId: 'HEL', toUnitId: 'HJT', ore: 1_000_001 },
      { fromUnitId: 'IT', toUnitId: 'HJT', ore: 1_000_000 },
    ]);
    // the year: T1 split 75/25, T2 + T3 (5 000 001 øre, same shares) split together 50/50
    expect(flowsOf(history.events, '2026-T1', '2026-T3')).toEqual([
      { fromUnitId: 'HEL', toUnitId: 'HJT', ore: 1_000_000 + 2_500_001 },
      { fromUnitId: 'IT', toUnitId: 'HJT', ore: 3_000_000 + 2_500_000 },
    ]);
  });

  it('the annual cost counts once in each of its years: kr 100 000 for Helse in 2026 and in 2027', () => {
    const facts = foldLedgerFacts(history.events);
    const costs = (from: string, to: string) => Object.fromEntries(computeLedger(facts, { from, to }).units.filter((u) => u.costsOre !== 0).map((u) => [u.unitId, u.costsOre]));
    expect(costs('2026', '2026')).toEqual({ IT: kr(300_000), HEL: kr(300_000) });
    expect(costs('2027', '2027')).toEqual({ HEL: kr(100_000) });
    expect(costs('2028', '2028')).toEqual({});
    expect(costs('2026-T1', '2026-T1')).toEqual({}); // a whole year counts only in a span that holds it
  });

  it('booking kr 600 000 for 2030, and stopping the annual cost after 2026, moves none of 2026’s figures', () => {
    const later = new History();
    later.cost('P3', 'c4', 'HEL', kr(600_000), '2030').stopAnnualCost('P3', 'c2', 2026);
    const after = [...history.events, ...later.events];
    for (const [from, to] of [['2026-T1', '2026-T1'], ['2026-T2', '2026-T2'], ['2026-T3', '2026-T3'], ['2026-T1', '2026-T3']] as const) {
      expect(flowsOf(after, from, to)).toEqual(flowsOf(history.events, from, to));
    }
    const facts = foldLedgerFacts(after);
    expect(computeLedger(facts, { from: '2027', to: '2027' }).units.every((u) => u.costsOre === 0)).toBe(true);
    expect(computeLedger(facts, { from: '2030', to: '2030' }).units.find((u) => u.unitId === 'HEL')?.costsOre).toBe(kr(600_000));
  });

  it('an open-ended annual cost counts in every year of a span, and through the last year with a fact when the span has no end', () => {
    const h = velferdsteknologi().annualCost('P3', 'c5', 'IT', kr(10_000), 2026, null);
    const facts = foldLedgerFacts(h.events);
    const itCost = (q: { from?: string; to?: string }) => computeLedger(facts, q).units.find((u) => u.unitId === 'IT')?.costsOre;
    expect(itCost({ from: '2026', to: '2029' })).toBe(kr(300_000) + 4 * kr(10_000));
    // the last dated fact is the annual cost c2's end year 2027
    expect(itCost({})).toBe(kr(300_000) + 2 * kr(10_000));
  });
});

/**
 * Example 5 (docs/domain.md, «Gyldighetstid og registreringstid»): Skolehelsetjenesten (SHT) lies under
 * Oppvekst (OPP) and moves to Helse (HEL) from 1 July 2026. A move to IT dated 1 May was recorded by
 * mistake and annulled. IT pays 100 000 kr; SHT saves 100 hours in 2026-T1, 40 in July and 60 in
 * 2026-T3, at 500 kr an hour.
 */
function skolehelseMoves() {
  return new History()
    .unit('K', 'Kommunen')
    .unit('OPP', 'Oppvekst', 'K')
    .unit('HEL', 'Helse', 'K')
    .unit('IT', 'IT-avdelingen', 'K')
    .unit('SHT', 'Skolehelsetjenesten', 'OPP')
    .project('P', 'IT')
    .cost('P', 'c1', 'IT', kr(100_000), '2026')
    .benefit('b', 'P', 'SHT', kr(500), [{ period: '2026', quantity: 200 }])
    .realise('b', '2026-T1', 100, kr(500))
    .add('UnitMoved', { unitId: 'SHT', newParentId: 'IT', previousParentId: 'OPP', effectiveDate: '2026-05-01' })
    .add('UnitMoveAnnulled', { unitId: 'SHT', effectiveDate: '2026-05-01', reason: 'Registrert på feil enhet' })
    .add('UnitMoved', { unitId: 'SHT', newParentId: 'HEL', previousParentId: 'OPP', effectiveDate: '2026-07-01' })
    .realise('b', '2026-07', 40, kr(500))
    .realise('b', '2026-T3', 60, kr(500));
}

describe('worked example 5: a unit moves in the middle of the year', () => {
  const facts = foldLedgerFacts(skolehelseMoves().events);
  const year = { from: '2026', to: '2026', level: 1 } as const;
  const received = (report: ReturnType<typeof computeLedger>) =>
    Object.fromEntries(report.units.filter((u) => u.gainsReceivedOre !== 0).map((u) => [u.unitId, u.gainsReceivedOre]));

  it('as the organisation stood in each period: T1 under Oppvekst, July and T3 under Helse', () => {
    const report = computeLedger(facts, { ...year, org: { mode: 'period' } });
    expect(received(report)).toEqual({ OPP: kr(50_000), HEL: kr(50_000) });
    expect(report.flows).toEqual([
      { fromUnitId: 'IT', toUnitId: 'HEL', ore: kr(50_000) },
      { fromUnitId: 'IT', toUnitId: 'OPP', ore: kr(50_000) },
    ]);
    // the year's plan begins in January: it stays where the unit stood then
    expect(report.balances.find((b) => b.unitId === 'OPP')?.plannedOre).toBe(kr(100_000));
  });

  it('as the organisation stands at a date: all of the year under the unit’s parent of that day', () => {
    expect(received(computeLedger(facts, { ...year, org: { mode: 'date', date: '2026-12-31' } }))).toEqual({ HEL: kr(100_000) });
    expect(received(computeLedger(facts, { ...year, org: { mode: 'date', date: '2026-06-30' } }))).toEqual({ OPP: kr(100_000) });
    // the annulled move to IT never counts, not even on the days it was meant for
    expect(received(computeLedger(facts, { ...year, org: { mode: 'date', date: '2026-05-15' } }))).toEqual({ OPP: kr(100_000) });
  });

  it('a tertial that straddles the move: a month after the move counts under Helse', () => {
    expect(received(computeLedger(facts, { from: '2026-T2', to: '2026-T2', level: 1, org: { mode: 'period' } }))).toEqual({ HEL: kr(20_000) });
  });

  it('the kommune total is the same whichever organisation is chosen', () => {
    for (const org of [{ mode: 'period' } as const, { mode: 'date', date: '2026-01-01' } as const, null])
      expect(computeLedger(facts, { from: '2026', to: '2026', level: 0, org }).units.find((u) => u.unitId === 'K')?.gainsReceivedOre).toBe(kr(100_000));
  });
});
