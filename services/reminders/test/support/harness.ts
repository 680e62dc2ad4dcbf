import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore, type SqliteEventStore } from '@gevinst/eventstore';
import pino from 'pino';
import { FakeClock } from '../../src/clock';
import { smtpMailer } from '../../src/delivery/mailer';
import { createReminders, type Reminders, type RemindersOptions } from '../../src/index';
import { HARNESS_START } from './fixtures';
import { sleep, waitFor } from './wait';

export const quietLogger = pino({ level: process.env.TEST_LOG ?? 'silent' });

export interface Harness {
  dir: string;
  dbPath: string;
  store: SqliteEventStore;
  clock: FakeClock;
  close(): Promise<void>;
}

export const openHarness = (start = HARNESS_START): Harness => {
  const dir = mkdtempSync(join(tmpdir(), 'gevinst-reminders-'));
  const dbPath = join(dir, 'events.db');
  const store = openSqliteEventStore({ path: dbPath, synchronous: 'NORMAL', pollIntervalMs: 10 });
  return {
    dir, dbPath, store, clock: new FakeClock(start),
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

let queueCounter = 0;
export const uniqueQueueName = () => `test-${process.pid}-${Date.now()}-${queueCounter++}`;

export const startReminders = async (
  h: Harness,
  options: Partial<RemindersOptions> & { smtpUrl: string },
): Promise<Reminders> => {
  const reminders = createReminders({
    store: h.store,
    clock: h.clock,
    logger: quietLogger,
    mailer: smtpMailer(options.smtpUrl, { pool: false, timeoutMs: 2_000 }),
    retry: { attempts: 6, backoffMs: 100 },
    queueName: uniqueQueueName(),
    lockDurationMs: 2_000,
    stalledIntervalMs: 500,
    claimLeaseMs: 60 * 60_000,
    ...options,
  });
  await reminders.start();
  return reminders;
};

/** Waits until the scheduler has seen every event in the store and the queue has nothing ready or running. */
export const settle = async (h: Harness, r: Reminders, timeoutMs = 15_000) => {
  const last = (await h.store.readAll({})).at(-1)?.globalPosition;
  await waitFor(() => last === undefined || (r.scheduler.position() ?? -1n) >= last, 'scheduler to catch up', timeoutMs);
  await sleep(50);
  await waitFor(async () => (await r.queue.counts()).busy === 0, 'queue to drain', timeoutMs);
  await sleep(50);
};

/** Every event of every reminder stream, by stream. */
export const reminderStreams = async (h: Harness): Promise<Map<string, string[]>> => {
  const out = new Map<string, string[]>();
  for (const e of await h.store.readCategory('reminder')) {
    out.set(e.streamName, [...(out.get(e.streamName) ?? []), e.type]);
  }
  return out;
};
