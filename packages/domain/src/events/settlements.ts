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
  })
  .refine((s) => s.fromUnitId !== s.toUnitId, {
    error: 'En avregning må gå mellom to ulike enheter',
    path: ['toUnitId'],
  });

export const settlementEventSchemas = { SettlementRecorded: SettlementRecordedSchema } as const;
