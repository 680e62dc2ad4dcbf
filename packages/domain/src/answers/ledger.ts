import { z } from 'zod';
import { AnswerOreSchema as ore, AnswerPeriodSchema as period } from './primitives';

export const UnitOreSchema = z.object({ unitId: z.string(), ore });
export type UnitOre = z.infer<typeof UnitOreSchema>;

/** Gain flowing from the investor unit's money to the recipient unit. */
export const FlowSchema = z.object({ fromUnitId: z.string(), toUnitId: z.string(), ore });
export type Flow = z.infer<typeof FlowSchema>;

/** `GET /api/ledger` row, plus a few counts. */
export const LedgerUnitRowSchema = z.object({
  unitId: z.string(),
  costsOre: ore.describe('kostnader enheten betalte i tidsrommet'),
  gainsReceivedOre: ore.describe('verdsatte gevinster realisert i enheten'),
  gainsFromOthersOre: ore.describe('av dem: betalt av andre enheter'),
  gainsProducedForOthersOre: ore.describe('gevinster enhetens penger ga i andre enheter'),
  netOre: ore.describe('gainsReceivedOre − costsOre'),
  nonValuedBenefitCount: z.int().describe('gevinster uten kroneverdi i tidsrommet'),
  nonValuedRealisationCount: z.int(),
});
export type LedgerUnitRow = z.infer<typeof LedgerUnitRowSchema>;

/** `GET /api/ledger` */
/**
 * The organisation a report places its figures by (valid time): `period` — as it stood in each figure's
 * period — or `date` — as it stands at `date`. `default` tells whether the reader chose it.
 */
export const OrgAnswerSchema = z.object({
  mode: z.enum(['period', 'date']),
  date: z.string().nullable(),
  default: z.boolean(),
});
export type OrgAnswer = z.infer<typeof OrgAnswerSchema>;

export const LedgerAnswerSchema = z.object({
  from: period.nullable(),
  to: period.nullable(),
  level: z.int().nullable(),
  /** set by the API: the organisation the figures are placed by */
  org: OrgAnswerSchema.optional(),
  flows: z.array(FlowSchema),
  units: z.array(LedgerUnitRowSchema),
});
export type LedgerAnswer = z.infer<typeof LedgerAnswerSchema>;

/** `GET /api/ledger/matrix`: investor ≠ recipient in the non-zero cells; what each unit gained from its own investment on the diagonal. */
export const LedgerMatrixSchema = z.object({
  unitIds: z.array(z.string()),
  cells: z.array(z.object({ investorUnitId: z.string(), recipientUnitId: z.string(), ore })),
  diagonal: z.array(UnitOreSchema),
});
export type LedgerMatrix = z.infer<typeof LedgerMatrixSchema>;

/** `GET /api/ledger/imbalances` row: a unit carrying more cost than it receives; `gainsTo` who gained from its money, largest first. */
export const ImbalanceRowSchema = z.object({ unitId: z.string(), costsOre: ore, gainsReceivedOre: ore, netOre: ore, gainsTo: z.array(UnitOreSchema) });
export type ImbalanceRow = z.infer<typeof ImbalanceRowSchema>;
export const ImbalancesSchema = z.array(ImbalanceRowSchema);

/** `GET /api/ledger/balances` row. */
export const BalanceRowSchema = z.object({
  unitId: z.string(),
  plannedOre: ore.describe('verdsatt plan i tidsrommet (kansellerte gevinster utelatt)'),
  realisedOre: ore.describe('verdsatt realisering i tidsrommet (= gainsReceivedOre)'),
  cashReleasingOre: ore.describe('av dette kontantfrigjørende; negative gevinster utelatt'),
  withdrawnOre: ore.describe('gevinstuttak fra enheten i tidsrommet'),
  settledInOre: ore,
  settledOutOre: ore,
  openOre: ore.describe('kontantfrigjørende gevinst som ikke er tatt ut'),
  owedToUnitOre: ore.describe('kompensasjon enheten har til gode: producedForOthers − settledIn (avregninger innenfor samme rapporteringsenhet regnes ikke)'),
  owedByUnitOre: ore.describe('kompensasjon enheten skylder: gainsFromOthers − settledOut (avregninger innenfor samme rapporteringsenhet regnes ikke)'),
});
export type BalanceRow = z.infer<typeof BalanceRowSchema>;
export const BalancesSchema = z.array(BalanceRowSchema);

export const TraceRoleSchema = z.enum(['cost', 'realisation', 'settlement', 'withdrawal']);
export type TraceRole = z.infer<typeof TraceRoleSchema>;

/** `GET /api/ledger/trace` row: one event behind a figure. */
export const TraceEntrySchema = z.object({
  streamName: z.string().nullable(),
  revision: z.string().nullable(),
  type: z.string(),
  userId: z.string().nullable(),
  recordedAt: z.string().nullable(),
  period,
  /** the event's own amount: a cost, a realisation's signed value, a settlement or withdrawal */
  ore,
  saksnummer: z.string().nullable(),
  role: TraceRoleSchema,
  projectId: z.string().nullable(),
  benefitId: z.string().nullable(),
  /** the unit as registered on the fact (before roll-up) */
  unitId: z.string(),
  /** a settlement recorded above what was owed: «Overstyrt», with the reason given (null for anything else) */
  overrideReason: z
    .string()
    .nullable()
    .describe('avregning registrert ut over det enheten skyldte (overstyrt), med begrunnelsen; null ellers'),
});
export type TraceEntry = z.infer<typeof TraceEntrySchema>;
export const TraceSchema = z.array(TraceEntrySchema);
