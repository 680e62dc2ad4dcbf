import type { RecordedEvent } from '@gevinst/eventstore/port';

/**
 * A read model fed one event at a time, in global order. `apply` must be deterministic and must
 * not throw for events it does not know (it ignores them), so a replay gives the same state.
 */
export interface Projection {
  /** subscriber id under which the checkpoint is stored */
  readonly name: string;
  apply(event: RecordedEvent): void;
  /** drops everything: the next apply starts from an empty read model */
  reset(): void;
}
