import type Database from 'better-sqlite3';
import type { CheckpointStore } from '../port';
import { promised } from '../promised';

const ensureTable = (db: Database.Database) =>
  db.exec('CREATE TABLE IF NOT EXISTS checkpoints (subscriber_id TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID');

const upsertSql =
  'INSERT INTO checkpoints (subscriber_id, position) VALUES (?, ?) ON CONFLICT (subscriber_id) DO UPDATE SET position = excluded.position';

/**
 * Stores a subscriber's checkpoint; call it inside the transaction (`db.transaction(...)`) that writes
 * the subscriber's read model, so both land or neither does.
 */
export const storeCheckpointInTransaction = (db: Database.Database, subscriberId: string, position: bigint): void => {
  let upsert = upserts.get(db);
  if (!upsert) {
    ensureTable(db);
    upsert = db.prepare(upsertSql);
    upserts.set(db, upsert);
  }
  upsert.run(subscriberId, position);
};
const upserts = new WeakMap<Database.Database, Database.Statement>();

/** Checkpoints in a SQLite file: the event store's own file, or the subscriber's read-model file. */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly select;
  private readonly upsert;
  constructor(readonly db: Database.Database) {
    ensureTable(db);
    this.select = db.prepare<[string], bigint>('SELECT position FROM checkpoints WHERE subscriber_id = ?').pluck().safeIntegers(true);
    this.upsert = db.prepare(upsertSql);
  }
  load(subscriberId: string): Promise<bigint | undefined> {
    return promised(() => this.select.get(subscriberId));
  }
  store(subscriberId: string, position: bigint): Promise<void> {
    return promised(() => {
      this.upsert.run(subscriberId, position);
    });
  }
  /** runs `write` and stores the checkpoint in one transaction; `write` must be synchronous */
  storeWith<T>(subscriberId: string, position: bigint, write: () => T): T {
    return this.db.transaction(() => {
      const result = write();
      if (result instanceof Promise)
        throw new Error('A projection that shares the checkpoint transaction must write synchronously (better-sqlite3)');
      this.upsert.run(subscriberId, position);
      return result;
    })();
  }
}
