import { applyLedgerEvent, type LedgerEventInput } from '../ledger/evolve';
import { initialLedgerFacts } from '../ledger/facts';
import type { RateEntry, UnitRateFacts } from '../valuation/rates';
import type { CostBenefitSource } from './report';
import { applyCostBenefitSetting, initialCostBenefitSettings } from './settings';

/**
 * Everything kost/nytte reads, folded from the events themselves (e.g. those recorded by an instant,
 * for a report reproduced as known then): ledger facts, units of measure, timesatser and settings.
 * Pure; the events in recorded order. The live API uses `costBenefitSourceOf` over the read models.
 */
export function costBenefitSourceFromEvents(events: Iterable<LedgerEventInput>): CostBenefitSource {
  const facts = initialLedgerFacts();
  const measures = new Map<string, string>();
  const rates = new Map<string, Map<number, RateEntry>>();
  let settings = initialCostBenefitSettings();
  for (const event of events) {
    applyLedgerEvent(facts, event);
    const recordedAt = typeof event.metadata?.recordedAt === 'string' ? event.metadata.recordedAt : null;
    switch (event.type) {
      case 'BenefitPlanned':
      case 'UnplannedBenefitRecorded':
        measures.set(event.data.benefitId, event.data.unitOfMeasure);
        break;
      case 'HourlyRateSet': {
        const byYear = rates.get(event.data.unitId) ?? new Map<number, RateEntry>();
        byYear.set(event.data.year, { year: event.data.year, rateOre: event.data.rateOre, source: event.data.source, recordedAt });
        rates.set(event.data.unitId, byYear);
        break;
      }
      case 'CostBenefitDefaultsSet':
      case 'PriceIndexSet':
        settings = applyCostBenefitSetting(settings, event, recordedAt);
        break;
      default:
        break;
    }
  }
  const books = new Map<string, UnitRateFacts>();
  return {
    facts,
    unitOfMeasure: (benefitId) => measures.get(benefitId) ?? null,
    rates: (unitId): UnitRateFacts | undefined => {
      const known = books.get(unitId);
      if (known) return known;
      const unit = facts.units.get(unitId);
      if (!unit) return undefined;
      const book = { unitId, name: unit.name, rates: [...(rates.get(unitId)?.values() ?? [])].sort((a, b) => a.year - b.year), timeline: unit };
      books.set(unitId, book);
      return book;
    },
    settings,
  };
}
