import type { Folded } from './spec';

/** A stream's decided state and the revision of the last event folded into it. */
export interface StreamState {
  revision: bigint;
  folded: Folded;
}

/** How many streams' states are kept by default: a large kommune's hot benefits and projects. */
export const DEFAULT_STREAM_STATES = 10_000;

/**
 * The decided state of the streams commands went to last, at most `capacity` of them (the least
 * recently used goes first). A command folds only the events after the kept revision, read from the
 * store, so a write from elsewhere is still seen; the append's expected revision still guards
 * against a concurrent one. Deciders' states are immutable (`evolve` returns a new one), so an entry
 * can be shared by concurrent commands.
 */
export class StreamStates {
  private readonly entries = new Map<string, StreamState>();

  constructor(readonly capacity = DEFAULT_STREAM_STATES) {}

  get size(): number {
    return this.entries.size;
  }

  get(streamName: string): StreamState | undefined {
    const entry = this.entries.get(streamName);
    if (entry) {
      // a Map keeps insertion order: moving the entry to the end marks it most recently used
      this.entries.delete(streamName);
      this.entries.set(streamName, entry);
    }
    return entry;
  }

  /** keeps `entry` unless a later revision of the stream is kept already */
  set(streamName: string, entry: StreamState): void {
    if (this.capacity <= 0) return;
    const kept = this.entries.get(streamName);
    if (kept && kept.revision > entry.revision && kept.folded.decider === entry.folded.decider) return;
    this.entries.delete(streamName);
    this.entries.set(streamName, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  drop(streamName: string): void {
    this.entries.delete(streamName);
  }
}
