import pg from 'pg';
import type { AppendOptions, AppendResult, EventStore, EventToAppend } from '../port';
import { assertValidExpectedRevision } from '../sqlite/expectedRevision';
import { lifecycle } from '../sqlite/lifecycle';
import { prepareEvents } from '../sqlite/preparedEvent';
import { assertValidEvents, assertValidStreamName } from '../validation';
import { PostgresCheckpointStore } from './checkpointStore';
import { groupCommit } from './groupCommit';
import { listenForAppends } from './listen';
import { readAll, readCategory } from './readAll';
import { readStream } from './readStream';
import { createSchema, quoteIdentifier } from './schema';
import { subscriptions } from '../subscriptions/subscriptions';

export interface PostgresEventStoreOptions {
  /** `postgres://user:password@host:port/database` */
  connectionString: string;
  /** the schema holding the events and checkpoints (created when missing); default `public` */
  schema?: string;
  /** connections for reads and subscriptions, besides the one that writes; default 4 */
  poolSize?: number;
  /**
   * how often a live subscription looks for new events (ms); default 50. Appends of this process, and
   * of other processes through LISTEN/NOTIFY (listen.ts), wake it at once.
   */
  pollIntervalMs?: number;
}

export interface PostgresEventStore extends EventStore {
  readonly kind: 'postgres';
  /** the connection pool (reads, subscriptions, checkpoints) */
  readonly pool: pg.Pool;
  readonly schema: string;
  /** checkpoints in the store's own database (the `checkpoints` table of its schema) */
  readonly checkpoints: PostgresCheckpointStore;
  appendToStream(streamName: string, events: EventToAppend[], options?: AppendOptions): Promise<AppendResult>;
}

/**
 * The event store on PostgreSQL: appends are written in group commits (groupCommit.ts) that take
 * positions under an advisory lock, so several processes may share one database; reads go through a
 * pool; subscriptions poll, woken at once by appends of this process and (NOTIFY) of the others.
 */
export const openPostgresEventStore = async (options: PostgresEventStoreOptions): Promise<PostgresEventStore> => {
  const schemaName = options.schema ?? 'public';
  const schema = quoteIdentifier(schemaName);
  const pool = new pg.Pool({ connectionString: options.connectionString, max: (options.poolSize ?? 4) + 1 });
  // an idle connection that fails (the server restarted) is dropped by the pool; without a listener it would crash the process
  pool.on('error', () => undefined);
  const setup = await pool.connect();
  try {
    await createSchema(setup, schemaName);
  } catch (error) {
    setup.release();
    await pool.end();
    throw error;
  }
  setup.release();

  const state = lifecycle();
  const readEvents = readAll(pool, schema, state);
  const readCategoryEvents = readCategory(pool, schema, state);
  const readStreamEvents = readStream(pool, schema, state);
  const live = subscriptions({ lifecycle: state, readAll: readEvents, readCategory: readCategoryEvents, pollIntervalMs: options.pollIntervalMs });
  const commits = groupCommit({ pool, schema, onAppended: live.notifyAppended });
  const otherProcesses = listenForAppends(options.connectionString, schemaName, live.notifyAppended);

  return {
    kind: 'postgres',
    pool,
    schema: schemaName,
    checkpoints: new PostgresCheckpointStore(pool, schemaName),
    async appendToStream(streamName, events, appendOptions) {
      state.assertOpen();
      assertValidStreamName(streamName);
      const batch = prepareEvents(assertValidEvents(events));
      const expected = assertValidExpectedRevision(appendOptions?.expectedRevision ?? 'any');
      return commits.enqueue(streamName, batch, expected, appendOptions?.idempotency);
    },
    readStream: readStreamEvents,
    readAll: readEvents,
    readCategory: readCategoryEvents,
    subscribe: live.subscribe,
    async close() {
      if (state.closed) return;
      await live.stopAll();
      // appends already accepted are written before the pool closes
      await commits.drain();
      state.markClosed();
      await otherProcesses.close();
      await pool.end();
    },
  };
};
