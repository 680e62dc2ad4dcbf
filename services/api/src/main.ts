import type { AddressInfo } from 'node:net';
import { listenEarly } from './http/earlyServer';
import { describeStartupError } from './startupError';
import type { AuthConfig } from './auth/config';
import type { RunningGevinst } from './server';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? '0.0.0.0';
const dbPath = env.GEVINST_DB ?? './data/gevinst.sqlite';
const failed = (error: unknown): never => {
  const line = describeStartupError(error, { dbPath, port });
  if (!line) throw error;
  process.stderr.write(`${line}\n`);
  process.exit(1);
};

// the port is opened before the app's modules are loaded (seconds): /healthz says `catching up` meanwhile
const early = await listenEarly(port, host).catch(failed);
const started: { gevinst?: RunningGevinst } = {};
let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  // stopped while still loading: nothing is started yet but the port
  if (!started.gevinst) {
    early.server.close();
    process.exit(0);
  }
  const running = started.gevinst;
  running.logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  running.close().then(
    () => process.exit(0),
    (err) => {
      running.logger.error({ err }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

const [{ synchronousFromEnv }, { parseGroupRoles }, { AuthConfigError, authConfigFromEnv }, { rateLimitsFromEnv }, { requestLogLevelOf }, { startGevinst }] = await Promise.all([
  import('@gevinst/eventstore'),
  import('./auth/actor'),
  import('./auth/config'),
  import('./http/security/rateLimits'),
  import('./http/requestLog'),
  import('./server'),
]);
let auth: AuthConfig;
try {
  auth = authConfigFromEnv(env);
} catch (error) {
  if (!(error instanceof AuthConfigError)) throw error;
  console.error(`gevinst: ${error.message}`);
  process.exit(1);
}
const positiveInteger = (name: string): number | undefined => {
  const raw = env[name];
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} må være et positivt heltall (fikk «${raw}»)`);
  return n;
};
const gevinst = await startGevinst({
  port: (early.server.address() as AddressInfo).port,
  host,
  dbPath,
  eventStoreUrl: env.EVENTSTORE_URL || undefined,
  databaseUrl: env.DATABASE_URL || undefined,
  pgSchema: env.GEVINST_PG_SCHEMA || undefined,
  demo: env.GEVINST_DEMO !== '0',
  logLevel: env.LOG_LEVEL ?? 'info',
  requestLogLevel: requestLogLevelOf(env.GEVINST_REQUEST_LOG_LEVEL),
  publicUrl: env.GEVINST_PUBLIC_URL,
  reminders: env.GEVINST_REMINDERS !== '0',
  redisUrl: env.REDIS_URL || undefined,
  smtpUrl: env.SMTP_URL || undefined,
  sqliteSynchronous: synchronousFromEnv(env.GEVINST_SQLITE_SYNCHRONOUS) ?? 'FULL',
  groupRoles: parseGroupRoles(env.GEVINST_GROUP_ROLES),
  auth,
  rateLimits: rateLimitsFromEnv(env),
  storeBusyTimeoutMs: positiveInteger('GEVINST_STORE_BUSY_TIMEOUT_MS'),
  early,
  // resolve once it serves; /healthz says `catching up` until the read models are current
  returnWhenListening: true,
}).catch(failed);

started.gevinst = gevinst;
gevinst.ready.catch((err: unknown) => {
  gevinst.logger.fatal({ err }, 'start-up failed');
  process.exit(1);
});

/** for `pnpm start` (scripts/start.ts), which says where to open it */
export { gevinst };
