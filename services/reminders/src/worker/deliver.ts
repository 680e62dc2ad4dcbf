import { foldEvents, reminderDecider, type ReminderState } from '@gevinst/domain/deciders';
import { parseEvent, validateEvent, type GevinstEvent } from '@gevinst/domain/events';
import { type EventStore, WrongExpectedRevisionError } from '@gevinst/eventstore';
import type { Clock } from '../clock';
import type { ReminderConfig } from '../config';
import { composeReminderMail } from '../delivery/compose';
import type { Mailer } from '../delivery/mailer';
import type { FinalFailureHandler, JobHandler, ReminderJobData } from '../queue/port';
import { reminderStreamOf } from '../schedule/ids';
import { isSuperseded, type PlannedReminder, reminderNow } from '../schedule/reminders';
import { loadBenefitState } from './loadState';

export const SERVICE_USER = 'gevinst-reminders';

export interface DeliveryHooks {
  /** tests: runs right after the claim is stored, before the mail goes */
  afterClaim?(job: ReminderJobData): Promise<void> | void;
}

export interface DeliveryDeps {
  store: EventStore;
  clock: Clock;
  config: ReminderConfig;
  mailer: Mailer;
  /** the base of the mail's links, asked for each mail */
  publicUrl: () => string;
  hooks?: DeliveryHooks;
  log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
}

interface StreamFacts {
  /** the reminder stream folded by the domain's claim decider */
  state: ReminderState;
  /** which job made the claim (metadata.deliveryId): its retries may finish the delivery */
  claimDeliveryId: string | null | undefined;
}

const deliveryIdOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const readFacts = async (store: EventStore, stream: string): Promise<StreamFacts> => {
  const events = await store.readStream(stream);
  const claim = events.find((e) => e.type === 'ReminderSent' || e.type === 'ReminderEscalated');
  return {
    state: foldEvents(reminderDecider, events.map((e): GevinstEvent => parseEvent(e)).filter(reminderDecider.isEvent)),
    claimDeliveryId: claim ? deliveryIdOf(claim.metadata.deliveryId) : undefined,
  };
};

/**
 * The summary is claimed on its first late period; if that one was recorded meanwhile, the summary
 * may already be claimed on another (the scheduler knows, this worker's fresh read does not).
 */
const overdueSummaryClaimedElsewhere = async (store: EventStore, reminder: PlannedReminder): Promise<boolean> => {
  for (const o of reminder.lateWhenPlanned) {
    if (o.period === reminder.period) continue;
    const [claim] = await store.readStream(reminderStreamOf(reminder.benefitId, o.period, 'due'), { maxCount: 1 });
    if (claim?.data.messageId === reminder.messageId) return true;
  }
  return false;
};

/** A job may run this much before its time (clock skew between scheduler and worker). */
const EARLY_TOLERANCE_MS = 60_000;

/**
 * Delivers one reminder: re-checks the store (value still missing? benefit not cancelled?), claims
 * the reminder by creating its stream (`no_stream`), sends the mail, records the delivery. A retry
 * or redelivery of the job that made the claim may send again (same Message-ID); any other job finds
 * the claim and stops.
 */
