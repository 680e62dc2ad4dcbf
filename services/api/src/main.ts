import { synchronousFromEnv } from '@gevinst/eventstore';
import { parseGroupRoles } from './auth/actor';
import { AuthConfigError, authConfigFromEnv, type AuthConfig } from './auth/config';
import { startGevinst } from './server';

const env = process.env;
let auth: AuthConfig;
try {
  auth = authConfigFromEnv(env);
} catch (error) {
  if (!(error instanceof AuthConfigError)) throw error;
  console.error(`gevinst: ${error.message}`);
  process.exit(1);
}
const gevinst = await startGevinst({
  port: Number(env.PORT ?? 3000),
  host: env.HOST ?? '0.0.0.0',
  dbPath: env.GEVINST_DB ?? './data/gevinst.sqlite',
  eventStoreUrl: env.EVENTSTORE_URL || undefined,
  demo: env.GEVINST_DEMO !== '0',
  logLevel: env.LOG_LEVEL ?? 'info',
  publicUrl: env.GEVINST_PUBLIC_URL,
  reminders: env.GEVINST_REMINDERS !== '0',
  redisUrl: env.REDIS_URL || undefined,
  smtpUrl: env.SMTP_URL || undefined,
  sqliteSynchronous: synchronousFromEnv(env.GEVINST_SQLITE_SYNCHRONOUS) ?? 'FULL',
  groupRoles: parseGroupRoles(env.GEVINST_GROUP_ROLES),
  auth,
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
