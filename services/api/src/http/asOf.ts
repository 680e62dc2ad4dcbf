import { computeLedger, foldLedgerFactsAsOf, recordedBy, type AsOf, type LedgerEventInput, type LedgerFacts, type LedgerReport } from '@gevinst/domain/ledger/index';
import { computePortfolio } from '@gevinst/domain/status/index';
import type { EventStore } from '@gevinst/eventstore/port';
import { upcastRecorded } from '@gevinst/projections/runner/upcast';
import type { LedgerQuery } from '@gevinst/projections';

const PAGE = 10_000;
const CACHE_MAX = 8;

/**
 * Reports as they stood at a past instant (`asOf`): the domain's ledger facts folded from only the
 * events recorded by then, read from the store at query time. The read models follow the store
 * live and hold only today's picture, so this is the one place that reads history on a GET.
 */
export class PastReports {
  private cache = new Map<string, Promise<LedgerFacts>>();

  constructor(
    private readonly store: EventStore,
    /** changes whenever an event is appended (the runner's position); part of the cache key */
    private readonly version: () => string = () => '',
  ) {}

  facts(asOf: AsOf): Promise<LedgerFacts> {
    const key = `${asOf.instant}|${this.version()}`;
    let facts = this.cache.get(key);
    if (!facts) {
      facts = this.fold(asOf);
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(key, facts);
      facts.catch(() => this.cache.delete(key));
    }
    return facts;
  }

  /** reads the log page by page; events recorded after the cutoff are not even parsed */
  private async fold(asOf: AsOf): Promise<LedgerFacts> {
    const recorded: LedgerEventInput[] = [];
    let after: bigint | undefined;
    for (;;) {
      const page = await this.store.readAll({ after, maxCount: PAGE });
      for (const event of page) {
        if (!recordedBy(event, asOf)) continue;
        const parsed = upcastRecorded(event);
        if (parsed) recorded.push(parsed);
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.globalPosition;
    }
    return foldLedgerFactsAsOf(recorded, asOf);
  }

  async ledger(asOf: AsOf, q: LedgerQuery): Promise<Omit<LedgerReport, 'projects'>> {
    const { projects: _, ...report } = computeLedger(await this.facts(asOf), { from: q.from ?? null, to: q.to ?? null, level: q.level ?? null });
    return report;
  }

  async portfolio(asOf: AsOf, q: { from: string; to: string; level?: number }) {
    return computePortfolio(await this.facts(asOf), { from: q.from, to: q.to, level: q.level ?? null, asOf: asOf.instant });
  }
}
