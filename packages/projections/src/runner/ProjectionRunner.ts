import type { EventStore, RecordedEvent, Subscription } from '@gevinst/eventstore';
import { isBusy } from '@gevinst/eventstore';
import type { SqliteCheckpoints } from './checkpoints';
import { canSnapshot, type Projection } from './projection';
import { decodeState, encodeState, snapshotVersionOf, type SqliteSnapshots } from './snapshots';
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
  /**
   * where the read models are stored with their position; without it they are rebuilt from the first
   * event at every start. Stored while events flow every `snapshotEveryMs` (default 60 s) once
   * `snapshotAfterEvents` (default 10,000) came since the last, else every ten times that; after a
   * catch-up of at least `snapshotAfterEvents` events; and on stop.
   */
  snapshots?: SqliteSnapshots;
  snapshotEveryMs?: number;
  snapshotAfterEvents?: number;
  /** the store's last position (for progress, and to notice a snapshot ahead of the store) */
  head?: () => bigint | undefined;
  /** told how a catch-up (start, rebuild) goes, every `progressEveryMs` (default 5 s) and when it ends */
  onProgress?: (progress: CatchUpProgress) => void;
  progressEveryMs?: number;
  /** told what became of each stored snapshot at start */
  onRestore?: (outcome: RestoreOutcome) => void;
  /** told after the states were stored at `position` (to copy them to a shared database, say) */
  onSnapshotsStored?: (position: bigint) => void;
}

export interface CatchUpProgress {
  /** `start` resumes from the snapshots (or the first event without them); `rebuild` starts over */
  kind: 'start' | 'rebuild';
  done: boolean;
  position: bigint | undefined;
  head: bigint | undefined;
  /** 0–100 of the way from where the catch-up began to the head; null when the head is not known */
  percent: number | null;
  eventsApplied: number;
  ms: number;
}

export interface RestoreOutcome {
  name: string;
  /** the position it resumes after; undefined when it is rebuilt from the first event */
  position: bigint | undefined;
  /** why it is rebuilt (no snapshot, another version, unreadable, ahead of the store) */
  rebuildBecause?: string;
}

export type RunnerState = 'idle' | 'catching up' | 'current';

interface Waiter {
  position: bigint;
  resolve: () => void;
}

/**
 * Feeds in-memory read models from a catch-up subscription to `$all`. With `snapshots`, each model is
 * taken up at start from its stored state and position and reads on from there (a model without a
 * readable snapshot of its current version is rebuilt from the first event, the others skip what they
 * already hold); the states and checkpoints are stored together in one transaction at one position.
 * The checkpoints alone are stored at most once a second while events flow, so operators can see how
 * far each got.
 *
 * Each event is applied at most once and in order: an event at or before the current position is
 * skipped, so a replayed batch (a resubscription, or `catchUp` racing the live feed) changes nothing.
 */
export class ProjectionRunner {
  private current: bigint | undefined;
  private subscription: Subscription | undefined;
  /** a live feed runs (between `subscribe` and its end): it brings every new event without being asked */
  private following = false;
  private waiters: Waiter[] = [];
  private stopped = false;
  private catchingUp: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private checkpointTimer: NodeJS.Timeout | undefined;
  private readonly batchSize: number;
  private readonly retryMs: number;
  private eventsApplied = 0;
  /** per projection: the position its restored state includes, while some are behind the others */
  private resumeFrom: (bigint | undefined)[] | undefined;
  private resumeUntil: bigint | undefined;
  private snapshotPosition: bigint | undefined;
  private snapshotTime = Date.now();
  private snapshotApplied = 0;
  private runState: RunnerState = 'idle';
  private currentWaiters: (() => void)[] = [];
  private progress: { kind: CatchUpProgress['kind']; started: number; from: bigint; applied: number; lastReport: number; head: bigint | undefined } | undefined;

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

  /** `catching up` from `start` or `rebuild` until the models hold every event there was when it began */
  get state(): RunnerState {
    return this.runState;
  }

  /** resolves once no catch-up (start, rebuild) runs any more */
  whenCurrent(): Promise<void> {
    if (this.runState === 'current') return Promise.resolve();
    return new Promise((resolve) => this.currentWaiters.push(resolve));
  }

  /** how far the running catch-up has come (undefined when none runs) */
  catchUpProgress(): CatchUpProgress | undefined {
    return this.progress && this.progressOf(this.progress, false);
  }

  /**
   * Takes up the stored read models (synchronously, before the first await), reads on to the end of the
   * store and then follows it live; resolves once the models are current.
   */
  async start(): Promise<void> {
    this.stopped = false;
    this.eventsApplied = 0;
    this.snapshotApplied = 0;
    this.restore();
    await this.track('start', () => this.catchUp());
    this.subscribe();
  }

