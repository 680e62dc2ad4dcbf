import { z } from 'zod';
import { AnswerOreSchema } from './primitives';

/** A move or merger recorded to take effect after the date the tree is shown for. */
export const PlannedChangeSchema = z.object({
  kind: z.enum(['move', 'merger']),
  effectiveDate: z.string(),
  /** a move: the new parent */
  newParentId: z.string().nullable(),
  /** a merger: the successor */
  successorUnitId: z.string().nullable(),
});
export type PlannedChange = z.infer<typeof PlannedChangeSchema>;

/**
 * `GET /api/units[?at=yyyy-mm-dd]` row: a unit as the tree stands today (or at `at`, valid time);
 * merged units point at their successor; `planned` lists its moves and mergers dated later.
 */
export const UnitSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  orgNumber: z.string().nullable(),
  leader: z.string().nullable(),
  depth: z.int(),
  active: z.boolean(),
  mergedInto: z.string().nullable(),
  planned: z.array(PlannedChangeSchema),
});
export type UnitSummary = z.infer<typeof UnitSummarySchema>;

export const UnitHistoryEntrySchema = z.object({ type: z.string(), recordedAt: z.string(), userId: z.string().nullable(), data: z.record(z.string(), z.unknown()) });
export type UnitHistoryEntry = z.infer<typeof UnitHistoryEntrySchema>;

export const HourlyRateSourceAnswerSchema = z.object({
  wageOre: AnswerOreSchema,
  employerContributionOre: AnswerOreSchema,
  socialCostsOre: AnswerOreSchema,
  note: z.string().optional(),
});

export const HourlyRateSchema = z.object({ year: z.int(), rateOre: AnswerOreSchema, source: HourlyRateSourceAnswerSchema, recordedAt: z.string() });
export type HourlyRate = z.infer<typeof HourlyRateSchema>;

/** `GET /api/units/:id`: the unit with its history and hourly rates. */
export const UnitDetailSchema = UnitSummarySchema.extend({
  history: z.array(UnitHistoryEntrySchema),
  hourlyRates: z.array(HourlyRateSchema),
});
export type UnitDetail = z.infer<typeof UnitDetailSchema>;
