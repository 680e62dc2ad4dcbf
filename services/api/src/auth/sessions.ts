import type Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from './principal';

export const SESSION_COOKIE = 'gevinst_session';
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** last use is written at most this often, so a busy page does not write on every request */
const TOUCH_EVERY_MS = 60 * 1000;

interface Row {
  principal: string;
  last_seen_at: number;
}

const hashOf = (id: string) => createHash('sha256').update(id).digest('base64url');

/**
 * Login sessions, server side in the SQLite file. The cookie carries a random 256-bit id; only its
 * hash is stored, so a copy of the file does not hand out sessions.
 */
export class Sessions {
  private readonly insert: Database.Statement;
  private readonly find: Database.Statement<[string, number], Row>;
  private readonly touch: Database.Statement<[number, string]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly sweep: Database.Statement<[number, number]>;

  constructor(
    db: Database.Database,
    private readonly options: { absoluteMs?: number; idleMs?: number; now?: () => number } = {},
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS sessions (
      id_hash TEXT PRIMARY KEY, principal TEXT NOT NULL,
      created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)`);
    this.insert = db.prepare('INSERT INTO sessions (id_hash, principal, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)');
    this.find = db.prepare('SELECT principal, last_seen_at FROM sessions WHERE id_hash = ? AND expires_at > ?');
    this.touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?');
    this.remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
    this.sweep = db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?');
    this.sweepExpired();
  }

  private now() {
    return this.options.now?.() ?? Date.now();
  }
  private get idleMs() {
    return this.options.idleMs ?? SESSION_IDLE_MS;
  }
  get absoluteMs() {
    return this.options.absoluteMs ?? SESSION_ABSOLUTE_MS;
  }

  /** Starts a session for the person and answers the id to put in the cookie. */
  create(principal: Omit<Principal, 'via'>): string {
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    this.insert.run(hashOf(id), JSON.stringify(principal), now, now, now + this.absoluteMs);
    return id;
  }

  /** The session's person, or undefined when the id is unknown, expired or idle too long. */
  principal(id: string): Principal | undefined {
    if (!id || id.length > 100) return undefined;
    const hash = hashOf(id);
    const now = this.now();
    const row = this.find.get(hash, now);
    if (!row) return undefined;
    if (row.last_seen_at + this.idleMs <= now) {
      this.remove.run(hash);
      return undefined;
    }
    if (now - row.last_seen_at >= TOUCH_EVERY_MS) this.touch.run(now, hash);
    return { ...(JSON.parse(row.principal) as Omit<Principal, 'via'>), via: 'session' };
  }

  delete(id: string): void {
    if (id) this.remove.run(hashOf(id));
  }

  sweepExpired(): void {
    const now = this.now();
    this.sweep.run(now, now - this.idleMs);
  }
}
