/**
 * The reminder service on its own: `tsx services/reminders/src/main.ts`.
 * Env: EVENTSTORE_URL (KurrentDB) or GEVINST_DB (SQLite file, default ./data/gevinst.sqlite, as the API), REDIS_URL, SMTP_URL, GEVINST_OUTBOX,
 * GEVINST_PUBLIC_URL, REMINDERS_ROLE (scheduler | worker | both; default both).
 * The API runs the same module in its own process when it starts (services/api/src/main.ts).
 */
import { openEventStore } from '@gevinst/eventstore';
import { createReminders } from './index';

const store = await openEventStore(process.env);
const role = process.env.REMINDERS_ROLE ?? 'both';
const reminders = createReminders({
  store,
  // the demo's user (services/api/src/demo/load.ts): what was late in its history is not mailed
  config: { historyLoaders: ['demo@fjordvik.kommune.no'] },
  roles: { scheduler: role !== 'worker', worker: role !== 'scheduler' },
  // reminders ahead of the tertial report deadlines of the årshjul
  calendar: process.env.GEVINST_CALENDAR_REMINDERS !== 'off',
});

await reminders.start();

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(1), 20_000);
  force.unref();
  await reminders.stop();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
