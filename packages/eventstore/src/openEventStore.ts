import type { EventStore } from './port';
import { openSqliteEventStore, type SqliteEventStore, type Synchronous } from './sqlite';

export interface EventStoreEnv {
  /** a KurrentDB/EventStoreDB connection string; when set, events live there */
  EVENTSTORE_URL?: string;
  /** the SQLite file otherwise; default ./data/gevinst.sqlite */
  GEVINST_DB?: string;
  /** NORMAL or FULL (default); see sqlite/durability.ts */
  GEVINST_SQLITE_SYNCHRONOUS?: string;
  [key: string]: string | undefined;
}

export type OpenedEventStore = { kind: 'kurrentdb'; store: EventStore } | { kind: 'sqlite'; store: SqliteEventStore };

export const defaultSqlitePath = './data/gevinst.sqlite';

/** Chooses the adapter from the environment: KurrentDB when `EVENTSTORE_URL` is set, else the SQLite file. */
export const openEventStoreFromEnv = async (env: EventStoreEnv = process.env): Promise<OpenedEventStore> => {
  const url = env.EVENTSTORE_URL?.trim();
  if (url) {
    const { openKurrentDbEventStore } = await import('./kurrentdb');
    return { kind: 'kurrentdb', store: openKurrentDbEventStore({ connectionString: url }) };
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
