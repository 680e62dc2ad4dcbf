import { z } from 'zod';
import { EmailSchema, IdSchema, IsoDateSchema, NameSchema, NonNegativeOreSchema, nullableDefault, OrgNumberSchema, TextSchema } from './primitives';

export const UnitRegisteredSchema = z.object({
  unitId: IdSchema,
  name: NameSchema,
  parentId: nullableDefault(IdSchema),
  orgNumber: nullableDefault(OrgNumberSchema),
  leader: nullableDefault(EmailSchema),
});

export const UnitRenamedSchema = z.object({ unitId: IdSchema, name: NameSchema, previousName: NameSchema });

export const UnitMovedSchema = z.object({
  unitId: IdSchema,
  newParentId: z.nullable(IdSchema),
  previousParentId: z.nullable(IdSchema),
  effectiveDate: IsoDateSchema,
});

/** On the successor's stream. */
export const UnitsMergedSchema = z.object({
  successorUnitId: IdSchema,
  mergedUnitIds: z.array(IdSchema).min(1, { error: 'Minst én enhet må slås sammen' }),
  effectiveDate: IsoDateSchema,
});

/** On each merged unit's stream; afterwards the unit takes no new facts. */
export const UnitMergedIntoSchema = z.object({ unitId: IdSchema, successorUnitId: IdSchema, effectiveDate: IsoDateSchema });

/**
 * Annuls a recorded move of the unit (valid time): the move with this effective date counts as never
 * made. A correction is an annulment and a new move.
 */
const reason = TextSchema.min(1, { error: 'Begrunnelse må fylles ut' });
export const UnitMoveAnnulledSchema = z.object({ unitId: IdSchema, effectiveDate: IsoDateSchema, reason });

/** On the merged unit's stream: the merger into `successorUnitId` at `effectiveDate` counts as never made. */
export const UnitMergerAnnulledSchema = z.object({
  unitId: IdSchema,
  successorUnitId: IdSchema,
  effectiveDate: IsoDateSchema,
  reason,
});

export const UnitLeaderAssignedSchema = z.object({ unitId: IdSchema, leader: EmailSchema });

export const HourlyRateSourceSchema = z.object({
  wageOre: NonNegativeOreSchema,
  employerContributionOre: NonNegativeOreSchema,
  socialCostsOre: NonNegativeOreSchema,
  note: TextSchema.optional(),
});

export const HourlyRateSetSchema = z.object({
  unitId: IdSchema,
  year: z.int().min(1900).max(2200),
  rateOre: NonNegativeOreSchema,
  source: HourlyRateSourceSchema,
});

export const unitEventSchemas = {
  UnitRegistered: UnitRegisteredSchema,
  UnitRenamed: UnitRenamedSchema,
  UnitMoved: UnitMovedSchema,
  UnitsMerged: UnitsMergedSchema,
  UnitMergedInto: UnitMergedIntoSchema,
  UnitMoveAnnulled: UnitMoveAnnulledSchema,
  UnitMergerAnnulled: UnitMergerAnnulledSchema,
  UnitLeaderAssigned: UnitLeaderAssignedSchema,
  HourlyRateSet: HourlyRateSetSchema,
} as const;
