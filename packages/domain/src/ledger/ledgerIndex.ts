import { multiplyOre } from '../money';
import type { LedgerEvent } from './evolve';
import { isValued, ledgerSign, withdrawalRowUnit, type BenefitFact, type LedgerFacts, type ProjectFact } from './facts';
import { monthsOfPeriod, monthSpanOf, type LedgerQuery, type MonthSpan } from './months';
import { assembleLedgerReport, type LedgerReport, type LedgerTotals } from './report';
import { costTerms, isOpenEnded, ledgerHorizonYear, timesInSpan, timesKnownAt, type CostTerms } from './costs';
import { splitOre } from './split';
import { orgLayers } from './tree';

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

const benefitAgg = (benefit: BenefitFact, units: UnitIndex): BenefitAgg => {
  const valued = isValued(benefit);
  const sign = ledgerSign(benefit);
  const realised = [...benefit.realisations.values()].map((r) => ({ period: r.period, ore: valued ? r.valueOre * sign : 0 }));
  const perUnit = valued && !benefit.cancelled ? benefit.valuationOrePerUnit : null;
  return {
    benefit,
    recipient: units.of(benefit.recipientUnitId),
    valued,
    realised: datedAmounts(realised),
    planned: datedAmounts(perUnit === null ? [] : benefit.plan.map((e) => ({ period: e.period, ore: multiplyOre(e.quantity, perUnit) * sign }))),
    plan: datedAmounts(benefit.plan.map((e) => ({ period: e.period, ore: 0 }))),
    // a withdrawal shows on the benefit's row: its recipient, or the successor carrying it (see `withdrawalRowUnit`)
    withdrawals: benefit.withdrawals.map((w) => ({ ...monthsOfPeriod(w.period), unit: units.of(withdrawalRowUnit(benefit)), amountOre: w.amountOre })),
  };
};

const projectAgg = (project: ProjectFact, units: UnitIndex): ProjectAgg => {
  const costs = project.costs.map((c) => ({ terms: costTerms(c), payer: units.of(c.payerUnitId), payerId: c.payerUnitId, amountOre: c.amountOre }));
  let firstStart = Number.POSITIVE_INFINITY;
  let lastStart = Number.NEGATIVE_INFINITY;
  for (const { terms } of costs) {
    firstStart = Math.min(firstStart, terms.start);
    lastStart = Math.max(lastStart, terms.annual ? terms.lastYear * 12 : terms.start);
  }
  return {
    owner: project.ownerUnitId === null ? null : units.of(project.ownerUnitId),
    costs,
    openEnded: project.costs.some(isOpenEnded),
    firstStart,
    lastStart,
    epochAt: new Map(),
    epochs: new Map(),
  };
};

const unhandled = (event: never): never => {
  throw new Error(`Unhandled ledger event: ${JSON.stringify(event)}`);
};

/** A query's sums per reporting unit, in columns indexed like the unit index. */
interface Columns {
  /** 1 for every unit that gets a row */
  row: Uint8Array;
  /** reporting from × units + reporting to → øre */
  flowCells: Map<number, number>;
  planned: Float64Array;
  cashReleasing: Float64Array;
  withdrawn: Float64Array;
  costs: Float64Array;
  settledIn: Float64Array;
  settledOut: Float64Array;
  settledWithin: Float64Array;
  nonValuedRealisations: Float64Array;
  nonValuedBenefits: Map<number, Set<string>>;
}

/** The columns keyed by unit id again, as `assembleLedgerReport` takes them. */
const totalsOf = (ids: readonly string[], c: Columns): LedgerTotals => {
  const m = c.row.length;
  const ix = new Map<string, number>();
  const rowIds: string[] = [];
  ids.forEach((id, i) => {
    if (!c.row[i]) return;
    rowIds.push(id);
    ix.set(id, i);
  });
  const flows = new Map<string, Map<string, number>>();
  for (const [key, ore] of c.flowCells) {
    const from = ids[Math.floor(key / m)];
    const to = ids[key % m];
    if (from === undefined || to === undefined) continue;
    let r = flows.get(from);
    if (!r) flows.set(from, (r = new Map<string, number>()));
    r.set(to, ore);
  }
  const byUnit = (values: Float64Array) => {
    const out = new Map<string, number>();
    for (const [id, i] of ix) {
      const value = values[i] ?? 0;
      if (value !== 0) out.set(id, value);
    }
    return out;
  };
  const nonValuedBenefits = new Map<string, Set<string>>();
  for (const [i, set] of c.nonValuedBenefits) {
    const id = ids[i];
    if (id !== undefined) nonValuedBenefits.set(id, set);
  }
  return {
    rowIds,
    flows,
    costs: byUnit(c.costs),
    planned: byUnit(c.planned),
    cashReleasing: byUnit(c.cashReleasing),
    withdrawn: byUnit(c.withdrawn),
    settledIn: byUnit(c.settledIn),
    settledOut: byUnit(c.settledOut),
    settledWithin: byUnit(c.settledWithin),
    nonValuedBenefits,
    nonValuedRealisations: byUnit(c.nonValuedRealisations),
  };
};

