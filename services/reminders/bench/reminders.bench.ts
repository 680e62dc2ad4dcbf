/**
 * Plans and delivers reminders for BENCH_BENEFITS (default 50,000) benefits over a simulated year:
 * a fake clock steps a day at a time from 2026-01-01 to 2027-02-15, a real redis-server (started
 * here) holds one delayed BullMQ job per reminder, an SMTP sink in this process receives the mails.
 * Each benefit plans 2026-T1..T3; per period 40 % of owners record the value the day after the
 * before-due reminder, 30 % the day after the due reminder, 30 % never (so they are escalated).
 * Prints jobs/s, duplicates (a Message-ID received twice; goal 0) and misses (an expected reminder
 * not received, or one received that should not have been; goal 0).
 *
 * First (BENCH_PART=start runs only this, BENCH_PART=deliver skips it) the scheduler's cold start,
 * restart and full replan on a generated kommune, beside BENCH_BASELINE's tree if given (see start.ts).
 *
 *   pnpm bench:reminders            BENCH_BENEFITS=5000 pnpm bench:reminders
 *   BENCH_PART=start BENCH_BASELINE=/tmp/gevinst-main pnpm bench:reminders
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from '@gevinst/eventstore';
import pino from 'pino';
import { FakeClock } from '../src/clock';
import { reminderConfig } from '../src/config';
import { smtpMailer } from '../src/delivery/mailer';
import { createReminders } from '../src/index';
import { messageIdOf } from '../src/schedule/ids';
import { sendTimeOf } from '../src/schedule/reminders';
import { dueDateOf } from '../src/schedule/obligations';
import type { ReminderKind } from '../src/schedule/state';
import { startRedis } from '../test/support/redis';
import { runStartBench } from './start';
import { startSmtp } from '../test/support/smtp';

const PART = process.env.BENCH_PART ?? 'all';
if (PART !== 'deliver') await runStartBench();
if (PART === 'start') process.exit(0);

const BENEFITS = Number(process.env.BENCH_BENEFITS ?? 50_000);
const PERIODS = ['2026-T1', '2026-T2', '2026-T3'];
const DAY = 86_400_000;
const config = reminderConfig();

const t0 = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'gevinst-reminders-bench-'));
const redis = await startRedis();
const smtp = await startSmtp({ parse: false });
const store = openSqliteEventStore({ path: join(dir, 'events.db'), synchronous: 'NORMAL', pollIntervalMs: 20 });
const clock = new FakeClock('2026-01-01T00:00:00Z');

const cleanup = async () => {
  await store.close().catch(() => undefined);
  await smtp.stop();
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
};
const hardStop = setTimeout(async () => {
  console.error('benchmark: gave up after 60 minutes');
  await cleanup();
  process.exit(2);
}, 60 * 60_000);
hardStop.unref();

// ---- seed ------------------------------------------------------------------------------------
const units = 100;
const orgs: { unitId: string; projectId: string }[] = [];
for (let u = 0; u < units; u++) {
  const unitId = randomUUID();
  const projectId = randomUUID();
  await store.appendToStream(`unit-${unitId}`, [{ type: 'UnitRegistered', data: { unitId, name: `Enhet ${u}`, parentId: null, orgNumber: null, leader: `leder${u}@kommune.no` } }]);
  await store.appendToStream(`project-${projectId}`, [{ type: 'ProjectRegistered', data: { projectId, name: `Prosjekt ${u}`, ownerUnitId: unitId, projectLeader: `pl${u}@kommune.no`, thresholds: { greenPct: 100, yellowPct: 80 } } }]);
  orgs.push({ unitId, projectId });
}
/** 0: records after before-due, 1: after due, 2: never */
const behaviour = (i: number, p: number) => (i * 7 + p * 3) % 10 < 4 ? 0 : (i * 7 + p * 3) % 10 < 7 ? 1 : 2;
const benefitIds: string[] = [];
const seedStart = Date.now();
for (let i = 0; i < BENEFITS; i++) {
  const benefitId = randomUUID();
  benefitIds.push(benefitId);
  const org = orgs[i % units];
  if (!org) throw new Error('no unit to plan the benefit for');
  await store.appendToStream(`benefit-${benefitId}`, [{
    type: 'BenefitPlanned',
    data: {
      benefitId, projectId: org.projectId, title: `Gevinst ${i}`, recipientUnitId: org.unitId, owner: `eier${i % 5000}@kommune.no`,
      indicator: 'timer', unitOfMeasure: 'timer', direction: 'decrease', category: 'capacity', cashReleasing: false,
      valuationOrePerUnit: null, baseline: null, target: null, targetDate: null,
      plan: PERIODS.map((period) => ({ period, quantity: 10 })), measurementSchedule: 'tertial', disbenefit: false,
    },
    // planned at the fake clock's start: what was already late when planned gets no reminders
    metadata: { recordedAt: new Date(clock.now()).toISOString() },
  }], { expectedRevision: 'no_stream' });
}
const seedMs = Date.now() - seedStart;

