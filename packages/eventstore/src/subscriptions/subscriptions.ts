import type { ReadAllOptions, RecordedEvent, SubscribeOptions, Subscription } from '../port';
import { pollingSubscription } from './pollingSubscription';
import { assertValidCategory } from '../validation';
import type { Lifecycle } from '../sqlite/lifecycle';

export interface Subscriptions {
  readonly subscribe: (options: SubscribeOptions & { pollIntervalMs?: number }) => Subscription;
  /** wakes the live subscriptions of this process (another process's appends are found by polling) */
  readonly notifyAppended: () => void;
  stopAll(): Promise<void>;
}

/**
 * Polling subscriptions to $all or to a category, woken at once by this process's own appends (SQLite
 * and PostgreSQL alike). History and live events come from one ordered query; both stores make
 * positions visible in order, so the hand-over has neither gap nor duplicate.
 */
export const subscriptions = (options: {
  lifecycle: Lifecycle;
  readAll: (options?: ReadAllOptions) => RecordedEvent[] | Promise<RecordedEvent[]>;
  readCategory: (category: string, options?: ReadAllOptions) => RecordedEvent[] | Promise<RecordedEvent[]>;
  pollIntervalMs?: number;
}): Subscriptions => {
  const { lifecycle, readAll, readCategory } = options;
  const wakers = new Set<() => void>();
  const running = new Set<Subscription>();

  return {
    subscribe(subscribeOptions) {
      lifecycle.assertOpen();
      const { category } = subscribeOptions;
      if (category !== undefined) assertValidCategory(category);
      const subscription = pollingSubscription({
        ...subscribeOptions,
        read: (after, maxCount) => (category === undefined ? readAll({ after, maxCount }) : readCategory(category, { after, maxCount })),
        pollIntervalMs: subscribeOptions.pollIntervalMs ?? options.pollIntervalMs ?? 50,
        onWake: (wake) => {
          wakers.add(wake);
          return () => wakers.delete(wake);
        },
      });
      running.add(subscription);
      subscription.done.then(
        () => running.delete(subscription),
        () => running.delete(subscription),
      );
      return subscription;
    },
    notifyAppended: () => wakers.forEach((wake) => wake()),
    async stopAll() {
      await Promise.all([...running].map((s) => s.stop()));
    },
  };
};
