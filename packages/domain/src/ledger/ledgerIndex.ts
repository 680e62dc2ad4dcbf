import { multiplyOre } from '../money';
import type { LedgerEvent } from './evolve';
import { isValued, ledgerSign, withdrawalRowUnit, type BenefitFact, type LedgerFacts, type ProjectFact } from './facts';
import { monthsOfPeriod, monthSpanOf, type LedgerQuery, type MonthSpan } from './months';
import { assembleLedgerReport, type LedgerReport, type LedgerTotals } from './report';
import { costTerms, isOpenEnded, timesInSpan, timesKnownAt, type CostTerms } from './costs';
import { splitOre } from './split';
import { ledgerEffectOf } from './effects';
import { orgLayers, type OrgLayers } from './tree';
import type { OrgView } from './timeline';

/** `LedgerReport` without the per-project part (the API does not serve it). */
export type ServedLedgerReport = Omit<LedgerReport, 'projects'>;

interface Dated {
  start: number;
  end: number;
}
/** Months and amounts in typed arrays: the query loops over ~10⁵ of them and must stay monomorphic. */
interface DatedAmounts {
  start: Int32Array;
  end: Int32Array;
  ore: Float64Array;
}
interface BenefitAgg {
  benefit: BenefitFact;
  /** index of the recipient unit as registered (see `UnitIndex`) */
  recipient: number;
  valued: boolean;
  /** counted realisations: signed NOK value (0 when not valued) */
  realised: DatedAmounts;
  /** valued plan entries (signed), empty when not valued or cancelled */
  planned: DatedAmounts;
  /** every plan entry's months (for the count of non-valued benefits) */
  plan: DatedAmounts;
  withdrawals: (Dated & { unit: number; amountOre: number })[];
  /** the last month (exclusive) of its plan, realisations and withdrawals (0: none) */
  lastEnd: number;
}

/** Unit ids as small integers, so the query adds into arrays instead of string-keyed maps. Only grows. */
class UnitIndex {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  of(unitId: string): number {
    let i = this.index.get(unitId);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(unitId);
      this.index.set(unitId, i);
    }
    return i;
  }
}

const datedAmounts = (items: { period: string; ore: number }[]): DatedAmounts => {
  const out = { start: new Int32Array(items.length), end: new Int32Array(items.length), ore: new Float64Array(items.length) };
  items.forEach((item, i) => {
    const m = monthsOfPeriod(item.period);
    out.start[i] = m.start;
    out.end[i] = m.end;
    out.ore[i] = item.ore;
  });
  return out;
};

/**
 * Σ amounts whose period lies within [start, end) and begins before `before` (the end of an
 * organisation layer) into `within.sum`, their count into `within.hits` (no allocation per call).
 */
const within$ = { sum: 0, hits: 0 };
const sumWithin = (d: DatedAmounts, start: number, end: number, before = Infinity): typeof within$ => {
  let sum = 0;
  let hits = 0;
  const starts = d.start;
  const ends = d.end;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i] ?? start - 1;
    if (s >= start && s < before && (ends[i] ?? end + 1) <= end) {
      sum += d.ore[i] ?? 0;
      hits++;
    }
  }
  within$.sum = sum;
  within$.hits = hits;
  return within$;
};
/** The shares of the gains that see the same costs: payers (unit indices, ordered by unit id) and their weights. */
interface Epoch {
  payers: number[];
  weights: number[];
  /** gain → its split over the payers */
  splits: Map<number, number[]>;
}
interface ProjectAgg {
  owner: number | null;
  costs: { terms: CostTerms; payer: number; payerId: string; amountOre: number }[];
  /** some annual cost runs until stopped (an unbounded span then counts it through the horizon) */
  openEnded: boolean;
  /** the earliest and latest month a cost (or a year of an annual cost) begins; latest +∞ while one runs until stopped */
  firstStart: number;
  lastStart: number;
  /** the last month (exclusive) a cost's period or an annual cost's last year runs to (0: none) */
  lastEnd: number;
  /** the end month of a gain's period → the shares of the costs known then (null: none, the owner invests) */
  epochAt: Map<number, Epoch | null>;
  /** epochs by their weights, so gains that see the same shares are split together */
  epochs: Map<string, Epoch>;
}

