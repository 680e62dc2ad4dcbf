import type { EventStore, RecordedEvent, Subscription } from '@gevinst/eventstore';
import { isBusy } from '@gevinst/eventstore';
import type { SqliteCheckpoints } from './checkpoints';
import type { Projection } from './projection';
import { upcastRecorded } from './upcast';

export interface ProjectionRunnerOptions {
  store: EventStore;
  projections: Projection[];
  checkpoints: SqliteCheckpoints;
  batchSize?: number;
  /** wait before resubscribing after the subscription dropped */
  retryMs?: number;
  onError?: (error: unknown) => void;
  /**
   * how often the checkpoints are written while events flow (ms; default 1000). They tell operators
   * how far the models got (the models are rebuilt at every start), so they need not cost a commit
   * (an fsync on synchronous=FULL) per batch; they are always written on stop.
   */
  checkpointEveryMs?: number;
}

interface Waiter {
  position: bigint;
  resolve: () => void;
}

/**
 * Feeds in-memory read models from a catch-up subscription to `$all`. The read models are rebuilt
 * from the first event at every start (fast: see `pnpm bench:ledger`), and their checkpoint is
 * stored in the SQLite file at most once a second while events flow and on stop, so operators can
 * see how far each got.
 *
 * Each event is applied at most once and in order: an event at or before the current position is
 * skipped, so a replayed batch (a resubscription, or `catchUp` racing the live feed) changes nothing.
 */
export class ProjectionRunner {
  private current: bigint | undefined;
  private subscription: Subscription | undefined;
  private waiters: Waiter[] = [];
  private stopped = false;
  private catchingUp: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private checkpointTimer: NodeJS.Timeout | undefined;
  private readonly batchSize: number;
  private readonly retryMs: number;
  private eventsApplied = 0;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.batchSize = options.batchSize ?? 1000;
    this.retryMs = options.retryMs ?? 500;
  }

  /** last applied global position (undefined before the first event) */
  get position(): bigint | undefined {
    return this.current;
  }

  get applied(): number {
    return this.eventsApplied;
  }

  /** Rebuilds the read models from the start of the store and then follows it live. */
  async start(): Promise<void> {
    this.stopped = false;
    for (const p of this.options.projections) p.reset();
    this.current = undefined;
    this.eventsApplied = 0;
    await this.catchUp();
    this.subscribe();
  }

  /** Drops every read model and reads all events again. */
  async rebuild(): Promise<void> {
    await this.catchingUp;
    for (const p of this.options.projections) {
      p.reset();
      this.options.checkpoints.clear(p.name);
    }
    this.current = undefined;
    this.eventsApplied = 0;
    await this.catchUp();
  }

  /** Resolves once the read models include the event at `position` (read your own writes). */
  async waitFor(position: bigint): Promise<void> {
    if (this.current !== undefined && this.current >= position) return;
    const reached = new Promise<void>((resolve) => this.waiters.push({ position, resolve }));
    void this.catchUp().catch((error) => this.options.onError?.(error));
    await reached;
  }

  /** Reads everything after the current position now, without waiting for the live feed. */
  catchUp(): Promise<void> {
    if (this.catchingUp) return this.catchingUp.then(() => this.catchUpOnce());
    return this.catchUpOnce();
  }

  private catchUpOnce(): Promise<void> {
    if (this.catchingUp) return this.catchingUp;
    const run = (async () => {
      for (;;) {
        const events = await this.options.store.readAll({ after: this.current, maxCount: this.batchSize });
        if (events.length === 0) break;
        this.applyBatch(events);
        if (events.length < this.batchSize) break;
      }
    })();
    this.catchingUp = run.finally(() => {
      this.catchingUp = undefined;
    });
    return this.catchingUp;
  }

  private subscribe(): void {
    if (this.stopped) return;
    const subscription = this.options.store.subscribe({
      after: this.current,
      batchSize: this.batchSize,
      handle: (events) => this.applyBatch(events),
    });
    this.subscription = subscription;
    subscription.done.then(
      () => undefined,
      (error) => {
        this.options.onError?.(error);
        if (this.subscription === subscription && !this.stopped) {
          this.retryTimer = setTimeout(() => this.subscribe(), this.retryMs);
          this.retryTimer.unref?.();
        }
      },
    );
  }

  private applyBatch(events: RecordedEvent[]): void {
    let last: bigint | undefined;
    for (const recorded of events) {
      if (this.current !== undefined && recorded.globalPosition <= this.current) continue;
      const event = upcastRecorded(recorded);
      if (event) for (const p of this.options.projections) p.apply(event);
      this.current = recorded.globalPosition;
      this.eventsApplied++;
      last = recorded.globalPosition;
    }
    if (last === undefined) return;
    this.scheduleCheckpoints();
    this.releaseWaiters();
  }

  private scheduleCheckpoints(): void {
    if (this.checkpointTimer || this.stopped) return;
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = undefined;
      try {
        this.storeCheckpoints();
      } catch (error) {
        // another process holds the write lock: the checkpoint only reports progress, so it waits for the next tick
        if (isBusy(error)) this.scheduleCheckpoints();
        else this.options.onError?.(error);
      }
    }, this.options.checkpointEveryMs ?? 1000);
    this.checkpointTimer.unref?.();
  }

  private storeCheckpoints(): void {
    if (this.current === undefined) return;
    const { checkpoints, projections } = this.options;
    const position = this.current;
    checkpoints.db.transaction(() => {
      for (const p of projections) checkpoints.store(p.name, position);
    })();
  }

  private releaseWaiters(): void {
    if (this.waiters.length === 0 || this.current === undefined) return;
    const current = this.current;
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.position <= current) w.resolve();
      else still.push(w);
    }
    this.waiters = still;
  }

  /** Stops the live feed and stores the checkpoints. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = undefined;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    await this.catchingUp?.catch(() => undefined);
    try {
      this.storeCheckpoints();
    } catch (error) {
      if (!isBusy(error)) throw error;
      this.options.onError?.(error); // the models are rebuilt at start; a stale checkpoint loses nothing
    }
  }
}