  /** Drops every read model (and its stored snapshot) and reads all events again. */
  async rebuild(): Promise<void> {
    await this.catchingUp;
    const { projections, checkpoints, snapshots } = this.options;
    for (const p of projections) {
      p.reset();
      checkpoints.clear(p.name);
      snapshots?.clear(p.name);
    }
    this.current = undefined;
    this.resumeFrom = undefined;
    this.snapshotPosition = undefined;
    this.eventsApplied = 0;
    this.snapshotApplied = 0;
    await this.track('rebuild', () => this.catchUp());
  }

  private restore(): void {
    const { projections, snapshots } = this.options;
    for (const p of projections) p.reset();
    this.current = undefined;
    this.resumeFrom = undefined;
    this.snapshotPosition = undefined;
    if (!snapshots) return;
    const head = this.options.head?.();
    const positions = projections.map((p): bigint | undefined => {
      const outcome = (position: bigint | undefined, rebuildBecause?: string) => {
        this.options.onRestore?.({ name: p.name, position, rebuildBecause });
        return position;
      };
      if (!canSnapshot(p)) return outcome(undefined, 'it keeps no snapshot');
      let stored;
      try {
        stored = snapshots.load(p.name);
      } catch (error) {
        return outcome(undefined, `its snapshot could not be read (${String(error)})`);
      }
      if (!stored) return outcome(undefined, 'no snapshot stored');
      const version = snapshotVersionOf(p.snapshotVersion);
      if (stored.version !== version) return outcome(undefined, `its snapshot is of version ${stored.version}, the model of ${version}`);
      if (this.options.head && (head === undefined || stored.position > head)) return outcome(undefined, `its snapshot is at ${stored.position}, ahead of the store (${head ?? 'empty'})`);
      try {
        p.restore(decodeState(stored.state));
      } catch (error) {
        p.reset();
        return outcome(undefined, `its snapshot is unreadable (${error instanceof Error ? error.message : String(error)})`);
      }
      return outcome(stored.position);
    });
    const restored = positions.filter((x): x is bigint => x !== undefined);
    if (restored.length === 0) return;
    const min = positions.includes(undefined) ? undefined : restored.reduce((a, b) => (b < a ? b : a));
    const max = restored.reduce((a, b) => (b > a ? b : a));
    this.current = min;
    if (min !== max) {
      this.resumeFrom = positions;
      this.resumeUntil = max;
    } else this.snapshotPosition = min;
  }

  private async track(kind: CatchUpProgress['kind'], run: () => Promise<void>): Promise<void> {
    const now = Date.now();
    this.runState = 'catching up';
    this.progress = { kind, started: now, from: this.current ?? 0n, applied: 0, lastReport: now, head: this.options.head?.() };
    const progress = this.progress;
    try {
      await run();
    } finally {
      this.progress = undefined;
    }
    if (!this.stopped) {
      this.runState = 'current';
      for (const resolve of this.currentWaiters.splice(0)) resolve();
    }
    this.options.onProgress?.(this.progressOf(progress, true));
    if (progress.applied >= (this.options.snapshotAfterEvents ?? 10_000)) this.storeSnapshotsSafely();
  }

  private progressOf(p: NonNullable<typeof this.progress>, done: boolean): CatchUpProgress {
    const position = this.current;
    const head = done ? (position ?? p.head) : p.head;
    const span = head === undefined ? undefined : Number(head - p.from);
    const got = Number((position ?? 0n) - p.from);
    const percent = head === undefined || span === undefined ? null : span <= 0 ? 100 : Math.min(100, Math.round((got / span) * 1000) / 10);
    return { kind: p.kind, done, position, head, percent, eventsApplied: p.applied, ms: Date.now() - p.started };
  }

  private reportProgress(applied: number): void {
    const p = this.progress;
    if (!p) return;
    p.applied += applied;
    const now = Date.now();
    if (now - p.lastReport < (this.options.progressEveryMs ?? 5_000)) return;
    p.lastReport = now;
    const head = this.options.head?.();
    if (head !== undefined) p.head = head;
    this.options.onProgress?.(this.progressOf(p, false));
  }