const EPOCHS_PER_PROJECT = 256;
const SPLITS_PER_EPOCH = 32;
/** The shares for a gain whose period ends at `endMonth`: the costs that begin before it ends (see `timesKnownAt`). */
const epochOf = (project: ProjectAgg, endMonth: number): Epoch | null => {
  let epoch = project.epochAt.get(endMonth);
  if (epoch !== undefined) return epoch;
  const byPayer = new Map<string, { payer: number; ore: number }>();
  for (const c of project.costs) {
    const times = timesKnownAt(c.terms, endMonth);
    if (times === 0) continue;
    const entry = byPayer.get(c.payerId);
    if (entry) entry.ore += c.amountOre * times;
    else byPayer.set(c.payerId, { payer: c.payer, ore: c.amountOre * times });
  }
  const shares = [...byPayer].filter(([, e]) => e.ore !== 0).sort(([a], [b]) => cmp(a, b));
  if (shares.length === 0) epoch = null;
  else {
    const key = shares.map(([id, e]) => `${id}\u0000${e.ore}`).join('\u0001');
    epoch = project.epochs.get(key) ?? null;
    if (!epoch) {
      epoch = { payers: shares.map(([, e]) => e.payer), weights: shares.map(([, e]) => e.ore), splits: new Map() };
      if (project.epochs.size >= EPOCHS_PER_PROJECT) project.epochs.clear();
      project.epochs.set(key, epoch);
    }
  }
  if (project.epochAt.size >= EPOCHS_PER_PROJECT) project.epochAt.clear();
  project.epochAt.set(endMonth, epoch);
  return epoch;
};

const splitFor = (epoch: Epoch, ore: number): number[] => {
  let parts = epoch.splits.get(ore);
  if (!parts) {
    parts = splitOre(ore, epoch.weights);
    if (epoch.splits.size >= SPLITS_PER_EPOCH) epoch.splits.clear();
    epoch.splits.set(ore, parts);
  }
  return parts;
};

/** adds into a per-unit column (columns are as long as the unit index, so `i` is in range) */
const addAt = (column: Float64Array, i: number, v: number): void => {
  column[i] = (column[i] ?? 0) + v;
};
const within = (s: MonthSpan, d: Dated) => d.start >= s.start && d.end <= s.end;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The last month (exclusive) a dated fact runs to, 0 when none (see `ledgerHorizonYear`). */
const lastEndOf = (...dated: { end: ArrayLike<number> }[]): number => {
  let end = 0;
  for (const d of dated) for (let i = 0; i < d.end.length; i++) end = Math.max(end, d.end[i] ?? 0);
  return end;
};

const benefitAgg = (benefit: BenefitFact, units: UnitIndex): BenefitAgg => {
  const valued = isValued(benefit);
  const sign = ledgerSign(benefit);
  const realised = [...benefit.realisations.values()].map((r) => ({ period: r.period, ore: valued ? r.valueOre * sign : 0 }));
  const perUnit = valued && !benefit.cancelled ? benefit.valuationOrePerUnit : null;
  const agg = {
    benefit,
    recipient: units.of(benefit.recipientUnitId),
    valued,
    realised: datedAmounts(realised),
    planned: datedAmounts(perUnit === null ? [] : benefit.plan.map((e) => ({ period: e.period, ore: multiplyOre(e.quantity, perUnit) * sign }))),
    plan: datedAmounts(benefit.plan.map((e) => ({ period: e.period, ore: 0 }))),
    // a withdrawal shows on the benefit's row: its recipient, or the successor carrying it (see `withdrawalRowUnit`)
    withdrawals: benefit.withdrawals.map((w) => ({ ...monthsOfPeriod(w.period), unit: units.of(withdrawalRowUnit(benefit)), amountOre: w.amountOre })),
    lastEnd: 0,
  };
  agg.lastEnd = lastEndOf(agg.realised, agg.plan, { end: agg.withdrawals.map((w) => w.end) });
  return agg;
};

