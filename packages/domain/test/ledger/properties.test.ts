import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  foldLedgerFacts,
  periodFilter,
  realisedCashReleasingOre,
  unitTree,
  withdrawnOre,
  type LedgerEventInput,
  type LedgerReport,
} from '../../src/ledger';
import { historyArb, spanArb } from './generated';
import { computeLedger } from './oracle';

const RUNS = { numRuns: 150 };
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function totals(r: LedgerReport) {
  return {
    costs: sum(r.units.map((u) => u.costsOre)),
    received: sum(r.units.map((u) => u.gainsReceivedOre)),
    net: sum(r.units.map((u) => u.netOre)),
    flows: sum(r.flows.map((f) => f.ore)),
    planned: sum(r.balances.map((b) => b.plannedOre)),
    cash: sum(r.balances.map((b) => b.cashReleasingOre)),
    withdrawn: sum(r.balances.map((b) => b.withdrawnOre)),
    settledIn: sum(r.balances.map((b) => b.settledInOre)),
    settledOut: sum(r.balances.map((b) => b.settledOutOre)),
    nonValued: sum(r.units.map((u) => u.nonValuedRealisationCount)),
  };
}

/** Each cost as its own events say it counts now, read straight off the history: the latest figures, none once reversed. */
function costsByEvents(history: LedgerEventInput[]): Map<string, { payerUnitId: string; amountOre: number; period: string }> {
  const costs = new Map<string, { payerUnitId: string; amountOre: number; period: string }>();
  for (const e of history) {
    if (e.type === 'CostRecorded') costs.set(e.data.costId, { payerUnitId: e.data.payerUnitId, amountOre: e.data.amountOre, period: e.data.period });
    else if (e.type === 'CostCorrected') {
      const cost = costs.get(e.data.costId);
      if (cost) costs.set(e.data.costId, { ...cost, amountOre: e.data.amountOre, period: e.data.period });
    } else if (e.type === 'CostReversed') costs.delete(e.data.costId);
  }
  return costs;
}

