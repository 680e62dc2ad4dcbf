import { costBenefitEventSchemas, type CostBenefitEvent, type EventDataOf } from '../events';
import type { TimeContext } from '../deciders/context';
import { eventsOf, type Command, type StreamDecider } from '../deciders/decider';
import { emit } from '../deciders/rules';
import { applyCostBenefitSetting, initialCostBenefitSettings, type CostBenefitSettings } from './settings';

/** Finance sets the installation's kost/nytte defaults (rate, period, price year, mva). */
export type SetCostBenefitDefaults = Command<
  'SetCostBenefitDefaults',
  {
    discountRatePct: number;
    analysisYears: number;
    priceYear?: number | null;
    costsIncludeMva: boolean;
    mvaRatePct?: number | null;
    note?: string | null;
  },
  TimeContext
>;

/** Finance sets the price index of one year (a new one for the same year replaces it). */
export type SetPriceIndex = Command<'SetPriceIndex', { year: number; index: number; source: string }, TimeContext>;

export type CostBenefitCommand = SetCostBenefitDefaults | SetPriceIndex;
export type CostBenefitState = CostBenefitSettings;

const sameDefaults = (a: CostBenefitSettings, d: EventDataOf<'CostBenefitDefaultsSet'>): boolean =>
  a.defaultsSet &&
  a.defaults.discountRatePct === d.discountRatePct &&
  a.defaults.analysisYears === d.analysisYears &&
  a.defaults.priceYear === d.priceYear &&
  a.defaults.costsIncludeMva === d.costsIncludeMva &&
  a.defaults.mvaRatePct === d.mvaRatePct &&
  (a.defaults.note ?? null) === d.note;

/** Setting what already stands records nothing (a re-sent command is harmless). */
export const decideCostBenefit = (command: CostBenefitCommand, state: CostBenefitState): CostBenefitEvent[] => {
  switch (command.type) {
    case 'SetCostBenefitDefaults': {
      const d = command.data;
      const event = emit('CostBenefitDefaultsSet', {
        discountRatePct: d.discountRatePct,
        analysisYears: d.analysisYears,
        priceYear: d.priceYear ?? null,
        costsIncludeMva: d.costsIncludeMva,
        mvaRatePct: d.mvaRatePct ?? 25,
        note: d.note?.trim() ? d.note.trim() : null,
      });
      return sameDefaults(state, event.data) ? [] : [event];
    }
    case 'SetPriceIndex': {
      const event = emit('PriceIndexSet', { year: command.data.year, index: command.data.index, source: command.data.source.trim() });
      const current = state.priceIndex[event.data.year];
      return current && current.index === event.data.index && current.source === event.data.source ? [] : [event];
    }
  }
};

export const costBenefitDecider: StreamDecider<CostBenefitState, CostBenefitCommand, CostBenefitEvent> = {
  decide: decideCostBenefit,
  evolve: (state, event) => applyCostBenefitSetting(state, event),
  isEvent: eventsOf(costBenefitEventSchemas),
  initialState: initialCostBenefitSettings,
};
