import type { AsOf } from '@gevinst/domain/ledger';
import type { EventStore } from '@gevinst/eventstore';
import { foldRecordedBy, GoalsModel, LedgerProjection, PastFolds, PortfolioModel, ProjectViews, UnitsRegistry, ValuationModel } from '@gevinst/projections';
import { DateTime } from 'luxon';

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
 * Folds fresh read models from the store's events recorded by `asOf` (the cut every view of the past
 * uses), so a report made later with the same `asOf` sees exactly what this one saw. Their clock is
 * `asOf` itself: statuses are judged, and the organisation placed, as at that instant.
 */
export class ReportModels {
  private readonly folds: PastFolds<ModelsAsOf>;

  constructor(
    private readonly store: EventStore,
    /** changes whenever an event is appended; part of the cache key */
    version: () => string = () => '',
  ) {
    this.folds = new PastFolds((asOf) => this.fold(asOf), version, CACHE_MAX);
  }

  at(asOf: AsOf): Promise<ModelsAsOf> {
    return this.folds.at(asOf);
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
    await foldRecordedBy(this.store, asOf, (event) => {
      for (const m of models) m.apply(event);
    });
    return { asOf, date, units, portfolio, ledger, goals, valuation, projects: new ProjectViews(portfolio, ledger, clock) };
  }
}
