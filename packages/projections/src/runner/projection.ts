import type { GevinstEvent } from '@gevinst/domain/events';
import type { RecordedEvent } from '@gevinst/eventstore';

/** A recorded event of the catalogue, upcast and typed: what every projection is fed. */
export type ProjectedEvent = Omit<RecordedEvent, 'type' | 'data'> & GevinstEvent;

/**
 * A read model fed one event at a time, in global order. `apply` must be deterministic and must
 * not throw for events it does not use (it ignores them), so a replay gives the same state.
 */
export interface Projection {
  /** subscriber id under which the checkpoint is stored */
  readonly name: string;
  apply(event: ProjectedEvent): void;
  /** drops everything: the next apply starts from an empty read model */
  reset(): void;
}

/**
 * A read model that can be stored and taken up again (see `SqliteSnapshots`). `snapshot` gives its
 * state as plain data (Maps allowed) that `restore` takes back after a restart, so that restoring and
 * then applying the later events equals folding all events. Bump `snapshotVersion` whenever the state's
 * shape or the fold changes: a stored snapshot of another version is dropped and the model rebuilt.
 */
export interface SnapshotProjection extends Projection {
  readonly snapshotVersion: number;
  snapshot(): unknown;
  /** replaces the state with a snapshot's; may throw on one it cannot read (the runner then rebuilds the model) */
  restore(state: unknown): void;
}

export const canSnapshot = (p: Projection): p is SnapshotProjection =>
  typeof (p as Partial<SnapshotProjection>).snapshot === 'function' && typeof (p as Partial<SnapshotProjection>).snapshotVersion === 'number';

/** the snapshot's fields, checked to be of the kind `restore` expects (a foreign or damaged blob throws) */
export const snapshotFields = <K extends string>(state: unknown, fields: Record<K, 'map' | 'array' | 'object'>): Record<K, unknown> => {
  if (typeof state !== 'object' || state === null) throw new Error('snapshot is not an object');
  const s = state as Record<string, unknown>;
  for (const [key, kind] of Object.entries(fields) as [K, 'map' | 'array' | 'object'][]) {
    const v = s[key];
    const ok = kind === 'map' ? v instanceof Map : kind === 'array' ? Array.isArray(v) : typeof v === 'object' && v !== null;
    if (!ok) throw new Error(`snapshot field ${key} is not a ${kind}`);
  }
  return s;
};
