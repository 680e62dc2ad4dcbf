import { ledgerAsOf, recordedBy, type AsOf, type Ledger, type ServedLedgerReport, type LedgerEventInput, type LedgerQuery, type OrgView } from '@gevinst/domain/ledger';
import { computePortfolio } from '@gevinst/domain/status';
import type { EventStore } from '@gevinst/eventstore';
import { upcastRecorded } from '../runner/upcast';

const PAGE = 10_000;
const CACHE_MAX = 8;

/**
 * Reports as they stood at a past instant (`asOf`): the domain's ledger fed only the events recorded
 * by then, read from the store at query time. The read models follow the store live and hold only
 * today's picture, so this is the one query service that reads history on a GET.
 */
export class PastReports {
  private cache = new Map<string, Promise<Ledger>>();

  constructor(
    private readonly store: EventStore,
    /** changes whenever an event is appended (the runner's position); part of the cache key */
    private readonly version: () => string = () => '',
  ) {}

  ledgerAt(asOf: AsOf): Promise<Ledger> {
    const key = `${asOf.instant}|${this.version()}`;
    let ledger = this.cache.get(key);
    if (!ledger) {
      ledger = this.fold(asOf);
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(key, ledger);
      ledger.catch(() => this.cache.delete(key));
    }
    return ledger;
  }

  /** reads the log page by page; events recorded after the cutoff are not even parsed */
  private async fold(asOf: AsOf): Promise<Ledger> {
    const recorded: LedgerEventInput[] = [];
    let after: bigint | undefined;
    for (;;) {
      const page = await this.store.readAll({ after, maxCount: PAGE });
      for (const event of page) {
        if (!recordedBy(event, asOf)) continue;
        const parsed = upcastRecorded(event);
        if (parsed) recorded.push(parsed);
      }
      const last = page.at(-1);
      if (page.length < PAGE || !last) break;
      after = last.globalPosition;
    }
    return ledgerAsOf(recorded, asOf);
  }

  async ledger(asOf: AsOf, q: LedgerQuery): Promise<ServedLedgerReport> {
    return (await this.ledgerAt(asOf)).report(q);
  }

  async portfolio(asOf: AsOf, q: { from: string; to: string; level?: number; org?: OrgView | null }) {
    return computePortfolio((await this.ledgerAt(asOf)).facts, { from: q.from, to: q.to, level: q.level ?? null, org: q.org ?? null, asOf: asOf.instant });
  }
}