/**
 * The cross-unit benefit ledger for a span of periods at a level of the unit tree, answered from per-benefit and per-project aggregates (months of each
 * period, valued plan and realisation in øre, each cost's months or years, and the cost weights per
 * epoch: the shares seen by gains whose period ends in a given month, see `epochOf`) that are rebuilt
 * only for the benefits and projects an event touched. Flows are split between units as registered and then
 * added up per reporting unit, so every level sums to the same totals as the leaves. A property test
 * keeps it equal to the øre to the naive fold of the rules (the test oracle `computeLedger`).
 */
export class LedgerIndex {
  private benefits = new Map<string, BenefitAgg>();
  private projects = new Map<string, ProjectAgg>();
  private dirtyBenefits = new Set<string>();
  private dirtyProjects = new Set<string>();
  private units = new UnitIndex();
  /** project → its benefits' ids (a benefit never changes project) */
  private byProject = new Map<string | null, string[]>();

  reset(): void {
    this.units = new UnitIndex();
    this.byProject.clear();
    this.benefits.clear();
    this.projects.clear();
    this.dirtyBenefits.clear();
    this.dirtyProjects.clear();
  }

  /** tells the index which aggregates an event may have changed */
  touch(event: LedgerEvent): void {
    switch (event.type) {
      case 'ProjectRegistered':
      case 'ProjectPhaseChanged':
      case 'ProjectClosed':
      case 'CostRecorded':
      case 'CostCorrected':
      case 'CostReversed':
      case 'AnnualCostStopped':
        this.dirtyProjects.add(event.data.projectId);
        return;
      case 'BenefitPlanned':
      case 'UnplannedBenefitRecorded':
      case 'BaselineMeasured':
      case 'MeasurementRecorded':
      case 'BenefitRealised':
      case 'BenefitRealisationCorrected':
      case 'BenefitForecastRevised':
      case 'BenefitOwnerAssigned':
      case 'BenefitCancelled':
      case 'BudgetWithdrawalRecorded':
        this.dirtyBenefits.add(event.data.benefitId);
        return;
      case 'UnitRegistered':
      case 'UnitRenamed':
      case 'UnitMoved':
      case 'UnitsMerged':
      case 'UnitMergedInto':
      case 'UnitMoveAnnulled':
      case 'UnitMergerAnnulled':
      case 'SettlementRecorded':
        // read from the facts at query time
        return;
      default:
        unhandled(event);
    }
  }

  private setBenefit(id: string, b: BenefitFact): void {
    if (!this.benefits.has(id)) {
      let list = this.byProject.get(b.projectId);
      if (!list) this.byProject.set(b.projectId, (list = []));
      list.push(id);
    }
    this.benefits.set(id, benefitAgg(b, this.units));
  }

  private refresh(facts: LedgerFacts): void {
    for (const id of this.dirtyBenefits) {
      const b = facts.benefits.get(id);
      if (b) this.setBenefit(id, b);
    }
    for (const id of this.dirtyProjects) {
      const p = facts.projects.get(id);
      if (p) this.projects.set(id, projectAgg(p, this.units));
    }
    this.dirtyBenefits.clear();
    this.dirtyProjects.clear();
    // facts may hold placeholders made by events that named an id before its registration
    if (this.benefits.size !== facts.benefits.size) for (const [id, b] of facts.benefits) if (!this.benefits.has(id)) this.setBenefit(id, b);
    if (this.projects.size !== facts.projects.size) for (const [id, p] of facts.projects) if (!this.projects.has(id)) this.projects.set(id, projectAgg(p, this.units));
  }

