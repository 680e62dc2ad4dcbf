import { randomUUID } from 'node:crypto';
import { parseEvent, validateEvent } from '@gevinst/domain/events';
import { type EventStore, type RecordedEvent, type Subscription, WrongExpectedRevisionError } from '@gevinst/eventstore';
import type { Clock } from '../clock';
import type { ReminderConfig } from '../config';
import { composeActionMail } from '../delivery/actionMail';
import type { Mailer } from '../delivery/mailer';
import {
  ACTION_REMINDER_EVENT_TYPES,
  type ActionReminder,
  actionReminderKey,
  actionReminderStreamOf,
  dueActionReminders,
  evolveActionReminders,
  initialActionReminderState,
} from '../schedule/actions';
import { SERVICE_USER } from './deliver';

export interface ActionRemindersOptions {
  store: EventStore;
  clock: Clock;
  config: ReminderConfig;
  mailer: Mailer;
  publicUrl: () => string;
  /** how often (real ms) it looks for what fell due; default one minute */
  everyMs?: number;
  log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
}

export interface ActionReminders {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** sends what is due now; resolves when done (tests, and after each clock jump) */
  sweep(): Promise<void>;
  readonly state: ReturnType<typeof initialActionReminderState>;
}

/**
 * Reminders of overdue realisation actions on the reminders' machinery: folded from the store by a
 * subscription, swept every minute (and after each jump of a fake clock). Each reminder is claimed by
 * creating its stream (`no_stream`), then mailed, then `ActionReminderDelivered`; a claim this process
 * made but could not deliver is tried again at the next sweep, any other claim is never sent again.
 */
export const createActionReminders = (options: ActionRemindersOptions): ActionReminders => {
  const { store, clock, config, mailer } = options;
  const log = options.log ?? (() => undefined);
  const state = initialActionReminderState();
  const deliveryId = randomUUID();
  /** claims this process made, not yet delivered */
  const undelivered = new Map<string, ActionReminder>();
  let subscription: Subscription | undefined;
  let timer: NodeJS.Timeout | undefined;
  let unlisten: (() => void) | undefined;
  let live = false;
  let chain: Promise<void> = Promise.resolve();
  let resolveCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (resolveCaughtUp = resolve));

  const serial = (work: () => Promise<void>): Promise<void> => (chain = chain.then(work, work));

  const deliver = async (r: ActionReminder, key: string) => {
    const stream = actionReminderStreamOf(r.benefitId, r.actionId, r.kind);
    await mailer.send(composeActionMail(r, options.publicUrl()));
    const data = validateEvent('ActionReminderDelivered', { benefitId: r.benefitId, actionId: r.actionId, kind: r.kind, messageId: r.messageId });
    await store.appendToStream(stream, [{ type: 'ActionReminderDelivered', data, metadata: { userId: SERVICE_USER, recordedAt: new Date(clock.now()).toISOString(), deliveryId } }], {
      expectedRevision: 'stream_exists',
    });
    undelivered.delete(key);
    log('info', 'action reminder delivered', { benefitId: r.benefitId, actionId: r.actionId, kind: r.kind, recipients: [...r.to, ...r.cc] });
  };

  const sweepNow = async () => {
    if (!live) return;
    for (const [key, r] of [...undelivered]) await deliver(r, key).catch((e: unknown) => log('warn', 'action reminder not delivered yet', { key, error: String(e) }));
    for (const r of dueActionReminders(state, config, clock.now())) {
      const key = actionReminderKey(r.benefitId, r.actionId, r.kind);
      const stream = actionReminderStreamOf(r.benefitId, r.actionId, r.kind);
      const data = validateEvent('ActionReminderSent', {
        benefitId: r.benefitId, actionId: r.actionId, kind: r.kind, recipients: [...r.to, ...r.cc], deadline: r.deadline, messageId: r.messageId,
      });
      const recordedAt = new Date(clock.now()).toISOString();
      try {
        await store.appendToStream(stream, [{ type: 'ActionReminderSent', data, metadata: { userId: SERVICE_USER, recordedAt, deliveryId } }], { expectedRevision: 'no_stream' });
      } catch (e) {
        if (e instanceof WrongExpectedRevisionError) continue;
        throw e;
      }
      // folded at once so the next sweep does not try it again before the subscription brings it back
      state.claims.set(key, { claimedAt: recordedAt, deliveryId, delivered: false });
      undelivered.set(key, r);
      await deliver(r, key).catch((e: unknown) => log('warn', 'action reminder not delivered yet', { key, error: String(e) }));
    }
  };

  const sweep = () => serial(sweepNow);

  const handle = (events: RecordedEvent[]) =>
    serial(async () => {
      for (const e of events) if (ACTION_REMINDER_EVENT_TYPES.has(e.type)) evolveActionReminders(state, parseEvent(e));
      await sweepNow().catch((e: unknown) => log('error', 'action reminder sweep failed', { error: String(e) }));
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
      subscription.done.catch((e: unknown) => log('error', 'action reminders subscription stopped', { error: String(e) }));
      unlisten = clock.onAdvance?.(() => sweep());
      timer = setInterval(() => void sweep().catch((e: unknown) => log('error', 'action reminder sweep failed', { error: String(e) })), options.everyMs ?? 60_000);
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
