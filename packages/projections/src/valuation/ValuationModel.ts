import type { LedgerFacts } from '@gevinst/domain/ledger';
import {
  applyCostBenefitSetting,
  initialCostBenefitSettings,
  type CostBenefitSettings,
  type CostBenefitSource,
  type RateBook,
} from '@gevinst/domain/valuation';
import type { CostBenefitSettingsAnswer } from '@gevinst/domain/answers';
import type { ProjectedEvent, SnapshotProjection } from '../runner/projection';
import { snapshotFields } from '../runner/projection';
import type { UnitsRegistry } from '../units/UnitsRegistry';
import type { PortfolioModel } from '../projects/PortfolioModel';

/** The installation's kost/nytte settings (`CostBenefitDefaultsSet`, `PriceIndexSet`) as finance left them. */
export class ValuationModel implements SnapshotProjection {
  readonly name = 'valuation';
  /** bump when the settings' shape or the fold changes */
  readonly snapshotVersion = 1;
  private state: CostBenefitSettings = initialCostBenefitSettings();

  reset(): void {
    this.state = initialCostBenefitSettings();
  }

  apply(event: ProjectedEvent): void {
    if (event.type === 'CostBenefitDefaultsSet' || event.type === 'PriceIndexSet')
      this.state = applyCostBenefitSetting(this.state, event, (event.metadata as { recordedAt?: string } | undefined)?.recordedAt ?? null);
  }

  get settings(): CostBenefitSettings {
    return this.state;
  }

  /** `GET /api/cost-benefit/settings` */
  answer(): CostBenefitSettingsAnswer {
    return {
      defaults: { ...this.state.defaults, note: this.state.defaults.note ?? null },
      defaultsSet: this.state.defaultsSet,
      defaultsRecordedAt: this.state.defaultsRecordedAt,
      priceIndex: Object.entries(this.state.priceIndex)
        .map(([year, e]) => ({ year: Number(year), index: e.index, source: e.source, recordedAt: e.recordedAt }))
        .sort((a, b) => a.year - b.year),
    };
  }

  snapshot(): unknown {
    return { state: this.state };
  }

  restore(state: unknown): void {
    const s = snapshotFields(state, { state: 'object' });
    this.state = s.state as CostBenefitSettings;
  }
}

/** The timesatser and the organisation over time, as valuation reads them, from the units registry. */
export const rateBookOf =
  (units: UnitsRegistry): RateBook =>
  (unitId) => {
    const u = units.get(unitId);
    if (!u) return undefined;
    return { unitId: u.id, name: u.name, rates: u.hourlyRates, timeline: u.timeline };
  };

/** Everything `costBenefitReport`/`costBenefitSummary` read, from the live read models (or past facts with `facts`). */
export const costBenefitSourceOf = (rm: { units: UnitsRegistry; portfolio: PortfolioModel; valuation: ValuationModel; ledger: { facts: LedgerFacts } }, facts?: LedgerFacts): CostBenefitSource => ({
  facts: facts ?? rm.ledger.facts,
  unitOfMeasure: (benefitId) => rm.portfolio.benefits.get(benefitId)?.unitOfMeasure ?? null,
  rates: rateBookOf(rm.units),
  settings: rm.valuation.settings,
});