const projectAgg = (project: ProjectFact, units: UnitIndex): ProjectAgg => {
  const costs = project.costs.map((c) => ({ terms: costTerms(c), payer: units.of(c.payerUnitId), payerId: c.payerUnitId, amountOre: c.amountOre }));
  let firstStart = Number.POSITIVE_INFINITY;
  let lastStart = Number.NEGATIVE_INFINITY;
  for (const { terms } of costs) {
    firstStart = Math.min(firstStart, terms.start);
    lastStart = Math.max(lastStart, terms.annual ? terms.lastYear * 12 : terms.start);
  }
  let lastEnd = 0;
  for (const c of project.costs) lastEnd = Math.max(lastEnd, monthsOfPeriod(c.period).end, c.kind === 'annual' && c.endYear !== null ? c.endYear * 12 + 12 : 0);
  return {
    owner: project.ownerUnitId === null ? null : units.of(project.ownerUnitId),
    costs,
    openEnded: project.costs.some(isOpenEnded),
    firstStart,
    lastStart,
    lastEnd,
    epochAt: new Map(),
    epochs: new Map(),
  };
};

/** The columns a query adds into per reporting unit. */
const PLANNED = 0;
const CASH_RELEASING = 1;
const WITHDRAWN = 2;
const COSTS = 3;
const SETTLED_IN = 4;
const SETTLED_OUT = 5;
const SETTLED_WITHIN = 6;
const NON_VALUED_REALISATIONS = 7;
const COLUMN_COUNT = 8;

/**
 * What one part of the ledger (a project: its benefits' gains and its costs; or the settlements)
 * adds to a query's sums, kept so that it can be taken out again when an event changes that part.
 */
class Part {
  /** column, reporting unit, øre (or count) */
  readonly sums: number[] = [];
  /** reporting from × units + reporting to, øre */
  readonly flows: number[] = [];
  /** reporting units that get a row */
  readonly rows: number[] = [];
  readonly nonValuedUnits: number[] = [];
  readonly nonValuedIds: string[] = [];

  add(column: number, unit: number, value: number): void {
    if (value !== 0) this.sums.push(column, unit, value);
  }
  row(unit: number): void {
    this.rows.push(unit);
  }
  nonValued(unit: number, benefitId: string): void {
    this.nonValuedUnits.push(unit);
    this.nonValuedIds.push(benefitId);
  }
}

/**
 * A query's sums per reporting unit, in columns indexed like the unit index, as the sum of its parts.
 * Every figure is a whole number of øre (or a count), so taking a part out and adding its new
 * version gives the same sums as adding every part afresh.
 */
class Tally {
  /** column × m + unit */
  readonly sums: Float64Array;
  /** how many parts give a unit a row */
  readonly rows: Int32Array;
  readonly flowCells = new Map<number, number>();
  /** reporting unit → benefit → how many parts count it as not valued */
  readonly nonValued = new Map<number, Map<string, number>>();

  constructor(readonly m: number) {
    this.sums = new Float64Array(COLUMN_COUNT * m);
    this.rows = new Int32Array(m);
  }

