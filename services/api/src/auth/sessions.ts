import type Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from './principal';

export const SESSION_COOKIE = 'gevinst_session';
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** last use is written at most this often, so a busy page does not write on every request */
const TOUCH_EVERY_MS = 60 * 1000;

/** a session as kept: the person as JSON, and when it was last used (ms) */
export interface SessionRow {
  principal: string;
  lastSeenAt: number;
}

/**
 * Where sessions are kept, by the hash of their id: the SQLite file of one instance, or PostgreSQL when
 * several instances serve one kommune (a person's next request may reach any of them).
 */
export interface SessionRows {
  insert(hash: string, principal: string, now: number, expiresAt: number): void | Promise<void>;
  /** the row when it exists and has not reached its absolute end */
  find(hash: string, now: number): SessionRow | undefined | Promise<SessionRow | undefined>;
  touch(hash: string, now: number): void | Promise<void>;
  remove(hash: string): void | Promise<void>;
  /** removes the sessions past their end or idle since `idleSince` */
  sweep(now: number, idleSince: number): void | Promise<void>;
}

const hashOf = (id: string) => createHash('sha256').update(id).digest('base64url');

/**
 * Login sessions, kept server side. The cookie carries a random 256-bit id; only its hash is stored,
 * so a copy of the table does not hand out sessions.
 */
export class Sessions {
  constructor(
    private readonly rows: SessionRows,
    private readonly options: { absoluteMs?: number; idleMs?: number; now?: () => number } = {},
  ) {}

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
  async create(principal: Omit<Principal, 'via'>): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.rows.insert(hashOf(id), JSON.stringify(principal), now, now + this.absoluteMs);
    return id;
  }

  /** The session's person, or undefined when the id is unknown, expired or idle too long. */
  async principal(id: string): Promise<Principal | undefined> {
    if (!id || id.length > 100) return undefined;
    const hash = hashOf(id);
    const now = this.now();
    const row = await this.rows.find(hash, now);
    if (!row) return undefined;
    if (row.lastSeenAt + this.idleMs <= now) {
      await this.rows.remove(hash);
      return undefined;
    }
    if (now - row.lastSeenAt >= TOUCH_EVERY_MS) await this.rows.touch(hash, now);
    return { ...(JSON.parse(row.principal) as Omit<Principal, 'via'>), via: 'session' };
  }

  async delete(id: string): Promise<void> {
    if (id) await this.rows.remove(hashOf(id));
  }

  async sweepExpired(): Promise<void> {
    const now = this.now();
    await this.rows.sweep(now, now - this.idleMs);
  }
}

/** Sessions in the instance's SQLite file (the embedded default: one instance). */
export const sqliteSessionRows = (db: Database.Database): SessionRows => {
  db.exec(`CREATE TABLE IF NOT EXISTS sessions (
    id_hash TEXT PRIMARY KEY, principal TEXT NOT NULL,
    created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)`);
  const insert = db.prepare('INSERT INTO sessions (id_hash, principal, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)');
  const find = db.prepare<[string, number], SessionRow>('SELECT principal, last_seen_at AS lastSeenAt FROM sessions WHERE id_hash = ? AND expires_at > ?');
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const sweep = db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?');
  return {
    insert: (hash, principal, now, expiresAt) => void insert.run(hash, principal, now, now, expiresAt),
    find: (hash, now) => find.get(hash, now),
    touch: (hash, now) => void touch.run(now, hash),
    remove: (hash) => void remove.run(hash),
    sweep: (now, idleSince) => void sweep.run(now, idleSince),
  };
};
