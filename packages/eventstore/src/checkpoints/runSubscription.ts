import type { CheckpointStore, EventStore, RecordedEvent, Subscription, SubscriptionHandlerContext } from '../port';
import type { SqliteCheckpointStore } from './sqliteCheckpointStore';

interface RunSubscriptionBase {
  store: EventStore;
  subscriberId: string;
  /** only this stream category; default: all events */
  category?: string;
  batchSize?: number;
  onCaughtUp?: (position: bigint | undefined) => void;
  /**
   * After an error, load the checkpoint again and resubscribe from it (the failing event comes first).
   * `true` = forever, every second; default: stop and reject `done`.
   */
  restartOnError?: boolean | { delayMs?: number; maxRestarts?: number };
  /** told about every error that leads to a restart */
  onError?: (error: unknown, restarts: number) => void;
}

export type RunSubscriptionOptions = RunSubscriptionBase &
  (
    | {
        checkpoints: CheckpointStore;
        /** may be async; the checkpoint is stored after it returns, so it must be idempotent (at-least-once) */
        handle: (events: RecordedEvent[], context: SubscriptionHandlerContext) => Promise<void> | void;
      }
    | {
        checkpoints: SqliteCheckpointStore;
        /** synchronous writes on `checkpoints.db`, committed in one transaction with the checkpoint (exactly once) */
        project: (events: RecordedEvent[]) => void;
      }
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a subscriber: loads its checkpoint, subscribes after it, hands each batch to the subscriber and
 * stores the position of the batch's last event. A batch that fails is not checkpointed, so the
 * subscriber resumes at it — in this run when `restartOnError` is set, or at the next start.
 */
export const runSubscription = (options: RunSubscriptionOptions): Subscription => {
  const { store, subscriberId, checkpoints } = options;
  const restart = options.restartOnError === true ? {} : options.restartOnError || undefined;
  const maxRestarts = restart?.maxRestarts ?? Infinity;
  let current: Subscription | undefined;
  let stopping = false;

  const handleBatch = async (events: RecordedEvent[], context: SubscriptionHandlerContext) => {
    const last = events.at(-1);
    // a subscription hands over no empty batch
    if (last === undefined) return;
    const position = last.globalPosition;
    if ('project' in options) {
      const project = options.project;
      options.checkpoints.storeWith(subscriberId, position, () => project(events));
    } else {
      await options.handle(events, context);
      await checkpoints.store(subscriberId, position);
    }
  };

  const run = async () => {
    for (let restarts = 0; ; restarts++) {
      if (stopping) return;
      try {
        const after = await checkpoints.load(subscriberId);
        if (stopping) return;
        current = store.subscribe({ after, category: options.category, batchSize: options.batchSize, onCaughtUp: options.onCaughtUp, handle: handleBatch });
        await current.done;
        return;
      } catch (error) {
        if (stopping || !restart || restarts >= maxRestarts) throw error;
        options.onError?.(error, restarts + 1);
        await sleep(restart.delayMs ?? 1000);
      }
    }
  };
  const done = run();
  done.catch(() => undefined);
  return {
    done,
    async stop() {
      stopping = true;
      await current?.stop();
      await done.catch(() => undefined);
    },
  };
};
