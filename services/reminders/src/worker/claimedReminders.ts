import { randomUUID } from 'node:crypto';
import { parseEvent, validateEvent, type EventType } from '@gevinst/domain/events';
import { type EventStore, type RecordedEvent, type Subscription, WrongExpectedRevisionError } from '@gevinst/eventstore';
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
}

export interface ClaimedReminders<S> {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** sends what is due now; resolves when done (tests, and after each clock jump) */
  sweep(): Promise<void>;
  readonly state: S;
}

/**
 * Reminders swept for rather than queued: folded from the store by a subscription, swept every minute
 * and after each jump of a fake clock. Each reminder is claimed by creating its stream (`no_stream`),
 * then mailed, then marked delivered. The stream's name is the reminder's own, so two processes or a
 * replay never claim it twice; a claim this process made but could not deliver is tried again at the
 * next sweep, any other claim is never sent again.
 */
export const claimedReminders = <R, S extends { claims: Map<string, ClaimFacts> }>(
  kind: ClaimedReminderKind<R, S>,
  options: ClaimedRemindersOptions,
): ClaimedReminders<S> => {
  const { store, clock, config, mailer } = options;
  const { state } = kind;
  const log = options.log ?? (() => undefined);
  const deliveryId = randomUUID();
  /** claims this process made, not yet delivered */
  const undelivered = new Map<string, R>();
  let subscription: Subscription | undefined;
  let timer: NodeJS.Timeout | undefined;
  let unlisten: (() => void) | undefined;
  let live = false;
  let chain: Promise<void> = Promise.resolve();
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

  const handle = (events: RecordedEvent[]) =>
    serial(async () => {
      for (const e of events) if (kind.eventTypes.has(e.type)) kind.evolve(state, parseEvent(e));
      await sweepNow().catch((e: unknown) => log('error', `${kind.label} sweep failed`, { error: String(e) }));
    });

  return {
    state,
    sweep,
    async start() {
      subscription = store.subscribe({
        handle,
        batchSize: 1000,
        onCaughtUp: () => {
          void serial(async () => {
            live = true;
            await sweepNow();
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
    },
  };
};
