import { z } from 'zod';

/** Answer shapes of the read models (docs/contract.md), for the OpenAPI description. */
const ore = z.int().describe('øre');
const period = z.string().describe('2026-T2, 2026 eller 2026-03');
const status = z.enum(['green', 'yellow', 'red']).nullable();

export const WriteResult = z.object({ id: z.string(), revision: z.string(), position: z.string().nullable() });
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })),
    currentRevision: z.string().nullable().optional(),
  }),
});

export const UnitSummary = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  orgNumber: z.string().nullable(),
  leader: z.string().nullable(),
  depth: z.int(),
  active: z.boolean(),
  mergedInto: z.string().nullable(),
});
export const UnitDetail = UnitSummary.extend({
  history: z.array(z.object({ type: z.string(), recordedAt: z.string(), userId: z.string().nullable(), data: z.record(z.string(), z.unknown()) })),
  hourlyRates: z.array(z.object({ year: z.int(), rateOre: ore, source: z.record(z.string(), z.unknown()), recordedAt: z.string() })),
});

export const BenefitView = z.object({
  id: z.string(),
  projectId: z.string().nullable(),
  title: z.string(),
  recipientUnitId: z.string(),
  owner: z.string().nullable(),
  indicator: z.string().nullable(),
  unitOfMeasure: z.string(),
  direction: z.enum(['increase', 'decrease']),
  category: z.enum(['budget', 'capacity', 'otherPublic', 'unpriced']),
  cashReleasing: z.boolean(),
  valuationOrePerUnit: ore.nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  targetDate: z.string().nullable(),
  measurementSchedule: z.enum(['tertial', 'year', 'month']),
  disbenefit: z.boolean(),
  change: z.string().nullable().describe('Endring/tiltak'),
  comment: z.string().nullable().describe('Kommentar'),
  baselineMeasuredOn: z.string().nullable().describe('dato for nullpunktsmålingen (BaselineMeasured)'),
  unplanned: z.boolean(),
  cancelled: z.boolean(),
  plan: z.array(z.object({ period, quantity: z.number(), plannedOre: ore })),
  realisations: z.array(
    z.object({ period, quantity: z.number(), valueOre: ore, corrected: z.boolean(), comment: z.string().nullable(), evidenceUrl: z.string().nullable() }),
  ),
  measurements: z.array(z.object({ value: z.number(), measuredOn: z.string(), period: period.nullable() })),
  withdrawals: z.array(z.object({ period, amountOre: ore, saksnummer: z.string().nullable() })),
  achievementPct: z.number().nullable(),
  trend: z.enum(['up', 'down', 'flat']).nullable(),
  statusByPeriod: z.array(
    z.object({
      period,
      status,
      pending: z.boolean().describe('ikke forfalt: perioden er ikke over, eller fristen (14 dager etter periodens slutt) er ikke passert, og ingenting er realisert — ingen status'),
      plannedOre: ore,
      realisedOre: ore,
      plannedQuantity: z.number(),
      realisedQuantity: z.number().nullable(),
    }),
  ),
});

export const ProjectSummary = z.object({
  id: z.string(),
  name: z.string(),
  ownerUnitId: z.string(),
  projectLeader: z.string(),
  phase: z.enum(['planning', 'execution', 'realisation']),
  closed: z.boolean(),
  totalCostOre: ore,
  benefitCount: z.int(),
  status,
});
export const ProjectDetail = ProjectSummary.omit({ benefitCount: true }).extend({
  thresholds: z.object({ greenPct: z.number(), yellowPct: z.number() }),
  costs: z.array(z.object({ costId: z.string(), payerUnitId: z.string(), amountOre: ore, period, kind: z.enum(['one-off', 'annual']) })),
  benefits: z.array(BenefitView),
});

export const DueItem = z.object({
  benefitId: z.string(),
  benefitTitle: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  period,
  dueDate: z.string(),
  state: z.enum(['upcoming', 'due', 'overdue']),
  what: z.enum(['measurement', 'realisation']),
  reminders: z.array(z.object({ kind: z.string(), sentAt: z.string() })),
});

