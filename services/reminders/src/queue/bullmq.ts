import { DelayedError, Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Clock } from '../clock';
import { jobIdOf } from '../schedule/ids';
import {
  defaultRetryPolicy,
  type FinalFailureHandler,
  type JobHandler,
  type QueueCounts,
  type QueueWorker,
  type ReminderJobData,
  type ReminderQueue,
  type RetryPolicy,
  type WorkerOptions,
} from './port';


const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

export interface BullmqQueueOptions {
  redisUrl: string;
  clock: Clock;
  queueName?: string;
  retry?: RetryPolicy;
  /** worker lock; a job whose worker died is redelivered after about this long (default 30 s) */
  lockDurationMs?: number;
  /** how often workers look for stalled jobs (default 30 s) */
  stalledIntervalMs?: number;
  onError?: (error: Error, where: string) => void;
}

export const DEFAULT_QUEUE_NAME = 'gevinst-reminders';

/** BullMQ refuses `maxRetriesPerRequest` other than null for blocking workers; commands wait out a Redis restart. */
export const redisConnection = (url: string): Redis => new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });

/**
 * One BullMQ delayed job per reminder, with a deterministic id. With a real clock BullMQ's delay
 * fires it; a fake clock cannot move Redis' time, so the adapter also keeps a sorted set of run
 * times (fake-clock time) and promotes the delayed jobs that fell due when the clock jumps.
 */