export const deliveryHandler = (deps: DeliveryDeps): JobHandler => {
  const { store, clock, config, mailer } = deps;
  const log = deps.log ?? (() => undefined);
  return async (job) => {
    const { benefitId, period, kind, deliveryId } = job;
    const stream = reminderStreamOf(benefitId, period, kind);
    const facts = await readFacts(store, stream);
    const claimed = facts.state.status === 'claimed';
    if (facts.state.status === 'claimed' && facts.state.delivered) return { status: 'skipped', reason: 'already delivered' };
    if (claimed && facts.claimDeliveryId !== deliveryId) return { status: 'skipped', reason: 'claimed by another job' };

    const state = await loadBenefitState(store, benefitId);
    const now = clock.now();
    const reminder = reminderNow(state, benefitId, period, kind, config);
    const benefit = state.benefits.get(benefitId);
    if (!reminder || !benefit) return { status: 'skipped', reason: 'no longer due (recorded, cancelled or not planned)' };
    if (!claimed && reminder.runAt > now + EARLY_TOLERANCE_MS) return { status: 'later', runAt: reminder.runAt };
    if (!claimed && isSuperseded(state, reminder, now, config)) return { status: 'skipped', reason: 'superseded by a later reminder' };
    if (!claimed && (await overdueSummaryClaimedElsewhere(store, reminder))) return { status: 'skipped', reason: 'the overdue summary went out already' };

    const recipients = [...reminder.to, ...reminder.cc];
    const { messageId } = reminder;
    const metadata = { userId: SERVICE_USER, recordedAt: new Date(now).toISOString(), deliveryId };
    const context = { now: new Date(now).toISOString() };
    let claimState = facts.state;
    if (!claimed) {
      const claim = reminderDecider.decide(
        kind === 'escalation'
          ? { type: 'EscalateReminder', data: { benefitId, period, recipients, dueDate: reminder.dueDate, daysOverdue: reminder.daysOverdue, messageId }, context }
          : { type: 'SendReminder', data: { benefitId, period, kind, recipients, dueDate: reminder.dueDate, messageId }, context },
        claimState,
      );
      try {
        await store.appendToStream(stream, claim.map((e) => ({ ...e, metadata })), { expectedRevision: 'no_stream' });
      } catch (e) {
        if (e instanceof WrongExpectedRevisionError) return { status: 'skipped', reason: 'claimed by another job' };
        throw e;
      }
      claimState = foldEvents(reminderDecider, claim, claimState);
      await deps.hooks?.afterClaim?.(job);
    }

    const mail = composeReminderMail({
      reminder,
      benefit,
      projectName: state.projects.get(benefit.projectId)?.name ?? '',
      publicUrl: deps.publicUrl(),
      now,
    });
    await mailer.send(mail);
    const delivered = reminderDecider.decide({ type: 'RecordReminderDelivery', data: { benefitId, period, kind, recipients, messageId }, context }, claimState);
    await store.appendToStream(
      stream,
      delivered.map((e) => ({ ...e, metadata: { ...metadata, recordedAt: new Date(clock.now()).toISOString() } })),
      { expectedRevision: 'stream_exists' },
    );
    log('info', 'reminder delivered', { benefitId, period, kind, recipients, messageId });
    return { status: 'sent' };
  };
};

/** After the last attempt: `ReminderDeliveryFailed` on the reminder's stream, so the due list shows it. */
export const deliveryFailedHandler = (deps: Pick<DeliveryDeps, 'store' | 'clock' | 'log'>): FinalFailureHandler => {
  const log = deps.log ?? (() => undefined);
  return async (job, error, attempts) => {
    const { benefitId, period, kind } = job;
    const stream = reminderStreamOf(benefitId, period, kind);
    const claim = (await deps.store.readStream(stream, { maxCount: 1 }))[0];
    log('error', 'reminder delivery failed for good', { benefitId, period, kind, attempts, error: error.message });
    // Unclaimed means the store itself failed before the claim; writing now would block the claim.
    if (!claim) return;
    const stored = claim.data.recipients;
    const recipients = Array.isArray(stored) ? stored.filter((r): r is string => typeof r === 'string') : [];
    await deps.store.appendToStream(
      stream,
      [
        {
          type: 'ReminderDeliveryFailed',
          data: validateEvent('ReminderDeliveryFailed', { benefitId, period, kind, recipients, error: error.message.slice(0, 2000), attempts }),
          metadata: { userId: SERVICE_USER, recordedAt: new Date(deps.clock.now()).toISOString(), deliveryId: job.deliveryId },
        },
      ],
      { expectedRevision: 'stream_exists' },
    );
  };
};
