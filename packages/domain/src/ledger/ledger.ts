import { applyLedgerEvent, isLedgerEvent, type LedgerEventInput } from './evolve';
import { initialLedgerFacts, type LedgerFacts } from './facts';
import { LedgerIndex, type ServedLedgerReport } from './ledgerIndex';
import type { LedgerQuery } from './months';
import { owedBetween, type OwedBetween, type OwedQuery } from './owed';
import type { OrgView } from './timeline';
import { traceLedger, type TraceEntry } from './trace';

const CACHE_MAX = 64;
const orgKey = (org: OrgView | null | undefined): string => (!org ? '' : org.mode === 'period' ? 'period' : org.date);

/**
 * The cross-unit benefit ledger: the facts folded event by event (in place) and the index over them
 * that answers reports. Live answers keep one `Ledger` and feed it every new event; an answer as of
 * a past instant folds the events recorded by then into a fresh one (`ledgerAsOf`). Reports are
 * cached per span and level until the next ledger event.
 */
export class Ledger {
  facts: LedgerFacts = initialLedgerFacts();
  readonly index = new LedgerIndex();
  private cache = new Map<string, ServedLedgerReport>();

  reset(): void {
    this.facts = initialLedgerFacts();
    this.index.reset();
    this.cache.clear();
  }

  /** folds one event; events the ledger does not use are left out (they do not count either) */
  apply(event: LedgerEventInput): void {
    if (!isLedgerEvent(event)) return;
    applyLedgerEvent(this.facts, event);
    this.index.touch(event);
    if (this.cache.size) this.cache.clear();
  }

  /** forgets cached reports (benchmarks use it to measure a cold computation) */
  invalidate(): void {
    this.cache.clear();
  }

  report(q: LedgerQuery): ServedLedgerReport {
    const key = `${q.from ?? ''}|${q.to ?? ''}|${q.level ?? ''}|${orgKey(q.org)}`;
    let report = this.cache.get(key);
    if (!report) {
      report = this.index.compute(this.facts, q);
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(key, report);
    }
    return report;
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
