import type Database from 'better-sqlite3';
import type { AppendResult, ExpectedRevision, IdempotencyRecord } from '../port';
import type { Alongside, appendToStream } from './appendToStream';
import { isBusy } from './busy';
import type { PreparedEvent } from './preparedEvent';

/** waits between attempts to take the write lock, like SQLite's own busy handler */
const BUSY_BACKOFF_MS = [1, 2, 5, 10, 15, 20, 25, 25, 50, 50, 100];
const backoffMs = (retries: number): number => BUSY_BACKOFF_MS[Math.min(retries, BUSY_BACKOFF_MS.length - 1)] ?? 100;

interface Pending {
  streamName: string;
  batch: PreparedEvent[];
  expected: ExpectedRevision;
  record?: IdempotencyRecord;
  alongside?: Alongside;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
  /** when it was queued (ms, performance.now) — it waits for the write lock up to busyTimeoutMs from then */
  queuedAt: number;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

export interface GroupCommit {
  enqueue(streamName: string, batch: PreparedEvent[], expected: ExpectedRevision, record?: IdempotencyRecord, alongside?: Alongside): Promise<AppendResult>;
  /** writes what is queued now, and keeps at it until the queue is empty (appends accepted before `close`) */
  drain(): Promise<void>;
}

/**
 * Group commit. better-sqlite3 is synchronous, so while one commit (and its fsync) runs, requests
 * pile up in the event loop; the appends they make before the loop's check phase form the next group:
 * one `BEGIN IMMEDIATE` transaction (the write lock is taken before any revision is read, so another
 * process never interleaves), each append in its own SAVEPOINT (a nested better-sqlite3 transaction),
 * so a wrong expected revision, a key stored already or a failing `alongside` rolls back that append alone; one commit, one
 * fsync. Appends are written in call order, and each caller gets its own result or error.
 */
export const groupCommit = (options: {
  db: Database.Database;
  append: ReturnType<typeof appendToStream>;
  busyTimeoutMs: number;
  isClosed: () => boolean;
  /** called after a commit that wrote at least one event */
  onAppended: () => void;
}): GroupCommit => {
  const { db, append, busyTimeoutMs } = options;
  let queue: Pending[] = [];
  let flushScheduled = false;
  let busyRetries = 0;
  let busyTimer: NodeJS.Timeout | undefined;

  const writeGroup = db.transaction((group: Pending[]) =>
    group.map((p): Outcome => {
      try {
        return { ok: true, result: append(p.streamName, p.batch, p.expected, p.record, p.alongside) };
      } catch (error) {
        // SQLite rolls the whole transaction back on some errors (disk full, I/O): then the group fails whole
        if (!db.inTransaction) throw error;
        return { ok: false, error };
      }
    }),
  );

  /** another process holds the write lock: nothing was written; try again soon, off the event loop */
  const retryLater = (group: Pending[], error: unknown) => {
    const now = performance.now();
    const waiting = group.filter((p) => now - p.queuedAt < busyTimeoutMs);
    for (const p of group) if (!waiting.includes(p)) p.reject(error);
    queue = waiting.concat(queue);
    if (queue.length > 0 && !options.isClosed()) {
      flushScheduled = true;
      busyTimer = setTimeout(flush, backoffMs(busyRetries++));
    }
  };

  const settle = (group: Pending[], outcomes: Outcome[]) => {
    let wrote = false;
    group.forEach((p, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) {
        wrote ||= p.batch.length > 0 && outcome.result.globalPosition >= 0n;
        p.resolve(outcome.result);
      } else p.reject(outcome?.error);
    });
    if (wrote) options.onAppended();
  };

  const flush = () => {
    flushScheduled = false;
    busyTimer = undefined;
    const group = queue;
    queue = [];
    if (group.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = writeGroup.immediate(group);
    } catch (error) {
      if (isBusy(error) && !db.inTransaction) return retryLater(group, error);
      // the group's transaction itself failed (I/O error, disk full): nothing was committed
      for (const p of group) p.reject(error);
      return;
    }
    busyRetries = 0;
    settle(group, outcomes);
  };

  const flushNow = () => {
    if (busyTimer) clearTimeout(busyTimer);
    flush();
  };

  return {
    enqueue: (streamName, batch, expected, record, alongside) =>
      new Promise<AppendResult>((resolve, reject) => {
        queue.push({ streamName, batch, expected, record, alongside, resolve, reject, queuedAt: performance.now() });
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      }),
    async drain() {
      flushNow();
      while (queue.length > 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        flushNow();
      }
    },
  };
};
