import { recordedBy, type AsOf } from '@gevinst/domain/ledger';
import type { EventStore } from '@gevinst/eventstore';
import { GoalsModel, LedgerProjection, PortfolioModel, ProjectViews, UnitsRegistry, upcastRecorded, ValuationModel } from '@gevinst/projections';
import { DateTime } from 'luxon';

const PAGE = 10_000;
const CACHE_MAX = 4;

/** The read models the tertial report reads, as they stood at `asOf`: fed only the events recorded by then. */
export interface ModelsAsOf {
  asOf: AsOf;
  /** the Oslo date of `asOf`: the organisation and «today» of these models */
  date: string;
  units: UnitsRegistry;
  portfolio: PortfolioModel;
  ledger: LedgerProjection;
  goals: GoalsModel;
  /** the kost/nytte settings and price indexes as they stood */
  valuation: ValuationModel;
  projects: ProjectViews;
}

export const osloDateOf = (instant: string): string => DateTime.fromISO(instant, { zone: 'utc' }).setZone('Europe/Oslo').toISODate() ?? '';

/**
 * Folds fresh read models from the store's events recorded by `asOf` (the same cut as `PastReports`),
 * so a report made later with the same `asOf` sees exactly what this one saw. Their clock is `asOf`
 * itself: statuses are judged, and the organisation placed, as at that instant.
 */
export class ReportModels {
  private cache = new Map<string, Promise<ModelsAsOf>>();

  constructor(
    private readonly store: EventStore,
    /** changes whenever an event is appended; part of the cache key */
    private readonly version: () => string = () => '',
  ) {}

  at(asOf: AsOf): Promise<ModelsAsOf> {
    const key = `${asOf.instant}|${this.version()}`;
    let models = this.cache.get(key);
    if (!models) {
      models = this.fold(asOf);
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(key, models);
      models.catch(() => this.cache.delete(key));
    }
    return models;
  }

  private async fold(asOf: AsOf): Promise<ModelsAsOf> {
    const clock = () => asOf.instant;
    const date = osloDateOf(asOf.instant);
    const units = new UnitsRegistry(() => date);
    const portfolio = new PortfolioModel();
    const ledger = new LedgerProjection();
    const goals = new GoalsModel();
    const valuation = new ValuationModel();
    const models = [units, portfolio, ledger, goals, valuation];
    let after: bigint | undefined;
    for (;;) {
      const page = await this.store.readAll({ after, maxCount: PAGE });
      for (const recorded of page) {
        if (!recordedBy(recorded, asOf)) continue;
        const event = upcastRecorded(recorded);
        if (event) for (const m of models) m.apply(event);
      }
      const last = page.at(-1);
      if (page.length < PAGE || !last) break;
      after = last.globalPosition;
    }
    return { asOf, date, units, portfolio, ledger, goals, valuation, projects: new ProjectViews(portfolio, ledger, clock) };
  }
}
