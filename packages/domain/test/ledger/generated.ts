import fc from 'fast-check';
import {
  checkWithdrawal,
  foldLedgerFacts,
  Ledger,
  monthsOfPeriod,
  realisedCashReleasingOre,
  realisedCashReleasingUpToOre,
  withdrawnOre,
  type LedgerEventInput,
} from '../../src/ledger';
import { comparePeriods } from '../../src/periods';
import { History } from './history';

/** Periods a generated history uses: years, tertials and months that overlap in every way. */
export const PERIODS = ['2025', '2025-T3', '2025-11', '2026-T1', '2026-02', '2026-T2', '2026-05', '2026-T3', '2026', '2027-T1'];

export type Step =
  | { op: 'unit'; parent: number }
  | { op: 'move'; unit: number; parent: number }
  | { op: 'merge'; a: number; b: number; parent: number }
  | { op: 'project'; owner: number }
  | { op: 'cost'; project: number; payer: number; amountOre: number; period: number }
  | { op: 'correctCost'; cost: number; amountOre: number; period: number }
  | { op: 'reverseCost'; cost: number }
  | { op: 'annualCost'; project: number; payer: number; amountOre: number; startYear: number; years: number | null }
  | { op: 'correctAnnual'; cost: number; amountOre: number; startYear: number; years: number | null }
  | { op: 'stopCost'; cost: number; lastYear: number }
  | { op: 'benefit'; project: number; recipient: number; valuation: number | null; cash: boolean; disbenefit: boolean; plan: { period: number; quantity: number }[] }
  | { op: 'realise'; benefit: number; period: number; quantity: number }
  | { op: 'withdraw'; benefit: number; amountOre: number; period: number }
  | { op: 'settle'; from: number; to: number; amountOre: number; period: number; override: boolean }
  | { op: 'cancel'; benefit: number }
  | { op: 'unplanned'; recipient: number; project: number | null; valueOre: number; period: number };

const idx = fc.nat({ max: 50 });
const period = fc.nat({ max: PERIODS.length - 1 });
const periodAt = (i: number): string => {
  const code = PERIODS[i];
  if (code === undefined) throw new RangeError(`no period ${i}`);
  return code;
};
/** annual costs begin before, within and after the generated periods */
const annualYear = fc.integer({ min: 2024, max: 2028 });
const quantity = fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.double({ min: 0, max: 1_000, noNaN: true }).map((x) => Math.round(x * 100) / 100));

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('unit' as const), parent: fc.integer({ min: -1, max: 50 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('move' as const), unit: idx, parent: fc.integer({ min: -1, max: 50 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('merge' as const), a: idx, b: idx, parent: fc.integer({ min: -1, max: 50 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('project' as const), owner: idx }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('cost' as const), project: idx, payer: idx, amountOre: fc.integer({ min: 0, max: 50_000_000_00 }), period }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('correctCost' as const), cost: idx, amountOre: fc.integer({ min: 0, max: 50_000_000_00 }), period }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reverseCost' as const), cost: idx }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('annualCost' as const), project: idx, payer: idx, amountOre: fc.integer({ min: 0, max: 5_000_000_00 }), startYear: annualYear, years: fc.option(fc.nat({ max: 3 })) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('correctAnnual' as const), cost: idx, amountOre: fc.integer({ min: 0, max: 5_000_000_00 }), startYear: annualYear, years: fc.option(fc.nat({ max: 3 })) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('stopCost' as const), cost: idx, lastYear: annualYear }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('benefit' as const),
      project: idx,
      recipient: idx,
      valuation: fc.option(fc.integer({ min: 0, max: 150_000 }), { freq: 4 }),
      cash: fc.boolean(),
      disbenefit: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
      plan: fc.uniqueArray(fc.record({ period, quantity }), { maxLength: 4, selector: (e) => e.period }),
    }),
  },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('realise' as const), benefit: idx, period, quantity }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('withdraw' as const), benefit: idx, amountOre: fc.integer({ min: 1, max: 20_000_000 }), period }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('settle' as const), from: idx, to: idx, amountOre: fc.integer({ min: 1, max: 10_000_000 }), period, override: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), benefit: idx }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('unplanned' as const), recipient: idx, project: fc.option(idx), valueOre: fc.integer({ min: 0, max: 5_000_000 }), period }) },
);

/**
 * Turns generated steps into a valid history, skipping steps a decider would refuse (a merged unit
 * takes no new facts, no parent cycles, no realisation after cancellation, no withdrawal beyond
 * what is realised by its period and not yet withdrawn, no correction below what has been withdrawn,
 * no settlement beyond what is owed unless it is an override with a reason).
 */
