import { z } from 'zod';

/** A problem in an uploaded sheet: where (sheet, row, column header, cell like `C7`) and what, in bokmål. */
export const ImportProblemSchema = z.object({
  sheet: z.string().nullable(),
  row: z.int().nullable().describe('radnummer som i Excel'),
  column: z.string().nullable().describe('kolonneoverskriften'),
  cell: z.string().nullable().optional().describe('f.eks. K5'),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

/** A unit name in the sheet that fits several units. */
export const ImportQuestionSchema = z.object({
  sheet: z.string(),
  column: z.string(),
  value: z.string().describe('det som står i arket'),
  rows: z.array(z.int()),
  message: z.string(),
  candidates: z.array(z.object({ unitId: z.string(), name: z.string(), path: z.string(), orgNumber: z.string().nullable() })),
});
export type ImportQuestion = z.infer<typeof ImportQuestionSchema>;

/** `POST /api/projects/:id/import`: what was (or, on a dry run, would be) stored. */
export const ImportReportSchema = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  problems: z.array(ImportProblemSchema),
  questions: z.array(ImportQuestionSchema).describe('enhetsnavn som passer flere enheter: svar med units={"navn":"id"}'),
  benefits: z.int().describe('rader lest som gevinster'),
  benefitIds: z.array(z.string()),
  unchanged: z.int().describe('rader som allerede finnes i prosjektet'),
  warnings: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;
