import type { EventDataOf } from '../events';

export type CostBenefitDefaults = Omit<EventDataOf<'CostBenefitDefaultsSet'>, 'note'> & { note?: string | null };

/**
 * DFØ's guidance (Veileder i samfunnsøkonomiske analyser; rundskriv R-109): a real discount rate of
 * 4 % for the first 40 years. Gevinst's analysis period defaults to 10 years, in the prices of the
 * analysis's first year, with costs taken as recorded without mva (kommuner get mva-kompensasjon).
 */
export const DFO_DEFAULTS: CostBenefitDefaults = {
  discountRatePct: 4,
  analysisYears: 10,
  priceYear: null,
  costsIncludeMva: false,
  mvaRatePct: 25,
  note: null,
};

export interface PriceIndexEntry {
  index: number;
  source: string;
  recordedAt: string | null;
}

/** The installation's kost/nytte settings as the events left them. */
export interface CostBenefitSettings {
  defaults: CostBenefitDefaults;
  /** whether `defaults` were set by finance (else DFØ's defaults above) */
  defaultsSet: boolean;
  defaultsRecordedAt: string | null;
  priceIndex: Readonly<Record<number, PriceIndexEntry>>;
}

export const initialCostBenefitSettings = (): CostBenefitSettings => ({ defaults: DFO_DEFAULTS, defaultsSet: false, defaultsRecordedAt: null, priceIndex: {} });

/** Folds one settings event (with the instant it was recorded) into the settings. */
export function applyCostBenefitSetting(
  s: CostBenefitSettings,
  event: { type: 'CostBenefitDefaultsSet'; data: EventDataOf<'CostBenefitDefaultsSet'> } | { type: 'PriceIndexSet'; data: EventDataOf<'PriceIndexSet'> },
  recordedAt: string | null = null,
): CostBenefitSettings {
  switch (event.type) {
    case 'CostBenefitDefaultsSet':
      return { ...s, defaults: { ...event.data }, defaultsSet: true, defaultsRecordedAt: recordedAt };
    case 'PriceIndexSet':
      return { ...s, priceIndex: { ...s.priceIndex, [event.data.year]: { index: event.data.index, source: event.data.source, recordedAt } } };
  }
}
