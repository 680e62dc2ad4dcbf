export { openPostgresEventStore, type PostgresEventStore, type PostgresEventStoreOptions } from './postgresEventStore';
export { PostgresCheckpointStore } from './checkpointStore';
