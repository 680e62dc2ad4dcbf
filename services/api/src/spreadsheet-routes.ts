import { Router, type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express';
import { isDomainError, parseWith, ValidationError } from '@gevinst/domain/errors';
import type { ReadModels } from '@gevinst/projections';
import type { GevinstEvent } from '@gevinst/domain/events';
import {
  spreadsheetHandlers,
  NotFound,
  UploadRefused,
  type ExportPort,
  type ImportCommand,
  type PlanImportPort,
  type Refusal,
  type SheetRequest,
  type UploadLimits,
} from '@gevinst/spreadsheet';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Action } from '@gevinst/domain/access';
import type { Application } from './application/handle';
import { projectFacts } from './application/access';
import type { ActingPerson } from './auth/actor';
import { REPORT_READERS, type AccessControl } from './http/access';
import { cutLedger, cutMatrix, cutPortfolio, cutProjectDetail, cutRows, type InScope } from './http/scope';
import type { ProjectDetail } from '@gevinst/domain/answers';
import { commands } from './application/commands/index';
import { benefitsLookup, goalsLookup, owedLookup, plannedBenefitsLookup, projectsLookup, unitsLookup } from './application/context';
import { NotFoundError } from './application/errors';
import { toHttpError } from './http/errors';
import type { PastReports } from '@gevinst/projections';
import { asOfParam } from './http/query';
import { parseAsOf, type LedgerQuery } from '@gevinst/domain/ledger';
import { osloDate } from '@gevinst/domain/deciders';

export interface SpreadsheetRouteDeps {
  application: Application;
  readModels: ReadModels;
  clock?: () => string;
  /** for exports `asOf` a past instant; without it `asOf` is refused */
  pastReports?: PastReports;
  access: AccessControl;
  /** bounds of an uploaded plan; default the env (`GEVINST_IMPORT_MAX_BYTES` …) over the defaults */
  uploadLimits?: UploadLimits;
}

/**
 * The person behind the spreadsheet request and what their roles reach, for the ports below, which
 * the spreadsheet package calls without the request.
 */
interface SheetContext {
  actor: ActingPerson;
  inScope: InScope;
  /** the person's kommuner (docs/access.md «Flere kommuner») */
  inTenant: InScope;
  /** a joint project as the person sees it (their share) */
  projectOf: (projectId: string) => ProjectDetail | null;
}
const sheetContext = new AsyncLocalStorage<SheetContext>();
const nobody: InScope = () => false;
const userIdOf = (): string => sheetContext.getStore()?.actor.id ?? 'anonym';

const refusalOf = (error: unknown): Refusal => {
  if (isDomainError(error)) return { code: error.code, message: error.message, fields: error.fields };
  throw error;
};

/**
 * The API's own validation of one row's commands, appending nothing: each input schema, then each
 * decider with the context the application layer would give it, the later commands on the state
 * the first one's events make (the new benefit).
 */
function dryRunCheck(deps: SpreadsheetRouteDeps, rowCommands: ImportCommand[]): Refusal | null {
  const clock = deps.clock ?? (() => new Date().toISOString());
  const env = {
    units: unitsLookup(deps.readModels.units),
    projects: projectsLookup(deps.readModels.portfolio),
    plannedBenefits: plannedBenefitsLookup(deps.readModels.portfolio),
    owed: owedLookup(deps.readModels.ledger),
    benefits: benefitsLookup(deps.readModels.portfolio),
    goals: goalsLookup(deps.readModels.goals),
    now: clock(),
  };
  const streams = new Map<string, GevinstEvent[]>();
  const benefitId = 'import-dry-run';
  for (const c of rowCommands) {
    try {
      const spec = commands[c.command];
      if (!spec) throw new Error(`unknown command ${c.command}`);
      const input = parseWith(spec.input, c.input, 'Ugyldige data');
      const targetId = c.command === 'planBenefit' ? c.targetId : benefitId;
      for (const step of spec.steps({ id: benefitId, targetId, input, env })) {
        const recorded = streams.get(step.streamName) ?? [];
        const events = step.decide(recorded);
        streams.set(step.streamName, [...recorded, ...events]);
      }
    } catch (error) {
      return { command: c.command, ...refusalOf(error) };
    }
  }
  return null;
}

