import { randomUUID } from 'node:crypto';
import { validateEvent } from '@gevinst/domain/events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReminderMail } from '../src/delivery/compose';
import type { Mailer } from '../src/delivery/mailer';
import { createReminders, type Reminders } from '../src/index';
import { cancelBenefit, planBenefit, recordRealisation, seedOrg, type Org } from './support/fixtures';
import { openHarness, quietLogger, type Harness } from './support/harness';
import { waitFor } from './support/wait';

// Reminders ahead of the årshjul's tertial report deadlines: the owner of a benefit that still misses a
// value for the tertial is told `remindDaysBefore` days ahead, once — also across a restart and with two
// schedulers on one store — and nothing is sent for what is recorded, cancelled, planned late or stale.
const OWNER = 'eier@kommune.no';

let h: Harness;
let org: Org;
let running: Reminders[] = [];
let sent: ReminderMail[] = [];
const mailer: Mailer = { describe: 'test', close: () => undefined, send: async (mail) => void sent.push(mail) };
const calendarMails = () => sent.filter((m) => m.messageId.includes('.calendar.'));

const start = async () => {
  const r = createReminders({ store: h.store, clock: h.clock, logger: quietLogger, mailer, redisUrl: '', queueName: `calendar-${randomUUID()}`, calendar: true });
  await r.start();
  running.push(r);
  return r;
};
const stop = async (r: Reminders) => {
  await r.stop();
  running = running.filter((x) => x !== r);
};

const setDeadline = (data: { deadlineId: string; period: string; date: string; remindDaysBefore: number; title?: string }, recordedAt: string) =>
  h.store.appendToStream('calendar-installation', [
    {
      type: 'ReportingDeadlineSet',
      data: validateEvent('ReportingDeadlineSet', { kind: 'tertial', title: 'Tertialrapport til formannskapet', ...data }) as Record<string, unknown>,
      metadata: { userId: 'okonomi@kommune.no', recordedAt },
    },
  ]);

/** every event of every calendar reminder stream, by stream */
const claimStreams = async () => {
  const out = new Map<string, string[]>();
  for (const e of await h.store.readCategory('calendar')) if (e.streamName.startsWith('calendar-reminder-')) out.set(e.streamName, [...(out.get(e.streamName) ?? []), e.type]);
  return out;
};

beforeEach(async () => {
  h = openHarness();
  org = await seedOrg(h.store);
  sent = [];
});
afterEach(async () => {
  for (const r of running) await r.stop();
  running = [];
  await h.close();
});

