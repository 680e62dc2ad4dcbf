import Database from 'better-sqlite3';
import { openSqliteEventStore, type EventStore, type PostgresEventStore, type PostgresQuery } from '@gevinst/eventstore';
import { ReadModels, SharedSnapshots } from '@gevinst/projections';
import type { Express } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino, type Level, type Logger } from 'pino';
import { Application } from './application/handle';
import { commands } from './application/commands/index';
import { IdempotencyStore, PostgresIdempotencyKeys, type IdempotencyKeys } from './application/idempotency';
import { CompleteMergers } from './application/processes/completeMergers';
import { DEMO_USER, loadDemo } from './demo/load';
import { createApp } from './http/app';
import { AccessControl } from './http/access';
import { DEFAULT_GROUP_ROLES, type GroupRoles } from './auth/actor';
import { PastReports } from '@gevinst/projections';
import { openapiDocument } from './openapi/document';
import { spreadsheetRoutes } from './spreadsheet-routes';
import { fileAttachmentStore } from './evidence/AttachmentStore';
import { evidenceMaxBytes, evidenceRoutes } from './evidence/routes';
import { createAuthentication, type Authentication } from './auth/authentication';
import { postgresLoginAttempts, postgresSessionRows } from './auth/postgresRows';
import { validateAuthConfig, type AuthConfig } from './auth/config';
import type { RateLimitConfig } from './http/security/rateLimits';
import type { UploadLimits } from '@gevinst/spreadsheet';
import { createReminders, type Reminders, type RemindersOptions } from '@gevinst/reminders';
import type { EarlyServer } from './http/earlyServer';

export interface GevinstConfig {
  /** 0 = a free port; default 3000 */
  port?: number;
  /** default 0.0.0.0 */
  host?: string;
  /** the SQLite file (events when no EVENTSTORE_URL; checkpoints and idempotency keys always) */
  dbPath?: string;
  /** EventStoreDB/KurrentDB connection string; when set, events live there */
  eventStoreUrl?: string;
  /** a PostgreSQL address (`postgres://…`, DATABASE_URL): the events live there, and several instances may share it */
  databaseUrl?: string;
  /** GEVINST_PG_SCHEMA: the PostgreSQL schema of the events and what is kept beside them; default `public` */
  pgSchema?: string;
  /**
   * SQLite `synchronous` for the event file: FULL (default) fsyncs every commit and survives a power
   * cut; NORMAL survives a process crash and is ~7× faster per command (see docs/architecture.md).
   */
  sqliteSynchronous?: 'FULL' | 'NORMAL';
  /** load the demo municipality when the store is empty; default true */
  demo?: boolean;
  logLevel?: string;
  /** the level of each request's line; default debug (`GEVINST_REQUEST_LOG_LEVEL`) */
  requestLogLevel?: Level;
  logger?: Logger;
  webDist?: string;
  publicUrl?: string;
  /** clock for commands and read models (ISO instant) */
  clock?: () => string;
  bodyLimit?: string;
  /**
   * run the reminder service in this process (scheduler + worker; BullMQ when `redisUrl`, else an
   * in-process queue; SMTP when `smtpUrl`, else .eml files in the outbox). Default off; main.ts turns it on.
   */
  reminders?: boolean | Partial<Omit<RemindersOptions, 'store'>>;
  redisUrl?: string;
  smtpUrl?: string;
  /** roles that follow from the identity provider's groups (`GEVINST_GROUP_ROLES`); default: the administrators' group */
  groupRoles?: GroupRoles;
  /** login: OIDC_ISSUER & co., GEVINST_ADMIN_TOKEN; without an issuer the embedded test provider runs */
  auth?: AuthConfig;
  /** writes and login attempts per minute (429 beyond); defaults in http/security/rateLimits.ts */
  rateLimits?: RateLimitConfig;
  /** how long a write waits for another process's write lock before it answers 503 (ms); default 2500 */
  storeBusyTimeoutMs?: number;
  /** bounds of an uploaded spreadsheet; default the GEVINST_IMPORT_* env over the defaults */
  uploadLimits?: UploadLimits;
  /** evidence files: their folder (default `evidence/` next to the SQLite file) and max size (default GEVINST_EVIDENCE_MAX_BYTES, else 10 MB) */
  evidence?: { dir?: string; maxBytes?: number };
  /**
   * resolve `startGevinst` as soon as it listens, while the read models still catch up (`ready` tells
   * when they are current); default false: it resolves once they are (what tests and tools want)
   */
  returnWhenListening?: boolean;
  /** how long a request under /api waits for the read models to catch up before it is answered 503 (ms; default 2000) */
  catchUpWaitMs?: number;
  /** store the read models in the SQLite file and resume from them at start (default true) */
  snapshots?: boolean;
  /** a server already listening (main.ts opens it before this module is loaded); the app takes it over instead of listening itself */
  early?: EarlyServer;
}