  apply(part: Part, sign: 1 | -1): void {
    const s = part.sums;
    for (let i = 0; i < s.length; i += 3) addAt(this.sums, (s[i] ?? 0) * this.m + (s[i + 1] ?? 0), sign * (s[i + 2] ?? 0));
    const f = part.flows;
    for (let i = 0; i < f.length; i += 2) {
      const key = f[i] ?? 0;
      this.flowCells.set(key, (this.flowCells.get(key) ?? 0) + sign * (f[i + 1] ?? 0));
    }
    for (const unit of part.rows) this.rows[unit] = (this.rows[unit] ?? 0) + sign;
    part.nonValuedUnits.forEach((unit, i) => {
      const id = part.nonValuedIds[i] ?? '';
      let counts = this.nonValued.get(unit);
      if (!counts) this.nonValued.set(unit, (counts = new Map<string, number>()));
      const n = (counts.get(id) ?? 0) + sign;
      if (n > 0) counts.set(id, n);
      else counts.delete(id);
    });
  }

  /** the sums keyed by unit id again, as `assembleLedgerReport` takes them */
  totals(ids: readonly string[]): LedgerTotals {
    const m = this.m;
    const ix = new Map<string, number>();
    const rowIds: string[] = [];
    ids.forEach((id, i) => {
      if (i >= m || !this.rows[i]) return;
      rowIds.push(id);
      ix.set(id, i);
    });
    const flows = new Map<string, Map<string, number>>();
    for (const [key, ore] of this.flowCells) {
      const from = ids[Math.floor(key / m)];
      const to = ids[key % m];
      if (from === undefined || to === undefined) continue;
      let r = flows.get(from);
      if (!r) flows.set(from, (r = new Map<string, number>()));
      r.set(to, ore);
    }
    const byUnit = (column: number) => {
      const out = new Map<string, number>();
      for (const [id, i] of ix) {
        const value = this.sums[column * m + i] ?? 0;
        if (value !== 0) out.set(id, value);
      }
      return out;
    };
    const nonValuedBenefits = new Map<string, Set<string>>();
    for (const [i, counts] of this.nonValued) {
      const id = ids[i];
      if (id !== undefined && counts.size > 0) nonValuedBenefits.set(id, new Set(counts.keys()));
    }
    return {
      rowIds,
      flows,
      costs: byUnit(COSTS),
      planned: byUnit(PLANNED),
      cashReleasing: byUnit(CASH_RELEASING),
      withdrawn: byUnit(WITHDRAWN),
      settledIn: byUnit(SETTLED_IN),
      settledOut: byUnit(SETTLED_OUT),
      settledWithin: byUnit(SETTLED_WITHIN),
      nonValuedBenefits,
      nonValuedRealisations: byUnit(NON_VALUED_REALISATIONS),
    };
  }
}

/** One query kept up to date: its span and organisation, its sums and the parts they are made of. */
interface QueryState {
  q: LedgerQuery;
  span: MonthSpan;
  layers: OrgLayers;
  /** per layer: every known unit → the unit its figures are shown under, both as indices */
  reps: Int32Array[];
  tally: Tally;
  /** project (null: benefits without one) → its part */
  projects: Map<string | null, Part>;
  settlements: Part;
  /** the horizon year open-ended costs were counted through (read only when the span has no end) */
  horizon: number;
  /** assembled from the tally; null once a part changed */
  report: ServedLedgerReport | null;
}

/** How many queries are kept up to date (least recently asked dropped first). */
const QUERIES_KEPT = 8;
const orgKey = (org: OrgView | null | undefined): string => (!org ? '' : org.mode === 'period' ? 'period' : org.date);
const queryKey = (q: LedgerQuery): string => `${q.from ?? ''}|${q.to ?? ''}|${q.level ?? ''}|${orgKey(q.org)}`;

/**
 * The cross-unit benefit ledger for a span of periods at a level of the unit tree, answered from
 * per-benefit and per-project aggregates (months of each period, valued plan and realisation in øre,
 * each cost's months or years, and the cost weights per epoch: the shares seen by gains whose period
 * ends in a given month, see `epochOf`) that are rebuilt only for the benefits and projects an event
 * touched. Flows are split between units as registered and then added up per reporting unit, so every
 * level sums to the same totals as the leaves. A property test keeps it equal to the øre to the naive
 * fold of the rules (the test oracle `computeLedger`).
 *
 * Each query asked is kept as the sum of its parts (one per project, one for the settlements): an
 * event takes out only the parts it touched (`ledgerEffectOf`) and adds them again as they are now;
 * an event that changes nothing shown leaves every query as it was, and one that changes the
 * organisation drops them.
 */
