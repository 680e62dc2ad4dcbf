import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createIdempotencyKeysTable, isSqliteEventStore, quoteIdentifier, type EventStore, type PostgresEventStore } from '@gevinst/eventstore';

export interface StoredAnswer {
  fingerprint: string;
  result: unknown;
}

/** Where first answers to commands sent with an `Idempotency-Key` are kept. */
export interface IdempotencyKeys {
  get(userId: string, key: string): StoredAnswer | undefined | Promise<StoredAnswer | undefined>;
  put(userId: string, key: string, fingerprint: string, result: unknown): void | Promise<void>;
  /** true when `store`'s appends write these keys in their own transaction (`AppendOptions.idempotency`) */
  keptBy?(store: EventStore): boolean;
}

/**
 * First answers to commands sent with an `Idempotency-Key`, kept in the SQLite file so that a
 * retry after a restart still gets the first answer and writes nothing. When the events live in the
 * same file, the append stores the key in its own transaction (`AppendOptions.idempotency`), so the
 * key and the events commit together; see docs/architecture.md.
 */
export class IdempotencyStore implements IdempotencyKeys {
  private readonly getStmt;
  private readonly putStmt;

  constructor(readonly db: Database.Database) {
    createIdempotencyKeysTable(db);
    this.getStmt = db.prepare<[string, string], { fingerprint: string; result: string }>(
      'SELECT fingerprint, result FROM idempotency_keys WHERE user_id = ? AND key = ?',
    );
    this.putStmt = db.prepare(
      'INSERT OR IGNORE INTO idempotency_keys (user_id, key, fingerprint, result, created_at) VALUES (?, ?, ?, ?, ?)',
    );
  }

  keptBy(store: EventStore): boolean {
    return isSqliteEventStore(store) && store.db === this.db;
  }

  get(userId: string, key: string): StoredAnswer | undefined {
    const row = this.getStmt.get(userId, key);
    return row ? { fingerprint: row.fingerprint, result: JSON.parse(row.result) } : undefined;
  }

  put(userId: string, key: string, fingerprint: string, result: unknown): void {
    this.putStmt.run(userId, key, fingerprint, JSON.stringify(result), new Date().toISOString());
  }
}

/**
 * The keys in PostgreSQL when the events live there (`gevinst_idempotency_keys`, made by the store), so
 * a retry sent to another instance finds the first answer too. The store's appends write them in the
 * events' own transaction; `put` is for an answer that wrote nothing. See docs/architecture.md.
 */
export class PostgresIdempotencyKeys implements IdempotencyKeys {
  private readonly table: string;

  constructor(private readonly store: PostgresEventStore) {
    this.table = `${quoteIdentifier(store.schema)}.gevinst_idempotency_keys`;
  }

  keptBy(store: EventStore): boolean {
    return store === this.store;
  }

  async get(userId: string, key: string): Promise<StoredAnswer | undefined> {
    const { rows } = await this.store.pool.query<{ fingerprint: string; result: unknown }>(
      `SELECT fingerprint, result FROM ${this.table} WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    const row = rows[0];
    return row ? { fingerprint: row.fingerprint, result: row.result } : undefined;
  }

  async put(userId: string, key: string, fingerprint: string, result: unknown): Promise<void> {
    await this.store.pool.query(`INSERT INTO ${this.table} (user_id, key, fingerprint, result) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      userId,
      key,
      fingerprint,
      JSON.stringify(result),
    ]);
  }
}

export const fingerprintOf = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value) ?? 'undefined').digest('hex');
