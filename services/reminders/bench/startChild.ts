/**
 * One tree's reminder scheduler on a copy of the bench's store (run by start.ts, also for the
 * baseline tree): one start (cold the first time, a restart after), then planning every benefit again. Prints one JSON line.
 * Env: BENCH_ROOT (the tree), BENCH_DB (its copy of the store).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.env.BENCH_ROOT ?? '';
const db = process.env.BENCH_DB ?? '';
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(root, path)).href)) as T;

type CatchUp = { ms: number; eventsRead: number } | undefined;
type Reminders = {
  start(): Promise<void>; stop(): Promise<void>; queue: { counts(): Promise<{ delayed: number; busy: number }> };
  scheduler: { replanAll(): Promise<void>; state: { benefits: Map<string, unknown> }; catchUp?(): CatchUp };
  // a tree before the claimed reminders resumed has no catchUp()
  actionReminders?: { catchUp?(): CatchUp };
  calendarReminders?: { catchUp?(): CatchUp };
};
const { openSqliteEventStore } = await load<{ openSqliteEventStore: (o: { path: string; synchronous?: string }) => { close(): Promise<void> } }>('packages/eventstore/src/index.ts');
const { createReminders, FakeClock } = await load<{
  createReminders: (o: Record<string, unknown>) => Reminders;
  FakeClock: new (start: string) => unknown;
}>('services/reminders/src/index.ts');
const { default: pino } = await import('pino');

const startOnce = async () => {
  const store = openSqliteEventStore({ path: db, synchronous: 'NORMAL' });
  const reminders = createReminders({
    store, clock: new FakeClock('2026-11-15T00:00:00Z'), logger: pino({ level: 'silent' }), redisUrl: '',
    roles: { scheduler: true, worker: false }, config: { historyLoaders: [] }, calendar: true,
  });
  const t = performance.now();
  await reminders.start();
  const ms = performance.now() - t;
  const c = await reminders.queue.counts();
  return { ms, jobs: c.delayed + c.busy, rssMiB: process.memoryUsage().rss / 2 ** 20, reminders, store };
};

const run = await startOnce();
// events each part read to catch up (-1 where the tree does not tell)
const read = (c: CatchUp) => c?.eventsRead ?? -1;
const eventsRead = {
  scheduler: read(run.reminders.scheduler.catchUp?.()),
  actions: read(run.reminders.actionReminders?.catchUp?.()),
  calendar: read(run.reminders.calendarReminders?.catchUp?.()),
};
const benefits = run.reminders.scheduler.state.benefits.size;
const t = performance.now();
await run.reminders.scheduler.replanAll();
const planMs = performance.now() - t;
await run.reminders.stop();
await run.store.close();
process.stdout.write(`${JSON.stringify({ startMs: run.ms, jobs: run.jobs, rssMiB: run.rssMiB, benefits, planMs, eventsRead })}\n`);
process.exit(0);
