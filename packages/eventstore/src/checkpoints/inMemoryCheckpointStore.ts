import type { CheckpointStore } from '../port';

/** For tests and for subscribers whose state lives only in memory (they rebuild on start anyway). */
export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, bigint>();
  load(subscriberId: string): Promise<bigint | undefined> {
    return Promise.resolve(this.positions.get(subscriberId));
  }
  store(subscriberId: string, position: bigint): Promise<void> {
    this.positions.set(subscriberId, position);
    return Promise.resolve();
  }
}
