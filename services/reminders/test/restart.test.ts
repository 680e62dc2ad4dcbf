import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '@gevinst/eventstore';
import { createReminders, type Reminders, type RemindersOptions } from '../src/index';
import { messageIdOf } from '../src/schedule/ids';
import { planBenefit, recordRealisation, seedOrg, T1 } from './support/fixtures';
import { BEFORE_ANY_REMINDER, counting, fact, org, plannedOnce, write } from './support/history';
import { type Harness, openHarness, quietLogger, reminderStreams, settle, startReminders, uniqueQueueName } from './support/harness';
import { startRedis, type TestRedis } from './support/redis';
import { startSmtp, type TestSmtp } from './support/smtp';
import { waitFor } from './support/wait';

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
          const seen: bigint[][] = [];
          const restarted = scheduler(h, counting(h.store, seen), { queueName });
          running.push(restarted);
          await restarted.start();
          // the scheduler's and the action reminders' subscriptions
          expect(seen).toHaveLength(2);
          for (const positions of seen) {
            expect(positions).toHaveLength(after.length);
            expect(positions.every((p) => stoppedAt !== undefined && p > stoppedAt)).toBe(true);
          }
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
      const seen: bigint[][] = [];
      const config = { sendHour: 10, beforeDueDays: 3 };
      const other = scheduler(h, counting(h.store, seen), { queueName, config });
      running.push(other);
      await other.start();
      // the state is resumed (no event read again), but every benefit is planned again
      expect(seen.flat()).toEqual([]);
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
      const seen: bigint[][] = [];
      const stoppedAt = (await h.store.readAll({})).at(-3)?.globalPosition;
      r = await startReminders(h, { store: counting(h.store, seen), smtpUrl: smtp.url, redisUrl: redis?.url, queueName });
      expect(seen.map((positions) => positions.length)).toEqual([2, 2]);
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
