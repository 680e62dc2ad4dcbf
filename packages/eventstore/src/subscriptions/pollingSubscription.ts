import type { RecordedEvent, SubscribeOptions, Subscription, SubscriptionHandlerContext } from '../port';

export interface PollingSubscriptionOptions extends SubscribeOptions {
  /** events strictly after `after`, in global order, at most `maxCount` */
  read(after: bigint | undefined, maxCount: number): Promise<RecordedEvent[]> | RecordedEvent[];
  /** how long to sleep when caught up before looking again */
  pollIntervalMs: number;
  /** registers a callback that ends the sleep early (an append in this process); returns its unregistration */
  onWake?(wake: () => void): () => void;
}

/**
 * A catch-up subscription made of one loop: read the next batch after the last handled position, hand
 * it to the handler, repeat; when a read comes back empty the subscription is live and sleeps until
 * woken or the poll interval ends. History and live events come from the same ordered query, so the
 * hand-over can have neither a gap nor a duplicate, as long as positions become visible in order.
 */
export const pollingSubscription = (options: PollingSubscriptionOptions): Subscription => {
  const batchSize = options.batchSize ?? 500;
  let position = options.after;
  let stopping = false;
  let wakeSleeper: (() => void) | undefined;
  let pendingWake = false;
  const wake = () => {
    pendingWake = true;
    wakeSleeper?.();
  };
  const unregister = options.onWake?.(wake);

  const sleep = () =>
    new Promise<void>((resolve) => {
      if (pendingWake || stopping) return resolve();
      const timer = setTimeout(done, options.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        wakeSleeper = undefined;
        resolve();
      }
      wakeSleeper = done;
    });

  const stop = async () => {
    stopping = true;
    wakeSleeper?.();
    await done.catch(() => undefined);
  };
  const context: SubscriptionHandlerContext = { stop };

  const run = async () => {
    let caughtUp = false;
    try {
      while (!stopping) {
        pendingWake = false;
        const events = await options.read(position, batchSize);
        if (stopping) break;
        const last = events.at(-1);
        if (last !== undefined) {
          await options.handle(events, context);
          position = last.globalPosition;
          continue;
        }
        if (!caughtUp) {
          caughtUp = true;
          options.onCaughtUp?.(position);
        }
        await sleep();
      }
    } finally {
      unregister?.();
    }
  };
  const done = run();
  done.catch(() => undefined); // the caller may never look at `done`; the rejection stays visible to those who do
  return { stop, done };
};
