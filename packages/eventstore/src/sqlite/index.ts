export { openSqliteEventStore, isSqliteEventStore, type SqliteEventStore, type SqliteEventStoreOptions, type SqliteAppendOptions } from './sqliteEventStore';
export { type Synchronous, defaultSynchronous } from './durability';
export { isBusy } from './busy';
export { createIdempotencyKeysTable } from './schema';
