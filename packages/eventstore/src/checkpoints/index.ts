export { InMemoryCheckpointStore } from './inMemoryCheckpointStore';
export { SqliteCheckpointStore, storeCheckpointInTransaction } from './sqliteCheckpointStore';
export { runSubscription, type RunSubscriptionOptions } from './runSubscription';
