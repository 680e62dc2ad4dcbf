import { type EventStore, isSqliteEventStore } from '@gevinst/eventstore';
import { SqliteSnapshots } from '@gevinst/projections/snapshots';
import pino, { type Logger } from 'pino';
import { type Clock, systemClock } from './clock';
import { type ReminderConfig, reminderConfig } from './config';
import { type Mailer, outboxMailer, smtpMailer } from './delivery/mailer';
import { type AdminRouter, bullBoardRouter } from './queue/bullBoard';
import { bullmqQueue } from './queue/bullmq';
import { embeddedQueue } from './queue/embedded';
import type { QueueWorker, ReminderQueue, RetryPolicy } from './queue/port';
import type { ScheduleStore } from './scheduler/savedSchedule';
import { createScheduler, type Scheduler } from './scheduler/scheduler';
import { type DueItem, dueList } from './schedule/dueList';
import { type DeliveryHooks, deliveryFailedHandler, deliveryHandler } from './worker/deliver';
import { type ActionReminders, createActionReminders } from './worker/actions';
import { type CalendarReminders, createCalendarReminders } from './worker/calendar';

export { FakeClock, systemClock, type Clock } from './clock';
export { defaultReminderConfig, reminderConfig, type ReminderConfig } from './config';
export type { DueItem, DueReminderView } from './schedule/dueList';
export type { ReminderQueue } from './queue/port';
export type { CatchUp } from './scheduler/scheduler';
export { sqliteScheduleStore, type ScheduleStore } from './scheduler/savedSchedule';
export type { AdminRouter } from './queue/bullBoard';

export interface RemindersOptions {
  store: EventStore;
  clock?: Clock;
  /** BullMQ on this Redis; without it an in-process queue (default: `REDIS_URL`) */
  redisUrl?: string;
  /** `smtp://host:port`; without it mails go to `outboxDir` as .eml files (default: `SMTP_URL`) */
  smtpUrl?: string;
  /** default: `GEVINST_OUTBOX` or ./data/outbox */
  outboxDir?: string;
  /**
   * base of the links in the mails, read when a mail is composed (the API passes the address it
   * listens on once it knows it); default `GEVINST_PUBLIC_URL`, else http://localhost:`PORT` (3000)
   */
  publicUrl?: string | (() => string);
  config?: Partial<ReminderConfig>;
  logger?: Logger;
  /** advanced: tests and the benchmark */
  retry?: RetryPolicy;
  concurrency?: number;
  /** run the scheduler, the worker, or both (default both) */
  roles?: { scheduler?: boolean; worker?: boolean };
  queueName?: string;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  claimLeaseMs?: number;
  /**
   * where the schedule is saved (default: the SQLite event store's file; `false`: memory only); the
   * folds of the action and calendar reminders are saved beside it (`reminder_snapshots`), or not with `false`
   */
  scheduleStore?: ScheduleStore | false;
  mailer?: Mailer;
  hooks?: DeliveryHooks;
  /**
   * remind benefit owners ahead of the årshjul's tertial report deadlines (`worker/calendar.ts`); the
   * API and the standalone service turn it on, the tests of the other reminders leave it off
   */
  calendar?: boolean;
}

export interface Reminders {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** the owner's due/overdue list (`GET /api/due`), from the scheduler's state */
  dueFor(owner: string, at?: string | number | Date): DueItem[];
  /** bull-board for operators, to mount under `/admin/queues` (only with Redis) */
  adminRouter?: AdminRouter;
  readonly queue: ReminderQueue;
  readonly scheduler: Scheduler;
  readonly mailer: Mailer;
  /** reminders of overdue realisation actions (with the scheduler role) */
  readonly actionReminders?: ActionReminders;
  /** reminders ahead of the årshjul's tertial report deadlines (with the scheduler role) */
  readonly calendarReminders?: CalendarReminders;
}

export const createReminders = (options: RemindersOptions): Reminders => {
  const clock = options.clock ?? systemClock;
  const config = reminderConfig(options.config);
  const logger = options.logger ?? pino({ name: 'gevinst-reminders', level: process.env.LOG_LEVEL ?? 'info' });
  const log = (level: 'info' | 'warn' | 'error', msg: string, extra: Record<string, unknown> = {}) => logger[level](extra, msg);
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? undefined;
  const smtpUrl = options.smtpUrl ?? process.env.SMTP_URL ?? undefined;
  const configured = options.publicUrl ?? process.env.GEVINST_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const publicUrl = typeof configured === 'function' ? configured : () => configured;
  const outboxDir = options.outboxDir ?? process.env.GEVINST_OUTBOX ?? './data/outbox';
  const mailer = options.mailer ?? (smtpUrl ? smtpMailer(smtpUrl) : outboxMailer(outboxDir));
  const onError = (error: Error, where: string) => log('warn', `redis: ${error.message}`, { where });
  const bull = redisUrl
    ? bullmqQueue({
        redisUrl, clock, retry: options.retry, queueName: options.queueName, onError,
        lockDurationMs: options.lockDurationMs, stalledIntervalMs: options.stalledIntervalMs,
      })
    : undefined;
  const queue: ReminderQueue = bull ?? embeddedQueue({ clock, retry: options.retry });
  const scheduler = createScheduler({ store: options.store, queue, clock, config, claimLeaseMs: options.claimLeaseMs, scheduleStore: options.scheduleStore, log });
  const roles = { scheduler: options.roles?.scheduler ?? true, worker: options.roles?.worker ?? true };
  let worker: QueueWorker | undefined;
  // as the schedule: in the SQLite event store's file, in memory on any other store
  const snapshots = roles.scheduler && options.scheduleStore !== false && isSqliteEventStore(options.store) ? new SqliteSnapshots(options.store.db, 'reminder_snapshots') : undefined;
  const claimed = { store: options.store, clock, config, mailer, publicUrl, log, snapshots };
  const actionReminders = roles.scheduler ? createActionReminders(claimed) : undefined;
  const calendarReminders = roles.scheduler && options.calendar ? createCalendarReminders(claimed) : undefined;

  let adminRouter: Reminders['adminRouter'];
  if (bull) adminRouter = bullBoardRouter(bull.queue);

  return {
    queue,
    scheduler,
    mailer,
    adminRouter,
    actionReminders,
    calendarReminders,
    async start() {
      log('info', 'reminders starting', { queue: queue.backend, mail: mailer.describe });
      if (roles.scheduler) {
        await scheduler.start();
        await scheduler.caughtUp;
        await actionReminders?.start();
        await calendarReminders?.start();
      }
      if (roles.worker) {
        worker = queue.startWorker(
          deliveryHandler({ store: options.store, clock, config, mailer, publicUrl, hooks: options.hooks, log }),
          deliveryFailedHandler({ store: options.store, clock, log }),
          { concurrency: options.concurrency },
        );
      }
    },
    async stop() {
      await worker?.close();
      await actionReminders?.stop();
      await calendarReminders?.stop();
      if (roles.scheduler) await scheduler.stop();
      await queue.close();
      mailer.close();
    },
    dueFor: (owner, at = clock.now()) => dueList(scheduler.state, owner, at, config),
  };
};
