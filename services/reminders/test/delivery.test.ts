import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Reminders } from '../src/index';
import { cancelBenefit, planBenefit, reassignOwner, recordRealisation, seedOrg, T1 } from './support/fixtures';
import { type Harness, openHarness, reminderStreams, settle, startReminders } from './support/harness';
import { startRedis, type TestRedis } from './support/redis';
import { startSmtp, type TestSmtp } from './support/smtp';
import { waitFor } from './support/wait';

describe.each([['embedded'], ['bullmq']] as const)('reminders on the %s queue', (backend) => {
  let redis: TestRedis | undefined;
  let smtp: TestSmtp;
  let h: Harness;
  let reminders: Reminders | undefined;

  beforeAll(async () => {
    if (backend === 'bullmq') redis = await startRedis();
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.stop();
    await redis?.stop();
  });
  beforeEach(() => {
    h = openHarness();
    smtp.received.length = 0;
  });
  afterEach(async () => {
    await reminders?.stop();
    reminders = undefined;
    await h.close();
  });

  const start = async () => {
    reminders = await startReminders(h, { smtpUrl: smtp.url, redisUrl: redis?.url });
    expect(reminders.queue.backend).toBe(backend);
    return reminders;
  };

  it('mails the owner before the due date and on it, then escalates to the project leader and the unit leader', async () => {
    const org = await seedOrg(h.store);
    const benefitId = await planBenefit(h.store, org, { owner: 'eier@kommune.no' });
    const r = await start();

    await h.clock.advanceTo('2026-05-07T05:59:00Z');
    await settle(h, r);
    expect(smtp.received).toHaveLength(0);

    await h.clock.advanceTo(T1.beforeDue);
    const [first] = await waitFor(() => (smtp.received.length === 1 ? smtp.received : undefined), 'before-due mail');
    expect(first?.messageId).toBe(`<${benefitId}.2026-T1.before-due@gevinst>`);
    expect(first?.to).toEqual(['eier@kommune.no']);
    expect(first?.subject).toBe('Påminnelse: registrer gevinst for «Færre timer per byggesak» (2026 T1) innen 14. mai 2026');
    expect(first?.text).toContain('Hva skal registreres: realisert gevinst for 2026 T1 (i timer)');
    expect(first?.text).toContain('Prosjekt: Digital byggesak 0');
    const link = `http://localhost:3000/gevinster/${benefitId}/registrer?periode=2026-T1`;
    expect(first?.text).toContain(link);
    expect(first?.html).toContain(`href="${link}"`);

    expect(r.dueFor('eier@kommune.no', '2026-05-08')).toMatchObject([
      { benefitId, period: '2026-T1', dueDate: '2026-05-14', state: 'upcoming', what: 'realisation', projectName: 'Digital byggesak 0' },
    ]);

    await h.clock.advanceTo(T1.due);
    await waitFor(() => smtp.received.length === 2, 'due mail');
    expect(smtp.received[1]?.subject).toBe('Frist i dag: registrer gevinst for «Færre timer per byggesak» (2026 T1)');

    await h.clock.advanceTo(T1.escalation);
    await waitFor(() => smtp.received.length === 3, 'escalation mail');
    const escalation = smtp.received[2];
    expect(escalation?.messageId).toBe(`<${benefitId}.2026-T1.escalation@gevinst>`);
    expect(escalation?.to.sort()).toEqual([org.projectLeader, org.unitLeader].sort());
    expect(escalation?.cc).toEqual(['eier@kommune.no']);
    expect(escalation?.subject).toBe('Fristen er ute: gevinst for «Færre timer per byggesak» (2026 T1) er ikke registrert');
    expect(escalation?.text).toContain('skulle vært registrert innen 14. mai 2026, men er ikke registrert ennå. Fristen gikk ut for 14 dager siden.');
    expect(escalation?.text).toContain('Du får denne e-posten fordi du er prosjektleder eller leder for enheten som mottar gevinsten. Gevinsteier er eier@kommune.no.');
    expect(escalation?.text).not.toMatch(/overtid/);

    await settle(h, r);
    const streams = await reminderStreams(h);
    expect(Object.fromEntries(streams)).toEqual({
      [`reminder-${benefitId}-2026-T1-before-due`]: ['ReminderSent', 'ReminderDelivered'],
      [`reminder-${benefitId}-2026-T1-due`]: ['ReminderSent', 'ReminderDelivered'],
      [`reminder-${benefitId}-2026-T1-escalation`]: ['ReminderEscalated', 'ReminderDelivered'],
    });
    const [item] = r.dueFor('eier@kommune.no', '2026-05-29');
    expect(item?.state).toBe('overdue');
    expect(item?.reminders.map((x) => [x.kind, x.sentAt])).toEqual([
      ['before-due', new Date(T1.beforeDue).toISOString()],
      ['due', new Date(T1.due).toISOString()],
      ['escalation', new Date(T1.escalation).toISOString()],
    ]);
  });

  it('stops the chain as soon as the value is recorded', async () => {
    const org = await seedOrg(h.store);
    const benefitId = await planBenefit(h.store, org);
    const r = await start();
    await h.clock.advanceTo(T1.beforeDue);
    await waitFor(() => smtp.received.length === 1, 'before-due mail');
    await recordRealisation(h.store, benefitId, '2026-T1');
    await settle(h, r);
    await h.clock.advanceTo(T1.due);
    await h.clock.advanceTo(T1.escalation);
    await settle(h, r);
    expect(smtp.received.map((m) => m.messageId)).toEqual([`<${benefitId}.2026-T1.before-due@gevinst>`]);
    expect(r.dueFor('eier@kommune.no', '2026-06-01')).toEqual([]);
    expect((await r.queue.counts()).delayed).toBe(0);
  });

  it('does not send a reminder whose value was recorded after its job was already waiting to run', async () => {
    // The scheduler has not seen the recording yet when the job runs: the worker's own check stops it.
    const org = await seedOrg(h.store);
    const benefitId = await planBenefit(h.store, org);
    const r = await start();
    await r.scheduler.stop();
    await recordRealisation(h.store, benefitId, '2026-T1');
    await h.clock.advanceTo(T1.escalation);
    await waitFor(async () => (await r.queue.counts()).busy === 0 && (await r.queue.counts()).delayed === 0, 'jobs to run');
    expect(smtp.received).toHaveLength(0);
    expect((await reminderStreams(h)).size).toBe(0);
  });

  it('sends the later reminders to the new owner after a reassignment', async () => {
    const org = await seedOrg(h.store);
    const benefitId = await planBenefit(h.store, org, { owner: 'gammel@kommune.no' });
    const r = await start();
    await h.clock.advanceTo(T1.beforeDue);
    await waitFor(() => smtp.received.length === 1, 'before-due mail');
    await reassignOwner(h.store, benefitId, 'ny@kommune.no', 'gammel@kommune.no');
    await settle(h, r);
    await h.clock.advanceTo(T1.due);
    await waitFor(() => smtp.received.length === 2, 'due mail');
    await h.clock.advanceTo(T1.escalation);
    await waitFor(() => smtp.received.length === 3, 'escalation mail');
    expect(smtp.received.map((m) => [...m.to, ...m.cc].filter((a) => a.endsWith('@kommune.no') && !a.includes('leder')))).toEqual([
      ['gammel@kommune.no'],
      ['ny@kommune.no'],
      ['ny@kommune.no'],
    ]);
    expect(r.dueFor('gammel@kommune.no', '2026-05-20')).toEqual([]);
    expect(r.dueFor('ny@kommune.no', '2026-05-20')).toHaveLength(1);
  });

  it('sends nothing for a cancelled benefit', async () => {
    const org = await seedOrg(h.store);
    const cancelled = await planBenefit(h.store, org, { owner: 'a@kommune.no' });
    const kept = await planBenefit(h.store, org, { owner: 'b@kommune.no' });
    const r = await start();
    await cancelBenefit(h.store, cancelled);
    await settle(h, r);
    for (const [sent, t] of [T1.beforeDue, T1.due, T1.escalation].entries()) {
      await h.clock.advanceTo(t);
      await waitFor(() => smtp.received.length === sent + 1, 'the kept benefit’s next mail');
    }
    await settle(h, r);
    expect(smtp.received.every((m) => m.messageId.startsWith(`<${kept}.`))).toBe(true);
    expect([...(await reminderStreams(h)).keys()].some((s) => s.includes(cancelled))).toBe(false);
    expect(r.dueFor('a@kommune.no', '2026-06-01')).toEqual([]);
  });

  it('sends one current reminder, not a burst of stale ones, when it starts after the escalation time', async () => {
    const org = await seedOrg(h.store);
    const benefitId = await planBenefit(h.store, org);
    await h.clock.advanceTo(T1.escalation);
    const r = await start();
    await waitFor(() => smtp.received.length === 1, 'escalation mail');
    await settle(h, r);
    expect(smtp.received.map((m) => m.messageId)).toEqual([`<${benefitId}.2026-T1.escalation@gevinst>`]);
    expect([...(await reminderStreams(h)).keys()]).toEqual([`reminder-${benefitId}-2026-T1-escalation`]);
  });

  it('a benefit planned after some deadlines: one summary to the owner, no mail per late period, nothing again after a restart', async () => {
    const plannedAt = '2026-06-10T10:00:00.000Z';
    await h.clock.advanceTo(plannedAt);
    const org = await seedOrg(h.store);
    // 2025-T3 was due 14 Jan 2026 and 2026-T1 on 14 May, before it was planned; 2026-T2 is due 14 Sep
    const benefitId = await planBenefit(h.store, org, { owner: 'eier@kommune.no', plan: ['2025-T3', '2026-T1', '2026-T2'], at: plannedAt });
    let r = await start();
    await waitFor(() => smtp.received.length === 1, 'overdue summary');
    // past every escalation time of the late periods
    await h.clock.advanceTo('2026-06-30T12:00:00Z');
    await settle(h, r);

    expect(smtp.received).toHaveLength(1);
    const [summary] = smtp.received;
    expect(summary?.messageId).toBe(`<${benefitId}.overdue-summary@gevinst>`);
    expect(summary?.to).toEqual(['eier@kommune.no']);
    expect(summary?.cc).toEqual([]);
    expect(summary?.subject).toBe('Registrering mangler: «Færre timer per byggesak» (2 perioder)');
    expect(summary?.text).toContain('Gevinsten ble lagt inn etter at fristen var ute for 2 perioder. Disse verdiene mangler:');
    expect(summary?.text).toContain('• 2025 T3: realisert gevinst for 2025 T3 (i timer). Fristen var 14. januar 2026 og gikk ut for 147 dager siden.');
    expect(summary?.text).toContain('• 2026 T1: realisert gevinst for 2026 T1 (i timer). Fristen var 14. mai 2026 og gikk ut for 27 dager siden.');
    expect(summary?.text).toContain(`Registrer for 2026 T1: http://localhost:3000/gevinster/${benefitId}/registrer?periode=2026-T1`);
    expect(summary?.text).not.toContain('2026 T2');
    expect(summary?.text).not.toMatch(/overtid/);

    // a restart plans everything again from the events: the summary is on record, nothing goes twice
    await r.stop();
    reminders = undefined;
    r = await start();
    await h.clock.advance(60_000);
    await settle(h, r);
    expect(smtp.received).toHaveLength(1);
    expect(Object.fromEntries(await reminderStreams(h))).toEqual({ [`reminder-${benefitId}-2025-T3-due`]: ['ReminderSent', 'ReminderDelivered'] });
    // the owner's list shows both late values as reminded by the summary, when it went
    expect(r.dueFor('eier@kommune.no', '2026-06-30').map((i) => [i.period, i.state, i.reminders.map((x) => [x.kind, x.sentAt])])).toEqual([
      ['2025-T3', 'overdue', [['due', plannedAt]]],
      ['2026-T1', 'overdue', [['due', plannedAt]]],
    ]);

    // the period that was not late yet is reminded of as usual
    await h.clock.advanceTo('2026-09-07T06:00:00Z');
    await waitFor(() => smtp.received.length === 2, 'before-due mail of 2026-T2');
    expect(smtp.received[1]?.messageId).toBe(`<${benefitId}.2026-T2.before-due@gevinst>`);
  });

  it('keeps retrying while the SMTP server is down and delivers once it is back', async () => {
    const org = await seedOrg(h.store);
    const benefitId = await planBenefit(h.store, org);
    const r = await start();
    await smtp.down();
    await h.clock.advanceTo(T1.beforeDue);
    // the claim is stored, the delivery is not
    await waitFor(async () => (await reminderStreams(h)).size === 1, 'claim');
    await new Promise((res) => setTimeout(res, 700));
    await smtp.up();
    await waitFor(() => smtp.received.length === 1, 'mail after SMTP came back', 20_000);
    await settle(h, r);
    expect(smtp.received[0]?.messageId).toBe(`<${benefitId}.2026-T1.before-due@gevinst>`);
    expect([...(await reminderStreams(h)).values()]).toEqual([['ReminderSent', 'ReminderDelivered']]);
  });

  it('records a delivery that keeps failing and shows it in the due list', async () => {
    const org = await seedOrg(h.store);
    const benefitId = await planBenefit(h.store, org);
    const r = await start();
    await smtp.down();
    try {
      await h.clock.advanceTo(T1.beforeDue);
      await waitFor(async () => (await reminderStreams(h)).get(`reminder-${benefitId}-2026-T1-before-due`)?.includes('ReminderDeliveryFailed'), 'failure recorded', 20_000);
    } finally {
      await smtp.up();
    }
    await settle(h, r);
    const [item] = r.dueFor('eier@kommune.no', '2026-05-08');
    expect(item?.reminders).toHaveLength(1);
    expect(item?.reminders[0]).toMatchObject({ kind: 'before-due', deliveredAt: null, deliveryFailed: { attempts: 6 } });
    expect(item?.reminders[0]?.deliveryFailed?.error).toMatch(/ECONNREFUSED|connect/i);
    expect(smtp.received).toHaveLength(0);
    // the next reminder in the chain still goes
    await h.clock.advanceTo(T1.due);
    await waitFor(() => smtp.received.length === 1, 'due mail');
  });
});
