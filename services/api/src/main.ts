import { synchronousFromEnv } from '@gevinst/eventstore';
import { parseGroupRoles } from './auth/actor';
import { AuthConfigError, authConfigFromEnv, type AuthConfig } from './auth/config';
import { rateLimitsFromEnv } from './http/security/rateLimits';
import { requestLogLevelOf } from './http/requestLog';
import { startGevinst } from './server';
import { describeStartupError } from './startupError';

const env = process.env;
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
const port = Number(env.PORT ?? 3000);
const dbPath = env.GEVINST_DB ?? './data/gevinst.sqlite';
const gevinst = await startGevinst({
  port,
  host: env.HOST ?? '0.0.0.0',
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
  // listen at once; /healthz says `catching up` until the read models are current
  returnWhenListening: true,
}).catch((error: unknown) => {
  const line = describeStartupError(error, { dbPath, port });
  if (!line) throw error;
  process.stderr.write(`${line}\n`);
  process.exit(1);
});

gevinst.ready.catch((err: unknown) => {
  gevinst.logger.fatal({ err }, 'start-up failed');
  process.exit(1);
});

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  gevinst.logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  gevinst.close().then(
    () => process.exit(0),
    (err) => {
      gevinst.logger.error({ err }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

/** for `pnpm start` (scripts/start.ts), which says where to open it */
export { gevinst };
