import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import {
  InvalidAppendError,
  WrongExpectedRevisionError,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type EventToAppend,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../port';
import { pollingSubscription } from '../subscriptions/pollingSubscription';
import { assertValidCategory, assertValidEvents, assertValidStreamName, categoryOf, toJson } from '../validation';
import { isBusy } from './busy';
import { defaultSynchronous, type Synchronous } from './durability';
import { createSchema } from './schema';

export interface SqliteEventStoreOptions {
  /** file path, or ':memory:' */
  path: string;
  /** see durability.ts; default FULL */
  synchronous?: Synchronous;
  /**
   * how long an append waits for another process's write lock (ms) before it rejects with SQLite's
   * `SQLITE_BUSY` error; default 10 s. The wait does not block the event loop (see `flush`).
   */
  busyTimeoutMs?: number;
  /** how often a live subscription looks for appends made by other processes (ms); default 50 */
  pollIntervalMs?: number;
}

/**
 * SQLite-only append options. `alongside` runs synchronously inside the append's own transaction
 * (its SAVEPOINT within the group commit), after the events are inserted, on `store.db`: whatever it
 * writes through that connection commits with the events or not at all. If it throws, the append
 * is rolled back and rejects with its error; the other appends of the group are not affected.
 */
export interface SqliteAppendOptions extends AppendOptions {
  alongside?: (result: AppendResult) => void;
}

export interface SqliteEventStore extends EventStore {
  /** the one connection of this process: a projection writes its read model and checkpoint through it */
  readonly db: Database.Database;
  appendToStream(streamName: string, events: EventToAppend[], options?: SqliteAppendOptions): Promise<AppendResult>;
}

/** true for the SQLite adapter (the one whose appends accept `alongside`) */
export const isSqliteEventStore = (store: EventStore): store is SqliteEventStore =>
  (store as Partial<SqliteEventStore>).db !== undefined && (store as { [sqliteBrand]?: true })[sqliteBrand] === true;

const sqliteBrand = Symbol.for('gevinst.sqliteEventStore');

/** a row as read with `.raw()`: an array in `columns` order (no per-row object with named keys) */
type EventRow = [globalPosition: number, streamName: string, streamRevision: number, eventId: string, eventType: string, data: string, metadata: string];

/**
 * Positions and revisions are read as numbers (exact below 2^53, which no store reaches) and made
 * bigints here: cheaper than better-sqlite3's safeIntegers, which builds a bigint per integer column.
 */
const toRecordedEvent = (row: EventRow, metadata: RecordedEvent['metadata']): RecordedEvent => ({
  id: row[3],
  type: row[4],
  data: JSON.parse(row[5]),
  metadata,
  streamName: row[1],
  revision: BigInt(row[2]),
  globalPosition: BigInt(row[0]),
});

/**
 * The events of one append carry the same metadata text (user, recordedAt, correlation): it is parsed
 * once and the object shared by those consecutive events (like every recorded event, it is read-only).
 * On a rebuild this saves a parse and an object per event, most of the garbage collector's work.
 */
const toRecordedEvents = (rows: EventRow[]): RecordedEvent[] => {
  const events = new Array<RecordedEvent>(rows.length);
  let metadataText: string | undefined;
  let metadata!: RecordedEvent['metadata'];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row[6] !== metadataText) {
      metadataText = row[6];
      metadata = JSON.parse(metadataText);
    }
    events[i] = toRecordedEvent(row, metadata);
  }
  return events;
};

/** waits between attempts to take the write lock, like SQLite's own busy handler */
const BUSY_BACKOFF_MS = [1, 2, 5, 10, 15, 20, 25, 25, 50, 50, 100];

const columns = 'global_position, stream_name, stream_revision, event_id, event_type, data, metadata';
const noLimit = -1;

const limitOf = (maxCount: number | undefined, field = 'maxCount'): number => {
  if (maxCount === undefined) return noLimit;
  if (!Number.isInteger(maxCount) || maxCount < 0) throw new InvalidAppendError(`${field} must be a non-negative integer`, field);
  return maxCount;
};

