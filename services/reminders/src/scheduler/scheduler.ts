import { randomUUID } from 'node:crypto';
import { type EventStore, isSqliteEventStore, type RecordedEvent, type Subscription } from '@gevinst/eventstore';
import type { Clock } from '../clock';
import { configFingerprint, type ReminderConfig } from '../config';
import type { ReminderJobData, ReminderQueue } from '../queue/port';
import { parseEvent } from '@gevinst/domain/events';
import { entriesChangedBy, evolve, isRelevantEventType } from '../schedule/evolve';
import { jobIdOf } from '../schedule/ids';
import { remindersOf } from '../schedule/reminders';
import { type BenefitState, initialState, REMINDER_KINDS, type ReminderState, reminderKey } from '../schedule/state';
import { changeCount, noChanges, SCHEDULE_VERSION, type ScheduleStore, sqliteScheduleStore } from './savedSchedule';

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
  /**
   * Where the schedule (the state and its position) is saved, so a restart resumes instead of reading
   * every event again. Default: tables of its own in the event store's SQLite file; `false` (and a
   * store that is not SQLite) keeps it in memory only.
   */
  scheduleStore?: ScheduleStore | false;
}

/** How the last start caught up (for the log, health checks and the benchmark). */
export interface CatchUp {
  /** the saved position it resumed after; undefined when it read from the first event */
  resumedFrom: bigint | undefined;
  /** events read from the store until it was current */
  eventsRead: number;
  /** benefits whose reminders it planned (all of them when the queue had no checkpoint) */
  benefitsPlanned: number;
  ms: number;
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
  /** set once caught up */
  catchUp(): CatchUp | undefined;
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

/** Save the schedule during a long catch-up once this many entries changed, and when live at least this often (events). */
const SAVE_EVERY_CHANGES = 5_000;
const SAVE_EVERY_EVENTS = 10_000n;

/**
 * Folds benefit, project, unit and reminder events into the reminders' state and keeps the queue
 * holding exactly one job per reminder that still has to go.
 *
 * The schedule is a read model that resumes: the state is saved with the position it reflects
 * (`ScheduleStore`), and a start reads only the events after it. The queue's checkpoint, kept in
 * the queue's own storage, says which events the queue's jobs already reflect: at catch-up only the
 * benefits changed after it are planned again (all of them when the queue has none — an in-process
 * queue after a restart, an emptied Redis, another config). The state is saved before the queue's
 * checkpoint moves, so the checkpoint never runs ahead of a saved change.
 */
export const createScheduler = (options: SchedulerOptions): Scheduler => {
  const { store, queue, clock, config } = options;
  const lease = options.claimLeaseMs ?? 10 * 60_000;
  const log = options.log ?? (() => undefined);
  const fingerprint = configFingerprint(config);
  // another config or another version of the state: no checkpoint, so every reminder is planned again
  const checkpointKey = `scheduler.${fingerprint}.v${SCHEDULE_VERSION}`;
  const scheduleStore = options.scheduleStore === false ? undefined : (options.scheduleStore ?? (isSqliteEventStore(store) ? sqliteScheduleStore(store.db) : undefined));
  const state = initialState();
  /** benefit id → position of the last benefit event that may have changed its jobs */
  let touched = new Map<string, bigint>();
  let changes = noChanges();
  let savedPosition: bigint | undefined;
  let savedFingerprint: string | undefined;
  /** job ids this process planned per benefit, to take back the ones no longer wanted */
  const planned = new Map<string, Set<string>>();
  let lastPosition: bigint | undefined;
  let checkpoint: bigint | undefined;
  let live = false;
  let subscription: Subscription | undefined;
  const pendingBenefits = new Set<string>();
  let chain: Promise<void> = Promise.resolve();
  let catchUp: CatchUp | undefined;
  let eventsRead = 0;
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

  /**
   * `replace`: a job already in the queue takes its planned time (costs a look-up per job on BullMQ).
   * `queueEmpty`: the queue holds no job of these benefits, so there is nothing to take back.
   */
  const replan = async (benefitIds: Iterable<string>, replace = true, queueEmpty = false) => {
    const toPlan: ReminderJobData[] = [];
    const toUnplan: string[] = [];
    for (const id of benefitIds) {
      const benefit = state.benefits.get(id);
      if (!benefit) continue;
      const jobs = jobsFor(benefit);
      const wanted = new Set(jobs.map((j) => jobIdOf(j.benefitId, j.period, j.kind)));
      const before = planned.get(id) ?? new Set<string>();
      // every period that ever was an obligation (a restarted process does not know what it planned)
      if (!queueEmpty)
        for (const period of benefit.knownSince.keys())
          for (const kind of REMINDER_KINDS) before.add(jobIdOf(id, period, kind));
      for (const jobId of before) if (!wanted.has(jobId)) toUnplan.push(jobId);
      planned.set(id, wanted);
      toPlan.push(...jobs);
    }
    await queue.unplan(toUnplan);
    await queue.plan(toPlan, replace ? { replace } : undefined);
  };

  const saveSchedule = (force = false) => {
    if (!scheduleStore || lastPosition === undefined || (lastPosition === savedPosition && savedFingerprint === fingerprint)) return;
    if (!force && changeCount(changes) === 0 && savedPosition !== undefined && lastPosition - savedPosition < SAVE_EVERY_EVENTS) return;
    scheduleStore.save(state, changes, touched, lastPosition, fingerprint);
    changes = noChanges();
    savedPosition = lastPosition;
    savedFingerprint = fingerprint;
  };

  const storeCheckpoint = async () => {
    if (lastPosition === undefined) return;
    await queue.storeCheckpoint(checkpointKey, lastPosition);
    checkpoint = lastPosition;
  };

  const replanAll = () =>
    serial(async () => {
      planned.clear();
      await replan([...state.benefits.keys()], false, true);
      saveSchedule(true);
      await storeCheckpoint();
      log('info', 'reminders planned again from the events', { benefits: state.benefits.size });
    });

  const handle = (events: RecordedEvent[]) =>
    serial(async () => {
      eventsRead += events.length;
      for (const e of events) {
        lastPosition = e.globalPosition;
        if (!isRelevantEventType(e.type)) continue;
        const event = parseEvent(e);
        evolve(state, event);
        if (scheduleStore) {
          const { benefitId, projectId, unitId } = entriesChangedBy(event);
          if (benefitId !== undefined) changes.benefits.add(benefitId);
          if (projectId !== undefined) changes.projects.add(projectId);
          if (unitId !== undefined) changes.units.add(unitId);
        }
        const id = benefitIdOf(e);
        if (!id) continue;
        touched.set(id, e.globalPosition);
        if (live) pendingBenefits.add(id);
      }
      if (!live) {
        if (changeCount(changes) >= SAVE_EVERY_CHANGES) saveSchedule();
        return;
      }
      const ids = [...pendingBenefits];
      pendingBenefits.clear();
      await replan(ids);
      saveSchedule();
      await storeCheckpoint();
    });

  /** The benefits whose jobs may differ from what the queue holds: changed after its checkpoint, or all. */
  const toCatchUp = (): string[] => {
    if (checkpoint === undefined) return [...state.benefits.keys()];
    const after = checkpoint;
    return [...touched].filter(([, position]) => position > after).map(([id]) => id);
  };

    return {
    state,
    caughtUp,
    position: () => lastPosition,
    replanAll,
    catchUp: () => catchUp,
    async start() {
      const started = performance.now();
      checkpoint = await queue.loadCheckpoint(checkpointKey);
      const saved = scheduleStore?.load();
      if (saved) {
        state.benefits = saved.state.benefits;
        state.projects = saved.state.projects;
        state.units = saved.state.units;
        state.orphanReminders = saved.state.orphanReminders;
        state.benefitsByOwner = saved.state.benefitsByOwner;
        touched = saved.touched;
        lastPosition = savedPosition = saved.position;
        savedFingerprint = saved.fingerprint;
      }
      const resumedFrom = saved?.position;
      queue.onReset(() => {
        log('warn', 'queue storage came back empty: planning every reminder again');
        void replanAll().catch((e) => log('error', 'replan after reset failed', { error: String(e) }));
      });
      subscription = store.subscribe({
        after: resumedFrom,
        handle,
        batchSize: 1000,
        onCaughtUp: () => {
          void serial(async () => {
            live = true;
            const ids = toCatchUp();
            if (checkpoint === undefined) planned.clear();
            // Planning everything (no checkpoint) finds an empty queue, unless it was planned under other
            // timings: then the jobs kept in the queue must take the new times.
            const otherTimings = savedFingerprint !== undefined && savedFingerprint !== fingerprint;
            await replan(ids, checkpoint !== undefined || otherTimings, checkpoint === undefined && !otherTimings);
            saveSchedule(true);
            await storeCheckpoint();
            catchUp = { resumedFrom, eventsRead, benefitsPlanned: ids.length, ms: Math.round(performance.now() - started) };
            log('info', 'reminder schedule caught up', { ...catchUp, resumedFrom: resumedFrom?.toString(), position: lastPosition?.toString() });
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
      if (live) {
        try {
          saveSchedule(true);
        } catch (e) {
          log('warn', 'could not save the reminder schedule on stop', { error: String(e) });
        }
      }
    },
  };
};
