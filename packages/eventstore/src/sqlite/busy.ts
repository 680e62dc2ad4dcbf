/** SQLite's busy error: another connection holds the lock (`SQLITE_BUSY`, `SQLITE_BUSY_SNAPSHOT`, …). */
export const isBusy = (error: unknown): boolean => String((error as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_BUSY');
