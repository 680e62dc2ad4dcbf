import type Database from 'better-sqlite3';

/**
 * One row per event. `global_position` is the rowid: writers are serialised by SQLite's write lock,
 * so positions become visible in commit order and a reader never sees a later position before an
 * earlier one (what makes polling subscriptions gap-free). Rows are never deleted.
 */
export const createSchema = (db: Database.Database): void => {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      global_position INTEGER PRIMARY KEY,
      stream_name     TEXT    NOT NULL,
      stream_revision INTEGER NOT NULL,
      category        TEXT    NOT NULL,
      event_id        TEXT    NOT NULL,
      event_type      TEXT    NOT NULL,
      data            TEXT    NOT NULL,
      metadata        TEXT    NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_name, stream_revision);
    CREATE UNIQUE INDEX IF NOT EXISTS events_event_id ON events (event_id);
    CREATE INDEX IF NOT EXISTS events_category ON events (category, global_position);
    CREATE TABLE IF NOT EXISTS checkpoints (
      subscriber_id TEXT PRIMARY KEY,
      position      INTEGER NOT NULL
    ) WITHOUT ROWID;
  `);
  createIdempotencyKeysTable(db);
};

/**
 * First answers to requests sent with an idempotency key (`AppendOptions.idempotency`), one per
 * (user_id = the record's scope, key). Also made by the API for its keys in a file without events.
 */
export const createIdempotencyKeysTable = (db: Database.Database): void => {
  db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
    user_id TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    result TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, key)
  ) WITHOUT ROWID`);
};