export class LedgerIndex {
  private benefits = new Map<string, BenefitAgg>();
  private projects = new Map<string, ProjectAgg>();
  private dirtyBenefits = new Set<string>();
  private dirtyProjects = new Set<string>();
  private dirtySettlements = false;
  private units = new UnitIndex();
  /** project → its benefits' ids (a benefit never changes project) */
  private byProject = new Map<string | null, string[]>();
  private states = new Map<string, QueryState>();
  /** the facts the aggregates were built from (new facts, e.g. restored from a snapshot, start afresh) */
  private facts: LedgerFacts | null = null;
  /** the last month any dated fact runs to (null: to be found again, see `horizonYear`) */
  private lastEnd: number | null = null;

  reset(): void {
    this.units = new UnitIndex();
    this.byProject.clear();
    this.benefits.clear();
    this.projects.clear();
    this.dirtyBenefits.clear();
    this.dirtyProjects.clear();
    this.dirtySettlements = false;
    this.states.clear();
    this.facts = null;
    this.lastEnd = null;
  }

  /** forgets the queries kept (benchmarks use it to measure a cold computation) */
  invalidate(): void {
    this.states.clear();
  }

  /** tells the index which aggregates an event may have changed */
  touch(event: LedgerEvent): void {
    const effect = ledgerEffectOf(event);
    switch (effect.on) {
      case 'nothing':
        return;
      case 'benefit':
        this.dirtyBenefits.add(effect.benefitId);
        return;
      case 'project':
        this.dirtyProjects.add(effect.projectId);
        return;
      case 'settlements':
        this.dirtySettlements = true;
        return;
      case 'organisation':
        // units and their places are read from the facts when a query is opened
        this.states.clear();
        return;
    }
  }

  private setBenefit(id: string, b: BenefitFact, touched: Set<string | null>): void {
    const before = this.benefits.get(id);
    if (before && before.benefit.projectId !== b.projectId) {
      // not made by any decider, but kept right: the benefit leaves its old project's list
      const list = this.byProject.get(before.benefit.projectId);
      if (list) list.splice(list.indexOf(id), 1);
      touched.add(before.benefit.projectId);
    }
    if (!before || before.benefit.projectId !== b.projectId) {
      let list = this.byProject.get(b.projectId);
      if (!list) this.byProject.set(b.projectId, (list = []));
      list.push(id);
    }
    const agg = benefitAgg(b, this.units);
    this.benefits.set(id, agg);
    this.seeLastEnd(before?.lastEnd ?? 0, agg.lastEnd);
    touched.add(b.projectId);
  }

  private setProject(id: string, p: ProjectFact): void {
    const before = this.projects.get(id)?.lastEnd ?? 0;
    const agg = projectAgg(p, this.units);
    this.projects.set(id, agg);
    this.seeLastEnd(before, agg.lastEnd);
  }

  /** keeps the horizon's last month as an aggregate's changes from `before` to `after` (found again only when the latest fact moved earlier) */
  private seeLastEnd(before: number, after: number): void {
    if (this.lastEnd === null) return;
    if (after > this.lastEnd) this.lastEnd = after;
    else if (before === this.lastEnd && after < before) this.lastEnd = null;
  }

