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
