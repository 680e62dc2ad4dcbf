import { randomUUID } from 'node:crypto';
import { parseEvent, validateEvent, type EventType } from '@gevinst/domain/events';
import { type EventStore, type RecordedEvent, type Subscription, WrongExpectedRevisionError } from '@gevinst/eventstore';
import { decodeState, encodeState, snapshotVersionOf, type SqliteSnapshots } from '@gevinst/projections/snapshots';
import type { Clock } from '../clock';
import type { ReminderConfig } from '../config';
import type { ReminderMail } from '../delivery/compose';
import type { Mailer } from '../delivery/mailer';
import type { ClaimFacts } from '../schedule/claims';
import type { ReminderInputEvent } from '../schedule/evolve';
import { SERVICE_USER } from './deliver';

/** One kind of reminder that is swept for (the overdue actions, the årshjul's deadlines): its fold, its rule and its events. */
export interface ClaimedReminderKind<R, S extends { claims: Map<string, ClaimFacts> }> {
  /** in the log: «action reminder», «calendar reminder» */
  label: string;
  /** the saved fold's name (`reminder_snapshots`) */
  name: string;
  /** bump when the fold or its state changes: a saved state of another version is folded again from the first event */
  version: number;
  /** the event types its fold reads */
  eventTypes: ReadonlySet<string>;
  state: S;
  evolve(state: S, event: ReminderInputEvent): void;
  /** the reminders due at `now` and not yet claimed */
  due(state: S, config: ReminderConfig, now: number): R[];
  key(r: R): string;
  /** its own stream: created by the claim, never twice */
  stream(r: R): string;
  sent(r: R): { type: EventType; data: unknown };
  delivered(r: R): { type: EventType; data: unknown };
  mail(r: R, publicUrl: string): ReminderMail;
  /** what the log says of a delivered reminder */
  logged(r: R): Record<string, unknown>;
}

export interface ClaimedRemindersOptions {
  store: EventStore;
  clock: Clock;
  config: ReminderConfig;
  mailer: Mailer;
  publicUrl: () => string;
  /** how often (real ms) it looks for what fell due; default one minute */
  everyMs?: number;
  log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
  /** where the fold is saved with its position, so a start reads only the later events (default: memory only) */
  snapshots?: SqliteSnapshots;
}

/** How the last start caught up (for the log, tests and the benchmark). */
export interface ClaimedCatchUp {
  /** the saved position it resumed after; undefined when it read from the first event */
  resumedFrom: bigint | undefined;
  /** events read from the store until it was current */
  eventsRead: number;
  ms: number;
}

export interface ClaimedReminders<S> {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** sends what is due now; resolves when done (tests, and after each clock jump) */
  sweep(): Promise<void>;
  readonly state: S;
  /** set once caught up */
  catchUp(): ClaimedCatchUp | undefined;
}

/** While live, the fold is saved once this many events or this much time (real ms) passed since the last save, and at stop. */
const SAVE_EVERY_EVENTS = 10_000n;
const SAVE_EVERY_MS = 60_000;

/** The saved fold if it has the fold's fields, each a Map where the fresh state has one; else undefined (folded again). */
const restored = <S extends object>(fresh: S, bytes: Buffer): S | undefined => {
  const state = decodeState(bytes) as Record<string, unknown> | null;
  if (typeof state !== 'object' || state === null) return undefined;
  const fields = Object.entries(fresh);
  if (Object.keys(state).length !== fields.length) return undefined;
  return fields.every(([key, value]) => key in state && (value instanceof Map) === (state[key] instanceof Map)) ? (state as S) : undefined;
};

/**
 * Reminders swept for rather than queued: folded from the store by a subscription, swept every minute
 * and after each jump of a fake clock. Each reminder is claimed by creating its stream (`no_stream`),
 * then mailed, then marked delivered. The stream's name is the reminder's own, so two processes or a
 * replay never claim it twice; a claim this process made but could not deliver is tried again at the
 * next sweep, any other claim is never sent again.
 *
 * The fold is a read model that resumes (with `snapshots`): it is saved with the position of the last
 * event it holds, and a start reads only the events after it. Claims the sweep folded ahead of that
 * position are folded again from their events, which sets the same facts, so nothing is claimed twice
 * and nothing due is missed; another `version` (or event catalogue) folds from the first event.
 */
