import { Ledger, type AsOf, type ServedLedgerReport, type LedgerQuery, type OrgView } from '@gevinst/domain/ledger';
import { computePortfolio } from '@gevinst/domain/status';
import type { EventStore } from '@gevinst/eventstore';
import { foldRecordedBy, PastFolds } from './recordedBy';

const CACHE_MAX = 8;

/**
 * Reports as they stood at a past instant (`asOf`): the domain's ledger fed only the events recorded
 * by then, read from the store at query time. The read models follow the store live and hold only
 * today's picture, so this is the one query service that reads history on a GET.
 */
export class PastReports {
  private readonly folds: PastFolds<Ledger>;

  constructor(
    private readonly store: EventStore,
    /** changes whenever an event is appended (the runner's position); part of the cache key */
    version: () => string = () => '',
  ) {
    this.folds = new PastFolds((asOf) => this.fold(asOf), version, CACHE_MAX);
  }

  ledgerAt(asOf: AsOf): Promise<Ledger> {
    return this.folds.at(asOf);
  }

  private async fold(asOf: AsOf): Promise<Ledger> {
    const ledger = new Ledger();
    await foldRecordedBy(this.store, asOf, (event) => ledger.apply(event));
    return ledger;
  }

  async ledger(asOf: AsOf, q: LedgerQuery): Promise<ServedLedgerReport> {
    return (await this.ledgerAt(asOf)).report(q);
  }

  async portfolio(asOf: AsOf, q: { from: string; to: string; level?: number; org?: OrgView | null }) {
    return computePortfolio((await this.ledgerAt(asOf)).facts, { from: q.from, to: q.to, level: q.level ?? null, org: q.org ?? null, asOf: asOf.instant });
  }
}
