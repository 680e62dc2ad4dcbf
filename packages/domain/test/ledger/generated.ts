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
import { ProposedOrganisation } from '../../src/deciders/units/organisation';
import type { UnitsLookup } from '../../src/deciders';
import { activeMerger, annulMerger, annulMove, mergerAt, parentAt, type TimedMerger, type TimedMove } from '../../src/ledger/timeline';
import { History } from './history';

/** Effective dates of generated moves and mergers: past, within the periods, planned ahead. */
export const ORG_DATES = ['2025-09-01', '2026-01-01', '2026-03-15', '2026-05-01', '2026-09-01', '2027-01-01', '2099-01-01'];
/** The day the generated history is recorded on: mergers in force by then stop new facts. */
const TODAY = '2026-06-30';

/** Periods a generated history uses: years, tertials and months that overlap in every way. */
export const PERIODS = ['2025', '2025-T3', '2025-11', '2026-T1', '2026-02', '2026-T2', '2026-05', '2026-T3', '2026', '2027-T1'];

export type Step =
  | { op: 'unit'; parent: number }
  | { op: 'move'; unit: number; parent: number; date: number }
  | { op: 'merge'; a: number; b: number; parent: number; date: number }
  | { op: 'annulMove'; move: number; redate: number | null }
  | { op: 'annulMerger'; merger: number }
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
const orgDate = fc.nat({ max: ORG_DATES.length - 1 });
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
  { weight: 2, arbitrary: fc.record({ op: fc.constant('move' as const), unit: idx, parent: fc.integer({ min: -1, max: 50 }), date: orgDate }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('merge' as const), a: idx, b: idx, parent: fc.integer({ min: -1, max: 50 }), date: orgDate }) },
  // an annulment, or a correction (an annulment and the same move at another date)
  { weight: 1, arbitrary: fc.record({ op: fc.constant('annulMove' as const), move: idx, redate: fc.option(orgDate) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('annulMerger' as const), merger: idx }) },
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
 * takes no new facts, no parent cycles at any date, no orphans, no merger across kommuner; moves and
 * mergers are dated in the past or planned ahead, and some are annulled or corrected; no realisation
 * after cancellation, no withdrawal beyond what is realised by its period and not yet withdrawn, no
 * correction below what has been withdrawn, no settlement beyond what is owed unless it is an override
 * with a reason).
 */
