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

interface Entry {
  data: ReminderJobData;
  state: 'delayed' | 'retrying' | 'waiting' | 'active' | 'failed';
  attemptsMade: number;
  timer?: NodeJS.Timeout;
}

const MAX_TIMER = 2 ** 31 - 1;

/**
 * The queue in process memory, for running without Redis: the same port and semantics (one job per
 * id, delayed until its time, retries with exponential backoff, a final failure handed over once).
 * Jobs and checkpoint live and die with the process; on start the scheduler plans everything again.
 */
export const embeddedQueue = (options: { clock: Clock; retry?: RetryPolicy }): ReminderQueue => {
  const { clock } = options;
  const retry = options.retry ?? defaultRetryPolicy;
  const jobs = new Map<string, Entry>();
  const checkpoints = new Map<string, bigint>();
  const workers: { concurrency: number; running: number; handler: JobHandler; onFinal: FinalFailureHandler; closed: boolean }[] = [];
  let closed = false;

  const ready = (id: string, entry: Entry) => {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.state = 'waiting';
    pump();
    void id;
  };

  const arm = (id: string, entry: Entry) => {
    clearTimeout(entry.timer);
    const wait = entry.data.runAt - clock.now();
    if (wait <= 0) return ready(id, entry);
    // With a fake clock the jump releases it (see onAdvance); a real clock needs a timer.
    if (clock.onAdvance) return;
    entry.timer = setTimeout(() => (wait > MAX_TIMER ? arm(id, entry) : ready(id, entry)), Math.min(wait, MAX_TIMER));
    entry.timer.unref?.();
  };

  const unsubscribe = clock.onAdvance?.(() => {
    for (const [id, e] of jobs) if (e.state === 'delayed' && e.data.runAt <= clock.now()) ready(id, e);
  });

  const pump = () => {
    if (closed) return;
    for (const w of workers) {
      if (w.closed) continue;
      for (const [id, e] of jobs) {
        if (w.running >= w.concurrency) break;
        if (e.state !== 'waiting') continue;
        e.state = 'active';
        w.running++;
        void run(w, id, e).finally(() => {
          w.running--;
          pump();
        });
      }
    }
  };

  const run = async (w: (typeof workers)[number], id: string, e: Entry) => {
    const attempt = e.attemptsMade + 1;
    try {
      const outcome = await w.handler(e.data, { attempt, maxAttempts: retry.attempts });
      if (outcome.status === 'later') {
        e.data = { ...e.data, runAt: outcome.runAt };
        e.state = 'delayed';
        arm(id, e);
      } else if (jobs.get(id) === e) jobs.delete(id);
    } catch (err) {
      e.attemptsMade = attempt;
      const error = err instanceof Error ? err : new Error(String(err));
      if (attempt >= retry.attempts) {
        e.state = 'failed';
        await w.onFinal(e.data, error, attempt).catch(() => undefined);
        return;
      }
      e.state = 'retrying';
      e.timer = setTimeout(() => ready(id, e), retry.backoffMs * 2 ** (attempt - 1));
      e.timer.unref?.();
    }
  };

  return {
    backend: 'embedded',
    plan(list, opts) {
      for (const data of list) {
        const id = jobIdOf(data.benefitId, data.period, data.kind);
        const existing = jobs.get(id);
        if (existing && !(opts?.replace && existing.state === 'delayed' && existing.data.runAt !== data.runAt)) continue;
        const entry: Entry = existing ?? { data, state: 'delayed', attemptsMade: 0 };
        entry.data = existing ? { ...existing.data, runAt: data.runAt } : data;
        jobs.set(id, entry);
        arm(id, entry);
      }
      return Promise.resolve();
    },
    unplan(ids) {
      for (const id of ids) {
        const e = jobs.get(id);
        if (e && e.state !== 'active') {
          clearTimeout(e.timer);
          jobs.delete(id);
        }
      }
      return Promise.resolve();
    },
    loadCheckpoint(key) {
      return Promise.resolve(checkpoints.get(key));
    },
    storeCheckpoint(key, position) {
      checkpoints.set(key, position);
      return Promise.resolve();
    },
    onReset() {
      // process memory is never lost while the process lives
    },
    startWorker(handler, onFinal, opts: WorkerOptions = {}): QueueWorker {
      const w = { concurrency: opts.concurrency ?? 4, running: 0, handler, onFinal, closed: false };
      workers.push(w);
      pump();
      return {
        async close(force) {
          w.closed = true;
          const deadline = Date.now() + 30_000;
          while (!force && w.running > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
        },
      };
    },
    counts(): Promise<QueueCounts> {
      let delayed = 0;
      let busy = 0;
      let failed = 0;
      for (const e of jobs.values()) {
        if (e.state === 'delayed') delayed++;
        else if (e.state === 'failed') failed++;
        else busy++;
      }
      return Promise.resolve({ delayed, busy, failed });
    },
    pending() {
      return Promise.resolve([...jobs].filter(([, e]) => e.state !== 'active' && e.state !== 'failed').map(([jobId, e]) => ({ jobId, runAt: e.data.runAt })));
    },
    close() {
      closed = true;
      unsubscribe?.();
      for (const e of jobs.values()) clearTimeout(e.timer);
      return Promise.resolve();
    },
  };
};
