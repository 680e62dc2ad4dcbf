/** A worker in its own process, for the "worker killed mid-job" test: it dies (SIGKILL) right after claiming. */
import { openSqliteEventStore } from '@gevinst/eventstore';
import pino from 'pino';
import { FakeClock } from '../../src/clock';
import { smtpMailer } from '../../src/delivery/mailer';
import { createReminders } from '../../src/index';

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`worker-child: ${name} is not set`);
  return v;
};
const store = openSqliteEventStore({ path: env('CHILD_DB'), pollIntervalMs: 10 });
const reminders = createReminders({
  store,
  clock: new FakeClock(env('CHILD_NOW')),
  redisUrl: env('CHILD_REDIS_URL'),
  mailer: smtpMailer(env('CHILD_SMTP_URL'), { pool: false }),
  queueName: env('CHILD_QUEUE'),
  logger: pino({ level: 'silent' }),
  roles: { scheduler: false, worker: true },
  lockDurationMs: 1_000,
  stalledIntervalMs: 300,
  hooks: {
    afterClaim: () => {
      process.stdout.write('claimed\n');
      process.kill(process.pid, 'SIGKILL');
      return new Promise<void>(() => undefined);
    },
  },
});
await reminders.start();
process.stdout.write('ready\n');
setTimeout(() => process.exit(3), 30_000).unref();