export const Ledger = z.object({
  from: period.nullable(),
  to: period.nullable(),
  level: z.int().nullable(),
  flows: z.array(z.object({ fromUnitId: z.string(), toUnitId: z.string(), ore })),
  units: z.array(
    z.object({
      unitId: z.string(),
      costsOre: ore.describe('kostnader enheten betalte i tidsrommet'),
      gainsReceivedOre: ore.describe('verdsatte gevinster realisert i enheten'),
      gainsFromOthersOre: ore.describe('av dem: betalt av andre enheter'),
      gainsProducedForOthersOre: ore.describe('gevinster enhetens penger ga i andre enheter'),
      netOre: ore.describe('gainsReceivedOre − costsOre'),
      nonValuedBenefitCount: z.int().describe('gevinster uten kroneverdi i tidsrommet'),
      nonValuedRealisationCount: z.int(),
    }),
  ),
});
export const LedgerMatrix = z.object({
  unitIds: z.array(z.string()),
  cells: z.array(z.object({ investorUnitId: z.string(), recipientUnitId: z.string(), ore })),
  diagonal: z.array(z.object({ unitId: z.string(), ore })),
});
export const Imbalances = z.array(
  z.object({ unitId: z.string(), costsOre: ore, gainsReceivedOre: ore, netOre: ore, gainsTo: z.array(z.object({ unitId: z.string(), ore })) }),
);
export const Balances = z.array(
  z.object({
    unitId: z.string(),
    plannedOre: ore,
    realisedOre: ore,
    cashReleasingOre: ore,
    withdrawnOre: ore,
    settledInOre: ore,
    settledOutOre: ore,
    openOre: ore.describe('kontantfrigjørende gevinst som ikke er tatt ut'),
    owedToUnitOre: ore.describe('kompensasjon enheten har til gode: producedForOthers − settledIn'),
    owedByUnitOre: ore.describe('kompensasjon enheten skylder: gainsFromOthers − settledOut'),
  }),
);
export const Trace = z.array(
  z.object({
    streamName: z.string().nullable(),
    revision: z.string().nullable(),
    type: z.string(),
    userId: z.string().nullable(),
    recordedAt: z.string().nullable(),
    period,
    ore,
    saksnummer: z.string().nullable(),
    role: z.enum(['cost', 'realisation', 'settlement', 'withdrawal']),
    projectId: z.string().nullable(),
    benefitId: z.string().nullable(),
    unitId: z.string(),
  }),
);
export const Portfolio = z.object({
  periods: z.array(period),
  rows: z.array(
    z.object({
      unitId: z.string(),
      cells: z.array(
        z.object({
          period,
          status,
          pending: z.boolean().describe('ikke forfalt: perioden er ikke over, eller fristen (14 dager etter periodens slutt) er ikke passert, og ingenting er realisert — ingen status'),
          plannedOre: ore,
          realisedOre: ore,
          achievementPct: z.number().nullable(),
          changePct: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export const Health = z.object({ status: z.literal('ok'), position: z.string().nullable(), eventsApplied: z.int() });
export const Rebuilt = z.object({ position: z.string().nullable(), eventsApplied: z.int(), ms: z.int() });

const ImportProblem = z.object({
  sheet: z.string().nullable(),
  row: z.int().nullable().describe('radnummer som i Excel'),
  column: z.string().nullable().describe('kolonneoverskriften'),
  cell: z.string().nullable().optional().describe('f.eks. K5'),
  message: z.string(),
});
const UnitQuestion = z.object({
  sheet: z.string(),
  column: z.string(),
  value: z.string().describe('det som står i arket'),
  rows: z.array(z.int()),
  message: z.string(),
  candidates: z.array(z.object({ unitId: z.string(), name: z.string(), path: z.string(), orgNumber: z.string().nullable() })),
});
export const ImportReport = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  problems: z.array(ImportProblem),
  questions: z.array(UnitQuestion).describe('enhetsnavn som passer flere enheter: svar med units={"navn":"id"}'),
  benefits: z.int().describe('rader lest som gevinster'),
  benefitIds: z.array(z.string()),
  unchanged: z.int().describe('rader som allerede finnes i prosjektet'),
  warnings: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
});

const RoleName = z.enum(['administrator', 'finance', 'management', 'project-leader', 'benefit-owner']);

/** GET /api/me: the logged-in person and every role they hold now (from grants and from the issuer's groups) */
export const Me = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  via: z.enum(['session', 'bearer', 'admin-token']),
  groups: z.array(z.string()),
  roles: z.array(z.object({ role: RoleName, unitId: z.string().nullable(), unitName: z.string().nullable(), source: z.enum(['grant', 'group']) })),
});

/** GET /api/access/grants: the role grants in force */
export const RoleGrants = z.array(
  z.object({
    grantId: z.string(),
    personId: z.string(),
    role: RoleName,
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
    reason: z.string().nullable(),
    grantedAt: z.string(),
    grantedBy: z.string().nullable(),
  }),
);

/** one line of «hvem gjorde hva, når» */
export const AuditEntry = z.object({
  at: z.string(),
  position: z.string(),
  streamName: z.string(),
  type: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  /** the role the person acted in; null for Gevinst's own processes and events from before roles */
  role: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditTrail = z.object({ entries: z.array(AuditEntry) });