/** Adapts the API's application layer and read models to the spreadsheet package's ports. */
export function spreadsheetPorts(deps: SpreadsheetRouteDeps): { imports: PlanImportPort; exports: ExportPort } {
  const rm = deps.readModels;
  const clock = deps.clock ?? (() => new Date().toISOString());
  const units = () =>
    rm.units.list().filter((u) => inTenant()(u.id)).map((u) => ({ id: u.id, name: u.name, parentId: u.parentId, orgNumber: u.orgNumber, active: u.active, mergedInto: u.mergedInto }));
  const imports: PlanImportPort = {
    units,
    checkProject: (projectId) =>
      rm.portfolio.projects.has(projectId) ? null : { code: 'not_found', message: `Fant ikke prosjektet «${projectId}»`, fields: [] },
    check: (rowCommands) => dryRunCheck(deps, rowCommands),
    // straight from the portfolio model: the project's view would work out every benefit's status first
    goals: () => [...rm.goals.goals.values()].map((g) => ({ goalId: g.goalId, title: g.title, retired: g.retired })),
    existing: (projectId) =>
      (rm.portfolio.projects.get(projectId)?.benefitIds ?? []).flatMap((id) => {
        const b = rm.portfolio.benefits.get(id);
        return b && !b.cancelled && !b.unplanned ? [{ ...b, owner: b.owner ?? '', indicator: b.indicator ?? '' }] : [];
      }),
    followUp: (projectId) => {
      const benefits = (rm.portfolio.projects.get(projectId)?.benefitIds ?? []).flatMap((id) => {
        const b = rm.portfolio.benefits.get(id);
        return b && !b.cancelled ? [{ benefitId: id, title: b.title }] : [];
      });
      return {
        benefits,
        actions: benefits.flatMap((b) => rm.followUp.actionsOf(b.benefitId).map((a) => ({ benefitId: b.benefitId, title: a.title }))),
        risks: benefits.flatMap((b) =>
          rm.followUp.risksOf(b.benefitId).flatMap((r) => {
            const now = r.assessments[r.assessments.length - 1];
            return r.closedReason === null && now ? [{ benefitId: b.benefitId, threat: now.threat }] : [];
          }),
        ),
      };
    },
    run: (command, userId, idempotencyKey) =>
      deps.application.handle({
        command: command.command,
        targetId: command.targetId,
        input: command.input,
        userId,
        actor: sheetContext.getStore()?.actor,
        idempotencyKey,
      }),
  };
  const past = (asOf: string) => {
    if (!deps.pastReports)
      throw new ValidationError('Ugyldig parameter', [{ path: 'asOf', message: 'Denne tjenesten kan ikke vise rapporter bakover i tid' }]);
    return { reports: deps.pastReports, at: parseAsOf(asOf) };
  };
  const pastLedger = (asOf: string, q: LedgerQuery) => {
    const { reports, at } = past(asOf);
    return reports.ledger(at, q);
  };
  const inScope = () => sheetContext.getStore()?.inScope ?? nobody;
  const inTenant = () => sheetContext.getStore()?.inTenant ?? nobody;
  // the organisation figures are placed by: the one asked for (`org`), else today's, like the reports' default
  const today = (q: { from?: string; to?: string; level?: number; org?: string }): LedgerQuery => ({
    ...q,
    org: q.org === 'period' ? { mode: 'period' } : { mode: 'date', date: q.org ?? osloDate(clock()) },
  });
  const exports: ExportPort = {
    units,
    ledger: async (q) => cutLedger(q.asOf ? await pastLedger(q.asOf, today(q)) : rm.ledger.ledger(today(q)), inScope(), inTenant()),
    matrix: async (q) => cutMatrix(q.asOf ? (await pastLedger(q.asOf, today(q))).matrix : rm.ledger.matrix(today(q)), inScope(), inTenant()),
    balances: async (q) => cutRows(q.asOf ? (await pastLedger(q.asOf, today(q))).balances : rm.ledger.balances(today(q)), inScope(), inTenant()),
    portfolio: async (q) => cutPortfolio(await portfolio(q), inScope(), inTenant()),
    project: (projectId) => sheetContext.getStore()?.projectOf(projectId) ?? null,
    goalsOfBenefit: (benefitId) => rm.goals.goalsOfBenefit(benefitId).map((g) => g.title),
    followUpOf: (benefitId) => ({
      actions: rm.followUp.actionsOf(benefitId).map((a) => ({ title: a.title, owner: a.owner, deadline: a.deadline, status: a.status, comment: a.comment })),
      risks: rm.followUp.risksOf(benefitId).flatMap((r) => {
        const now = r.assessments[r.assessments.length - 1];
        return r.closedReason === null && now ? [{ threat: now.threat, probability: now.probability, consequence: now.consequence, mitigation: now.mitigation || null }] : [];
      }),
    }),
  };
  const portfolio = async (q: { from?: string; to?: string; level?: number; asOf?: string; org?: string }) => {
    // the same defaults as GET /api/portfolio: this year's tertials
    const year = new Date(clock()).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' }).slice(0, 4);
    const from = q.from ?? `${year}-T1`;
    const to = q.to ?? `${from.slice(0, 4)}-T3`;
    const org = today(q).org;
    if (!q.asOf) return rm.portfolioStatus({ from, to, level: q.level, org });
    const { reports, at } = past(q.asOf);
    return reports.portfolio(at, { from, to, level: q.level, org });
  };
  return { imports, exports };
}