describe('the ledger on generated histories', () => {
  it('a corrected cost counts with its latest amount and period, a reversed cost as nothing (costs in span, and total cost per project)', () => {
    fc.assert(
      fc.property(historyArb, spanArb, (history, span) => {
        fc.pre(history.some((e) => e.type === 'CostCorrected' || e.type === 'CostReversed'));
        const facts = foldLedgerFacts(history);
        const byEvents = [...costsByEvents(history).values()];
        const inSpan = periodFilter(span);
        const report = computeLedger(facts, span);
        expect(totals(report).costs).toBe(sum(byEvents.filter((c) => inSpan(c.period)).map((c) => c.amountOre)));
        const total = sum(report.projects.map((p) => p.totalCostOre));
        expect(total).toBe(sum(byEvents.map((c) => c.amountOre)));
      }),
      RUNS,
    );
  });

  it('the flows out of each project’s gains add up exactly to those gains, to the øre', () => {
    fc.assert(
      fc.property(historyArb, spanArb, (events, span) => {
        const ledger = computeLedger(foldLedgerFacts(events), span);
        for (const project of ledger.projects) {
          for (const gain of project.gains) {
            const flowed = sum(project.flows.filter((f) => f.toUnitId === gain.unitId).map((f) => f.ore));
            expect(flowed).toBe(gain.ore);
          }
          expect(sum(project.flows.map((f) => f.ore))).toBe(project.gainsOre);
          expect(project.flows.every((f) => Number.isSafeInteger(f.ore))).toBe(true);
          // every flow comes from a payer of the project (or its owner when it has no costs)
          for (const f of project.flows) {
            if (project.investorIsOwner) expect([project.ownerUnitId, f.toUnitId]).toContain(f.fromUnitId);
            else expect(project.payers.map((p) => p.unitId)).toContain(f.fromUnitId);
          }
        }
        // and what units receive is exactly what flows to them
        expect(sum(ledger.units.map((u) => u.gainsReceivedOre))).toBe(sum(ledger.flows.map((f) => f.ore)));
        expect(sum(ledger.projects.map((p) => p.gainsOre))).toBe(sum(ledger.flows.map((f) => f.ore)));
      }),
      RUNS,
    );
  });

  it('the total at every level of the unit tree equals the total at leaf level, and each level is the roll-up of the leaves', () => {
    fc.assert(
      fc.property(historyArb, spanArb, (events, span) => {
        const facts = foldLedgerFacts(events);
        const leaves = computeLedger(facts, span);
        const unmerged = computeLedger(facts, { ...span, rollUpMergers: false });
        expect(totals(unmerged)).toEqual(totals(leaves));
        const maxDepth = Math.max(0, ...[...facts.units.keys()].map((u) => unitTree(facts).depthOf(u)));
        for (let level = 0; level <= maxDepth + 1; level++) {
          const atLevel = computeLedger(facts, { ...span, level });
          expect(totals(atLevel)).toEqual(totals(leaves));
          const up = unitTree(facts, { level }).reportingUnitOf;
          const rolled = new Map<string, number>();
          for (const f of leaves.flows) {
            const key = `${up(f.fromUnitId)}→${up(f.toUnitId)}`;
            rolled.set(key, (rolled.get(key) ?? 0) + f.ore);
          }
          const expected = Object.fromEntries([...rolled].filter(([, ore]) => ore !== 0));
          expect(Object.fromEntries(atLevel.flows.map((f) => [`${f.fromUnitId}→${f.toUnitId}`, f.ore]))).toEqual(expected);
          // the matrix holds the same figures: cells + diagonal = flows
          expect(sum(atLevel.matrix.cells.map((c) => c.ore)) + sum(atLevel.matrix.diagonal.map((d) => d.ore))).toBe(totals(leaves).flows);
          for (const u of atLevel.units) expect(u.netOre).toBe(u.gainsReceivedOre - u.costsOre);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('every figure counts once whatever organisation places it: per period, at any date, or after every change — at every level', () => {
    fc.assert(
      fc.property(historyArb, spanArb, fc.constantFrom('2025-01-01', '2026-04-15', '2026-12-31', '2100-01-01'), (events, span, date) => {
        const facts = foldLedgerFacts(events);
        const latest = totals(computeLedger(facts, span));
        for (const level of [null, 0, 1]) {
          expect(totals(computeLedger(facts, { ...span, level, org: { mode: 'period' } }))).toEqual(latest);
          expect(totals(computeLedger(facts, { ...span, level, org: { mode: 'date', date } }))).toEqual(latest);
        }
        // after the last change, the organisation at a late date is the organisation after every change
        const { projects: _a, ...late } = computeLedger(facts, { ...span, level: 0, org: { mode: 'date', date: '2100-01-01' } });
        const { projects: _b, ...after } = computeLedger(facts, { ...span, level: 0 });
        expect(late).toEqual(after);
      }),
      { numRuns: 80 },
    );
  });

  it('folding the events in one go equals folding them in any split into batches', () => {
    fc.assert(
      fc.property(historyArb, fc.array(fc.nat(), { maxLength: 5 }), spanArb, (events, cuts, span) => {
        const points = [...new Set(cuts.map((c) => c % (events.length + 1)))].sort((a, b) => a - b);
        const whole = foldLedgerFacts(events);
        let facts = foldLedgerFacts([]);
        let previous = 0;
        for (const p of [...points, events.length]) {
          const before = structuredClone(facts);
          const next = foldLedgerFacts(events.slice(previous, p), facts);
          expect(facts).toEqual(before); // the earlier facts are not touched
          facts = next;
          previous = p;
        }
        expect(facts).toEqual(whole);
        expect(computeLedger(facts, span)).toEqual(computeLedger(whole, span));
      }),
      RUNS,
    );
  });

  it('withdrawals never exceed what is withdrawable', () => {
    fc.assert(
      fc.property(historyArb, (events) => {
        const facts = foldLedgerFacts(events);
        for (const benefit of facts.benefits.values()) {
          expect(withdrawnOre(benefit)).toBeLessThanOrEqual(realisedCashReleasingOre(benefit));
          if (benefit.withdrawals.length > 0) expect(benefit.cashReleasing).toBe(true);
        }
        const ledger = computeLedger(facts);
        for (const b of ledger.balances) expect(b.openOre).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });
});
