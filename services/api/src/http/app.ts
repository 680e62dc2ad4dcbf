import express, { type Express, type RequestHandler } from 'express';
import type { Level, Logger } from 'pino';
import type { Application } from '../application/handle';
import type { EventStore } from '@gevinst/eventstore';
import type { DueItem } from '@gevinst/domain/answers';
import type { ReadModels } from '@gevinst/projections';
import type { PastReports } from '@gevinst/projections';
import type { AccessControl } from './access';
import { apiNotFound, loggedInOnly } from './apiGate';
import { whileCatchingUp, type Readiness } from './catchingUp';
import { readYourWrites } from './readYourWrites';
import { auditRoutes } from './audit';
import { historyRoutes } from './routers/history';
import { benefitMapRoutes } from './routers/benefitMap';
import { errorHandler } from './errors';
import { requestLog } from './requestLog';
import { mountAdminTools, rebuildRoutes } from './routers/admin';
import { benefitRoutes } from './routers/benefits';
import { followUpRoutes } from './routers/followUp';
import { commandRouter } from './routers/commands';
import { grantRoutes } from './routers/grants';
import { goalRoutes } from './routers/goals';
import { healthRoutes } from './routers/health';
import { openapiRoutes } from './routers/openapi';
import { projectRoutes } from './routers/projects';
import { reportRoutes } from './routers/reports';
import { tertialReportRoutes } from './routers/tertialReport';
import { calendarRoutes } from './routers/calendar';
import { unitRoutes } from './routers/units';
import { webRoutes } from './routers/web';
import { valuationRoutes } from './routers/valuation';
import { securityHeaders } from './security/headers';
import { JSON_TYPES, jsonBodiesOnly } from './security/jsonOnly';
import { loginRateLimit, writeRateLimit, type RateLimitConfig } from './security/rateLimits';
import { sameOriginWrites } from './security/sameOrigin';

export interface AppDeps {
  application: Application;
  readModels: ReadModels;
  store: EventStore;
  /** the policy at the HTTP edge (who is asking, may they, what may they see) */
  access: AccessControl;
  logger: Logger;
  /** the level of each request's line (default debug: not written at the default LOG_LEVEL info) */
  requestLogLevel?: Level;
  openapi: () => unknown;
  /** built web UI (services/web/dist); served at / when present */
  webDist?: string;
  /** max JSON body; default 256 kB */
  bodyLimit?: string;
  clock?: () => string;
  /** routers that read their own bodies (the spreadsheet import), mounted before the JSON parser */
  beforeJson?: RequestHandler[];
  /** the benefit owner's due list; default: the projections' own (without reminder history) */
  due?: (owner: string | undefined, at: string) => DueItem[];
  /** reports as they stood at a past instant (`asOf`); without it `asOf` is refused */
  pastReports?: PastReports;
  /** extra routers after the API (bull-board at /admin/queues) */
  admin?: { path: string; router: RequestHandler }[];
  /** login routes (before any body parser) and the middleware that finds the request's person */
  authentication?: { routes: RequestHandler; authenticate: RequestHandler };
  /** the public address (Origin check), rate limits, and origins forms may post to (the login issuer) */
  security?: { publicUrl?: string; rateLimits?: RateLimitConfig; extraFormAction?: string[] };
  /** start-up still running: /api waits for it briefly, then answers 503 (see `whileCatchingUp`) */
  readiness?: Readiness;
  /** how long a request under /api waits for the read models to catch up before it is answered 503 (ms; default 2000) */
  catchUpWaitMs?: number;
}

/** The HTTP API and the web UI: the middleware in the order each needs the one before, then the routers. */
export const createApp = (deps: AppDeps): Express => {
  const { application, readModels, access } = deps;
  const clock = deps.clock ?? (() => new Date().toISOString());
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('etag', false);
  app.use(securityHeaders({ extraFormAction: deps.security?.extraFormAction }));
  app.use(requestLog(deps.logger, deps.requestLogLevel));
  const limits = deps.security?.rateLimits;
  app.use(sameOriginWrites({ publicUrl: deps.security?.publicUrl }), loginRateLimit(limits));
  if (deps.readiness) app.use('/api', whileCatchingUp(deps.readiness, readModels, deps.catchUpWaitMs));
  if (deps.authentication) app.use(deps.authentication.routes, deps.authentication.authenticate);
  // after authentication: writes are counted per person where one is known
  app.use(writeRateLimit(limits));
  for (const handler of deps.beforeJson ?? []) app.use(handler);
  app.use('/api', jsonBodiesOnly, express.json({ limit: deps.bodyLimit ?? '256kb', strict: false, type: JSON_TYPES }));
  app.use('/api', loggedInOnly(access));
  app.use('/api', readYourWrites(readModels, deps.catchUpWaitMs));

  app.use(healthRoutes(readModels, deps.readiness));
  app.use(openapiRoutes(deps.openapi));
  app.use(commandRouter({ application, access }));
  app.use(unitRoutes({ readModels, access }));
  app.use(projectRoutes({ readModels, access }));
  app.use(benefitRoutes({ readModels, access, clock, due: deps.due }));
  app.use(followUpRoutes({ readModels, access, clock }));
  app.use(reportRoutes({ readModels, access, clock, pastReports: deps.pastReports }));
  app.use(grantRoutes({ readModels, access }));
  app.use(goalRoutes({ readModels, access }));
  app.use(valuationRoutes({ readModels, access, clock }));
  app.use(tertialReportRoutes({ readModels, access, store: deps.store, clock }));
  app.use(calendarRoutes({ readModels, access, clock }));
  app.use(rebuildRoutes({ readModels, access }));
  app.use(auditRoutes({ store: deps.store, readModels, access }));
  app.use(historyRoutes({ store: deps.store, readModels, access }));
  app.use(benefitMapRoutes({ application, store: deps.store, readModels, access }));
  mountAdminTools(app, { tools: deps.admin ?? [], access });
  app.use('/api', apiNotFound);
  app.use(webRoutes(deps.webDist));
  app.use(errorHandler);
  return app;
};
