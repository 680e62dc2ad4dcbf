import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spanMonths } from '../../src/periods';
import {
  foldLedgerFacts,
  Ledger,
  ledgerHorizonYear,
  monthsOfPeriod,
  periodFilter,
  realisedCashReleasingOre,
  unitTree,
  withdrawnOre,
  type LedgerEventInput,
  type LedgerReport,
} from '../../src/ledger';
import { historyArb, PERIODS, spanArb } from './generated';
import { History } from './history';
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

interface CostByEvents {
  payerUnitId: string;
  amountOre: number;
  period: string;
  /** an annual cost's years (last null: until stopped) */
  years: { first: number; last: number | null } | null;
}

/** Each cost as its own events say it counts now, read straight off the history: the latest figures, an annual cost's years as last set or stopped, none once reversed. */
function costsByEvents(history: LedgerEventInput[]): Map<string, CostByEvents> {
  const costs = new Map<string, CostByEvents>();
  const yearsOf = (d: { kind: string; startYear: number | null; endYear: number | null }) => (d.kind === 'annual' && d.startYear !== null ? { first: d.startYear, last: d.endYear } : null);
  for (const e of history) {
    if (e.type === 'CostRecorded') costs.set(e.data.costId, { payerUnitId: e.data.payerUnitId, amountOre: e.data.amountOre, period: e.data.period, years: yearsOf(e.data) });
    else if (e.type === 'CostCorrected') {
      const cost = costs.get(e.data.costId);
      if (cost) costs.set(e.data.costId, { ...cost, amountOre: e.data.amountOre, period: e.data.period, years: yearsOf(e.data) });
    } else if (e.type === 'AnnualCostStopped') {
      const cost = costs.get(e.data.costId);
      if (cost?.years) cost.years = { ...cost.years, last: e.data.lastYear };
    } else if (e.type === 'CostReversed') costs.delete(e.data.costId);
  }
  return costs;
}

/** What a cost counts in a span: a one-off cost its amount when its period is inside, an annual cost its amount for each of its years inside (open-ended: through the horizon). */
function countedInSpan(cost: CostByEvents, inSpan: (period: string) => boolean, horizonYear: number): number {
  if (!cost.years) return inSpan(cost.period) ? cost.amountOre : 0;
  let sumOre = 0;
  for (let y = cost.years.first; y <= (cost.years.last ?? horizonYear); y++) if (inSpan(String(y))) sumOre += cost.amountOre;
  return sumOre;
}

