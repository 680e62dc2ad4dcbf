import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultSynchronous, type Synchronous } from './durability';
import { createSchema } from './schema';

/** The one connection of this process, in WAL mode, its schema created. */
export const openDatabase = (options: { path: string; synchronous?: Synchronous; busyTimeoutMs: number }): Database.Database => {
  if (options.path !== ':memory:' && options.path !== '') mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path, { timeout: options.busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? defaultSynchronous}`);
  createSchema(db);
  // from here busy_timeout 0: SQLite's own busy wait sleeps inside the synchronous call and so stops the
  // whole process (every read, /healthz) while another process holds the write lock; appends wait in `flush`
  db.pragma('busy_timeout = 0');
  return db;
};
