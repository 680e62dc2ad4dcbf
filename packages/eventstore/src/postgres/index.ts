export { openPostgresEventStore, type PostgresEventStore, type PostgresEventStoreOptions } from './postgresEventStore';
export { PostgresCheckpointStore } from './checkpointStore';
export type { PostgresQuery } from './query';
export { quoteIdentifier } from './schema';
