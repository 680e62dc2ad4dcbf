import { randomUUID } from 'node:crypto';
import { parseEvent, validateEvent } from '@gevinst/domain/events';
import { type EventStore, type RecordedEvent, type Subscription, WrongExpectedRevisionError } from '@gevinst/eventstore';
import type { Clock } from '../clock';
import type { ReminderConfig } from '../config';
import { composeCalendarMail } from '../delivery/calendarMail';
import type { Mailer } from '../delivery/mailer';
import {
  CALENDAR_REMINDER_EVENT_TYPES,
  type CalendarReminder,
  calendarReminderKey,
  calendarReminderStream,
  dueCalendarReminders,
  evolveCalendarReminders,
  initialCalendarReminderState,
} from '../schedule/calendar';
import { SERVICE_USER } from './deliver';

export interface CalendarRemindersOptions {
  store: EventStore;
  clock: Clock;
  config: ReminderConfig;
  mailer: Mailer;
  publicUrl: () => string;
  /** how often (real ms) it looks for what fell due; default one minute */
  everyMs?: number;
  log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
}

export interface CalendarReminders {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** sends what is due now; resolves when done (tests, and after each clock jump) */
  sweep(): Promise<void>;
  readonly state: ReturnType<typeof initialCalendarReminderState>;
}

/**
 * Reminders ahead of the årshjul's tertial report deadlines, on the machinery of the action reminders
 * (`worker/actions.ts`): folded from the store by a subscription, swept every minute and after each
 * jump of a fake clock. Each reminder is claimed by creating its stream
 * `calendar-reminder-<deadlineId>-<benefitId>` (`no_stream`) — a deterministic id, so two processes or a
 * replay never claim it twice — then mailed (Message-ID `<benefitId.calendar.deadlineId@gevinst>`), then
 * `CalendarReminderDelivered`. A claim this process made but could not deliver is tried again at the
 * next sweep; any other claim is never sent again.
 */
export const createCalendarReminders = (options: CalendarRemindersOptions): CalendarReminders => {
  const { store, clock, config, mailer } = options;
  const log = options.log ?? (() => undefined);
  const state = initialCalendarReminderState();
  const deliveryId = randomUUID();
  /** claims this process made, not yet delivered */
  const undelivered = new Map<string, CalendarReminder>();
  let subscription: Subscription | undefined;
  let timer: NodeJS.Timeout | undefined;
  let unlisten: (() => void) | undefined;
  let live = false;
  let chain: Promise<void> = Promise.resolve();
  let resolveCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (resolveCaughtUp = resolve));

  const serial = (work: () => Promise<void>): Promise<void> => (chain = chain.then(work, work));

  const deliver = async (r: CalendarReminder, key: string) => {
    await mailer.send(composeCalendarMail(r, options.publicUrl()));
    const data = validateEvent('CalendarReminderDelivered', { benefitId: r.benefitId, deadlineId: r.deadlineId, messageId: r.messageId });
    await store.appendToStream(
      calendarReminderStream(r.deadlineId, r.benefitId),
      [{ type: 'CalendarReminderDelivered', data, metadata: { userId: SERVICE_USER, recordedAt: new Date(clock.now()).toISOString(), deliveryId } }],
      { expectedRevision: 'stream_exists' },
    );
    undelivered.delete(key);
    state.claims.set(key, { ...(state.claims.get(key) ?? { claimedAt: '', deliveryId }), delivered: true });
    log('info', 'calendar reminder delivered', { benefitId: r.benefitId, deadlineId: r.deadlineId, recipients: r.to });
  };

  const sweepNow = async () => {
    if (!live) return;
    for (const [key, r] of [...undelivered]) await deliver(r, key).catch((e: unknown) => log('warn', 'calendar reminder not delivered yet', { key, error: String(e) }));
    for (const r of dueCalendarReminders(state, config, clock.now())) {
      const key = calendarReminderKey(r.deadlineId, r.benefitId);
      const data = validateEvent('CalendarReminderSent', {
        benefitId: r.benefitId, deadlineId: r.deadlineId, period: r.period, deadlineDate: r.deadlineDate, recipients: r.to, missing: r.missing, messageId: r.messageId,
      });
      const recordedAt = new Date(clock.now()).toISOString();
      try {
        await store.appendToStream(
          calendarReminderStream(r.deadlineId, r.benefitId),
          [{ type: 'CalendarReminderSent', data, metadata: { userId: SERVICE_USER, recordedAt, deliveryId } }],
          { expectedRevision: 'no_stream' },
        );
      } catch (e) {
        if (e instanceof WrongExpectedRevisionError) {
          // another process claimed it: never ours to send
          state.claims.set(key, { claimedAt: state.claims.get(key)?.claimedAt || recordedAt, deliveryId: null, delivered: false });
          continue;
        }
        throw e;
      }
      // folded at once so the next sweep does not try it again before the subscription brings it back
      state.claims.set(key, { claimedAt: recordedAt, deliveryId, delivered: false });
      undelivered.set(key, r);
      await deliver(r, key).catch((e: unknown) => log('warn', 'calendar reminder not delivered yet', { key, error: String(e) }));
    }
  };

  const sweep = () => serial(sweepNow);

  const handle = (events: RecordedEvent[]) =>
    serial(async () => {
      for (const e of events) if (CALENDAR_REMINDER_EVENT_TYPES.has(e.type)) evolveCalendarReminders(state, parseEvent(e));
      await sweepNow().catch((e: unknown) => log('error', 'calendar reminder sweep failed', { error: String(e) }));
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
      subscription.done.catch((e: unknown) => log('error', 'calendar reminders subscription stopped', { error: String(e) }));
      unlisten = clock.onAdvance?.(() => sweep());
      timer = setInterval(() => void sweep().catch((e: unknown) => log('error', 'calendar reminder sweep failed', { error: String(e) })), options.everyMs ?? 60_000);
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
