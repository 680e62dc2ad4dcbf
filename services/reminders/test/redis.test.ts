import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Reminders } from '../src/index';
import { messageIdOf } from '../src/schedule/ids';
import { planBenefit, recordRealisation, seedOrg, T1 } from './support/fixtures';
import { type Harness, openHarness, reminderStreams, settle, startReminders, uniqueQueueName } from './support/harness';
import { startRedis, type TestRedis } from './support/redis';
import { startSmtp, type TestSmtp } from './support/smtp';
import { sleep, waitFor } from './support/wait';

const countBy = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());

describe('reminders on BullMQ under failures', () => {
  let redis: TestRedis;
  let smtp: TestSmtp;
  let h: Harness;
  const running: Reminders[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.stop();
    await redis.stop();
  });
  beforeEach(() => {
    h = openHarness();
    smtp.received.length = 0;
    smtp.delayMs = 0;
  });
  afterEach(async () => {
    for (const r of running.splice(0)) await r.stop().catch(() => undefined);
    await h.close();
  });

  const launch = async (options: Parameters<typeof startReminders>[1]) => {
    const r = await startReminders(h, { redisUrl: redis.url, ...options });
    running.push(r);
    return r;
  };

  it('two workers on one queue deliver each reminder once', async () => {
    const org = await seedOrg(h.store);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await planBenefit(h.store, org, { owner: `eier${i}@kommune.no` }));
    const queueName = uniqueQueueName();
    const claimedBy = new Map<string, number>();
    const hook = (n: number) => ({ afterClaim: () => void claimedBy.set(String(n), (claimedBy.get(String(n)) ?? 0) + 1) });
    const a = await launch({ smtpUrl: smtp.url, queueName, concurrency: 3, hooks: hook(1) });
    await launch({ smtpUrl: smtp.url, queueName, concurrency: 3, roles: { scheduler: false, worker: true }, hooks: hook(2) });
    smtp.delayMs = 20;
    await h.clock.advanceTo(T1.beforeDue);
    await waitFor(() => smtp.received.length >= 20, '20 mails');
    await settle(h, a);
    expect(countBy(smtp.received.map((m) => m.messageId))).toEqual(new Map(ids.map((id) => [messageIdOf(id, '2026-T1', 'before-due'), 1])));
    expect([...(await reminderStreams(h)).values()].every((s) => s.join() === 'ReminderSent,ReminderDelivered')).toBe(true);
    expect([...claimedBy.values()].reduce((x, y) => x + y, 0)).toBe(20);
  });

  it('redelivers the job of a worker killed between claim and mail, and the mail goes once', async () => {
    const org = await seedOrg(h.store);
    const benefitId = await planBenefit(h.store, org);
    const queueName = uniqueQueueName();
    const scheduler = await launch({ smtpUrl: smtp.url, queueName, roles: { scheduler: true, worker: false } });
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./support/worker-child.ts', import.meta.url))], {
      env: { ...process.env, CHILD_DB: h.dbPath, CHILD_NOW: T1.beforeDue, CHILD_REDIS_URL: redis.url, CHILD_SMTP_URL: smtp.url, CHILD_QUEUE: queueName },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const exited = new Promise<NodeJS.Signals | number | null>((r) => child.once('exit', (code, signal) => r(signal ?? code)));
    try {
      await waitFor(() => out.includes('ready'), `child worker to start (${out})`, 30_000);
      await h.clock.advanceTo(T1.beforeDue);
      expect(await Promise.race([exited, sleep(15_000).then(() => 'timeout')])).toBe('SIGKILL');
    } finally {
      child.kill('SIGKILL');
    }
    expect(out).toContain('claimed');
    expect([...(await reminderStreams(h)).values()]).toEqual([['ReminderSent']]);
    expect(smtp.received).toHaveLength(0);

    // a surviving worker finds the stalled job once the dead worker's lock runs out
    await launch({ smtpUrl: smtp.url, queueName, roles: { scheduler: false, worker: true } });
    await waitFor(() => smtp.received.length === 1, 'redelivered mail', 20_000);
    await settle(h, scheduler);
    await sleep(1_500);
    expect(smtp.received.map((m) => m.messageId)).toEqual([messageIdOf(benefitId, '2026-T1', 'before-due')]);
    expect([...(await reminderStreams(h)).values()]).toEqual([['ReminderSent', 'ReminderDelivered']]);
  });

  it('delivers every due reminder exactly once, each recorded once, when Redis is killed and restarted mid-run', async () => {
    const org = await seedOrg(h.store);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await planBenefit(h.store, org, { owner: `eier${i}@kommune.no` }));
    const r = await launch({ smtpUrl: smtp.url, concurrency: 3, claimLeaseMs: 60 * 60_000 });
    smtp.delayMs = 40;
    await h.clock.advanceTo(T1.beforeDue);
    await waitFor(() => smtp.received.length >= 5, 'first mails');
    await redis.kill();
    await sleep(300);
    await redis.restart();
    // lost jobs come back: unclaimed ones at once, claimed-but-unconfirmed ones after the lease
    await waitFor(() => new Set(smtp.received.map((m) => m.messageId)).size >= 25, 'most before-due mails after the restart', 30_000);
    await h.clock.advance(2 * 60 * 60_000);
    await waitFor(() => smtp.received.length >= 30, 'all before-due mails', 30_000);
    await settle(h, r, 30_000);

    // a third record their value; the rest get due and escalation reminders
    for (const id of ids.slice(0, 10)) await recordRealisation(h.store, id, '2026-T1');
    await settle(h, r);
    await h.clock.advanceTo(T1.due);
    await waitFor(() => smtp.received.length >= 50, 'due mails', 30_000);
    await h.clock.advanceTo(T1.escalation);
    await waitFor(() => smtp.received.length >= 70, 'escalation mails', 30_000);
    await settle(h, r, 30_000);
    await sleep(500);

    const expected = new Map<string, number>();
    ids.forEach((id, i) => {
      expected.set(messageIdOf(id, '2026-T1', 'before-due'), 1);
      if (i >= 10) {
        expected.set(messageIdOf(id, '2026-T1', 'due'), 1);
        expected.set(messageIdOf(id, '2026-T1', 'escalation'), 1);
      }
    });
    expect(countBy(smtp.received.map((m) => m.messageId))).toEqual(expected);
    const streams = await reminderStreams(h);
    expect(streams.size).toBe(70);
    for (const [name, types] of streams) {
      expect(types.filter((t) => t === 'ReminderSent' || t === 'ReminderEscalated'), name).toHaveLength(1);
      expect(types.filter((t) => t === 'ReminderDelivered'), name).toHaveLength(1);
    }
  });
});
