import { applyLedgerEvent, isLedgerEvent, type LedgerEventInput } from './evolve';
import { initialLedgerFacts, type LedgerFacts } from './facts';
import { LedgerIndex, type ServedLedgerReport } from './ledgerIndex';
import type { LedgerQuery } from './months';
import { owedBetween, type OwedBetween, type OwedQuery } from './owed';
import { traceLedger, type TraceEntry } from './trace';

/**
 * The cross-unit benefit ledger: the facts folded event by event (in place) and the index over them
 * that answers reports. Live answers keep one `Ledger` and feed it every new event; an answer as of
 * a past instant folds the events recorded by then into a fresh one (`ledgerAsOf`). The index keeps
 * the reports asked for and brings them up to date with what each event touched (`ledgerEffectOf`).
 */
export class Ledger {
  facts: LedgerFacts = initialLedgerFacts();
  readonly index = new LedgerIndex();

  reset(): void {
    this.facts = initialLedgerFacts();
    this.index.reset();
  }

  /** folds one event; events the ledger does not use are left out (they do not count either) */
  apply(event: LedgerEventInput): void {
    if (!isLedgerEvent(event)) return;
    applyLedgerEvent(this.facts, event);
    this.index.touch(event);
  }

  /** forgets cached reports (benchmarks use it to measure a cold computation) */
  invalidate(): void {
    this.index.invalidate();
  }

  report(q: LedgerQuery): ServedLedgerReport {
    return this.index.report(this.facts, q);
  }

  /** what a recipient owes an investor by the end of a period (the settlement decider's cap) */
  owed(q: OwedQuery): OwedBetween {
    return owedBetween(this, q);
  }

  trace(q: LedgerQuery & { fromUnitId?: string; toUnitId?: string }): TraceEntry[] {
    return traceLedger(this.facts, {
      from: q.from ?? null,
      to: q.to ?? null,
      level: q.level ?? null,
      fromUnitId: q.fromUnitId ?? null,
      toUnitId: q.toUnitId ?? null,
      org: q.org ?? null,
    });
  }
}
