import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  benefitDecider,
  benefitRealisedCashReleasingOre,
  benefitRealisedCashReleasingUpToOre,
  benefitWithdrawnUpToOre,
  DomainError,
  foldEvents,
  overlaps,
  type BenefitCommand,
  type BenefitEvent,
  type BenefitState,
} from '../../src';

const now = '2027-06-01T12:00:00+02:00';
const units = { r: { exists: true, active: true, name: 'Mottaker' } };
const projects = { p: { exists: true, closed: false } };
const periods = ['2026-T1', '2026-T2', '2026-T3', '2027-T1', '2026', '2027-01'];

// hours with two decimals, and now and then an awkward float
const quantity = fc.oneof(fc.integer({ min: 0, max: 200_000 }).map((n) => n / 100), fc.double({ min: 0, max: 1e4, noNaN: true }));

const command = fc.oneof(
  fc.record({ type: fc.constant('RecordRealisation' as const), period: fc.constantFrom(...periods), quantity: quantity }),
  fc.record({ type: fc.constant('CorrectRealisation' as const), period: fc.constantFrom(...periods), quantity: quantity }),
  fc.record({ type: fc.constant('RecordBudgetWithdrawal' as const), period: fc.oneof({ weight: 1, arbitrary: fc.constant('2027') }, { weight: 1, arbitrary: fc.constantFrom(...periods) }), amountOre: fc.integer({ min: -10, max: 300_000 }) }),
);

const toCommand = (c: { type: string; period?: string; quantity?: number; amountOre?: number }, i: number): BenefitCommand => {
  switch (c.type) {
    case 'RecordRealisation':
      return { type: 'RecordRealisation', data: { benefitId: 'b', period: c.period!, quantity: c.quantity! }, context: { now } };
    case 'CorrectRealisation':
      return { type: 'CorrectRealisation', data: { benefitId: 'b', period: c.period!, quantity: c.quantity!, reason: 'r' }, context: { now } };
    default:
      return { type: 'RecordBudgetWithdrawal', data: { benefitId: 'b', withdrawalId: `w${i}`, period: c.period!, amountOre: c.amountOre!, saksnummer: '27/1' }, context: { now, units } };
  }
};

const plan: BenefitCommand = {
  type: 'PlanBenefit',
  data: {
    benefitId: 'b', projectId: 'p', title: 'T', recipientUnitId: 'r', owner: 'o@k.no', indicator: 'i', unitOfMeasure: 'timer',
    direction: 'increase', category: 'budget', cashReleasing: true, valuationOrePerUnit: 437, plan: [],
  },
  context: { now, units, projects, plannedBenefits: {} },
};

describe('benefit decider on generated command sequences', () => {
  it('never lets withdrawals exceed realised cash-releasing value (by their period), and refolding gives the same state', () => {
    let withdrawalsSeen = 0;
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), fc.nat(), (commands, splitSeed) => {
        let state: BenefitState = benefitDecider.initialState();
        const history: BenefitEvent[] = [];
        for (const c of [plan, ...commands.map(toCommand)]) {
          try {
            const events = benefitDecider.decide(c, state);
            // a withdrawal draws only on what is realised by its period, less everything withdrawn before
            for (const e of events)
              if (e.type === 'BudgetWithdrawalRecorded' && state.status !== 'none')
                expect(e.data.amountOre).toBeLessThanOrEqual(benefitRealisedCashReleasingUpToOre(state, e.data.period) - state.withdrawnOre);
            for (const event of events) state = benefitDecider.evolve(state, event);
            history.push(...events);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          const recorded: { withdrawnOre: number; realisations: Record<string, { valueOre: number }> } =
            state.status === 'none' ? { withdrawnOre: 0, realisations: {} } : state;
          expect(recorded.withdrawnOre).toBeLessThanOrEqual(benefitRealisedCashReleasingOre(state));
          // and by each withdrawal's period, what was withdrawn by then is covered by what was realised by then
          if (state.status !== 'none')
            for (const w of state.withdrawals)
              expect(benefitWithdrawnUpToOre(state, w.period)).toBeLessThanOrEqual(benefitRealisedCashReleasingUpToOre(state, w.period));
          for (const r of Object.values(recorded.realisations)) expect(Number.isSafeInteger(r.valueOre)).toBe(true);
        }
        // No two realised periods overlap, so the ledger never counts a gain twice.
        const realisedPeriods = state.status === 'none' ? [] : Object.keys(state.realisations);
        for (const a of realisedPeriods) for (const b of realisedPeriods) if (a !== b) expect(overlaps(a, b), `${a} / ${b}`).toBe(false);
        withdrawalsSeen += history.filter((e) => e.type === 'BudgetWithdrawalRecorded').length;
        const split = history.length ? splitSeed % (history.length + 1) : 0;
        const refolded = foldEvents(benefitDecider, history.slice(split), foldEvents(benefitDecider, history.slice(0, split)));
        expect(refolded).toEqual(state);
      }),
      { numRuns: 300 },
    );
    // the generator reaches the interesting cases
    expect(withdrawalsSeen).toBeGreaterThan(50);
  });
});
