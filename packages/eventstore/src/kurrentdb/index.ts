export { openKurrentDbEventStore, type KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentDbEventStore';
