import { tryParsePeriod } from '../periods/parse';
import type { EventType } from './catalogue';

type Data = Record<string, unknown>;
export type Upcaster = (data: Data) => Data;

/**
 * `upcasters[type][fromVersion]` turns data stored at `fromVersion` into `fromVersion + 1`.
 * Stored events are never edited; they are upcast on the way out.
 * Upcasters keep fields already present, because events written without `schemaVersion` count as v1.
 */
export const upcasters: Partial<Record<EventType, Record<number, Upcaster>>> = {
  BenefitPlanned: {
    // v1 predates the measurement schedule and the disbenefit flag.
    1: (data) => ({ measurementSchedule: 'tertial', disbenefit: false, ...data }),
    // v2 predates the plan's Endring/tiltak and Kommentar columns: nothing was recorded for them.
    2: (data) => ({ change: null, comment: null, ...data }),
  },
  BaselineMeasured: {
    // v1 predates the reason for a (new) baseline: none was asked for.
    1: (data) => ({ reason: null, ...data }),
  },
  SettlementRecorded: {
    // v1 predates the cap on what is owed: no settlement was an override.
    1: (data) => ({ override: false, overrideReason: null, ...data }),
  },
  // v1 predates the years of an annual cost: it counted in its period's year only.
  CostRecorded: { 1: (data) => ({ ...annualYearsOfV1(data), ...data }) },
  CostCorrected: { 1: (data) => ({ ...annualYearsOfV1(data), ...data }) },
};

function annualYearsOfV1(data: Data): { startYear: number | null; endYear: number | null } {
  if (data.kind !== 'annual') return { startYear: null, endYear: null };
  const year = tryParsePeriod(data.period)?.year ?? null;
  return { startYear: year, endYear: year };
}