export const claimedReminders = <R, S extends { claims: Map<string, ClaimFacts> }>(
  kind: ClaimedReminderKind<R, S>,
  options: ClaimedRemindersOptions,
): ClaimedReminders<S> => {
  const { store, clock, config, mailer, snapshots } = options;
  let state = kind.state;
  const version = snapshotVersionOf(kind.version);
  const log = options.log ?? (() => undefined);
  const deliveryId = randomUUID();
  /** claims this process made, not yet delivered */
  const undelivered = new Map<string, R>();
  let subscription: Subscription | undefined;
  let timer: NodeJS.Timeout | undefined;
  let unlisten: (() => void) | undefined;
  let live = false;
  let chain: Promise<void> = Promise.resolve();
  let lastPosition: bigint | undefined;
  let savedPosition: bigint | undefined;
  let savedAt = 0;
  let eventsRead = 0;
  let catchUp: ClaimedCatchUp | undefined;
  let resolveCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (resolveCaughtUp = resolve));

  const serial = (work: () => Promise<void>): Promise<void> => (chain = chain.then(work, work));
  const append = (r: R, event: { type: EventType; data: unknown }, recordedAt: string, expectedRevision: 'no_stream' | 'stream_exists') =>
    store.appendToStream(kind.stream(r), [{ type: event.type, data: validateEvent(event.type, event.data), metadata: { userId: SERVICE_USER, recordedAt, deliveryId } }], {
      expectedRevision,
    });

  const deliver = async (r: R, key: string) => {
    await mailer.send(kind.mail(r, options.publicUrl()));
    await append(r, kind.delivered(r), new Date(clock.now()).toISOString(), 'stream_exists');
    undelivered.delete(key);
    state.claims.set(key, { ...(state.claims.get(key) ?? { claimedAt: '', deliveryId }), delivered: true });
    log('info', `${kind.label} delivered`, kind.logged(r));
  };
  const deliverOrWait = (r: R, key: string) => deliver(r, key).catch((e: unknown) => log('warn', `${kind.label} not delivered yet`, { key, error: String(e) }));

  const sweepNow = async () => {
    if (!live) return;
    for (const [key, r] of [...undelivered]) await deliverOrWait(r, key);
    for (const r of kind.due(state, config, clock.now())) {
      const key = kind.key(r);
      const recordedAt = new Date(clock.now()).toISOString();
      try {
        await append(r, kind.sent(r), recordedAt, 'no_stream');
      } catch (e) {
        if (!(e instanceof WrongExpectedRevisionError)) throw e;
        // another process claimed it: never ours to send
        state.claims.set(key, { claimedAt: state.claims.get(key)?.claimedAt || recordedAt, deliveryId: null, delivered: false });
        continue;
      }
      // folded at once so the next sweep does not try it again before the subscription brings it back
      state.claims.set(key, { claimedAt: recordedAt, deliveryId, delivered: false });
      undelivered.set(key, r);
      await deliverOrWait(r, key);
    }
  };

  const sweep = () => serial(sweepNow);

  /** Between two batches (in `serial`), so the state holds exactly the events up to `lastPosition` (and claims folded ahead). */
  const save = (force: boolean) => {
    if (!snapshots || lastPosition === undefined || lastPosition === savedPosition) return;
    if (!force && savedPosition !== undefined && lastPosition - savedPosition < SAVE_EVERY_EVENTS && performance.now() - savedAt < SAVE_EVERY_MS) return;
    snapshots.store(kind.name, version, lastPosition, encodeState(state));
    savedPosition = lastPosition;
    savedAt = performance.now();
  };
  const saveOrWarn = (force: boolean) => {
    try {
      save(force);
    } catch (e) {
      log('warn', `${kind.label}s: could not save the fold`, { error: String(e) });
    }
  };

  const handle = (events: RecordedEvent[]) =>
    serial(async () => {
      eventsRead += events.length;
      for (const e of events) {
        lastPosition = e.globalPosition;
        if (kind.eventTypes.has(e.type)) kind.evolve(state, parseEvent(e));
      }
      if (live) saveOrWarn(false);
      await sweepNow().catch((e: unknown) => log('error', `${kind.label} sweep failed`, { error: String(e) }));
    });

  /** The saved fold of this version, put in place; its position, or undefined to fold from the first event. */
  const resume = (): bigint | undefined => {
    const saved = snapshots?.load(kind.name);
    if (!saved) return undefined;
    let taken: S | undefined;
    try {
      taken = saved.version === version ? restored(state, saved.state) : undefined;
    } catch (e) {
      log('warn', `${kind.label}s: saved fold unreadable, folding from the first event`, { error: String(e) });
      return undefined;
    }
    if (!taken) {
      log('info', `${kind.label}s: saved fold of another version or shape, folding from the first event`, { saved: saved.version, version });
      return undefined;
    }
    state = taken;
    lastPosition = savedPosition = saved.position;
    savedAt = performance.now();
    return saved.position;
  };

  return {
    get state() {
      return state;
    },
    sweep,
    catchUp: () => catchUp,
    async start() {
      const started = performance.now();
      const resumedFrom = resume();
      subscription = store.subscribe({
        after: resumedFrom,
        handle,
        batchSize: 1000,
        onCaughtUp: () => {
          void serial(async () => {
            live = true;
            catchUp = { resumedFrom, eventsRead, ms: Math.round(performance.now() - started) };
            log('info', `${kind.label}s caught up`, { ...catchUp, resumedFrom: resumedFrom?.toString(), position: lastPosition?.toString() });
            await sweepNow();
            saveOrWarn(true);
          }).then(resolveCaughtUp, resolveCaughtUp);
        },
      });
      subscription.done.catch((e: unknown) => log('error', `${kind.label}s subscription stopped`, { error: String(e) }));
      unlisten = clock.onAdvance?.(() => sweep());
      timer = setInterval(() => void sweep().catch((e: unknown) => log('error', `${kind.label} sweep failed`, { error: String(e) })), options.everyMs ?? 60_000);
      timer.unref();
      await caughtUp;
    },
    async stop() {
      if (timer) clearInterval(timer);
      unlisten?.();
      await subscription?.stop();
      await chain.catch(() => undefined);
      if (live) saveOrWarn(true);
    },
  };
};
