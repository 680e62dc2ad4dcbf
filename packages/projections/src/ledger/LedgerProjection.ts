import { Ledger, type OwedBetween, type OwedQuery, type ServedLedgerReport, type LedgerQuery, type TraceEntry } from '@gevinst/domain/ledger';
import type { LedgerFacts } from '@gevinst/domain/ledger';
import { snapshotFields, type ProjectedEvent, type SnapshotProjection } from '../runner/projection';

/**
 * The domain's cross-unit benefit ledger, folded live: the same `Ledger` that answers as of a past
 * instant, fed every event as it is recorded.
 */
export class LedgerProjection implements SnapshotProjection {
  readonly name = 'ledger';
  private readonly ledgerOfToday = new Ledger();

  /** the folded facts (benefit views and the portfolio status read them) */
  get facts() {
    return this.ledgerOfToday.facts;
  }

  reset(): void {
    this.ledgerOfToday.reset();
  }

  apply(event: ProjectedEvent): void {
    this.ledgerOfToday.apply(event);
  }

  /** forgets cached reports (benchmarks use it to measure a cold computation) */
  invalidate(): void {
    this.ledgerOfToday.invalidate();
  }

  report(q: LedgerQuery): ServedLedgerReport {
    return this.ledgerOfToday.report(q);
  }

  /** `GET /api/ledger` */
  ledger(q: LedgerQuery) {
    const r = this.report(q);
    return { from: r.from, to: r.to, level: r.level, flows: r.flows, units: r.units };
  }

  matrix(q: LedgerQuery) {
    return this.report(q).matrix;
  }

  imbalances(q: LedgerQuery) {
    return this.report(q).imbalances;
  }

  balances(q: LedgerQuery) {
    return this.report(q).balances;
  }

  /** what a recipient owes an investor by the end of a period (the settlement decider's cap) */
  owed(q: OwedQuery): OwedBetween {
    return this.ledgerOfToday.owed(q);
  }

  trace(q: LedgerQuery & { fromUnitId?: string; toUnitId?: string }): TraceEntry[] {
    return this.ledgerOfToday.trace(q);
  }

  /** bump when the domain's `LedgerFacts` or `applyLedgerEvent` changes (stored snapshots are then rebuilt) */
  readonly snapshotVersion = 1;

  /** the folded facts; the index over them is rebuilt from the facts at the first report */
  snapshot(): unknown {
    return { facts: this.ledgerOfToday.facts };
  }

  restore(state: unknown): void {
    const { facts } = snapshotFields(state, { facts: 'object' });
    const f = facts as LedgerFacts;
    for (const key of ['units', 'projects', 'benefits', 'settlements'] as const) if (!(f[key] instanceof Map)) throw new Error(`ledger snapshot: facts.${key} is not a map`);
    this.ledgerOfToday.reset();
    this.ledgerOfToday.facts = f;
  }
}