/**
 * The spreadsheet routes: the plan template, import of a filled-in plan (dry run and commit), and
 * the XLSX/CSV exports. Mount before the API's JSON body parser (the import's body is the file), and
 * `close()` it with the server (uploaded plans are read in worker threads).
 */
export function spreadsheetRoutes(deps: SpreadsheetRouteDeps): Router & { close(): Promise<void> } {
  const ports = spreadsheetPorts(deps);
  const h = spreadsheetHandlers({ ...ports, userIdOf, limits: deps.uploadLimits });
  const router = Router();
  const as = (req: Request) => req as unknown as SheetRequest;
  const { access } = deps;
  /** the policy before the handler (an upload is refused before it is read), the person for the ports */
  const guard =
    (decide: (req: Request) => ActingPerson, inScope: (actor: ActingPerson) => InScope = () => nobody) =>
    (req: Request, _res: Response, next: NextFunction) => {
      const actor = decide(req);
      const projectOf = (projectId: string): ProjectDetail | null => {
        const project = deps.readModels.projects.project(projectId);
        if (!project || access.readsWholeProject(actor, projectId)) return project ?? null;
        return cutProjectDetail(project, access.inTenant(actor), access.foreignIds(actor, [project.ownerUnitId, project.id]));
      };
      sheetContext.run({ actor, inScope: inScope(actor), inTenant: access.inTenant(actor), projectOf }, next);
    };
  const reading = (action: Action) => guard((req) => access.allow(req, action), (actor) => access.inScope(actor, REPORT_READERS));
  router.get('/api/templates/gevinstrealiseringsplan.xlsx', guard((req) => access.actor(req)), (req: Request, res: Response) => h.template(as(req), res));
  router.post(
    '/api/projects/:id/import',
    guard((req) => access.allow(req, 'importPlan', projectFacts(deps.readModels, String(req.params.id)))),
    (req: Request, res: Response) => h.importPlan(as(req), res),
  );
  // like the JSON reports: a report as of a past instant names that instant in `X-As-Of`
  const asOfHeader = (req: Request, res: Response, next: NextFunction) => {
    let asOf: ReturnType<typeof asOfParam>;
    try {
      asOf = asOfParam(req);
    } catch {
      return next(); // the export refuses the bad asOf itself (400, naming the field)
    }
    if (asOf && deps.pastReports) res.setHeader('X-As-Of', asOf.instant);
    next();
  };
  router.get('/api/export/ledger.:format', reading('readLedger'), asOfHeader, (req: Request, res: Response) => h.ledger(as(req), res, format(req)));
  router.get('/api/export/portfolio.:format', reading('readPortfolio'), asOfHeader, (req: Request, res: Response) => h.portfolio(as(req), res, format(req)));
  router.get('/api/export/projects/:id/plan.:format', guard((req) => access.readProject(req, String(req.params.id))), (req: Request, res: Response) => h.projectPlan(as(req), res, format(req)));
  router.use(spreadsheetErrors);
  // the plan reader's worker threads stop with the server
  return Object.assign(router, { close: () => h.parser.close() });
}

function format(req: Request): 'xlsx' | 'csv' {
  const f = req.params.format;
  if (f === 'xlsx' || f === 'csv') return f;
  throw new NotFoundError('formatet', String(f), 'format');
}

const spreadsheetErrors: ErrorRequestHandler = (error, req, res, _next) => {
  if (res.headersSent) {
    // a streamed export that failed half-way: cut the download rather than hand over half a file
    req.log?.error({ err: error }, 'export failed while streaming');
    res.destroy(error instanceof Error ? error : undefined);
    return;
  }
  if (error instanceof UploadRefused) {
    if (error.retryAfter) res.setHeader('Retry-After', String(error.retryAfter));
    // a body refused before it was read to its end: the connection cannot carry another request
    if (!req.complete) res.setHeader('Connection', 'close');
    return void res.status(error.status).json({ error: error.toJSON() });
  }
  const { status, body, headers } = toHttpError(error instanceof NotFound ? new NotFoundError(error.what, error.id) : error);
  if (status >= 500) req.log?.error({ err: error }, 'request failed');
  if (headers) res.set(headers);
  res.status(status).json(body);
};
