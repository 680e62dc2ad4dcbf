import { resolve, sep } from 'node:path';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a part of the path is a file, not a folder',
  ENOENT: 'the folder cannot be created',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EISDIR: 'the path is a folder',
  SQLITE_CANTOPEN: 'the file cannot be opened',
  SQLITE_BUSY: 'another process holds the lock on it',
  SQLITE_READONLY: 'the file is read-only',
  SQLITE_PERM: 'permission denied',
  SQLITE_NOTADB: 'the file is not a SQLite database',
  SQLITE_CORRUPT: 'the file is damaged',
  SQLITE_FULL: 'the disk is full',
  SQLITE_IOERR: 'the disk could not be read or written',
};

const reasonOf = (code: string): string | undefined =>
  REASONS[code] ?? Object.entries(REASONS).find(([known]) => code.startsWith(`${known}_`))?.[1];

/**
 * One line an operator can act on, for the start-up failures that are the installation's (the
 * database file, the port); undefined for anything else, which keeps its stack trace.
 */
export const describeStartupError = (error: unknown, config: { dbPath: string; port: number }): string | undefined => {
  const e = error as { code?: unknown; path?: unknown; syscall?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code === 'EADDRINUSE' || (code === 'EACCES' && e?.syscall === 'listen'))
    return `Gevinst kan ikke lytte på port ${config.port}: ${code === 'EADDRINUSE' ? 'porten er i bruk' : 'ingen tilgang'} (${code}). Sjekk PORT og HOST.`;
  const reason = reasonOf(code);
  if (!reason) return undefined;
  const db = resolve(config.dbPath);
  // a file-system error names its path: it is the store's only when that is the file or a folder above it
  if (typeof e?.path === 'string') {
    const path = resolve(e.path);
    if (path !== db && !db.startsWith(path.endsWith(sep) ? path : path + sep) && !path.startsWith(db))
      return `Gevinst kan ikke skrive til ${e.path}: ${reason} (${code}). Sjekk filrettighetene.`;
  } else if (!code.startsWith('SQLITE_')) return undefined;
  return `Gevinst kan ikke skrive til databasefilen ${config.dbPath}: ${reason} (${code}). Sjekk GEVINST_DB og filrettighetene.`;
};
