import type Database from 'better-sqlite3';

/**
 * Key material Gevinst makes itself at first start (the embedded provider's signing key, cookie keys,
 * the embedded client's secret), kept in the SQLite file so sessions and tokens survive a restart.
 */
export class AuthSecrets {
  private readonly read: Database.Statement<[string], { value: string }>;
  private readonly insert: Database.Statement<[string, string]>;

  constructor(db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS auth_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL)');
    this.read = db.prepare('SELECT value FROM auth_secrets WHERE name = ?');
    this.insert = db.prepare('INSERT OR IGNORE INTO auth_secrets (name, value) VALUES (?, ?)');
  }

  /** The stored value, or `make()` stored now (another process may win the race; its value is kept). */
  async getOrCreate(name: string, make: () => string | Promise<string>): Promise<string> {
    const found = this.read.get(name);
    if (found) return found.value;
    this.insert.run(name, await make());
    const stored = this.read.get(name);
    if (!stored) throw new Error(`auth secret ${name} was inserted but cannot be read back`);
    return stored.value;
  }
}
