export { openSqliteEventStore, type SqliteEventStore, type SqliteEventStoreOptions } from './sqliteEventStore';
export { type Synchronous, defaultSynchronous } from './durability';
