export * from './port';
export { assertValidStreamName, assertValidCategory, assertValidEvents } from './validation';
export { openSqliteEventStore, isSqliteEventStore, isBusy, createIdempotencyKeysTable, type SqliteAppendOptions, type SqliteEventStore, type SqliteEventStoreOptions, type Synchronous } from './sqlite';
export { InMemoryCheckpointStore, SqliteCheckpointStore, storeCheckpointInTransaction, runSubscription, type RunSubscriptionOptions } from './checkpoints';
export { pollingSubscription } from './subscriptions/pollingSubscription';
export { openKurrentDbEventStore, type KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb';
export { openEventStore, openEventStoreFromEnv, synchronousFromEnv, defaultSqlitePath, type EventStoreEnv, type OpenedEventStore } from './openEventStore';
export { openPostgresEventStore, PostgresCheckpointStore, quoteIdentifier, type PostgresEventStore, type PostgresEventStoreOptions, type PostgresQuery } from './postgres';
