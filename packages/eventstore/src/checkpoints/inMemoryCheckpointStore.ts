import type { CheckpointStore } from '../port';

/** For tests and for subscribers whose state lives only in memory (they rebuild on start anyway). */
export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, bigint>();
  async load(subscriberId: string) {
    return this.positions.get(subscriberId);
  }
  async store(subscriberId: string, position: bigint) {
    this.positions.set(subscriberId, position);
  }
}
