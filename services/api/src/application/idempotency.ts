import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

export interface StoredAnswer {
  fingerprint: string;
  result: unknown;
}

/**
 * First answers to commands sent with an `Idempotency-Key`, kept in the SQLite file so that a
 * retry after a restart still gets the first answer and writes nothing. When the events live in the
 * same file, `put` runs inside the append's transaction (the SQLite adapter's `alongside`), so the
 * key and the events commit together; see docs/architecture.md.
 */
export class IdempotencyStore {
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

export const fingerprintOf = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value) ?? 'undefined').digest('hex');