  /** rebuilds the aggregates events touched, and the parts of the kept queries they belong to */
  private refresh(facts: LedgerFacts): void {
    if (this.facts !== facts) {
      this.reset();
      this.facts = facts;
    }
    const touched = new Set<string | null>();
    for (const id of this.dirtyBenefits) {
      const b = facts.benefits.get(id);
      if (b) this.setBenefit(id, b, touched);
    }
    for (const id of this.dirtyProjects) {
      const p = facts.projects.get(id);
      if (p) this.setProject(id, p);
      touched.add(id);
    }
    const settlements = this.dirtySettlements;
    if (settlements) this.lastEnd = null;
    this.dirtyBenefits.clear();
    this.dirtyProjects.clear();
    this.dirtySettlements = false;
    // facts may hold placeholders made by events that named an id before its registration
    if (this.benefits.size !== facts.benefits.size) for (const [id, b] of facts.benefits) if (!this.benefits.has(id)) this.setBenefit(id, b, touched);
    if (this.projects.size !== facts.projects.size)
      for (const [id, p] of facts.projects)
        if (!this.projects.has(id)) {
          this.setProject(id, p);
          touched.add(id);
        }
    if (this.states.size === 0 || (touched.size === 0 && !settlements)) return;
    if (settlements) this.knowUnits(facts);
    let horizon: number | undefined;
    for (const [key, state] of this.states) {
      // a unit never seen before makes the columns too short: the query is opened again when asked
      if (state.tally.m !== this.units.ids.length) {
        this.states.delete(key);
        continue;
      }
      let parts = touched;
      if (state.span.end === Number.POSITIVE_INFINITY) {
        horizon ??= this.horizonYear(facts);
        if (horizon !== state.horizon) {
          state.horizon = horizon;
          parts = new Set(touched);
          for (const [id, p] of this.projects) if (p.openEnded) parts.add(id);
        }
      }
      for (const id of parts) {
        const before = state.projects.get(id);
        if (before) state.tally.apply(before, -1);
        const part = this.projectPart(state, id);
        state.tally.apply(part, 1);
        state.projects.set(id, part);
      }
      if (settlements) {
        state.tally.apply(state.settlements, -1);
        state.settlements = this.settlementPart(state, facts);
        state.tally.apply(state.settlements, 1);
      }
      state.report = null;
    }
  }

  /** every unit and every unit a settlement names gets an index */
  private knowUnits(facts: LedgerFacts): void {
    for (const unit of facts.units.values()) this.units.of(unit.unitId);
    for (const s of facts.settlements.values()) {
      this.units.of(s.fromUnitId);
      this.units.of(s.toUnitId);
    }
  }

  /** `ledgerHorizonYear`, from the aggregates */
  private horizonYear(facts: LedgerFacts): number {
    if (this.lastEnd === null) {
      let end = 0;
      for (const b of this.benefits.values()) if (b.lastEnd > end) end = b.lastEnd;
      for (const p of this.projects.values()) if (p.lastEnd > end) end = p.lastEnd;
      for (const s of facts.settlements.values()) end = Math.max(end, monthsOfPeriod(s.period).end);
      this.lastEnd = end;
    }
    return Math.ceil(this.lastEnd / 12) - 1;
  }

  report(facts: LedgerFacts, q: LedgerQuery): ServedLedgerReport {
    this.refresh(facts);
    const key = queryKey(q);
    let state = this.states.get(key);
    if (state) {
      // most recently asked last
      this.states.delete(key);
    } else {
      state = this.open(facts, q);
      const oldest = this.states.keys().next();
      if (this.states.size >= QUERIES_KEPT && !oldest.done) this.states.delete(oldest.value);
    }
    this.states.set(key, state);
    state.report ??= assembleLedgerReport(state.tally.totals(this.units.ids), q);
    return state.report;
  }

  /** the report afresh, nothing kept (for a one-off query) */
  compute(facts: LedgerFacts, q: LedgerQuery): ServedLedgerReport {
    this.refresh(facts);
    return assembleLedgerReport(this.open(facts, q).tally.totals(this.units.ids), q);
  }

