import { z } from 'zod';
import { LEDGER_VIEWS } from '@gevinst/spreadsheet';

/** Query parameters of the read and export routes, as zod objects (the OpenAPI parameters are made from them). */
const period = z.string().describe('periode: 2026-T2 (tertial), 2026 (budsjettår) eller 2026-03 (måned)');

export const SpanQuery = z.object({
  from: period.optional().describe('første periode (med)').meta({ examples: ['2026-T1'] }),
  to: period.optional().describe('siste periode (med)').meta({ examples: ['2026-T3'] }),
  level: z.int().min(0).optional().describe('dybde i enhetstreet, 0 = kommunen'),
});

export const AsOfQuery = z.object({
  asOf: z
    .string()
    .optional()
    .describe(
      'slik rapporten sto på et tidspunkt: bare hendelser registrert til og med da teller. En dato (åååå-mm-dd) er slutten av dagen i Europe/Oslo; ' +
        'et tidspunkt (ISO 8601) uten sone er norsk tid. Svaret har da headeren X-As-Of med tidspunktet i UTC.',
    )
    .meta({ examples: ['2026-04-30', '2026-04-30T12:00:00Z'] }),
});

export const OrgQuery = z.object({
  org: z
    .string()
    .optional()
    .describe(
      'slik organisasjonen var (gyldighetstid): «period» plasserer hvert tall etter enhetstreet slik det sto første dag i tallets periode; ' +
        '«today» (standard) eller en dato åååå-mm-dd plasserer alt etter treet den dagen. Kombineres fritt med asOf. ' +
        'Svaret har headerne X-Org (period eller datoen) og X-Org-Default (true når standarden ble brukt).',
    )
    .meta({ examples: ['period', 'today', '2026-12-31'] }),
});

export const ReportQuery = SpanQuery.extend(AsOfQuery.shape).extend(OrgQuery.shape);

export const UnitsQuery = z.object({
  at: z.iso.date().optional().describe('enhetstreet slik det står (eller sto) denne dagen; standard: i dag (Oslo)'),
});

export const TraceQuery = SpanQuery.extend(OrgQuery.shape).extend({
  fromUnitId: z.string().optional().describe('investorenheten'),
  toUnitId: z.string().optional().describe('mottakerenheten'),
});

export const DueQuery = z.object({
  owner: z.string().optional().describe('gevinsteierens e-post; standard: X-User-Id'),
  at: z.iso.date().optional().describe('dagen listen gjelder; standard: i dag (Oslo)'),
});

export const TemplateQuery = z.object({
  fromYear: z.string().regex(/^\d{4}$/).optional().describe('første år i planen; standard: i år'),
  years: z.int().min(1).max(10).optional().describe('antall år (1–10); standard 4'),
  granularity: z.enum(['tertial', 'year']).optional().describe('periodekolonner per tertial eller per år; standard tertial'),
});

export const ImportQuery = z.object({
  dryRun: z.enum(['1', '0', 'true', 'false']).optional().describe('1: sjekk alt, lagre ingenting (svarer 200)'),
  units: z.string().optional().describe('svar på spørsmål om enhetsnavn, JSON: {"navn i arket": "enhetens id"}'),
});

export const LedgerExportQuery = ReportQuery.extend({
  view: z.enum(LEDGER_VIEWS).optional().describe('bare for CSV: hvilken tabell; standard flows (XLSX har alle fire ark)'),
});

export const ActionsQuery = z.object({
  owner: z.string().optional().describe('personens e-post; standard: den innloggede'),
});

export const GoalsQuery = z.object({
  unitId: z.string().optional().describe('bare målene enheten eier'),
});
export const GoalScorecardQuery = z.object({
  unitId: z.string().describe('enheten som eier målene på målekortet'),
});

export const CostBenefitQuery = z.object({
  project: z.string().optional().describe('prosjektets id (eller portfolio)'),
  portfolio: z.string().optional().describe('hele porteføljen (uten verdi), kuttet til enhetene dine'),
  from: z.string().optional().describe('første år i analysen (år 0); standard: første år med en kostnad eller gevinst'),
  years: z.string().optional().describe('analyseperioden i år (1–40); standard: installasjonens (DFØ: 10)'),
  rate: z.string().optional().describe('reell kalkulasjonsrente i prosent, f.eks. 4 eller 3,5; standard: installasjonens (DFØ: 4)'),
  priceYear: z.string().optional().describe('faste priser fra dette året; standard: installasjonens, ellers første år'),
});
export const CalendarQuery = z.object({ year: z.int().optional().describe('kalenderåret; standard: i år (Oslo)') });
export const CalendarMissingQuery = z.object({ unit: z.string().optional().describe('enheten (med enhetene under); standard: alle du har tilgang til') });