describe('reminders ahead of the tertial report (årshjul)', () => {
  it('tells the owner 14 days before the default deadline (20 May for T1) what is missing, once, and not again after a restart', async () => {
    const benefitId = await planBenefit(h.store, org, { owner: OWNER, plan: ['2026-T1', '2026-T2'], schedule: 'month' });
    const r = await start();
    await h.clock.advanceTo('2026-05-06T05:59:00Z');
    await r.calendarReminders!.sweep();
    expect(calendarMails()).toEqual([]);
    await h.clock.advanceTo('2026-05-06T06:00:00Z'); // 08:00 in Oslo (summer time), 14 days before 20 May
    await waitFor(() => calendarMails().length === 1, 'the calendar reminder');
    const [mail] = calendarMails();
    expect(mail).toMatchObject({ to: [OWNER], cc: [], subject: 'Tertialrapporten nærmer seg: Færre timer per byggesak', messageId: `<${benefitId}.calendar.default-2026-T1@gevinst>` });
    // the months of T1 that do not end with the tertial are measurements; the tertial itself a realisation
    expect(mail!.text).toContain('frist 20. mai 2026');
    expect(mail!.text).toContain('måling for januar 2026');
    expect(mail!.text).toContain('måling for mars 2026');
    expect(mail!.text).not.toContain('april'); // April ends with the tertial: its realisation answers it
    expect(mail!.text).toContain('realisert gevinst for 2026 T1');
    expect(mail!.text).toContain(`/gevinster/${benefitId}/registrer?periode=2026-01`);
    expect(mail!.html).not.toContain('<script');

    await stop(r);
    const again = await start();
    await h.clock.advanceTo('2026-05-19T06:00:00Z');
    await again.calendarReminders!.sweep();
    expect(calendarMails()).toHaveLength(1);
    expect([...(await claimStreams())]).toEqual([[`calendar-reminder-default-2026-T1-${benefitId}`, ['CalendarReminderSent', 'CalendarReminderDelivered']]]);
    const [claim] = (await h.store.readStream(`calendar-reminder-default-2026-T1-${benefitId}`)).slice(0, 1);
    expect(claim?.data).toMatchObject({ period: '2026-T1', deadlineDate: '2026-05-20', recipients: [OWNER] });
  });

  it('follows finance\'s own deadline and its days ahead; nothing for what is recorded, cancelled or planned after the reminder\'s time', async () => {
    await setDeadline({ deadlineId: 'fsk-t1', period: '2026-T1', date: '2026-05-27', remindDaysBefore: 10 }, '2026-01-05T10:00:00Z');
    const missing = await planBenefit(h.store, org, { owner: OWNER, title: 'Mangler' });
    const recorded = await planBenefit(h.store, org, { owner: 'annen@kommune.no', title: 'Registrert' });
    const cancelled = await planBenefit(h.store, org, { owner: 'tredje@kommune.no', title: 'Kansellert' });
    await recordRealisation(h.store, recorded, '2026-T1');
    await cancelBenefit(h.store, cancelled);
    const r = await start();
    await h.clock.advanceTo('2026-05-06T06:00:00Z'); // the default's time: replaced by finance's date
    await r.calendarReminders!.sweep();
    expect(calendarMails()).toEqual([]);
    // planned after the reminder's time (17 May 08:00): late when planned, no calendar reminder of its own
    await planBenefit(h.store, org, { owner: 'sen@kommune.no', title: 'Sent planlagt', at: '2026-05-18T10:00:00Z' });
    await h.clock.advanceTo('2026-05-17T06:00:00Z');
    await waitFor(() => calendarMails().length === 1, 'the calendar reminder');
    await h.clock.advanceTo('2026-05-26T06:00:00Z');
    await r.calendarReminders!.sweep();
    expect(calendarMails().map((m) => [m.to, m.messageId])).toEqual([[[OWNER], `<${missing}.calendar.fsk-t1@gevinst>`]]);
    expect(calendarMails()[0]!.text).toContain('«Tertialrapport til formannskapet» har frist 27. mai 2026');
  });

  it('a deadline set after its reminder\'s time reminds when it is set; once the deadline\'s day is over nothing goes', async () => {
    await planBenefit(h.store, org, { owner: OWNER, plan: ['2026-T2'] });
    await planBenefit(h.store, org, { owner: 'tidlig@kommune.no', plan: ['2026-T1'] });
    await h.clock.advanceTo('2026-09-15T06:00:00Z');
    const r = await start();
    // T1's default deadline (20 May) is long past: the service that was down sends nothing for it;
    // T2's default deadline is 20 September, its reminder 6 September: due now
    await r.calendarReminders!.sweep();
    await waitFor(() => calendarMails().length === 1, 'the T2 reminder');
    expect(calendarMails().map((m) => m.messageId)).toEqual([expect.stringContaining('.calendar.default-2026-T2@')]);
    await setDeadline({ deadlineId: 'ks-t2', period: '2026-T2', date: '2026-09-18', remindDaysBefore: 14 }, '2026-09-15T08:00:00Z');
    await h.clock.advanceTo('2026-09-15T08:00:00Z');
    await waitFor(() => calendarMails().length === 2, 'the reminder of the deadline set late');
    expect(calendarMails()[1]!.messageId).toContain('ks-t2');
    await h.clock.advanceTo('2026-09-19T06:00:00Z');
    await r.calendarReminders!.sweep();
    expect(calendarMails()).toHaveLength(2);
  });

  it('two schedulers on one store claim each reminder once: one mail', async () => {
    await planBenefit(h.store, org, { owner: OWNER });
    const a = await start();
    const b = await start();
    await h.clock.advanceTo('2026-05-06T06:00:00Z');
    await Promise.all([a.calendarReminders!.sweep(), b.calendarReminders!.sweep()]);
    await waitFor(() => calendarMails().length >= 1, 'a calendar reminder');
    await a.calendarReminders!.sweep();
    await b.calendarReminders!.sweep();
    expect(calendarMails()).toHaveLength(1);
    expect([...(await claimStreams()).values()]).toEqual([['CalendarReminderSent', 'CalendarReminderDelivered']]);
  });
});
