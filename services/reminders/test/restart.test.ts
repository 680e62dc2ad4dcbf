import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateEvent } from '@gevinst/domain/events';
import type { EventStore, RecordedEvent } from '@gevinst/eventstore';
import { createReminders, type Reminders, type RemindersOptions } from '../src/index';
import { messageIdOf } from '../src/schedule/ids';
import { planBenefit, recordRealisation, seedOrg, T1 } from './support/fixtures';
import { type Harness, openHarness, quietLogger, reminderStreams, settle, startReminders, uniqueQueueName } from './support/harness';
import { startRedis, type TestRedis } from './support/redis';
import { startSmtp, type TestSmtp } from './support/smtp';
import { waitFor } from './support/wait';

/** One fact of a generated history: the stream it goes to, its type, data and recorded time. */
interface Fact {
  stream: string;
  type: string;
  data: Record<string, unknown>;
  at: string;
}

const BENEFITS = ['b1', 'b2', 'b3'];
const UNITS = ['u1', 'u2'];
const PERIODS = ['2025-T3', '2026-T1', '2026-T2', '2026-T3', '2026'];
const KINDS = ['before-due', 'due', 'escalation'] as const;
const AT = ['2025-12-01T09:00:00.000Z', '2026-01-10T00:00:00.000Z', '2026-05-20T10:00:00.000Z', '2026-06-10T10:00:00+02:00'];

// the clock stands before every send time of the history, so the queues hold every job as planned
// (a job already released to the workers is not moved by a later plan: its worker asks what is due)
const BEFORE_ANY_REMINDER = '2025-11-01T00:00:00.000Z';

const benefitId = fc.constantFrom(...BENEFITS);
const period = fc.constantFrom(...PERIODS);
const at = fc.constantFrom(...AT);
const plan = fc.uniqueArray(period, { minLength: 1, maxLength: 3 }).map((ps) => ps.map((p) => ({ period: p, quantity: 10 })));

const fact: fc.Arbitrary<Fact> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ b: benefitId, plan, schedule: fc.constantFrom('tertial', 'year', 'month'), unit: fc.constantFrom(...UNITS), at }).map(({ b, plan, schedule, unit, at }) => ({
    stream: `benefit-${b}`, type: 'BenefitPlanned', at,
    data: {
      benefitId: b, projectId: 'p1', title: `Gevinst ${b}`, recipientUnitId: unit, owner: `eier-${b}@kommune.no`, indicator: 'timer', unitOfMeasure: 'timer',
      direction: 'decrease', category: 'capacity', cashReleasing: false, valuationOrePerUnit: null, baseline: null, target: null, targetDate: null,
      plan, measurementSchedule: schedule, disbenefit: false,
    },
  })) },
  { weight: 2, arbitrary: fc.record({ b: benefitId, plan, at }).map(({ b, plan, at }) => ({ stream: `benefit-${b}`, type: 'BenefitForecastRevised', at, data: { benefitId: b, plan, reason: 'Ny plan' } })) },
  { weight: 2, arbitrary: fc.record({ b: benefitId, p: period, at }).map(({ b, p, at }) => ({
    stream: `benefit-${b}`, type: 'BenefitRealised', at, data: { benefitId: b, period: p, quantity: 9, valuationOrePerUnit: null, valueOre: 0, comment: null, evidenceUrl: null },
  })) },
  { weight: 1, arbitrary: fc.record({ b: benefitId, p: period, at }).map(({ b, p, at }) => ({
    stream: `benefit-${b}`, type: 'MeasurementRecorded', at, data: { benefitId: b, value: 3, measuredOn: '2026-05-01', period: p, comment: null, evidenceUrl: null },
  })) },
  { weight: 1, arbitrary: fc.record({ b: benefitId, n: fc.integer({ min: 1, max: 3 }), at }).map(({ b, n, at }) => ({
    stream: `benefit-${b}`, type: 'BenefitOwnerAssigned', at, data: { benefitId: b, owner: `eier${n}@kommune.no`, previousOwner: `eier-${b}@kommune.no` },
  })) },
  { weight: 1, arbitrary: fc.record({ b: benefitId, at }).map(({ b, at }) => ({ stream: `benefit-${b}`, type: 'BenefitCancelled', at, data: { benefitId: b, reason: 'Stanset' } })) },
  { weight: 1, arbitrary: fc.record({ u: fc.constantFrom(...UNITS), n: fc.integer({ min: 1, max: 3 }), at }).map(({ u, n, at }) => ({
    stream: `unit-${u}`, type: 'UnitLeaderAssigned', at, data: { unitId: u, leader: `leder${n}@kommune.no` },
  })) },
  // what workers record: claims (some never confirmed), deliveries, failures
  { weight: 3, arbitrary: fc.record({ b: benefitId, p: period, kind: fc.constantFrom(...KINDS), outcome: fc.constantFrom('claimed', 'delivered', 'failed'), at }).map(({ b, p, kind, outcome, at }) => {
    const stream = `reminder-${b}-${p}-${kind}`;
    const recipients = [`eier-${b}@kommune.no`];
    if (outcome === 'claimed')
      return kind === 'escalation'
        ? { stream, type: 'ReminderEscalated', at, data: { benefitId: b, period: p, recipients, dueDate: '2026-05-14', daysOverdue: 14, messageId: `<${b}.${p}.${kind}@gevinst>` } }
        : { stream, type: 'ReminderSent', at, data: { benefitId: b, period: p, kind, recipients, dueDate: '2026-05-14', messageId: `<${b}.${p}.${kind}@gevinst>` } };
    if (outcome === 'delivered') return { stream, type: 'ReminderDelivered', at, data: { benefitId: b, period: p, kind, recipients, messageId: `<${b}.${p}.${kind}@gevinst>` } };
    return { stream, type: 'ReminderDeliveryFailed', at, data: { benefitId: b, period: p, kind, recipients, error: 'SMTP nede', attempts: 8 } };
  }) },
);