  compute(facts: LedgerFacts, q: LedgerQuery): ServedLedgerReport {
    this.refresh(facts);
    const span = monthSpanOf(q);
    // one layer per organisation a figure may be placed by (one unless the organisation is taken per period)
    const layers = orgLayers(facts, { level: q.level ?? null, org: q.org ?? null });
    const known = this.units;
    for (const unit of facts.units.values()) known.of(unit.unitId);
    for (const s of facts.settlements.values()) {
      known.of(s.fromUnitId);
      known.of(s.toUnitId);
    }
    // per layer: every known unit → the unit its figures are shown under, both as indices
    const reps: Int32Array[] = [];
    for (let k = 0; k < layers.count; k++) {
      const at = layers.tree(k).reportingUnitOf;
      const rep = new Int32Array(known.ids.length);
      known.ids.forEach((id, i) => (rep[i] = known.of(at(id))));
      reps.push(rep);
    }
    const repOf = (i: number, layer = 0): number => reps[layer]?.[i] ?? i;
    const layerAt = (start: number): number => (layers.count === 1 ? 0 : layers.layerOf(start));
    const m = known.ids.length; // reporting units may be new ids (never: they are known units), kept for safety
    const row = new Uint8Array(m);
    // every unit gets a row under each organisation the span sees
    for (let k = 0; k < layers.count; k++) {
      const lm = layers.monthsOf(k);
      if (layers.count > 1 && (lm.start >= span.end || lm.end <= span.start)) continue;
      for (const unit of facts.units.values()) row[repOf(known.of(unit.unitId), k)] = 1;
    }

    const planned = new Float64Array(m);
    const cashReleasing = new Float64Array(m);
    const withdrawn = new Float64Array(m);
    const costs = new Float64Array(m);
    const settledIn = new Float64Array(m);
    const settledOut = new Float64Array(m);
    const settledWithin = new Float64Array(m);
    const nonValuedRealisations = new Float64Array(m);
    const nonValuedBenefits = new Map<number, Set<string>>();
    const markNonValued = (recipient: number, benefitId: string) => {
      let set = nonValuedBenefits.get(recipient);
      if (!set) nonValuedBenefits.set(recipient, (set = new Set()));
      set.add(benefitId);
    };
    /** reporting from × m + reporting to → øre */
    const flowCells = new Map<number, number>();
    const addFlow = (fromIx: number, toIx: number, ore: number, layer: number) => {
      const from = repOf(fromIx, layer);
      const to = repOf(toIx, layer);
      row[from] = 1;
      row[to] = 1;
      const key = from * m + to;
      flowCells.set(key, (flowCells.get(key) ?? 0) + ore);
    };
    // a project's gains per registered recipient and epoch of shares, in small parallel arrays (a few recipients each)
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

    for (const [projectId, benefitIds] of this.byProject) {
      const project = projectId === null ? undefined : this.projects.get(projectId);
      for (let layer = 0; layer < layers.count; layer++) {
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
          row[recipient] = 1;
          addAt(planned, recipient, sumWithin(agg.planned, start, span.end, before).sum);
          for (const w of agg.withdrawals) {
            if (!within(span, w) || w.start < start || w.start >= before) continue;
            const unit = repOf(w.unit, layer);
            row[unit] = 1;
            addAt(withdrawn, unit, w.amountOre);
          }
          if (!agg.valued && sumWithin(agg.plan, start, span.end, before).hits > 0) markNonValued(recipient, b.benefitId);
          const { sum: gain, hits } = sumWithin(agg.realised, start, span.end, before);
          if (hits === 0) continue;
          if (!agg.valued) {
            addAt(nonValuedRealisations, recipient, hits);
            markNonValued(recipient, b.benefitId);
            continue;
          }
          if (b.cashReleasing && !b.disbenefit) addAt(cashReleasing, recipient, gain);
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
          splitFor(epoch, ore).forEach((part, i) => {
            const payer = epoch.payers[i];
            if (part !== 0 && payer !== undefined) addFlow(payer, recipient, part, layer);
          });
        });
      }
    }

    // a one-off cost counts in its period, an annual cost once in each of its years inside the span
    let horizon: number | undefined;
    const horizonYear = () => (horizon ??= ledgerHorizonYear(facts));
    for (const p of this.projects.values()) {
      for (const c of p.costs) {
        const t = c.terms;
        const times = t.annual ? timesInSpan(t, span, span.end === Number.POSITIVE_INFINITY && t.lastYear === Number.POSITIVE_INFINITY ? horizonYear() : 0) : t.start >= span.start && t.end <= span.end ? 1 : 0;
        if (times === 0) continue;
        if (t.annual && layers.count > 1) {
          // each year of an annual cost under the organisation of its own first month
          const first = Math.max(t.firstYear, Math.ceil(span.start / 12));
          for (let year = first; year < first + times; year++) {
            const payer = repOf(c.payer, layerAt(year * 12));
            row[payer] = 1;
            addAt(costs, payer, c.amountOre);
          }
          continue;
        }
        const payer = repOf(c.payer, layerAt(t.start));
        row[payer] = 1;
        addAt(costs, payer, c.amountOre * times);
      }
    }

    for (const s of facts.settlements.values()) {
      const months = monthsOfPeriod(s.period);
      if (!within(span, months)) continue;
      const layer = layerAt(months.start);
      const from = repOf(known.of(s.fromUnitId), layer);
      const to = repOf(known.of(s.toUnitId), layer);
      row[from] = 1;
      row[to] = 1;
      addAt(settledOut, from, s.amountOre);
      addAt(settledIn, to, s.amountOre);
      if (from === to) addAt(settledWithin, from, s.amountOre);
    }

    const columns = { row, flowCells, planned, cashReleasing, withdrawn, costs, settledIn, settledOut, settledWithin, nonValuedRealisations, nonValuedBenefits };
    return assembleLedgerReport(totalsOf(known.ids, columns), q);
  }
}