  /** a query's sums from every part */
  private open(facts: LedgerFacts, q: LedgerQuery): QueryState {
    this.knowUnits(facts);
    const span = monthSpanOf(q);
    // one layer per organisation a figure may be placed by (one unless the organisation is taken per period)
    const layers = orgLayers(facts, { level: q.level ?? null, org: q.org ?? null });
    const known = this.units;
    const reps: Int32Array[] = [];
    for (let k = 0; k < layers.count; k++) {
      const at = layers.tree(k).reportingUnitOf;
      const rep = new Int32Array(known.ids.length);
      known.ids.forEach((id, i) => (rep[i] = known.of(at(id))));
      reps.push(rep);
    }
    const m = known.ids.length;
    const state: QueryState = {
      q,
      span,
      layers,
      reps,
      tally: new Tally(m),
      projects: new Map(),
      settlements: new Part(),
      horizon: span.end === Number.POSITIVE_INFINITY ? this.horizonYear(facts) : 0,
      report: null,
    };
    // every unit gets a row under each organisation the span sees
    const units = new Part();
    for (let k = 0; k < layers.count; k++) {
      const lm = layers.monthsOf(k);
      if (layers.count > 1 && (lm.start >= span.end || lm.end <= span.start)) continue;
      for (const unit of facts.units.values()) units.row(this.repOf(state, known.of(unit.unitId), k));
    }
    state.tally.apply(units, 1);
    const ids = new Set<string | null>(this.byProject.keys());
    for (const id of this.projects.keys()) ids.add(id);
    for (const id of ids) {
      const part = this.projectPart(state, id);
      state.tally.apply(part, 1);
      state.projects.set(id, part);
    }
    state.settlements = this.settlementPart(state, facts);
    state.tally.apply(state.settlements, 1);
    return state;
  }

  private repOf(state: QueryState, i: number, layer = 0): number {
    return state.reps[layer]?.[i] ?? i;
  }