export function historyFrom(steps: Step[]): LedgerEventInput[] {
  const h = new History();
  const units: string[] = [];
  // each unit's place over valid time, as the unit decider's lookup would tell it
  const timelines = new Map<string, { registeredParentId: string | null; moves: TimedMove[]; mergers: TimedMerger[] }>();
  const lookup = (): UnitsLookup =>
    Object.fromEntries(
      [...timelines].map(([id, timeline]) => [id, { exists: true, active: mergerAt(timeline, TODAY) === null, name: id, parentId: parentAt(timeline, TODAY), timeline }]),
    );
  const moves: { unit: string; newParentId: string | null; effectiveDate: string }[] = [];
  const mergers: { unit: string; successor: string; effectiveDate: string }[] = [];
  const projects: string[] = [];
  /** `years`: an annual cost's first and last year (last +∞ until stopped); null for a one-off cost */
  const costs: { id: string; project: string; reversed: boolean; years: { first: number; last: number } | null }[] = [];
  const lastOf = (startYear: number, years: number | null) => (years === null ? null : startYear + years);
  const benefits: { id: string; valuation: number | null; cancelled: boolean; realised: Set<string>; disbenefit: boolean }[] = [];
  let counter = 0;
  /** units not merged by today: they take new facts */
  const active = () => units.filter((u) => !mergerAt(timelines.get(u)!, TODAY));
  /** units with no merger at all, not even a planned one: they may be moved or merged */
  const free = () => units.filter((u) => !activeMerger(timelines.get(u)!));
  const pick = <T>(xs: T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);
  const pickParent = (i: number) => (i < 0 ? null : (pick(free(), i) ?? null));
  const newUnit = (parent: string | null) => {
    const id = `u${units.length}`;
    h.unit(id, `Enhet ${id}`, parent);
    units.push(id);
    timelines.set(id, { registeredParentId: parent, moves: [], mergers: [] });
    return id;
  };
  /** the change the unit decider would accept: no cycle at any date from `date` on */
  const acyclic = (proposed: Map<string, { registeredParentId: string | null; moves: TimedMove[]; mergers: TimedMerger[] }>, starts: string[], date: string) =>
    new ProposedOrganisation(lookup(), proposed).firstCycle(starts, date) === null;
  const move = (u: string, p: string | null, date: string): boolean => {
    const t = timelines.get(u)!;
    const previous = parentAt(t, date);
    if (p === previous || p === u) return false;
    if (p !== null && mergerAt(timelines.get(p)!, date)) return false; // an orphan
    const next = { ...t, moves: [...t.moves, { newParentId: p, effectiveDate: date, annulled: false }] };
    if (!acyclic(new Map([[u, next]]), [u], date)) return false;
    h.add('UnitMoved', { unitId: u, newParentId: p, previousParentId: previous, effectiveDate: date });
    timelines.set(u, next);
    moves.push({ unit: u, newParentId: p, effectiveDate: date });
    return true;
  };
  newUnit(null);
  newUnit('u0');

  for (const s of steps) {
    switch (s.op) {
      case 'unit':
        newUnit(pickParent(s.parent));
        break;
      case 'move': {
        const u = pick(free(), s.unit);
        if (u) move(u, pickParent(s.parent), ORG_DATES[s.date]!);
        break;
      }
      case 'merge': {
        const a = pick(free(), s.a);
        const b = pick(free(), s.b);
        if (!a || !b || a === b) break;
        const date = ORG_DATES[s.date]!;
        // a move planned under a or b from the merger's date on would be orphaned
        if (moves.some((m) => (m.newParentId === a || m.newParentId === b) && m.effectiveDate >= date)) break;
        const org = new ProposedOrganisation(lookup(), new Map());
        // a merger stays within one kommune: the successor comes under the merged units' kommune
        const rootA = org.root(a, date);
        if (rootA !== org.root(b, date)) break;
        if (org.parent(a, date) === null || org.parent(b, date) === null) break;
        let p = pickParent(s.parent);
        if (p === null || p === a || p === b || mergerAt(timelines.get(p)!, date) || org.root(p, date) !== rootA) p = rootA;
        if (p === a || p === b) break;
        const succ = `u${units.length}`;
        type Timeline = { registeredParentId: string | null; moves: TimedMove[]; mergers: TimedMerger[] };
        const proposed = new Map<string, Timeline>();
        for (const m of [a, b]) {
          const t = timelines.get(m)!;
          proposed.set(m, { ...t, mergers: [...t.mergers, { successorUnitId: succ, effectiveDate: date, annulled: false }] });
        }
        // the successor is new, under p: a cycle would need p under a or b
        proposed.set(succ, { registeredParentId: p, moves: [], mergers: [] });
        const withSucc = new ProposedOrganisation(lookup(), proposed);
        if (withSucc.firstCycle([p, a, b], date) !== null) break;
        newUnit(p);
        h.add('UnitsMerged', { successorUnitId: succ, mergedUnitIds: [a, b], effectiveDate: date });
        for (const m of [a, b]) {
          h.add('UnitMergedInto', { unitId: m, successorUnitId: succ, effectiveDate: date });
          timelines.set(m, proposed.get(m)!);
          mergers.push({ unit: m, successor: succ, effectiveDate: date });
        }
        break;
      }
      case 'annulMove': {
        const m = pick(moves, s.move);
        if (!m) break;
        const t = timelines.get(m.unit)!;
        const next = { ...t, moves: [...t.moves] };
        if (!annulMove(next.moves, m.effectiveDate) || !acyclic(new Map([[m.unit, next]]), [m.unit], m.effectiveDate)) break;
        h.add('UnitMoveAnnulled', { unitId: m.unit, effectiveDate: m.effectiveDate, reason: 'Feil dato' });
        timelines.set(m.unit, next);
        moves.splice(moves.indexOf(m), 1);
        // a correction: the same move at another date
        if (s.redate !== null && !activeMerger(next)) move(m.unit, m.newParentId, ORG_DATES[s.redate]!);
        break;
      }
      case 'annulMerger': {
        const m = pick(mergers, s.merger);
        if (!m) break;
        const t = timelines.get(m.unit)!;
        const next = { ...t, mergers: [...t.mergers] };
        if (!annulMerger(next.mergers, m.successor, m.effectiveDate) || !acyclic(new Map([[m.unit, next]]), [m.unit], m.effectiveDate)) break;
        h.add('UnitMergerAnnulled', { unitId: m.unit, successorUnitId: m.successor, effectiveDate: m.effectiveDate, reason: 'Sammenslåingen ble ikke vedtatt' });
        timelines.set(m.unit, next);
        mergers.splice(mergers.indexOf(m), 1);
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
          // a merged recipient's gain is withdrawn from its successor's budget (the carrier unit)
          const carrier = new ProposedOrganisation(lookup(), new Map()).carrier(fact.recipientUnitId, TODAY);
          h.add('BudgetWithdrawalRecorded', { benefitId: b.id, withdrawalId: `w${counter++}`, unitId: carrier, period: per, amountOre: amount, saksnummer: '2026/1', comment: null });
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
