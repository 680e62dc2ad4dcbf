import type { EventStore } from './port';
import type { PostgresEventStore } from './postgres';
import { openSqliteEventStore, type SqliteEventStore, type Synchronous } from './sqlite';

export interface EventStoreEnv {
  /** a KurrentDB/EventStoreDB connection string; when set, events live there */
  EVENTSTORE_URL?: string;
  /** `postgres://…` (or `postgresql://…`): events live in that PostgreSQL database (when EVENTSTORE_URL is unset) */
  DATABASE_URL?: string;
  /** the PostgreSQL schema for the events and checkpoints; default public */
  GEVINST_PG_SCHEMA?: string;
  /** the SQLite file otherwise; default ./data/gevinst.sqlite */
  GEVINST_DB?: string;
  /** NORMAL or FULL (default); see sqlite/durability.ts */
  GEVINST_SQLITE_SYNCHRONOUS?: string;
  [key: string]: string | undefined;
}

export type OpenedEventStore =
  | { kind: 'kurrentdb'; store: EventStore }
  | { kind: 'sqlite'; store: SqliteEventStore }
  | { kind: 'postgres'; store: PostgresEventStore };

export const defaultSqlitePath = './data/gevinst.sqlite';

const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

/**
 * Chooses the adapter from the environment: PostgreSQL when `EVENTSTORE_URL` or (without it)
 * `DATABASE_URL` is a `postgres://` URL, KurrentDB when `EVENTSTORE_URL` is another URL, else the SQLite file.
 */
export const openEventStoreFromEnv = async (env: EventStoreEnv = process.env): Promise<OpenedEventStore> => {
  const url = env.EVENTSTORE_URL?.trim();
  // a postgres:// URL in EVENTSTORE_URL means PostgreSQL too (the API passes its store URL that way)
  const databaseUrl = url && isPostgresUrl(url) ? url : env.DATABASE_URL?.trim();
  if (url && !isPostgresUrl(url)) {
    const { openKurrentDbEventStore } = await import('./kurrentdb');
    return { kind: 'kurrentdb', store: openKurrentDbEventStore({ connectionString: url }) };
  }
  if (databaseUrl && isPostgresUrl(databaseUrl)) {
    const { openPostgresEventStore } = await import('./postgres');
    return { kind: 'postgres', store: await openPostgresEventStore({ connectionString: databaseUrl, schema: env.GEVINST_PG_SCHEMA?.trim() || undefined }) };
  }
  const synchronous = synchronousFromEnv(env.GEVINST_SQLITE_SYNCHRONOUS);
  return { kind: 'sqlite', store: openSqliteEventStore({ path: env.GEVINST_DB?.trim() || defaultSqlitePath, synchronous }) };
};

/** Reads `GEVINST_SQLITE_SYNCHRONOUS` (NORMAL or FULL, any case); undefined when unset. */
export const synchronousFromEnv = (value: string | undefined): Synchronous | undefined => {
  const synchronous = value?.trim().toUpperCase();
  if (!synchronous) return undefined;
  if (synchronous !== 'NORMAL' && synchronous !== 'FULL')
    throw new Error(`GEVINST_SQLITE_SYNCHRONOUS must be NORMAL or FULL, not "${value}"`);
  return synchronous;
};

/** `openEventStoreFromEnv` for callers that need only the port. */
export const openEventStore = async (env: EventStoreEnv = process.env): Promise<EventStore> => (await openEventStoreFromEnv(env)).store;