export interface RunningGevinst {
  url: string;
  /** the express app (its routes are what GET /api/openapi.json describes) */
  app: Express;
  port: number;
  store: EventStore;
  readModels: ReadModels;
  application: Application;
  handle: Application['handle'];
  logger: Logger;
  reminders?: Reminders;
  auth: Authentication;
  /** resolves once the read models are current and the start-up work is done (rejects when it failed) */
  ready: Promise<void>;
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_WEB_DIST = join(here, '..', '..', 'web', 'dist');

/**
 * The event store, and the SQLite file the read models' snapshots, idempotency keys and login sessions
 * live in: the store's own file by default; beside a server store (KurrentDB, PostgreSQL) a file of this
 * instance's own (`dbPath`), so every instance on one server keeps its own.
 */
const openStore = async (config: GevinstConfig): Promise<{ store: EventStore; db: Database.Database; ownDb: boolean }> => {
  const dbPath = config.dbPath ?? './data/gevinst.sqlite';
  if (config.eventStoreUrl || config.databaseUrl) {
    const { openEventStoreFromEnv } = await import('@gevinst/eventstore');
    const opened = await openEventStoreFromEnv({ EVENTSTORE_URL: config.eventStoreUrl, DATABASE_URL: config.databaseUrl, GEVINST_PG_SCHEMA: config.pgSchema });
    if (opened.kind === 'sqlite') {
      await opened.store.close();
      throw new Error('DATABASE_URL must be a postgres:// address');
    }
    const { mkdirSync } = await import('node:fs');
    if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
    const db = new Database(dbPath);
    db.pragma('journal_mode = WAL');
    return { store: opened.store, db, ownDb: true };
  }
  const store = openSqliteEventStore({ path: dbPath, synchronous: config.sqliteSynchronous, busyTimeoutMs: config.storeBusyTimeoutMs ?? 2_500 });
  return { store, db: store.db, ownDb: false };
};

const postgresOf = (store: EventStore): PostgresEventStore | undefined =>
  (store as Partial<PostgresEventStore>).kind === 'postgres' ? (store as PostgresEventStore) : undefined;

/** on PostgreSQL, the read models are kept there too, so any instance resumes from the furthest one's */
const sharedSnapshotsOf = (store: EventStore, db: Database.Database): SharedSnapshots | undefined => {
  const pg = postgresOf(store);
  return pg ? new SharedSnapshots(db, (text, values) => pg.pool.query(text, values), pg.schema) : undefined;
};

/** the first answers to commands with an Idempotency-Key: in PostgreSQL when the events are, so every instance finds them */
const idempotencyKeysOf = (store: EventStore, db: Database.Database): IdempotencyKeys => {
  const pg = postgresOf(store);
  return pg ? new PostgresIdempotencyKeys(pg) : new IdempotencyStore(db);
};

/** logins and sessions in PostgreSQL when the events are, so a person may reach any instance */
const sharedAuthOf = (store: EventStore) => {
  const pg = postgresOf(store);
  if (!pg) return undefined;
  const query: PostgresQuery = (text, values) => pg.pool.query(text, values);
  return { sessions: postgresSessionRows(query, pg.schema), loginAttempts: postgresLoginAttempts(query, pg.schema) };
};

/** Starts the API with its read models (and the demo when the store is empty). For main.ts and tests. */
export const startGevinst = async (config: GevinstConfig = {}): Promise<RunningGevinst> => {
  validateAuthConfig(config.auth ?? {});
  const logger = config.logger ?? pino({ level: config.logLevel ?? 'info', base: { service: 'gevinst-api' } });
  const { store, db, ownDb } = await openStore(config);
  const shared = sharedSnapshotsOf(store, db);
  const readModels = new ReadModels({
    store,
    db,
    onSnapshotsStored: shared
      ? () => void shared.push().catch((err: unknown) => logger.warn({ err }, 'could not copy the read models to PostgreSQL; the next store tries again'))
      : undefined,
    clock: config.clock,
    snapshots: config.snapshots,
    onError: (err) => logger.warn({ err }, 'projection subscription dropped; resubscribing from the checkpoint'),
    onRestore: ({ name, position, rebuildBecause }) =>
      rebuildBecause
        ? logger.info({ model: name, reason: rebuildBecause }, 'read model rebuilt from the first event')
        : logger.info({ model: name, position: position?.toString() }, 'read model taken up from its snapshot'),
    onProgress: (p) =>
      logger.info(
        { kind: p.kind, position: p.position?.toString() ?? null, head: p.head?.toString() ?? null, percent: p.percent, eventsApplied: p.eventsApplied, ms: p.ms },
        p.done ? 'read models current' : 'read models catching up',
      ),
  });
  const application = new Application({ store, readModels, idempotency: idempotencyKeysOf(store, db), commands, clock: config.clock });
  // a merger cut short between its appends (a crash) is completed before the API takes requests
  const mergers = new CompleteMergers({
    store,
    readModels,
    clock: config.clock,
    onWritten: (merger, recovered) =>
      recovered
        ? logger.info({ merger }, 'completed a merger left half-recorded before the last stop: UnitMergedInto appended')
        : logger.debug({ merger }, 'merger completed: UnitMergedInto appended'),
    onError: (err, merger) => logger.error({ err, merger }, 'could not complete a merger'),
  });

  /**
   * The address people use to reach Gevinst, for the login's callback and the links in mails:
   * GEVINST_PUBLIC_URL, else the address it listens on (known for certain once it listens; before
   * that the configured port, which is the one it will listen on unless that is 0).
   */
  let publicBase = (config.publicUrl ?? `http://localhost:${config.port ?? 3000}`).replace(/\/+$/, '');

  let reminders: Reminders | undefined;
  if (config.reminders) {
    const options = typeof config.reminders === 'object' ? config.reminders : {};
    reminders = createReminders({
      store,
      logger: logger.child({ service: 'gevinst-reminders' }),
      redisUrl: config.redisUrl,
      smtpUrl: config.smtpUrl,
      publicUrl: () => publicBase,
      // reminders ahead of the årshjul's tertial report deadlines
      calendar: true,
      ...options,
      // the demo's history is loaded at once: what was already late in it is not mailed
      config: { historyLoaders: [DEMO_USER], ...options.config },
    });
  }
  const running = reminders;

  /**
   * The start-up work, after the server listens (requests under /api wait for it, see `whileCatchingUp`):
   * the read models catch up from their snapshots, a merger cut short is completed, the demo loaded into
   * an empty store, and the reminder scheduler catches up.
   */
  let started = false;
  let stopping = false;
  const startUp = async (): Promise<void> => {
    // a turn of the event loop first, so /healthz answers before the snapshots are read
    await new Promise((resolve) => setImmediate(resolve));
    if (shared) {
      const taken = await shared.pull();
      if (taken > 0) logger.info({ models: taken }, 'read models taken from PostgreSQL, stored there by another instance');
    }
    await readModels.start();
    if (stopping) return;
    await mergers.start();
    if (stopping) return;
    if (config.demo ?? true) {
      const loaded = await loadDemo(application, store);
      if (loaded) logger.info({ commands: loaded }, 'demo municipality loaded');
    }
    if (stopping) return;
    await reminders?.start();
    started = true;
  };
  let listening: () => void = () => undefined;
  const whenStarted = new Promise<void>((resolve) => (listening = resolve)).then(startUp);
  whenStarted.catch(() => undefined);

  const access = new AccessControl(readModels, config.groupRoles ?? DEFAULT_GROUP_ROLES);
  const auth = await createAuthentication({
    db,
    logger,
    publicUrl: config.publicUrl,
    config: config.auth,
    describe: (p) => ({ roles: access.rolesOf(p) }),
    shared: sharedAuthOf(store),
  });
  const pastReports = new PastReports(store, () => readModels.runner.position?.toString() ?? '');
  const sheets = spreadsheetRoutes({ application, readModels, clock: config.clock, pastReports, access, uploadLimits: config.uploadLimits });
  const evidence = evidenceRoutes({
    application,
    readModels,
    access,
    store: fileAttachmentStore(config.evidence?.dir ?? join(dirname(config.dbPath ?? './data/gevinst.sqlite'), 'evidence')),
    maxBytes: config.evidence?.maxBytes ?? evidenceMaxBytes(),
  });
  const app = createApp({
    application,
    readModels,
    store,
    access,
    pastReports,
    beforeJson: [sheets, evidence],
    due: running ? (owner, at) => (owner ? running.dueFor(owner, at) : []) : undefined,
    admin: running?.adminRouter ? [{ path: '/admin/queues', router: running.adminRouter }] : [],
    logger,
    requestLogLevel: config.requestLogLevel,
    authentication: auth,
    openapi: () => openapiDocument(config.publicUrl),
    webDist: config.webDist ?? DEFAULT_WEB_DIST,
    bodyLimit: config.bodyLimit,
    clock: config.clock,
    security: {
      publicUrl: config.publicUrl,
      rateLimits: config.rateLimits,
      // a form's redirect to an outside issuer (logout) must be allowed by the CSP's form-action
      extraFormAction: config.auth?.issuer ? [new URL(config.auth.issuer).origin] : [],
    },
    readiness: { started: () => started, whenStarted },
    catchUpWaitMs: config.catchUpWaitMs,
  });
  const early = config.early;
  early?.serve(app);
  const server: Server = early
    ? early.server
    : await new Promise((resolve, reject) => {
        const s = app.listen(config.port ?? 3000, config.host ?? '0.0.0.0', (error?: Error) => (error ? reject(error) : resolve(s)));
      });
  server.keepAliveTimeout = 5_000;
  const port = (server.address() as AddressInfo).port;
  const host = config.host && config.host !== '0.0.0.0' && config.host !== '::' ? config.host : '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ url }, 'gevinst api listening');
  if (!config.publicUrl) publicBase = host === config.host ? url : `http://localhost:${port}`;
  auth.setListeningUrl(publicBase);
  listening();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // stop taking connections, let in-flight requests finish, then store checkpoints and close
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      auth.close();
      // a start-up still catching up stops where it is (the models are stored as far as they got)
      stopping = true;
      if (!started) await readModels.stop();
      await whenStarted.catch(() => undefined);
      await reminders?.stop();
      await sheets.close();
      await mergers.stop();
      await readModels.stop();
      await shared?.push().catch((err: unknown) => logger.warn({ err }, 'could not copy the read models to PostgreSQL'));
      await store.close();
      if (ownDb) db.close();
      logger.info('gevinst api stopped');
    })());

  const gevinst: RunningGevinst = { url, app, port, store, readModels, application, handle: application.handle, logger, reminders, auth, ready: whenStarted, close };
  if (!config.returnWhenListening)
    await whenStarted.catch(async (error: unknown) => {
      await close().catch(() => undefined);
      throw error;
    });
  return gevinst;
};
