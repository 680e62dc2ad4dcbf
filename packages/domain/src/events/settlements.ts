import { z } from 'zod';
import { IdSchema, nullableDefault, PeriodSchema, PositiveOreSchema, TextSchema } from './primitives';

export const SettlementRecordedSchema = z
  .object({
    settlementId: IdSchema,
    fromUnitId: IdSchema,
    toUnitId: IdSchema,
    amountOre: PositiveOreSchema,
    period: PeriodSchema,
    saksnummer: TextSchema.trim().min(1, { error: 'Saksnummer må fylles ut' }),
    projectId: nullableDefault(IdSchema),
    comment: nullableDefault(TextSchema),
    /** v2: recorded above what the ledger said was owed, by an explicit override with its reason */
    override: z.boolean().default(false),
    overrideReason: nullableDefault(TextSchema),
  })
  .refine((s) => s.fromUnitId !== s.toUnitId, {
    error: 'En avregning må gå mellom to ulike enheter',
    path: ['toUnitId'],
  })
  .refine((s) => !s.override || (s.overrideReason?.trim() ?? '') !== '', {
    error: 'Begrunnelse for overstyringen må fylles ut',
    path: ['overrideReason'],
  });

export const settlementEventSchemas = { SettlementRecorded: SettlementRecordedSchema } as const;