export const openSqliteEventStore = (options: SqliteEventStoreOptions): SqliteEventStore => {
  if (options.path !== ':memory:' && options.path !== '') mkdirSync(dirname(options.path), { recursive: true });
  const busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
  const db = new Database(options.path, { timeout: busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? defaultSynchronous}`);
  createSchema(db);
  // from here busy_timeout 0: SQLite's own busy wait sleeps inside the synchronous call and so stops the
  // whole process (every read, /healthz) while another process holds the write lock; appends wait in `flush`
  db.pragma('busy_timeout = 0');

  const currentRevisionOf = db
    .prepare('SELECT stream_revision FROM events WHERE stream_name = ? ORDER BY stream_revision DESC LIMIT 1')
    .pluck();
  const eventById = db.prepare<[string], { stream_name: string; stream_revision: number; global_position: number }>(
    'SELECT stream_name, stream_revision, global_position FROM events WHERE event_id = ?',
  );
  const idsFrom = db.prepare<[string, number, number], { event_id: string; global_position: number }>(
    'SELECT event_id, global_position FROM events WHERE stream_name = ? AND stream_revision >= ? ORDER BY stream_revision LIMIT ?',
  );
  const insert = db.prepare(
    'INSERT INTO events (stream_name, stream_revision, category, event_id, event_type, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const readForwards = db
    .prepare<[string, number, number], EventRow>(`SELECT ${columns} FROM events WHERE stream_name = ? AND stream_revision >= ? ORDER BY stream_revision LIMIT ?`)
    .raw(true);
  const readBackwards = db
    .prepare<[string, number, number], EventRow>(`SELECT ${columns} FROM events WHERE stream_name = ? AND stream_revision <= ? ORDER BY stream_revision DESC LIMIT ?`)
    .raw(true);
  const readAllAfter = db
    .prepare<[bigint, number], EventRow>(`SELECT ${columns} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`)
    .raw(true);
  const readCategoryAfter = db
    .prepare<[string, bigint, number], EventRow>(`SELECT ${columns} FROM events WHERE category = ? AND global_position > ? ORDER BY global_position LIMIT ?`)
    .raw(true);

  type Prepared = { id: string; type: string; data: string; metadata: string; idGiven: boolean };

  const prepareBatch = (events: EventToAppend[]): Prepared[] => {
    const now = new Date().toISOString();
    return events.map((event, i) => ({
      id: event.id?.toLowerCase() ?? uuidv7(),
      idGiven: event.id !== undefined,
      type: event.type,
      data: toJson(event.data, `events[${i}].data`),
      metadata: toJson({ ...event.metadata, recordedAt: event.metadata?.recordedAt ?? now, schemaVersion: event.metadata?.schemaVersion ?? 1 }, `events[${i}].metadata`),
    }));
  };

  const revisionMatches = (expected: ExpectedRevision, current: number): boolean =>
    expected === 'any' ||
    (expected === 'no_stream' && current < 0) ||
    (expected === 'stream_exists' && current >= 0) ||
    (typeof expected === 'bigint' && BigInt(current) === expected);

  const wrongRevision = (streamName: string, expected: ExpectedRevision, current: number) =>
    new WrongExpectedRevisionError(streamName, expected, current < 0 ? 'no_stream' : BigInt(current));

  /**
   * A retry of a batch already stored: its first id is in the store. It succeeds, writing nothing, when
   * every id matches the stream's events from that point on, in order, and the first one sits where the
   * expected revision says it should. Anything else (a partial match) is a wrong expected revision.
   */
  const retriedAppend = (streamName: string, batch: Prepared[], expected: ExpectedRevision, current: number): AppendResult | undefined => {
    if (batch.length === 0 || !batch[0].idGiven) return undefined;
    const first = eventById.get(batch[0].id);
    if (!first) return undefined;
    if (first.stream_name !== streamName)
      throw new InvalidAppendError(`events[0].id ${batch[0].id} is already stored in another stream`, 'events[0].id');
    const startsWhereExpected =
      expected === 'any' || expected === 'stream_exists' ||
      (expected === 'no_stream' && first.stream_revision === 0) ||
      (typeof expected === 'bigint' && BigInt(first.stream_revision) === expected + 1n);
    const stored = idsFrom.all(streamName, first.stream_revision, batch.length);
    if (!startsWhereExpected || stored.length !== batch.length || stored.some((row, i) => row.event_id !== batch[i].id))
      throw wrongRevision(streamName, expected, current);
    return {
      nextExpectedRevision: BigInt(first.stream_revision + batch.length - 1),
      globalPosition: BigInt(stored[stored.length - 1].global_position),
    };
  };

  const appendInTransaction = db.transaction(
    (streamName: string, batch: Prepared[], expected: ExpectedRevision, alongside?: (result: AppendResult) => void): AppendResult => {
      const result = appendRows(streamName, batch, expected);
      alongside?.(result);
      return result;
    },
  );

  const appendRows = (streamName: string, batch: Prepared[], expected: ExpectedRevision): AppendResult => {
    const current = (currentRevisionOf.get(streamName) as number | undefined) ?? -1;
    const retried = retriedAppend(streamName, batch, expected, current);
    if (retried) return retried;
    if (!revisionMatches(expected, current)) throw wrongRevision(streamName, expected, current);
    if (batch.length === 0) return { nextExpectedRevision: BigInt(current), globalPosition: -1n };
    const category = categoryOf(streamName);
    let position = 0;
    let revision = current;
    for (let i = 0; i < batch.length; i++) {
      const event = batch[i];
      try {
        position = Number(insert.run(streamName, ++revision, category, event.id, event.type, event.data, event.metadata).lastInsertRowid);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && String(error).includes('event_id'))
          throw new InvalidAppendError(`events[${i}].id ${event.id} is already stored`, `events[${i}].id`);
        throw error;
      }
    }
    return { nextExpectedRevision: BigInt(revision), globalPosition: BigInt(position) };
  };

  /**
   * Group commit. better-sqlite3 is synchronous, so while one commit (and its fsync) runs, requests
   * pile up in the event loop; the appends they make before the loop's check phase form the next group:
   * one `BEGIN IMMEDIATE` transaction (the write lock is taken before any revision is read, so another
   * process never interleaves), each append in its own SAVEPOINT (a nested better-sqlite3 transaction),
   * so a wrong expected revision or a failing `alongside` rolls back that append alone; one commit, one
   * fsync. Appends are written in call order, and each caller gets its own result or error.
   */
  type Pending = {
    streamName: string;
    batch: Prepared[];
    expected: ExpectedRevision;
    alongside?: (result: AppendResult) => void;
    resolve(result: AppendResult): void;
    reject(error: unknown): void;
    /** when it was queued (ms, performance.now) — it waits for the write lock up to busyTimeoutMs from then */
    queuedAt: number;
    outcome?: { ok: true; result: AppendResult } | { ok: false; error: unknown };
  };
  let queue: Pending[] = [];
  let flushScheduled = false;

  const writeGroup = db.transaction((group: Pending[]) => {
    for (const p of group) {
      try {
        p.outcome = { ok: true, result: appendInTransaction(p.streamName, p.batch, p.expected, p.alongside) };
      } catch (error) {
        // SQLite rolls the whole transaction back on some errors (disk full, I/O): then the group fails whole
        if (!db.inTransaction) throw error;
        p.outcome = { ok: false, error };
      }
    }
  });

  let busyRetries = 0;
  let busyTimer: NodeJS.Timeout | undefined;
  const flush = () => {
    flushScheduled = false;
    busyTimer = undefined;
    const group = queue;
    queue = [];
    if (group.length === 0) return;
    try {
      writeGroup.immediate(group);
    } catch (error) {
      if (isBusy(error) && !db.inTransaction) {
        // another process holds the write lock: nothing was written; try again soon, off the event loop
        const now = performance.now();
        const waiting = group.filter((p) => now - p.queuedAt < busyTimeoutMs);
        for (const p of group) if (!waiting.includes(p)) p.reject(error);
        queue = waiting.concat(queue);
        if (queue.length > 0 && !closed) {
          flushScheduled = true;
          busyTimer = setTimeout(flush, BUSY_BACKOFF_MS[Math.min(busyRetries++, BUSY_BACKOFF_MS.length - 1)]);
        }
        return;
      }
      // the group's transaction itself failed (I/O error, disk full): nothing was committed
      for (const p of group) p.reject(error);
      return;
    }
    busyRetries = 0;
    let wrote = false;
    for (const p of group) {
      const outcome = p.outcome!;
      if (outcome.ok) {
        wrote ||= p.batch.length > 0 && outcome.result.globalPosition >= 0n;
        p.resolve(outcome.result);
      } else p.reject(outcome.error);
    }
    if (wrote) notifyAppended();
  };

  const defaultPollIntervalMs = options.pollIntervalMs;
  const wakers = new Set<() => void>();
  const notifyAppended = () => wakers.forEach((wake) => wake());
  let closed = false;
  const subscriptions = new Set<Subscription>();

  const assertOpen = () => {
    if (closed) throw new Error('The event store is closed');
  };

  const enqueueAppend = (streamName: string, events: EventToAppend[], options?: SqliteAppendOptions): Promise<AppendResult> => {
    assertOpen();
    assertValidStreamName(streamName);
    const batch = prepareBatch(assertValidEvents(events));
    const expected = options?.expectedRevision ?? 'any';
    if (!(expected === 'any' || expected === 'no_stream' || expected === 'stream_exists' || (typeof expected === 'bigint' && expected >= 0n)))
      throw new InvalidAppendError('expectedRevision must be any, no_stream, stream_exists or a revision ≥ 0', 'expectedRevision');
    return new Promise<AppendResult>((resolve, reject) => {
      queue.push({ streamName, batch, expected, alongside: options?.alongside, resolve, reject, queuedAt: performance.now() });
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    });
  };

  const readAllSync = (options?: ReadAllOptions): RecordedEvent[] => {
    assertOpen();
    return toRecordedEvents(readAllAfter.all(options?.after ?? 0n, limitOf(options?.maxCount)));
  };

  const readCategorySync = (category: string, options?: ReadAllOptions): RecordedEvent[] => {
    assertOpen();
    assertValidCategory(category);
    return toRecordedEvents(readCategoryAfter.all(category, options?.after ?? 0n, limitOf(options?.maxCount)));
  };

  const store: SqliteEventStore & { [sqliteBrand]: true } = {
    [sqliteBrand]: true,
    db,
    async appendToStream(streamName, events, options) {
      return enqueueAppend(streamName, events, options);
    },
    async readStream(streamName, options) {
      assertOpen();
      assertValidStreamName(streamName);
      const limit = limitOf(options?.maxCount);
      const from = options?.fromRevision;
      if (options?.direction === 'backwards')
        return toRecordedEvents(readBackwards.all(streamName, from === undefined ? Number.MAX_SAFE_INTEGER : Number(from), limit));
      return toRecordedEvents(readForwards.all(streamName, from === undefined ? 0 : Number(from), limit));
    },
    async readAll(options) {
      return readAllSync(options);
    },
    async readCategory(category, options) {
      return readCategorySync(category, options);
    },
    subscribe(options: SubscribeOptions & { pollIntervalMs?: number }): Subscription {
      assertOpen();
      if (options.category !== undefined) assertValidCategory(options.category);
      const subscription = pollingSubscription({
        ...options,
        read: (after, maxCount) =>
          options.category === undefined ? readAllSync({ after, maxCount }) : readCategorySync(options.category, { after, maxCount }),
        pollIntervalMs: options.pollIntervalMs ?? defaultPollIntervalMs ?? 50,
        onWake: (wake) => {
          wakers.add(wake);
          return () => wakers.delete(wake);
        },
      });
      subscriptions.add(subscription);
      subscription.done.then(
        () => subscriptions.delete(subscription),
        () => subscriptions.delete(subscription),
      );
      return subscription;
    },
    async close() {
      if (closed) return;
      await Promise.all([...subscriptions].map((s) => s.stop()));
      // appends already accepted are written before the connection closes (or refused as busy)
      if (busyTimer) clearTimeout(busyTimer);
      flush();
      while (queue.length > 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (busyTimer) clearTimeout(busyTimer);
        flush();
      }
      closed = true;
      db.close();
    },
  };
  return store;
};