const org: Fact[] = [
  ...UNITS.map((u) => ({ stream: `unit-${u}`, type: 'UnitRegistered', at: AT[0]!, data: { unitId: u, name: `Enhet ${u}`, parentId: null, orgNumber: null, leader: `leder-${u}@kommune.no` } })),
  { stream: 'project-p1', type: 'ProjectRegistered', at: AT[0]!, data: { projectId: 'p1', name: 'Prosjekt', ownerUnitId: 'u1', projectLeader: 'pl@kommune.no', thresholds: { greenPct: 100, yellowPct: 80 } } },
];

/** As the deciders keep it: a benefit is planned once (its stream starts with it). */
const plannedOnce = (facts: Fact[], planned = new Set<string>()): Fact[] =>
  facts.filter((f) => f.type !== 'BenefitPlanned' || (!planned.has(f.stream) && !!planned.add(f.stream)));

const write = async (store: EventStore, facts: Fact[]) => {
  for (const f of facts)
    await store.appendToStream(f.stream, [{ type: f.type, data: validateEvent(f.type as never, f.data) as Record<string, unknown>, metadata: { userId: 'test', recordedAt: f.at } }]);
};

/** The store as the scheduler sees it, counting the events its subscription hands over. */
/**
 * Counts what the scheduler's subscription is fed: the one that names a checkpoint to resume after
 * (the overdue-action reminders keep no checkpoint yet and fold from the first event, docs/reminders.md).
 */
const counting = <S extends EventStore>(store: S, seen: bigint[]): S => ({
  ...store,
  subscribe: (options) =>
    'after' in options
      ? store.subscribe({ ...options, handle: (events: RecordedEvent[], context) => {
        seen.push(...events.map((e) => e.globalPosition));
        return options.handle(events, context);
      } })
      : store.subscribe(options),
});

const pendingJobs = async (r: Reminders) => (await r.queue.pending()).map((j) => `${j.jobId} ${new Date(j.runAt).toISOString()}`).sort();