export function historyFrom(steps: Step[]): LedgerEventInput[] {
  const h = new History();
  const units: string[] = [];
  const parents = new Map<string, string | null>();
  const merged = new Set<string>();
  const projects: string[] = [];
  /** `years`: an annual cost's first and last year (last +∞ until stopped); null for a one-off cost */
  const costs: { id: string; project: string; reversed: boolean; years: { first: number; last: number } | null }[] = [];
  const lastOf = (startYear: number, years: number | null) => (years === null ? null : startYear + years);
  const benefits: { id: string; valuation: number | null; cancelled: boolean; realised: Set<string>; disbenefit: boolean }[] = [];
  let counter = 0;
  const active = () => units.filter((u) => !merged.has(u));
  const pick = <T>(xs: T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);
  const pickParent = (i: number) => (i < 0 ? null : (pick(active(), i) ?? null));
  const isAncestor = (a: string, b: string | null) => {
    for (let p = b; p !== null; p = parents.get(p) ?? null) if (p === a) return true;
    return false;
  };
  const newUnit = (parent: string | null) => {
    const id = `u${units.length}`;
    h.unit(id, `Enhet ${id}`, parent);
    units.push(id);
    parents.set(id, parent);
    return id;
  };
  newUnit(null);
  newUnit('u0');

  for (const s of steps) {
    switch (s.op) {
      case 'unit':
        newUnit(pickParent(s.parent));
        break;
      case 'move': {
        const u = pick(active(), s.unit)!;
        const p = pickParent(s.parent);
        if (p === parents.get(u) || (p !== null && isAncestor(u, p))) break;
        h.add('UnitMoved', { unitId: u, newParentId: p, previousParentId: parents.get(u) ?? null, effectiveDate: '2026-03-01' });
        parents.set(u, p);
        break;
      }
      case 'merge': {
        const a = pick(active(), s.a)!;
        const b = pick(active(), s.b)!;
        if (a === b) break;
        let p = pickParent(s.parent);
        if (p === a || p === b) p = parents.get(a) ?? null;
        if (p !== null && (isAncestor(a, p) || isAncestor(b, p))) p = null;
        const succ = newUnit(p);
        h.add('UnitsMerged', { successorUnitId: succ, mergedUnitIds: [a, b], effectiveDate: '2026-05-01' });
        for (const m of [a, b]) {
          h.add('UnitMergedInto', { unitId: m, successorUnitId: succ, effectiveDate: '2026-05-01' });
          merged.add(m);
        }
        break;
      }
      case 'project': {
        const id = `p${projects.length}`;
        h.project(id, pick(active(), s.owner)!);
        projects.push(id);
        break;
      }
      case 'cost': {
        const p = pick(projects, s.project);
        if (!p) break;
        const id = `c${counter++}`;
        h.cost(p, id, pick(active(), s.payer)!, s.amountOre, periodAt(s.period));
        costs.push({ id, project: p, reversed: false, years: null });
        break;
      }
      case 'correctCost': {
        // the decider refuses correcting a reversed cost
        const c = pick(costs, s.cost);
        if (!c || c.reversed) break;
        h.correctCost(c.project, c.id, s.amountOre, periodAt(s.period));
        c.years = null;
        break;
      }
      case 'annualCost': {
        const p = pick(projects, s.project);
        if (!p) break;
        const id = `c${counter++}`;
        const last = lastOf(s.startYear, s.years);
        h.annualCost(p, id, pick(active(), s.payer)!, s.amountOre, s.startYear, last);
        costs.push({ id, project: p, reversed: false, years: { first: s.startYear, last: last ?? Number.POSITIVE_INFINITY } });
        break;
      }
      case 'correctAnnual': {
        const c = pick(costs, s.cost);
        if (!c || c.reversed) break;
        const last = lastOf(s.startYear, s.years);
        h.correctAnnualCost(c.project, c.id, s.amountOre, s.startYear, last);
        c.years = { first: s.startYear, last: last ?? Number.POSITIVE_INFINITY };
        break;
      }
      case 'stopCost': {
        // the decider stops only a live annual cost, within its years and before its end
        const c = pick(costs, s.cost);
        if (!c || c.reversed || !c.years || s.lastYear < c.years.first || s.lastYear >= c.years.last) break;
        h.stopAnnualCost(c.project, c.id, s.lastYear);
        c.years.last = s.lastYear;
        break;
      }
      case 'reverseCost': {
        const c = pick(costs, s.cost);
        if (!c || c.reversed) break;
        h.reverseCost(c.project, c.id);
        c.reversed = true;
        break;
      }
      case 'benefit': {
        const p = pick(projects, s.project);
        if (!p) break;
        const id = `b${benefits.length}`;
        h.benefit(id, p, pick(active(), s.recipient)!, s.valuation, s.plan.map((e) => ({ period: periodAt(e.period), quantity: e.quantity })), {
          cashReleasing: s.cash,
          category: s.valuation === null ? 'unpriced' : s.cash ? 'budget' : 'capacity',
          disbenefit: s.disbenefit,
        });
        benefits.push({ id, valuation: s.valuation, cancelled: false, realised: new Set(), disbenefit: s.disbenefit });
        break;
      }
      case 'realise': {
        const b = pick(benefits, s.benefit);
        if (!b || b.cancelled) break;
        const per = periodAt(s.period);
        if (!b.realised.has(per)) {
          h.realise(b.id, per, s.quantity, b.valuation);
          b.realised.add(per);
        } else {
          // a correction must not leave more withdrawn than realised
          const facts = foldLedgerFacts(h.events);
          const fact = facts.benefits.get(b.id)!;
          const old = fact.realisations.get(per)!.valueOre;
          const next = b.valuation === null ? 0 : Math.round(s.quantity * b.valuation);
          const realised = realisedCashReleasingOre(fact);
          if (realised > 0 && realised - old + next < withdrawnOre(fact)) break;
          // …nor leave a withdrawal uncovered by what was realised by its period (the benefit decider's rule)
          if (realised > 0 && next < old) {
            const after = { ...fact, realisations: new Map(fact.realisations).set(per, { ...fact.realisations.get(per)!, valueOre: next }) };
            const end = (period: string) => monthsOfPeriod(period).end;
            const uncovered = fact.withdrawals.some(
              (w) => realisedCashReleasingUpToOre(after, w.period) < fact.withdrawals.filter((x) => end(x.period) <= end(w.period)).reduce((a, x) => a + x.amountOre, 0),
            );
            if (uncovered) break;
          }
          h.correct(b.id, per, s.quantity, b.valuation);
        }
        break;
      }
      case 'withdraw': {
        const b = pick(benefits, s.benefit);
        if (!b) break;
        const fact = foldLedgerFacts(h.events).benefits.get(b.id)!;
        const per = periodAt(s.period);
        const check = checkWithdrawal(fact, s.amountOre, per);
        // try the asked amount; when it is too much, finance takes what is left (if anything)
        const amount = check.ok ? s.amountOre : check.reason === 'exceeds_withdrawable' && check.withdrawableOre > 0 ? check.withdrawableOre : 0;
        if (amount > 0) {
          h.add('BudgetWithdrawalRecorded', { benefitId: b.id, withdrawalId: `w${counter++}`, unitId: fact.recipientUnitId, period: per, amountOre: amount, saksnummer: '2026/1', comment: null });
        }
        break;
      }
      case 'settle': {
        const from = pick(active(), s.from)!;
        const to = pick(active(), s.to)!;
        if (from === to) break;
        const per = periodAt(s.period);
        const ledger = new Ledger();
        for (const e of h.events) ledger.apply(e);
        const { owedOre } = ledger.owed({ recipientUnitId: from, investorUnitId: to, upTo: per });
        // within what is owed; above it, finance settles what is owed or overrides with a reason
        const override = s.amountOre > owedOre && s.override;
        const amount = s.amountOre <= owedOre || override ? s.amountOre : owedOre;
        if (amount <= 0) break;
        h.add('SettlementRecorded', {
          settlementId: `s${counter++}`, fromUnitId: from, toUnitId: to, amountOre: amount, period: per, saksnummer: '2026/9', projectId: null, comment: null,
          override, overrideReason: override ? 'Vedtak om kompensasjon ut over det beregnede' : null,
        });
        break;
      }
      case 'cancel': {
        const b = pick(benefits, s.benefit);
        if (!b || b.cancelled) break;
        h.add('BenefitCancelled', { benefitId: b.id, reason: 'Avlyst' });
        b.cancelled = true;
        break;
      }
      case 'unplanned': {
        const id = `x${counter++}`;
        h.add('UnplannedBenefitRecorded', {
          benefitId: id,
          projectId: s.project === null ? null : (pick(projects, s.project) ?? null),
          title: 'Uventet gevinst',
          recipientUnitId: pick(active(), s.recipient)!,
          category: 'capacity',
          period: periodAt(s.period),
          quantity: 1,
          unitOfMeasure: 'stk',
          valueOre: s.valueOre,
          description: 'Oppdaget underveis',
        });
        break;
      }
    }
  }
  return h.events;
}

export const historyArb = fc.array(stepArb, { minLength: 10, maxLength: 80, size: 'max' }).map(historyFrom);

/** A span: either everything, or from one period to a later-or-equal one. */
export const spanArb = fc.oneof(
  fc.constant({}),
  fc.tuple(period, period).map(([a, b]) => {
    const [x, y] = [periodAt(a), periodAt(b)].sort(comparePeriods);
    return { from: x, to: y };
  }),
);