export const bullmqQueue = (options: BullmqQueueOptions): ReminderQueue & { readonly queue: Queue; readonly connection: Redis } => {
  const { clock } = options;
  const name = options.queueName ?? DEFAULT_QUEUE_NAME;
  const retry = options.retry ?? defaultRetryPolicy;
  const onError = options.onError ?? (() => undefined);
  const connection = redisConnection(options.redisUrl);
  connection.on('error', (e) => onError(e, 'redis'));
  const queue = new Queue<ReminderJobData>(name, {
    connection,
    defaultJobOptions: {
      attempts: retry.attempts,
      backoff: { type: 'exponential', delay: retry.backoffMs },
      removeOnComplete: true,
      removeOnFail: false,
    },
  });
  queue.on('error', (e) => onError(e, 'queue'));
  const prefix = `bull:${name}`;
  const runAtIndex = `${prefix}:gevinst:runat`;
  const checkpointKey = (key: string) => `${prefix}:gevinst:checkpoint:${key}`;
  const fake = !!clock.onAdvance;
  const workers: Worker[] = [];
  const workerConnections: Redis[] = [];
  const resetListeners: (() => void)[] = [];
  const delayOf = (runAt: number) => Math.max(0, runAt - clock.now());

  // After a reconnect, an empty Redis (no marker) means the jobs are gone: tell the scheduler.
  const markerKey = `${prefix}:gevinst:alive`;
  let everReady = false;
  connection.on('ready', () => {
    const first = !everReady;
    everReady = true;
    void connection
      .set(markerKey, '1', 'NX')
      .then((created) => {
        if (created === 'OK' && !first) for (const l of resetListeners) l();
      })
      .catch((e: unknown) => onError(asError(e), 'marker'));
  });

  const promoteDue = async (now: number) => {
    for (let round = 0; round < 10_000; round++) {
      const ids = await connection.zrangebyscore(runAtIndex, '-inf', String(now), 'LIMIT', 0, 1000);
      if (ids.length === 0) return;
      await Promise.all(
        ids.map((id) => new Job(queue, 'promote', {} as ReminderJobData, {}, id).promote().catch(() => undefined)),
      );
      await connection.zrem(runAtIndex, ...ids);
    }
  };
  const unsubscribe = clock.onAdvance?.(promoteDue);

  const indexRunAt = async (entries: { id: string; runAt: number }[]) => {
    if (!fake || entries.length === 0) return;
    const args: (string | number)[] = [];
    for (const e of entries) args.push(e.runAt, e.id);
    await connection.zadd(runAtIndex, ...args);
  };

  return {
    backend: 'bullmq',
    queue,
    connection,
    async plan(list, opts) {
      if (list.length === 0) return;
      const entries = list.map((data) => ({ id: jobIdOf(data.benefitId, data.period, data.kind), data }));
      if (opts?.replace) {
        for (const { id, data } of entries) {
          const job = await Job.fromId<ReminderJobData>(queue, id);
          if (job && job.data.runAt !== data.runAt && (await job.isDelayed())) {
            await job.updateData({ ...job.data, runAt: data.runAt });
            await job.changeDelay(delayOf(data.runAt));
            await indexRunAt([{ id, runAt: data.runAt }]);
          }
        }
      }
      for (let i = 0; i < entries.length; i += 1000) {
        const chunk = entries.slice(i, i + 1000);
        await indexRunAt(chunk.map((e) => ({ id: e.id, runAt: e.data.runAt })));
        await queue.addBulk(chunk.map(({ id, data }) => ({ name: data.kind, data, opts: { jobId: id, delay: delayOf(data.runAt) } })));
      }
      if (fake) await promoteDue(clock.now());
    },
    async unplan(ids) {
      if (ids.length === 0) return;
      await Promise.all(ids.map((id) => queue.remove(id).catch(() => 0)));
      if (fake) await connection.zrem(runAtIndex, ...ids);
    },
    async loadCheckpoint(key) {
      const v = await connection.get(checkpointKey(key));
      return v === null ? undefined : BigInt(v);
    },
    async storeCheckpoint(key, position) {
      await connection.set(checkpointKey(key), position.toString());
    },
    onReset(listener) {
      resetListeners.push(listener);
    },
    startWorker(handler: JobHandler, onFinalFailure: FinalFailureHandler, opts: WorkerOptions = {}): QueueWorker {
      const workerConnection = redisConnection(options.redisUrl);
      workerConnection.on('error', (e) => onError(e, 'worker-redis'));
      workerConnections.push(workerConnection);
      const worker = new Worker<ReminderJobData>(
        name,
        async (job, token) => {
          const attempt = job.attemptsMade + 1;
          const maxAttempts = job.opts.attempts ?? retry.attempts;
          let outcome;
          try {
            outcome = await handler(job.data, { attempt, maxAttempts });
          } catch (err) {
            const error = asError(err);
            if (attempt >= maxAttempts) await onFinalFailure(job.data, error, attempt);
            throw error;
          }
          if (outcome.status === 'later') {
            await job.updateData({ ...job.data, runAt: outcome.runAt });
            // a job taken by a worker has its id (we give every job one: jobIdOf)
            if (job.id === undefined) throw new Error('bullmq: a job in the worker without an id');
            await indexRunAt([{ id: job.id, runAt: outcome.runAt }]);
            await job.moveToDelayed(Date.now() + delayOf(outcome.runAt), token);
            throw new DelayedError();
          }
          return outcome;
        },
        {
          connection: workerConnection,
          concurrency: opts.concurrency ?? 4,
          lockDuration: options.lockDurationMs ?? 30_000,
          stalledInterval: options.stalledIntervalMs ?? 30_000,
          maxStalledCount: 5,
        },
      );
      worker.on('error', (e) => onError(e, 'worker'));
      // A job that stalled too often never reaches the processor's catch: record it here.
      worker.on('failed', (job, err) => {
        if (job && /stalled/i.test(err.message)) void onFinalFailure(job.data, err, job.attemptsMade + 1).catch((e: unknown) => onError(asError(e), 'failed'));
      });
      workers.push(worker);
      return {
        async close(force) {
          await worker.close(force);
          if (force) workerConnection.disconnect();
          else await workerConnection.quit().catch(() => undefined);
        },
      };
    },
    async counts(): Promise<QueueCounts> {
      const c = await queue.getJobCounts('delayed', 'wait', 'active', 'prioritized', 'failed');
      return { delayed: c.delayed ?? 0, busy: (c.wait ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0), failed: c.failed ?? 0 };
    },
    async pending() {
      const jobs = await queue.getJobs(['delayed', 'waiting', 'prioritized', 'paused']);
      return jobs.flatMap((j) => (j.id === undefined ? [] : [{ jobId: j.id, runAt: j.data.runAt }]));
    },
    async close() {
      unsubscribe?.();
      await Promise.all(workers.map((w) => w.close().catch(() => undefined)));
      await queue.close().catch(() => undefined);
      for (const c of workerConnections) c.disconnect();
      connection.disconnect();
    },
  };
};
