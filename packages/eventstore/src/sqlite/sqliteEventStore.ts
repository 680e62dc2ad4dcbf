import type Database from 'better-sqlite3';
import type { AppendOptions, AppendResult, EventStore, EventToAppend } from '../port';
import { promised } from '../promised';
import { assertValidEvents, assertValidStreamName } from '../validation';
import { appendToStream } from './appendToStream';
import type { Synchronous } from './durability';
import { assertValidExpectedRevision } from './expectedRevision';
import { groupCommit } from './groupCommit';
import { lifecycle } from './lifecycle';
import { openDatabase } from './openDatabase';
import { prepareEvents } from './preparedEvent';
import { readAll, readCategory } from './readAll';
import { readStream } from './readStream';
import { subscriptions } from '../subscriptions/subscriptions';

export interface SqliteEventStoreOptions {
  /** file path, or ':memory:' */
  path: string;
  /** see durability.ts; default FULL */
  synchronous?: Synchronous;
  /**
   * how long an append waits for another process's write lock (ms) before it rejects with SQLite's
   * `SQLITE_BUSY` error; default 10 s. The wait does not block the event loop (see groupCommit.ts).
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

const sqliteBrand = Symbol.for('gevinst.sqliteEventStore');

/** true for the SQLite adapter (the one whose appends accept `alongside`) */
export const isSqliteEventStore = (store: EventStore): store is SqliteEventStore =>
  'db' in store && store.db !== undefined && sqliteBrand in store && store[sqliteBrand] === true;

/** The embedded event store: one SQLite file, one connection, appends written in group commits. */
export const openSqliteEventStore = (options: SqliteEventStoreOptions): SqliteEventStore => {
  const busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
  const db = openDatabase({ path: options.path, synchronous: options.synchronous, busyTimeoutMs });
  const state = lifecycle();
  const readEvents = readAll(db, state);
  const readCategoryEvents = readCategory(db, state);
  const readStreamEvents = readStream(db, state);
  const live = subscriptions({ lifecycle: state, readAll: readEvents, readCategory: readCategoryEvents, pollIntervalMs: options.pollIntervalMs });
  const commits = groupCommit({
    db,
    append: appendToStream(db),
    busyTimeoutMs,
    isClosed: () => state.closed,
    onAppended: live.notifyAppended,
  });

  const store: SqliteEventStore & { [sqliteBrand]: true } = {
    [sqliteBrand]: true,
    db,
    async appendToStream(streamName, events, appendOptions) {
      state.assertOpen();
      assertValidStreamName(streamName);
      const batch = prepareEvents(assertValidEvents(events));
      const expected = assertValidExpectedRevision(appendOptions?.expectedRevision ?? 'any');
      return commits.enqueue(streamName, batch, expected, appendOptions?.idempotency, appendOptions?.alongside);
    },
    readStream: (streamName, readOptions) => promised(() => readStreamEvents(streamName, readOptions)),
    readAll: (readOptions) => promised(() => readEvents(readOptions)),
    readCategory: (category, readOptions) => promised(() => readCategoryEvents(category, readOptions)),
    subscribe: live.subscribe,
    async close() {
      if (state.closed) return;
      await live.stopAll();
      // appends already accepted are written before the connection closes (or refused as busy)
      await commits.drain();
      state.markClosed();
      db.close();
    },
  };
  return store;
};
