import type Database from 'better-sqlite3';

/**
 * Checkpoints of the read models in the SQLite file. Synchronous on purpose: a projection that
 * writes SQLite stores its checkpoint inside the same transaction as its rows.
 */
export class SqliteCheckpoints {
  private readonly loadStmt;
  private readonly storeStmt;
  private readonly deleteStmt;

  constructor(readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY,
      position TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID`);
    this.loadStmt = db.prepare<[string], { position: string }>('SELECT position FROM projection_checkpoints WHERE name = ?');
    this.storeStmt = db.prepare(
      `INSERT INTO projection_checkpoints (name, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
    this.deleteStmt = db.prepare('DELETE FROM projection_checkpoints WHERE name = ?');
  }

  load(name: string): bigint | undefined {
    const row = this.loadStmt.get(name);
    return row ? BigInt(row.position) : undefined;
  }

  store(name: string, position: bigint): void {
    this.storeStmt.run(name, position.toString(), new Date().toISOString());
  }

  clear(name: string): void {
    this.deleteStmt.run(name);
  }
}