describe.each([['embedded'], ['bullmq']] as const)('the reminder schedule after a restart, on the %s queue', (backend) => {
  let redis: TestRedis | undefined;
  let smtp: TestSmtp;
  beforeAll(async () => {
    if (backend === 'bullmq') redis = await startRedis();
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.stop();
    await redis?.stop();
  });

  const scheduler = (h: Harness, store: EventStore, options: Partial<RemindersOptions>) =>
    createReminders({ store, clock: h.clock, logger: quietLogger, redisUrl: redis?.url, roles: { scheduler: true, worker: false }, claimLeaseMs: 60 * 60_000, ...options });

  it('holds the same jobs at the same times as a fresh plan from the first event, and reads only the events after its checkpoint', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fact, { minLength: 1, maxLength: 25 }), fc.array(fact, { maxLength: 15 }), async (generatedBefore, generatedAfter) => {
        const planned = new Set<string>();
        const before = plannedOnce(generatedBefore, planned);
        const after = plannedOnce(generatedAfter, planned);
        const h = openHarness(BEFORE_ANY_REMINDER);
        const running: Reminders[] = [];
        try {
          const queueName = uniqueQueueName();
          await write(h.store, [...org, ...before]);
          const first = scheduler(h, h.store, { queueName });
          running.push(first);
          await first.start();
          const stoppedAt = first.scheduler.position();
          await first.stop();
          running.pop();

          await write(h.store, after);
          const seen: bigint[] = [];
          const restarted = scheduler(h, counting(h.store, seen), { queueName });
          running.push(restarted);
          await restarted.start();
          expect(seen).toHaveLength(after.length);
          expect(seen.every((p) => stoppedAt !== undefined && p > stoppedAt)).toBe(true);
          expect(restarted.scheduler.catchUp()).toMatchObject({ resumedFrom: stoppedAt, eventsRead: after.length });

          const fresh = scheduler(h, h.store, { queueName: uniqueQueueName(), scheduleStore: false });
          running.push(fresh);
          await fresh.start();
          expect(fresh.scheduler.catchUp()?.resumedFrom).toBeUndefined();
          expect(await pendingJobs(restarted)).toEqual(await pendingJobs(fresh));
        } finally {
          for (const r of running) await r.stop();
          await h.close();
        }
      }),
      { numRuns: backend === 'bullmq' ? 15 : 40 },
    );
  });

  it('plans everything again under another config, with the new times', async () => {
    const h = openHarness(BEFORE_ANY_REMINDER);
    const running: Reminders[] = [];
    try {
      const queueName = uniqueQueueName();
      await write(h.store, [...org, ...plannedOnce(fc.sample(fact, { numRuns: 20, seed: 7 }))]);
      const first = scheduler(h, h.store, { queueName });
      await first.start();
      await first.stop();
      const seen: bigint[] = [];
      const config = { sendHour: 10, beforeDueDays: 3 };
      const other = scheduler(h, counting(h.store, seen), { queueName, config });
      running.push(other);
      await other.start();
      // the state is resumed (no event read again), but every benefit is planned again
      expect(seen).toEqual([]);
      expect(other.scheduler.catchUp()?.benefitsPlanned).toBe(other.scheduler.state.benefits.size);
      const fresh = scheduler(h, h.store, { queueName: uniqueQueueName(), scheduleStore: false, config });
      running.push(fresh);
      await fresh.start();
      expect(await pendingJobs(other)).toEqual(await pendingJobs(fresh));
      expect((await pendingJobs(other)).length).toBeGreaterThan(0);
    } finally {
      for (const r of running) await r.stop();
      await h.close();
    }
  });

  it('sends no reminder twice across a restart, and the ones still wanted after it', async () => {
    const h = openHarness();
    smtp.received.length = 0;
    const queueName = uniqueQueueName();
    let r: Reminders | undefined;
    try {
      const org = await seedOrg(h.store);
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) ids.push(await planBenefit(h.store, org, { owner: `eier${i}@kommune.no` }));
      r = await startReminders(h, { smtpUrl: smtp.url, redisUrl: redis?.url, queueName });
      await h.clock.advanceTo(T1.beforeDue);
      await waitFor(() => smtp.received.length === 6, 'before-due mails');
      await settle(h, r);
      await r.stop();
      r = undefined;

      // while it is down, two owners record their value
      for (const id of ids.slice(0, 2)) await recordRealisation(h.store, id, '2026-T1');
      const seen: bigint[] = [];
      const stoppedAt = (await h.store.readAll({})).at(-3)?.globalPosition;
      r = await startReminders(h, { store: counting(h.store, seen), smtpUrl: smtp.url, redisUrl: redis?.url, queueName });
      expect(seen).toHaveLength(2);
      expect(r.scheduler.catchUp()?.resumedFrom).toBe(stoppedAt);
      await h.clock.advance(60_000);
      await settle(h, r);
      expect(smtp.received).toHaveLength(6);

      await h.clock.advanceTo(T1.due);
      await waitFor(() => smtp.received.length === 10, 'due mails');
      await h.clock.advanceTo(T1.escalation);
      await waitFor(() => smtp.received.length === 14, 'escalations');
      await settle(h, r);

      const expected = ids.flatMap((id, i) => [messageIdOf(id, '2026-T1', 'before-due'), ...(i < 2 ? [] : [messageIdOf(id, '2026-T1', 'due'), messageIdOf(id, '2026-T1', 'escalation')])]);
      expect(smtp.received.map((m) => m.messageId).sort()).toEqual(expected.sort());
      for (const [stream, types] of await reminderStreams(h)) expect(types, stream).toEqual([types[0] === 'ReminderEscalated' ? 'ReminderEscalated' : 'ReminderSent', 'ReminderDelivered']);
    } finally {
      await r?.stop();
      await h.close();
    }
  });
});