  /**
   * Resolves once the read models include the event at `position` (read your own writes). While the
   * live feed runs it brings the position (this process's appends wake it at once, others' come by
   * NOTIFY or its poll), so the store is read here only when there is no live feed to wait for.
   */
  async waitFor(position: bigint): Promise<void> {
    if (this.current !== undefined && this.current >= position) return;
    const reached = new Promise<void>((resolve) => this.waiters.push({ position, resolve }));
    if (!this.following) void this.catchUp().catch((error) => this.options.onError?.(error));
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
      while (!this.stopped) {
        const events = await this.options.store.readAll({ after: this.current, maxCount: this.batchSize });
        if (events.length === 0) break;
        this.applyBatch(events);
        if (events.length < this.batchSize) break;
        // the SQLite store reads synchronously: without a turn of the event loop a long catch-up would
        // hold up every request (and /healthz) until its end
        await new Promise((resolve) => setImmediate(resolve));
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
    this.following = true;
    subscription.done.then(
      () => {
        if (this.subscription === subscription) this.following = false;
      },
      (error) => {
        if (this.subscription === subscription) {
          this.following = false;
          // whoever waits now is served by reading the store until the feed is back
          if (this.waiters.length > 0) void this.catchUp().catch((e) => this.options.onError?.(e));
        }
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
    let applied = 0;
    const { projections } = this.options;
    for (const recorded of events) {
      const position = recorded.globalPosition;
      if (this.current !== undefined && position <= this.current) continue;
      const event = upcastRecorded(recorded);
      const from = this.resumeFrom;
      if (event) {
        if (from) {
          // a model restored further on than the others skips what its state already includes
          projections.forEach((p, i) => {
            const after = from[i];
            if (after === undefined || position > after) p.apply(event);
          });
        } else for (const p of projections) p.apply(event);
      }
      this.current = position;
      this.eventsApplied++;
      applied++;
      last = position;
      if (from && this.resumeUntil !== undefined && position >= this.resumeUntil) this.resumeFrom = undefined;
    }
    if (last === undefined) return;
    this.reportProgress(applied);
    this.scheduleCheckpoints();
    this.releaseWaiters();
  }

  private scheduleCheckpoints(): void {
    if (this.checkpointTimer || this.stopped) return;
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = undefined;
      try {
        if (this.snapshotDue()) this.storeSnapshots();
        else this.storeCheckpoints();
      } catch (error) {
        // another process holds the write lock: the checkpoint (and snapshot) waits for the next tick
        if (isBusy(error)) this.scheduleCheckpoints();
        else this.options.onError?.(error);
      }
    }, this.options.checkpointEveryMs ?? 1000);
    this.checkpointTimer.unref?.();
  }

  private storeCheckpoints(): void {
    if (this.current === undefined || this.resumeFrom) return;
    const { checkpoints, projections } = this.options;
    const position = this.current;
    checkpoints.db.transaction(() => {
      for (const p of projections) checkpoints.store(p.name, position);
    })();
  }

  /**
   * Stores every model's state and checkpoint at the current position in one transaction. Run between
   * two batches (applying is synchronous), so each state holds exactly the events up to that position.
   * Not while some models are still behind the others (their states are then at different positions).
   */
  private storeSnapshots(): void {
    const { snapshots, checkpoints, projections } = this.options;
    const position = this.current;
    if (!snapshots || position === undefined || this.resumeFrom) return;
    if (position === this.snapshotPosition) return this.storeCheckpoints();
    const states = projections.map((p) => (canSnapshot(p) ? { version: snapshotVersionOf(p.snapshotVersion), state: encodeState(p.snapshot()) } : undefined));
    checkpoints.db.transaction(() => {
      projections.forEach((p, i) => {
        const s = states[i];
        if (s) snapshots.store(p.name, s.version, position, s.state);
        checkpoints.store(p.name, position);
      });
    })();
    this.snapshotPosition = position;
    this.snapshotTime = Date.now();
    this.snapshotApplied = this.eventsApplied;
    this.options.onSnapshotsStored?.(position);
  }

  /**
   * A snapshot of a large kommune is hundreds of MB and takes the event loop for a while: stored every
   * `snapshotEveryMs` once `snapshotAfterEvents` events came since the last one, else every ten times that.
   */
  private snapshotDue(): boolean {
    if (!this.options.snapshots) return false;
    const every = this.options.snapshotEveryMs ?? 60_000;
    const elapsed = Date.now() - this.snapshotTime;
    return elapsed >= every * 10 || (elapsed >= every && this.eventsApplied - this.snapshotApplied >= (this.options.snapshotAfterEvents ?? 10_000));
  }

  private storeSnapshotsSafely(): void {
    try {
      this.storeSnapshots();
    } catch (error) {
      if (isBusy(error)) this.scheduleCheckpoints();
      this.options.onError?.(error);
    }
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

  /** Stops the live feed and stores the checkpoints (and snapshots). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.following = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = undefined;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    await this.catchingUp?.catch(() => undefined);
    try {
      if (this.options.snapshots) this.storeSnapshots();
      else this.storeCheckpoints();
    } catch (error) {
      if (!isBusy(error)) throw error;
      this.options.onError?.(error); // the next start resumes from the last snapshot stored; an older one loses nothing
    }
    this.runState = 'idle';
  }
}