// what must arrive, and when each owner records
const expected = new Set<string>();
const recordings = new Map<number, { benefitId: string; period: string }[]>(); // day index → recordings
const dayIndex = (ms: number) => Math.floor((ms - Date.parse('2026-01-01T00:00:00Z')) / DAY);
const kinds: ReminderKind[] = ['before-due', 'due', 'escalation'];
benefitIds.forEach((benefitId, i) => {
  PERIODS.forEach((period, p) => {
    const b = behaviour(i, p);
    const dueDate = dueDateOf(period, config);
    for (const kind of kinds.slice(0, b + 1)) expected.add(messageIdOf(benefitId, period, kind));
    const lastSent = kinds[b];
    if (b < 2 && lastSent) {
      const day = dayIndex(sendTimeOf(dueDate, lastSent, config)) + 1;
      recordings.set(day, [...(recordings.get(day) ?? []), { benefitId, period }]);
    }
  });
});

// ---- run ----------------------------------------------------------------------------------------
const reminders = createReminders({
  store, clock, redisUrl: redis.url,
  mailer: smtpMailer(smtp.url, { pool: true, timeoutMs: 10_000, maxConnections: 25 }),
  logger: pino({ level: 'warn' }),
  concurrency: 50,
  retry: { attempts: 5, backoffMs: 200 },
});
const planStart = Date.now();
await reminders.start();
const planMs = Date.now() - planStart;
const plannedJobs = (await reminders.queue.counts()).delayed;

const drain = async () => {
  for (let i = 0; i < 36_000; i++) {
    const last = (await store.readAll({ after: reminders.scheduler.position() ?? -1n, maxCount: 1 })).length === 0;
    const c = await reminders.queue.counts();
    if (last && c.busy === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('queue did not drain within 12 minutes');
};

let deliverMs = 0;
const end = Date.parse('2027-02-15T00:00:00Z');
for (let day = 1; clock.now() < end; day++) {
  const s = Date.now();
  await clock.advanceTo(Date.parse('2026-01-01T00:00:00Z') + day * DAY);
  await drain();
  deliverMs += Date.now() - s;
  for (const { benefitId, period } of recordings.get(day) ?? []) {
    await store.appendToStream(`benefit-${benefitId}`, [{ type: 'BenefitRealised', data: { benefitId, period, quantity: 9, valuationOrePerUnit: null, valueOre: 0, comment: null, evidenceUrl: null } }]);
  }
  if (day % 30 === 0) process.stdout.write(`  day ${day}: ${smtp.received.length} mails\n`);
}
await drain();

// ---- count ----------------------------------------------------------------------------------------
const seen = new Map<string, number>();
for (const m of smtp.received) seen.set(m.messageId, (seen.get(m.messageId) ?? 0) + 1);
const duplicates = [...seen.values()].reduce((n, c) => n + (c > 1 ? c - 1 : 0), 0);
const missing = [...expected].filter((id) => !seen.has(id)).length;
const unexpected = [...seen.keys()].filter((id) => !expected.has(id)).length;
const claims = new Map<string, number>();
let delivered = 0;
for (const e of await store.readCategory('reminder')) {
  if (e.type === 'ReminderSent' || e.type === 'ReminderEscalated') claims.set(e.streamName, (claims.get(e.streamName) ?? 0) + 1);
  if (e.type === 'ReminderDelivered') delivered++;
}
const doubleClaims = [...claims.values()].filter((c) => c > 1).length;

await reminders.stop();
await cleanup();

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`
reminders benchmark — ${fmt(BENEFITS)} benefits × ${PERIODS.length} periods, simulated 2026-01-01 → 2027-02-15 (fake clock, day steps)
  seeding events            ${fmt(seedMs)} ms
  planning (catch-up)       ${fmt(plannedJobs)} delayed jobs in ${fmt(planMs)} ms = ${fmt(plannedJobs / (planMs / 1000))} jobs/s
  delivering                ${fmt(smtp.received.length)} mails in ${fmt(deliverMs)} ms = ${fmt(smtp.received.length / (deliverMs / 1000))} mails/s
  expected mails            ${fmt(expected.size)}
  duplicates                ${duplicates}   (goal 0)
  misses                    ${missing}   (goal 0)
  unexpected (value known)  ${unexpected}   (goal 0)
  claims: streams ${fmt(claims.size)}, with >1 claim ${doubleClaims}; ReminderDelivered events ${fmt(delivered)}
  total wall time           ${fmt((Date.now() - t0) / 1000)} s
`);
process.exit(duplicates + missing + unexpected + doubleClaims === 0 ? 0 : 1);
