import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { v7 as uuidv7 } from 'uuid';
import type { Application } from '../application/handle';
import type { EventStore } from '@gevinst/eventstore/port';
import { NotFoundError } from '../application/errors';
import type { ReadModels } from '@gevinst/projections';
import type { AsOf } from '@gevinst/domain/ledger/index';
import { ValidationError } from '@gevinst/domain/errors/index';
import { logSerializers } from '../auth/redact';
import { commandRoutes } from './routes';
import { errorHandler } from './errors';
import { asOfParam, dateParam, spanParams, stringParam } from './query';
import type { PastReports } from '@gevinst/projections';
import { REPORT_READERS, type AccessControl } from './access';
import { auditRoutes } from './audit';
import { cutLedger, cutMatrix, cutPortfolio, cutRows, cutTrace } from './scope';
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
  openapi: () => unknown;
  /** built web UI (services/web/dist); served at / when present */
  webDist?: string;
  /** max JSON body; default 256 kB */
  bodyLimit?: string;
  clock?: () => string;
  /** routers that read their own bodies (the spreadsheet import), mounted before the JSON parser */
  beforeJson?: RequestHandler[];
  /** the benefit owner's due list; default: the projections' own (without reminder history) */
  due?: (owner: string | undefined, at: string) => unknown;
  /** reports as they stood at a past instant (`asOf`); without it `asOf` is refused */
  pastReports?: PastReports;
  /** extra routers after the API (bull-board at /admin/queues) */
  admin?: { path: string; router: RequestHandler }[];
  /** login routes (before any body parser) and the middleware that finds the request's person */
  authentication?: { routes: RequestHandler; authenticate: RequestHandler };
  /** the public address (Origin check), rate limits, and origins forms may post to (the login issuer) */
  security?: { publicUrl?: string; rateLimits?: RateLimitConfig; extraFormAction?: string[] };
}

const revisionFromIfMatch = (req: Request): string | undefined => {
  const header = req.get('if-match');
  if (!header) return undefined;
  return header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
};

const todayInOslo = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });

export const createApp = (deps: AppDeps): Express => {
  const { application, readModels: rm, access } = deps;
  const clock = deps.clock ?? (() => new Date().toISOString());
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('etag', false);
  app.use(securityHeaders({ extraFormAction: deps.security?.extraFormAction }));

  const requestId = (req: { headers: Record<string, unknown> }, res: Response) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : uuidv7();
    res.setHeader('X-Request-Id', id);
    return id;
  };
  if (deps.logger.isLevelEnabled('info'))
    app.use(
      pinoHttp({
        logger: deps.logger,
        genReqId: (req, res) => requestId(req, res as Response),
        customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
        autoLogging: { ignore: (req) => req.url === '/healthz' },
        serializers: logSerializers,
      }),
    );
  else {
    // below info there is no per-request line: pino-http would still make a child logger and listeners
    // for every request (~5% of a command's CPU), so only the id is set and the child made when an error is logged
    const logger = deps.logger;
    app.use((req, res, next) => {
      const id = requestId(req, res);
      let child: Logger | undefined;
      Object.defineProperty(req, 'id', { value: id, configurable: true, writable: true });
      Object.defineProperty(req, 'log', { get: () => (child ??= logger.child({ req: { id, method: req.method, url: req.url } })), configurable: true });
      next();
    });
  }
  const limits = deps.security?.rateLimits;
  app.use(sameOriginWrites({ publicUrl: deps.security?.publicUrl }), loginRateLimit(limits));
  if (deps.authentication) app.use(deps.authentication.routes, deps.authentication.authenticate);
  // after authentication: writes are counted per person where one is known
  app.use(writeRateLimit(limits));
  for (const handler of deps.beforeJson ?? []) app.use(handler);
  app.use('/api', jsonBodiesOnly, express.json({ limit: deps.bodyLimit ?? '256kb', strict: false, type: JSON_TYPES }));
  // every answer under /api but the API's description is for a logged-in person (401 before anything else)
  app.use('/api', (req, _res, next) => {
    if (req.path !== '/openapi.json') access.actor(req);
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', position: rm.runner.position?.toString() ?? null, eventsApplied: rm.runner.applied });
  });
  app.get('/api/openapi.json', (_req, res) => {
    res.json(deps.openapi());
  });

  for (const route of commandRoutes) {
    app.post(route.path, async (req: Request, res: Response) => {
      const rawId = (req.params as Record<string, string | undefined>).id;
      const actor = access.actor(req);
      const idempotencyKey = req.get('idempotency-key');
      const result = await application.handle({
        command: route.command,
        targetId: rawId,
        input: req.body,
        userId: actor.id,
        actor,
        idempotencyKey: idempotencyKey ? idempotencyKey.slice(0, 200) : undefined,
        expectedRevision: revisionFromIfMatch(req),
        correlationId: String(req.id),
      });
      res.status(201).setHeader('ETag', `"${result.revision}"`).json(result);
    });
  }

  const found = <T>(value: T | undefined, what: string, id: string): T => {
    if (value === undefined) throw new NotFoundError(what, id);
    return value;
  };

  app.get('/api/units', (req, res) => {
    access.allow(req, 'readUnits');
    res.json(rm.units.list());
  });
  app.get('/api/units/:id', (req, res) => {
    access.allow(req, 'readUnits');
    res.json(found(rm.units.detail(req.params.id), 'enheten', req.params.id));
  });
  app.get('/api/projects', (req, res) => {
    const actor = access.actor(req);
    res.json(rm.projects.list().filter((p) => access.mayReadProject(actor, p.id)));
  });
  app.get('/api/projects/:id', (req, res) => {
    const project = found(rm.projects.project(req.params.id), 'prosjektet', req.params.id);
    access.readProject(req, req.params.id);
    res.json(project);
  });
  app.get('/api/benefits/:id', (req, res) => {
    const benefit = found(rm.projects.benefit(req.params.id), 'gevinsten', req.params.id);
    access.readBenefit(req, req.params.id);
    res.json(benefit);
  });
  app.get('/api/due', (req, res) => {
    const actor = access.actor(req);
    const owner = stringParam(req, 'owner') ?? actor.id;
    access.allow(req, 'readDue', { person: owner });
    const at = dateParam(req, 'at') ?? todayInOslo(clock());
    const items = (deps.due ? deps.due(owner, at) : rm.due(owner, at)) as { recipientUnitId: string }[];
    // someone else's list: only the benefits received within the reader's scope
    const inScope = owner.toLowerCase() === actor.id ? () => true : access.inScope(actor, REPORT_READERS);
    res.json(items.filter((item) => inScope(item.recipientUnitId)));
  });
  /** `asOf` given: the report from the events recorded by then (header `X-As-Of` names the instant) */
  const pastOr = async <T>(req: Request, res: Response, past: (p: PastReports, asOf: AsOf) => Promise<T>, today: () => T) => {
    const asOf = asOfParam(req);
    if (!asOf) return res.json(today());
    if (!deps.pastReports)
      throw new ValidationError('Ugyldig parameter', [{ path: 'asOf', message: 'Denne tjenesten kan ikke vise rapporter bakover i tid' }]);
    const answer = await past(deps.pastReports, asOf);
    res.setHeader('X-As-Of', asOf.instant);
    return res.json(answer);
  };
  /** the ledger's readers, with what their roles reach */
  const ledgerScope = (req: Request) => access.inScope(access.allow(req, 'readLedger'), REPORT_READERS);
  app.get('/api/ledger', async (req, res) => {
    const inScope = ledgerScope(req);
    const q = spanParams(req);
    await pastOr(
      req,
      res,
      async (p, asOf) => {
        const r = await p.ledger(asOf, q);
        return cutLedger({ from: r.from, to: r.to, level: r.level, flows: r.flows, units: r.units }, inScope);
      },
      () => cutLedger(rm.ledger.ledger(q), inScope),
    );
  });
  app.get('/api/ledger/matrix', async (req, res) => {
    const inScope = ledgerScope(req);
    const q = spanParams(req);
    await pastOr(req, res, async (p, asOf) => cutMatrix((await p.ledger(asOf, q)).matrix, inScope), () => cutMatrix(rm.ledger.matrix(q), inScope));
  });
  app.get('/api/ledger/imbalances', async (req, res) => {
    const inScope = ledgerScope(req);
    const q = spanParams(req);
    await pastOr(req, res, async (p, asOf) => cutRows((await p.ledger(asOf, q)).imbalances, inScope), () => cutRows(rm.ledger.imbalances(q), inScope));
  });
  app.get('/api/ledger/balances', async (req, res) => {
    const inScope = ledgerScope(req);
    const q = spanParams(req);
    await pastOr(req, res, async (p, asOf) => cutRows((await p.ledger(asOf, q)).balances, inScope), () => cutRows(rm.ledger.balances(q), inScope));
  });
  app.get('/api/ledger/trace', (req, res) => {
    const inScope = ledgerScope(req);
    const q = spanParams(req);
    res.json(cutTrace(rm.ledger.trace({ ...q, fromUnitId: stringParam(req, 'fromUnitId', 200), toUnitId: stringParam(req, 'toUnitId', 200) }), inScope));
  });
  app.get('/api/portfolio', async (req, res) => {
    const inScope = access.inScope(access.allow(req, 'readPortfolio'), REPORT_READERS);
    const q = spanParams(req);
    const year = todayInOslo(clock()).slice(0, 4);
    const from = q.from ?? `${year}-T1`;
    const to = q.to ?? `${from.slice(0, 4)}-T3`;
    await pastOr(
      req,
      res,
      async (p, asOf) => cutPortfolio(await p.portfolio(asOf, { from, to, level: q.level }), inScope),
      () => cutPortfolio(rm.portfolioStatus({ from, to, level: q.level }), inScope),
    );
  });
  app.get('/api/access/grants', (req, res) => {
    access.allow(req, 'readRoles');
    res.json(rm.access.list().map((g) => ({ ...g, unitName: g.unitId ? (rm.units.get(g.unitId)?.name ?? null) : null })));
  });

  // drops the read models and reads every event again (reads during the rebuild may see a partial model)
  app.post('/api/admin/rebuild', async (req, res) => {
    access.allow(req, 'administer');
    const started = performance.now();
    await rm.rebuild();
    res.json({ position: rm.runner.position?.toString() ?? null, eventsApplied: rm.runner.applied, ms: Math.round(performance.now() - started) });
  });

  app.use(auditRoutes({ store: deps.store, readModels: rm, access }));

  for (const { path, router } of deps.admin ?? [])
    app.use(
      path,
      (req, _res, next) => {
        access.allow(req, 'administer');
        next();
      },
      router,
    );

  app.use('/api', (req, _res, next) => {
    next(new NotFoundError('ressursen', req.path, 'path'));
  });

  const webDist = deps.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: 'index.html', fallthrough: true }));
    app.use((req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      res.sendFile(join(webDist, 'index.html'));
    });
  }
  app.use(errorHandler);
  return app;
};
