import { sqliteCodeOf } from './sqliteError';

/** SQLite's busy error: another connection holds the lock (`SQLITE_BUSY`, `SQLITE_BUSY_SNAPSHOT`, …). */
export const isBusy = (error: unknown): boolean => sqliteCodeOf(error).startsWith('SQLITE_BUSY');