describe('the ledger on generated histories', () => {
  it('a corrected cost counts with its latest amount and period, a reversed cost as nothing (costs in span, and total cost per project)', () => {
    fc.assert(
      fc.property(historyArb, spanArb, (history, span) => {
        fc.pre(history.some((e) => e.type === 'CostCorrected' || e.type === 'CostReversed' || e.type === 'AnnualCostStopped'));
        const facts = foldLedgerFacts(history);
        const horizon = ledgerHorizonYear(facts);
        const byEvents = [...costsByEvents(history).values()];
        const inSpan = periodFilter(span);
        const report = computeLedger(facts, span);
        expect(totals(report).costs).toBe(sum(byEvents.map((c) => countedInSpan(c, inSpan, horizon))));
        const total = sum(report.projects.map((p) => p.totalCostOre));
        expect(total).toBe(sum(byEvents.map((c) => countedInSpan(c, () => true, horizon))));
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
          // every flow comes from a payer of the project (or its owner, for gains before any cost was known)
          const investors: (string | null)[] = project.payers.map((p) => p.unitId);
          for (const f of project.flows) {
            if (project.investorIsOwner) expect([...investors, project.ownerUnitId, f.toUnitId]).toContain(f.fromUnitId);
            else expect(investors).toContain(f.fromUnitId);
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

  it('a cost booked for a later period never changes an earlier period\'s figures', () => {
    // closed spans: from one generated period to a later-or-equal one
    const closedSpan = fc.tuple(fc.nat({ max: PERIODS.length - 1 }), fc.nat({ max: PERIODS.length - 1 })).map(([a, b]) => {
      const [from, to] = [PERIODS[a] ?? '2026', PERIODS[b] ?? '2026'].sort((x, y) => monthsOfPeriod(x).start - monthsOfPeriod(y).start || monthsOfPeriod(x).end - monthsOfPeriod(y).end);
      return { from: from ?? '2026', to: to ?? '2026' };
    });
    const LATER = ['2025-T2', '2025', '2026-T1', '2026-03', '2026-T2', '2026-T3', '2026', '2027-T1', '2027', '2028', '2030'];
    const laterCost = fc.record({
      project: fc.nat(),
      payer: fc.nat(),
      amountOre: fc.integer({ min: 0, max: 80_000_000_00 }),
      period: fc.constantFrom(...LATER),
      annual: fc.option(fc.nat({ max: 3 }), { freq: 2 }),
    });
    let checked = 0;
    fc.assert(
      fc.property(historyArb, closedSpan, laterCost, fc.integer({ min: 0, max: 2 }), (history, span, cost, level) => {
        const facts = foldLedgerFacts(history);
        const projectIds = [...facts.projects.keys()];
        const unitIds = [...facts.units.keys()];
        const projectId = projectIds[cost.project % Math.max(1, projectIds.length)];
        const payer = unitIds[cost.payer % unitIds.length];
        const end = monthsOfPeriod(span.to).end;
        // a one-off cost whose period begins at or after the span's end, or an annual cost whose first year does
        const startYear = Math.floor(monthsOfPeriod(cost.period).start / 12);
        const later = cost.annual === null ? monthsOfPeriod(cost.period).start >= end : startYear * 12 >= end;
        fc.pre(projectId !== undefined && payer !== undefined && later);
        const more = new History();
        if (cost.annual === null) more.cost(projectId!, 'later', payer!, cost.amountOre, cost.period);
        else more.annualCost(projectId!, 'later', payer!, cost.amountOre, startYear, cost.annual === 0 ? null : startYear + cost.annual);
        const q = { ...span, level };
        const live = new Ledger();
        history.forEach((e) => live.apply(e));
        // the report, and each project's gains and flows in the span (its all-time cost totals do grow)
        const figures = (r: LedgerReport) => ({ ...r, projects: r.projects.map((p) => ({ projectId: p.projectId, gains: p.gains, flows: p.flows })) });
        const before = live.report(q);
        const oracleBefore = figures(computeLedger(facts, q));
        more.events.forEach((e) => live.apply(e));
        expect(live.report(q)).toEqual(before);
        expect(figures(computeLedger(foldLedgerFacts(more.events, facts), q))).toEqual(oracleBefore);
        checked++;
      }),
      { numRuns: 300 },
    );
    // fc.pre skips the draws whose cost is not later than the span and draws again: 300 cases are checked
    expect(checked).toBe(300);
  });

  it('withdrawals never exceed what is withdrawable', () => {
    fc.assert(
      fc.property(historyArb, (events) => {
        const facts = foldLedgerFacts(events);
        for (const benefit of facts.benefits.values()) {
          expect(withdrawnOre(benefit)).toBeLessThanOrEqual(realisedCashReleasingOre(benefit));
          if (benefit.withdrawals.length > 0) expect({ cash: benefit.cashReleasing, category: benefit.category }).toEqual({ cash: true, category: 'budget' });
        }
        const ledger = computeLedger(facts);
        for (const b of ledger.balances) expect(b.openOre).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('each withdrawal drew only on gains realised by its period, and each settlement without override stayed within what was owed', () => {
    let overrides = 0;
    fc.assert(
      fc.property(historyArb, (events) => {
        const ledger = new Ledger();
        events.forEach((event, i) => {
          if (event.type === 'BudgetWithdrawalRecorded') {
            const benefit = foldLedgerFacts(events.slice(0, i)).benefits.get(event.data.benefitId)!;
            const end = spanMonths(event.data.period).end;
            const realisedByThen = [...benefit.realisations.values()].filter((r) => spanMonths(r.period).end <= end).reduce((a, r) => a + r.valueOre, 0);
            expect(realisedByThen).toBeGreaterThan(0);
            expect(event.data.amountOre).toBeLessThanOrEqual(realisedByThen - withdrawnOre(benefit));
          }
          if (event.type === 'SettlementRecorded') {
            const facts = foldLedgerFacts(events.slice(0, i));
            // the oracle at each level where the two are apart: its flow investor → recipient up to the
            // settlement's period, less what the two (with the units under them) settled before
            const tree = unitTree(facts);
            const owedAt: { flowOre: number; settledOre: number; owedOre: number; level: number }[] = [];
            for (let level = Math.max(tree.depthOf(event.data.fromUnitId), tree.depthOf(event.data.toUnitId)); level >= 0; level--) {
              const at = unitTree(facts, { level }).reportingUnitOf;
              const [recipient, investor] = [at(event.data.fromUnitId), at(event.data.toUnitId)];
              if (recipient === investor) break;
              const flowOre = computeLedger(facts, { to: event.data.period, level }).flows.find((f) => f.fromUnitId === investor && f.toUnitId === recipient)?.ore ?? 0;
              const settledOre = [...facts.settlements.values()].filter((x) => at(x.fromUnitId) === recipient && at(x.toUnitId) === investor).reduce((a, x) => a + x.amountOre, 0);
              owedAt.push({ flowOre, settledOre, owedOre: flowOre - settledOre, level });
            }
            const least = Math.min(...owedAt.map((o) => o.owedOre));
            const owed = ledger.owed({ recipientUnitId: event.data.fromUnitId, investorUnitId: event.data.toUnitId, upTo: event.data.period });
            if (owedAt.length === 0) {
              // one unit in the tree after every change (one is merged or moved into the other, also ahead
              // of time): nothing is owed between them, so only an override settles
              expect(owed).toMatchObject({ flowOre: 0, settledOre: 0, owedOre: 0 });
              expect(event.data.override).toBe(true);
            } else {
              expect(owedAt).toContainEqual(owed);
              expect(owed.owedOre).toBe(least);
            }
            if (event.data.override) {
              overrides++;
              expect(event.data.overrideReason?.trim()).toBeTruthy();
            } else expect(event.data.amountOre).toBeLessThanOrEqual(least);
          }
          ledger.apply(event);
        });
      }),
      RUNS,
    );
    // the generated histories do reach the override
    expect(overrides).toBeGreaterThan(0);
  });
});
