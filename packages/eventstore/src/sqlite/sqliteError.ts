/** SQLite's error code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT_UNIQUE`, …) of what better-sqlite3 threw, '' for anything else */
export const sqliteCodeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';
