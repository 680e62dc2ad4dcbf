import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { quoteIdentifier, type PostgresQuery } from '@gevinst/eventstore';

export interface StoredAnswer {
  fingerprint: string;
  result: unknown;
}

/** Where first answers to commands sent with an `Idempotency-Key` are kept. */
export interface IdempotencyKeys {
  get(userId: string, key: string): StoredAnswer | undefined | Promise<StoredAnswer | undefined>;
  put(userId: string, key: string, fingerprint: string, result: unknown): void | Promise<void>;
}

/**
 * First answers to commands sent with an `Idempotency-Key`, kept in the SQLite file so that a
 * retry after a restart still gets the first answer and writes nothing. When the events live in the
 * same file, `put` runs inside the append's transaction (the SQLite adapter's `alongside`), so the
 * key and the events commit together; see docs/architecture.md.
 */
export class IdempotencyStore implements IdempotencyKeys {
  private readonly getStmt;
  private readonly putStmt;

  constructor(readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      user_id TEXT NOT NULL,
      key TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      result TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (user_id, key)
    ) WITHOUT ROWID`);
    this.getStmt = db.prepare<[string, string], { fingerprint: string; result: string }>(
      'SELECT fingerprint, result FROM idempotency_keys WHERE user_id = ? AND key = ?',
    );
    this.putStmt = db.prepare(
      'INSERT OR IGNORE INTO idempotency_keys (user_id, key, fingerprint, result, created_at) VALUES (?, ?, ?, ?, ?)',
    );
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
 * The keys in PostgreSQL when the events live there, so a retry sent to another instance finds the first
 * answer too. Stored after the events' append (as beside KurrentDB): a crash between the two makes a
 * retry decide again; see docs/architecture.md.
 */
export class PostgresIdempotencyKeys implements IdempotencyKeys {
  private readonly table: string;
  private ready: Promise<unknown> | undefined;

  constructor(
    private readonly query: PostgresQuery,
    schema = 'public',
  ) {
    this.table = `${quoteIdentifier(schema)}.gevinst_idempotency_keys`;
  }

  private ensureTable(): Promise<unknown> {
    this.ready ??= this.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
      user_id text NOT NULL,
      key text NOT NULL,
      fingerprint text NOT NULL,
      result jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, key)
    )`).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async get(userId: string, key: string): Promise<StoredAnswer | undefined> {
    await this.ensureTable();
    const { rows } = await this.query(`SELECT fingerprint, result FROM ${this.table} WHERE user_id = $1 AND key = $2`, [userId, key]);
    const row = rows[0];
    return row ? { fingerprint: String(row.fingerprint), result: row.result } : undefined;
  }

  async put(userId: string, key: string, fingerprint: string, result: unknown): Promise<void> {
    await this.ensureTable();
    await this.query(`INSERT INTO ${this.table} (user_id, key, fingerprint, result) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      userId,
      key,
      fingerprint,
      JSON.stringify(result),
    ]);
  }
}

export const fingerprintOf = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value) ?? 'undefined').digest('hex');