  /** what a project adds to a query: its benefits' plan, withdrawals and gains (split over the payers of its costs), and its costs */
  private projectPart(state: QueryState, projectId: string | null): Part {
    const part = new Part();
    const { span, layers } = state;
    const m = state.tally.m;
    const repOf = (i: number, layer = 0) => this.repOf(state, i, layer);
    const layerAt = (start: number): number => (layers.count === 1 ? 0 : layers.layerOf(start));
    const addFlow = (fromIx: number, toIx: number, ore: number, layer: number) => {
      const from = repOf(fromIx, layer);
      const to = repOf(toIx, layer);
      part.row(from);
      part.row(to);
      part.flows.push(from * m + to, ore);
    };
    const project = projectId === null ? undefined : this.projects.get(projectId);
    const benefitIds = this.byProject.get(projectId) ?? [];
    // the project's gains per registered recipient and epoch of shares, in small parallel arrays (a few recipients each)
    const gainUnits: number[] = [];
    const gainEpochs: (Epoch | null)[] = [];
    const gainOre: number[] = [];
    const addGain = (recipient: number, epoch: Epoch | null, ore: number) => {
      for (let k = 0; k < gainUnits.length; k++) {
        if (gainUnits[k] === recipient && gainEpochs[k] === epoch) {
          gainOre[k] = (gainOre[k] ?? 0) + ore;
          return;
        }
      }
      gainUnits.push(recipient);
      gainEpochs.push(epoch);
      gainOre.push(ore);
    };

    for (let layer = 0; benefitIds.length > 0 && layer < layers.count; layer++) {
      // the months of this layer within the span: a figure counts in the layer its period begins in
      const lm = layers.monthsOf(layer);
      const start = Math.max(span.start, lm.start);
      if (start >= span.end || start >= lm.end) continue;
      const before = lm.end;
      gainUnits.length = 0;
      gainEpochs.length = 0;
      gainOre.length = 0;
      // the shares every gain of this part of the span sees when they are the same for all (null: the
      // owner invests); undefined when costs begin within it, and each realisation looks up its own
      let single: Epoch | null | undefined;
      if (!project || project.costs.length === 0 || span.end <= project.firstStart) single = null;
      else if (start >= project.lastStart) single = epochOf(project, project.lastStart + 1);
      for (const benefitId of benefitIds) {
        const agg = this.benefits.get(benefitId);
        if (!agg) continue;
        const b = agg.benefit;
        const recipient = repOf(agg.recipient, layer);
        part.row(recipient);
        part.add(PLANNED, recipient, sumWithin(agg.planned, start, span.end, before).sum);
        for (const w of agg.withdrawals) {
          if (!within(span, w) || w.start < start || w.start >= before) continue;
          const unit = repOf(w.unit, layer);
          part.row(unit);
          part.add(WITHDRAWN, unit, w.amountOre);
        }
        if (!agg.valued && sumWithin(agg.plan, start, span.end, before).hits > 0) part.nonValued(recipient, b.benefitId);
        const { sum: gain, hits } = sumWithin(agg.realised, start, span.end, before);
        if (hits === 0) continue;
        if (!agg.valued) {
          part.add(NON_VALUED_REALISATIONS, recipient, hits);
          part.nonValued(recipient, b.benefitId);
          continue;
        }
        if (b.cashReleasing && !b.disbenefit) part.add(CASH_RELEASING, recipient, gain);
        if (single !== undefined || !project) {
          addGain(agg.recipient, single ?? null, gain);
          continue;
        }
        const r = agg.realised;
        for (let i = 0; i < r.start.length; i++) {
          const rs = r.start[i] ?? 0;
          const re = r.end[i] ?? 0;
          if (rs >= start && rs < before && re <= span.end) addGain(agg.recipient, epochOf(project, re), r.ore[i] ?? 0);
        }
      }
      gainUnits.forEach((recipient, k) => {
        const ore = gainOre[k] ?? 0;
        if (ore === 0) return;
        const epoch = gainEpochs[k];
        if (!epoch) {
          addFlow(project?.owner ?? recipient, recipient, ore, layer);
          return;
        }
        splitFor(epoch, ore).forEach((share, i) => {
          const payer = epoch.payers[i];
          if (share !== 0 && payer !== undefined) addFlow(payer, recipient, share, layer);
        });
      });
    }

    // a one-off cost counts in its period, an annual cost once in each of its years inside the span
    for (const c of project?.costs ?? []) {
      const t = c.terms;
      const times = t.annual ? timesInSpan(t, span, span.end === Number.POSITIVE_INFINITY && t.lastYear === Number.POSITIVE_INFINITY ? state.horizon : 0) : t.start >= span.start && t.end <= span.end ? 1 : 0;
      if (times === 0) continue;
      if (t.annual && layers.count > 1) {
        // each year of an annual cost under the organisation of its own first month
        const first = Math.max(t.firstYear, Math.ceil(span.start / 12));
        for (let year = first; year < first + times; year++) {
          const payer = repOf(c.payer, layerAt(year * 12));
          part.row(payer);
          part.add(COSTS, payer, c.amountOre);
        }
        continue;
      }
      const payer = repOf(c.payer, layerAt(t.start));
      part.row(payer);
      part.add(COSTS, payer, c.amountOre * times);
    }
    return part;
  }

  /** what the settlements add to a query */
  private settlementPart(state: QueryState, facts: LedgerFacts): Part {
    const part = new Part();
    const layerAt = (start: number): number => (state.layers.count === 1 ? 0 : state.layers.layerOf(start));
    for (const s of facts.settlements.values()) {
      const months = monthsOfPeriod(s.period);
      if (!within(state.span, months)) continue;
      const layer = layerAt(months.start);
      const from = this.repOf(state, this.units.of(s.fromUnitId), layer);
      const to = this.repOf(state, this.units.of(s.toUnitId), layer);
      part.row(from);
      part.row(to);
      part.add(SETTLED_OUT, from, s.amountOre);
      part.add(SETTLED_IN, to, s.amountOre);
      if (from === to) part.add(SETTLED_WITHIN, from, s.amountOre);
    }
    return part;
  }
}
