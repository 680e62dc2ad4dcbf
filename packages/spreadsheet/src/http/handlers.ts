import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, ValidationError } from '@gevinst/domain/errors';
import { LEDGER_VIEWS, ledgerTables, planVsRealisationTables, portfolioTables, projectPlanXlsx, streamCsv, type ExportPort, type LedgerView } from '../export/exports';
import { writeXlsx } from '../export/xlsx';
import type { Table } from '../export/table';
import { importPlan, type PlanImportPort } from '../import/importPlan';
import { buildPlanTemplate } from '../template/buildPlanTemplate';
import { megabytes, uploadLimitsFromEnv, type UploadLimits } from '../upload/limits';
import { PlanParser } from '../upload/planParser';
import { fileTooLarge } from '../upload/refusals';
import { choice, flag, ledgerQuery, spanLabel, unitAnswers, type Query } from './query';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

/** The request as the handlers need it (an express request is one). */
export type SheetRequest = IncomingMessage & { params: Record<string, string | undefined>; query: Query };

export interface SpreadsheetDeps {
  imports: PlanImportPort;
  exports: ExportPort;
  userIdOf(req: SheetRequest): string;
  /** the bounds of an uploaded plan; default `uploadLimitsFromEnv()` (ignored when `parser` is given) */
  limits?: UploadLimits;
  /** reads uploaded plans in worker threads; default one made from `limits` */
  parser?: PlanParser;
}

/** An error answered before anything was written (the API's error handler maps it to a status). */
export class NotFound extends DomainError {
  override readonly name = 'NotFoundError';
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super('not_found', `Fant ikke ${what} «${id}»`, [{ path: 'id', message: `Fant ikke ${what} «${id}»` }]);
  }
}

const attachment = (res: ServerResponse, type: string, filename: string) => {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
};

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw fileTooLarge(`Filen er for stor: ${megabytes(declared)}, grensen er ${megabytes(limit)}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw fileTooLarge(`Filen er for stor: over grensen på ${megabytes(limit)}`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function sendTables(res: ServerResponse, tables: Table[], format: 'xlsx' | 'csv', name: string): Promise<void> {
  const rows = tables.reduce((n, t) => n + (t.size ?? (Array.isArray(t.rows) ? t.rows.length : 0)), 0);
  // the row count lets a client show progress while the body streams in
  res.setHeader('X-Export-Rows', String(rows));
  if (format === 'xlsx') {
    attachment(res, XLSX_TYPE, `${name}.xlsx`);
    await writeXlsx(tables, res);
  } else {
    const [table] = tables;
    if (!table) throw new Error(`${name}: ingen tabell å skrive som CSV`);
    attachment(res, CSV_TYPE, `${name}.csv`);
    await streamCsv(table, res);
  }
}

export function spreadsheetHandlers(deps: SpreadsheetDeps) {
  const parser = deps.parser ?? new PlanParser(deps.limits ?? uploadLimitsFromEnv());
  const limit = parser.limits.maxBytes;
  return {
    /** reads the uploaded plans (its workers stop with `parser.close()`) */
    parser,

    /** GET /api/templates/gevinstrealiseringsplan.xlsx[?fromYear=2026&years=4&granularity=tertial|year] */
    async template(req: SheetRequest, res: ServerResponse) {
      const fromYearText = typeof req.query.fromYear === 'string' ? req.query.fromYear : undefined;
      if (fromYearText !== undefined && !/^\d{4}$/.test(fromYearText))
        throw new ValidationError('Ugyldig parameter', [{ path: 'fromYear', message: 'Oppgi et årstall, f.eks. 2026' }]);
      const yearsText = typeof req.query.years === 'string' ? req.query.years : undefined;
      if (yearsText !== undefined && !/^(?:[1-9]|10)$/.test(yearsText))
        throw new ValidationError('Ugyldig parameter', [{ path: 'years', message: 'Antall år må være fra 1 til 10' }]);
      const granularity = choice(req.query, 'granularity', ['tertial', 'year'] as const, 'tertial');
      const bytes = await buildPlanTemplate({
        fromYear: fromYearText ? Number(fromYearText) : undefined,
        years: yearsText ? Number(yearsText) : undefined,
        granularity,
        units: await deps.exports.units(),
      });
      attachment(res, XLSX_TYPE, 'gevinstrealiseringsplan.xlsx');
      res.end(bytes);
    },

    /** POST /api/projects/:id/import[?dryRun=1][&units={"Skole":"<unitId>"}], body: the .xlsx bytes */
    async importPlan(req: SheetRequest, res: ServerResponse) {
      const projectId = req.params.id ?? '';
      const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== XLSX_TYPE && type !== 'application/octet-stream') {
        throw new ValidationError('Feil filtype', [{ path: 'Content-Type', message: `Send filen som ${XLSX_TYPE}` }], 'unsupported_media_type');
      }
      const bytes = await readBody(req, limit);
      if (bytes.length === 0) throw new ValidationError('Tom fil', [{ path: 'body', message: 'Forespørselen har ingen fil' }]);
      const refusal = await deps.imports.checkProject(projectId);
      if (refusal?.code === 'not_found') throw new NotFound('prosjektet', projectId);
      const dryRun = flag(req.query, 'dryRun');
      const report = await importPlan(bytes, { projectId, userId: deps.userIdOf(req), dryRun, answers: unitAnswers(req.query), parse: parser.parse }, deps.imports);
      const status = dryRun ? 200 : report.ok ? 201 : 422;
      res.statusCode = status;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(report));
    },

    /** GET /api/export/ledger.(xlsx|csv)?from&to&level[&asOf][&view=flows|matrix|units|balances] */
    async ledger(req: SheetRequest, res: ServerResponse, format: 'xlsx' | 'csv') {
      const q = ledgerQuery(req.query);
      const views: LedgerView[] = format === 'csv' ? [choice(req.query, 'view', LEDGER_VIEWS, 'flows')] : [...LEDGER_VIEWS];
      const tables = await ledgerTables(deps.exports, q, views);
      const name = `gevinst-hovedbok${format === 'csv' ? `-${views[0]}` : ''}-${spanLabel(q)}`;
      await sendTables(res, tables, format, name);
    },

    /** GET /api/export/portfolio.(xlsx|csv)?from&to&level[&asOf] */
    async portfolio(req: SheetRequest, res: ServerResponse, format: 'xlsx' | 'csv') {
      const q = ledgerQuery(req.query);
      await sendTables(res, await portfolioTables(deps.exports, q), format, `gevinst-portefolje-${spanLabel(q)}`);
    },

    /** GET /api/export/projects/:id/plan.(xlsx|csv) */
    async projectPlan(req: SheetRequest, res: ServerResponse, format: 'xlsx' | 'csv') {
      const projectId = req.params.id ?? '';
      if (format === 'xlsx') {
        const found = await projectPlanXlsx(deps.exports, projectId, () => {
          attachment(res, XLSX_TYPE, `gevinstrealiseringsplan-${projectId}.xlsx`);
          return res;
        });
        if (!found) throw new NotFound('prosjektet', projectId);
        return;
      }
      const tables = await planVsRealisationTables(deps.exports, projectId);
      if (!tables) throw new NotFound('prosjektet', projectId);
      await sendTables(res, tables, 'csv', `plan-mot-realisering-${projectId}`);
    },
  };
}

export type SpreadsheetHandlers = ReturnType<typeof spreadsheetHandlers>;
