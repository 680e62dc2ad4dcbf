import { randomUUID } from 'node:crypto';
import type { EventStore, RecordedEvent, Subscription } from '@gevinst/eventstore';
import type { Clock } from '../clock';
import { configFingerprint, type ReminderConfig } from '../config';
import type { ReminderJobData, ReminderQueue } from '../queue/port';
import { parseEvent } from '@gevinst/domain/events';
import { evolve, isRelevantEventType } from '../schedule/evolve';
import { jobIdOf } from '../schedule/ids';
import { obligationsOf } from '../schedule/obligations';
import { remindersOf } from '../schedule/reminders';
import { type BenefitState, initialState, REMINDER_KINDS, type ReminderState, reminderKey } from '../schedule/state';

export interface SchedulerOptions {
  store: EventStore;
  queue: ReminderQueue;
  clock: Clock;
  config: ReminderConfig;
  /**
   * A claimed reminder with no delivery on record is planned again this long after its claim (on
   * the reminders' clock): long enough for the claiming worker to have finished (default 10 min).
   */
  claimLeaseMs?: number;
  log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
}

export interface Scheduler {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** resolves once the history is read and every reminder is planned */
  readonly caughtUp: Promise<void>;
  readonly state: ReminderState;
  /** the position of the last event planned for */
  position(): bigint | undefined;
  /** plans every benefit again (what a reset does); for operators and tests */
  replanAll(): Promise<void>;
}

/**
 * The benefit whose jobs an event may change. Reminder events change none (a job completes or
 * fails by itself); they matter only when everything is planned again after a reset.
 */
const benefitIdOf = (e: RecordedEvent): string | null => {
  if (e.streamName.startsWith('benefit-')) {
    const id = e.data.benefitId;
    return typeof id === 'string' ? id : null;
  }
  return null;
};

/**
 * Folds benefit, project, unit and reminder events into the reminders' state and keeps the queue
 * holding exactly one job per reminder that still has to go. The subscription always reads from
 * the start (the state lives in memory); the checkpoint, kept in the queue's storage, says which
 * events the queue's jobs already reflect, so a restart plans only what changed since.
 */
export const createScheduler = (options: SchedulerOptions): Scheduler => {
  const { store, queue, clock, config } = options;
  const lease = options.claimLeaseMs ?? 10 * 60_000;
  const log = options.log ?? (() => undefined);
  const checkpointKey = `scheduler.${configFingerprint(config)}`;
  const state = initialState();
  /** job ids this process planned per benefit, to take back the ones no longer wanted */
  const planned = new Map<string, Set<string>>();
  let lastPosition: bigint | undefined;
  let checkpoint: bigint | undefined;
  let live = false;
  let subscription: Subscription | undefined;
  const pendingBenefits = new Set<string>();
  let chain: Promise<void> = Promise.resolve();
  let resolveCaughtUp!: () => void;
  let rejectCaughtUp!: (e: unknown) => void;
  const caughtUp = new Promise<void>((res, rej) => {
    resolveCaughtUp = res;
    rejectCaughtUp = rej;
  });
  caughtUp.catch(() => undefined);

  const serial = (work: () => Promise<void>): Promise<void> => {
    chain = chain.then(work, work);
    return chain;
  };

  const jobsFor = (benefit: BenefitState): ReminderJobData[] => {
    const jobs: ReminderJobData[] = [];
    for (const r of remindersOf(state, benefit, config)) {
      const record = benefit.reminders.get(reminderKey(r.period, r.kind));
      if (!record?.claimedAt) {
        jobs.push({ benefitId: r.benefitId, period: r.period, kind: r.kind, runAt: r.runAt, deliveryId: randomUUID() });
      } else if (!record.deliveredAt && record.failures.length === 0) {
        // Claimed, neither delivered nor given up: if its job was lost (Redis restarted empty), this
        // one finishes the delivery under the same claim once the lease is over.
        const claimedAt = Date.parse(record.claimedAt);
        jobs.push({
          benefitId: r.benefitId, period: r.period, kind: r.kind,
          runAt: Math.max(r.runAt, (Number.isFinite(claimedAt) ? claimedAt : clock.now()) + lease),
          deliveryId: record.deliveryId ?? randomUUID(),
        });
      }
    }
    return jobs;
  };

  const replan = async (benefitIds: Iterable<string>) => {
    const toPlan: ReminderJobData[] = [];
    const toUnplan: string[] = [];
    for (const id of benefitIds) {
      const benefit = state.benefits.get(id);
      if (!benefit) continue;
      const jobs = jobsFor(benefit);
      const wanted = new Set(jobs.map((j) => jobIdOf(j.benefitId, j.period, j.kind)));
      const before = planned.get(id) ?? new Set<string>();
      for (const o of obligationsOf(benefit, config))
        for (const kind of REMINDER_KINDS) before.add(jobIdOf(id, o.period, kind));
      for (const jobId of before) if (!wanted.has(jobId)) toUnplan.push(jobId);
      planned.set(id, wanted);
      toPlan.push(...jobs);
    }
    await queue.unplan(toUnplan);
    await queue.plan(toPlan);
  };

  const storeCheckpoint = async () => {
    if (lastPosition === undefined) return;
    await queue.storeCheckpoint(checkpointKey, lastPosition);
    checkpoint = lastPosition;
  };

  const replanAll = () =>
    serial(async () => {
      planned.clear();
      await replan([...state.benefits.keys()]);
      await storeCheckpoint();
      log('info', 'reminders planned again from the events', { benefits: state.benefits.size });
    });

  const handle = (events: RecordedEvent[]) =>
    serial(async () => {
      for (const e of events) {
        lastPosition = e.globalPosition;
        if (!isRelevantEventType(e.type)) continue;
        evolve(state, parseEvent(e));
        if (checkpoint !== undefined && e.globalPosition <= checkpoint) continue;
        const id = benefitIdOf(e);
        if (id) pendingBenefits.add(id);
      }
      if (!live) return;
      const ids = [...pendingBenefits];
      pendingBenefits.clear();
      await replan(ids);
      await storeCheckpoint();
    });

  return {
    state,
    caughtUp,
    position: () => lastPosition,
    replanAll,
    async start() {
      checkpoint = await queue.loadCheckpoint(checkpointKey);
      const fresh = checkpoint === undefined;
      queue.onReset(() => {
        log('warn', 'queue storage came back empty: planning every reminder again');
        void replanAll().catch((e) => log('error', 'replan after reset failed', { error: String(e) }));
      });
      subscription = store.subscribe({
        handle,
        batchSize: 1000,
        onCaughtUp: () => {
          void serial(async () => {
            live = true;
            if (fresh) {
              planned.clear();
              pendingBenefits.clear();
              await replan([...state.benefits.keys()]);
            } else {
              const ids = [...pendingBenefits];
              pendingBenefits.clear();
              await replan(ids);
            }
            await storeCheckpoint();
          }).then(resolveCaughtUp, rejectCaughtUp);
        },
      });
      subscription.done.catch((e) => {
        log('error', 'reminder scheduler subscription stopped', { error: String(e) });
        rejectCaughtUp(e);
      });
    },
    async stop() {
      await subscription?.stop();
      await chain.catch(() => undefined);
    },
  };
};
