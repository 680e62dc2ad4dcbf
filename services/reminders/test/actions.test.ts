import { randomUUID } from 'node:crypto';
import { validateEvent } from '@gevinst/domain/events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReminderMail } from '../src/delivery/compose';
import type { Mailer } from '../src/delivery/mailer';
import { createReminders, type Reminders } from '../src/index';
import { HARNESS_START, planBenefit, seedOrg, type Org } from './support/fixtures';
import { openHarness, quietLogger, reminderStreams, type Harness } from './support/harness';
import { waitFor } from './support/wait';

// Overdue realisation actions on the reminders' machinery: the owner is told the day after the
// deadline, the benefit owner and project leader 14 days later, each once — also after a restart —
// and nothing once the action is done.
const ACTION_OWNER = 'saksbehandler@kommune.no';
const BENEFIT_OWNER = 'eier@kommune.no';

let h: Harness;
let org: Org;
let running: Reminders[] = [];
let sent: ReminderMail[] = [];
const mailer: Mailer = { describe: 'test', close: () => undefined, send: async (mail) => void sent.push(mail) };

const start = async () => {
  const r = createReminders({ store: h.store, clock: h.clock, logger: quietLogger, mailer, redisUrl: '', queueName: `actions-${randomUUID()}` });
  await r.start();
  running.push(r);
  return r;
};
const stop = async (r: Reminders) => {
  await r.stop();
  running = running.filter((x) => x !== r);
};

const append = (benefitId: string, type: 'BenefitActionAdded' | 'BenefitActionUpdated', data: Record<string, unknown>, recordedAt = HARNESS_START) =>
  h.store.appendToStream(`benefit-${benefitId}`, [{ type, data: validateEvent(type, data as never) as Record<string, unknown>, metadata: { userId: BENEFIT_OWNER, recordedAt } }]);

const addAction = (benefitId: string, actionId: string, deadline: string, recordedAt?: string) =>
  append(benefitId, 'BenefitActionAdded', { benefitId, actionId, title: 'Opplæring i nytt fagsystem', owner: ACTION_OWNER, deadline }, recordedAt);

/** the action's reminder streams and what they hold */
const actionStreams = async () => [...(await reminderStreams(h))].filter(([name]) => name.includes('-action-'));

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

describe('overdue realisation actions', () => {
  it('reminds the action owner once the day after the deadline, escalates once 14 days later, and never again after a restart', async () => {
    const benefitId = await planBenefit(h.store, org, { owner: BENEFIT_OWNER });
    await addAction(benefitId, 'a1', '2026-02-01');
    const r = await start();
    await h.clock.advanceTo('2026-02-01T22:00:00Z');
    expect(sent).toEqual([]);
    await h.clock.advanceTo('2026-02-02T07:00:00Z'); // 08:00 in Oslo, the day after the deadline
    await waitFor(() => sent.length === 1, 'the overdue reminder');
    expect(sent[0]).toMatchObject({ to: [ACTION_OWNER], cc: [], subject: 'Tiltaket har passert fristen: Opplæring i nytt fagsystem' });
    expect(sent[0]!.text).toContain('1. februar 2026');
    await h.clock.advanceTo('2026-02-15T07:00:00Z');
    expect(sent).toHaveLength(1);
    await h.clock.advanceTo('2026-02-16T07:00:00Z');
    await waitFor(() => sent.length === 2, 'the escalation');
    expect(sent[1]).toMatchObject({ to: [BENEFIT_OWNER, org.projectLeader], cc: [ACTION_OWNER], subject: 'Forfalt tiltak: Opplæring i nytt fagsystem' });

    await stop(r);
    await start();
    await h.clock.advanceTo('2026-03-20T07:00:00Z');
    await running[0]!.actionReminders!.sweep();
    expect(sent).toHaveLength(2);
    expect(await actionStreams()).toEqual([
      [`reminder-${benefitId}-action-a1-overdue`, ['ActionReminderSent', 'ActionReminderDelivered']],
      [`reminder-${benefitId}-action-a1-escalation`, ['ActionReminderSent', 'ActionReminderDelivered']],
    ]);
  });

  it('sends nothing for an action completed before it fell due, nor escalates one completed after the first reminder', async () => {
    const done = await planBenefit(h.store, org, { owner: BENEFIT_OWNER });
    const late = await planBenefit(h.store, org, { owner: BENEFIT_OWNER });
    await addAction(done, 'a1', '2026-02-01');
    await addAction(late, 'a2', '2026-02-01');
    const r = await start();
    await append(done, 'BenefitActionUpdated', { benefitId: done, actionId: 'a1', status: 'done' }, '2026-01-30T10:00:00Z');
    await h.clock.advanceTo('2026-02-02T07:00:00Z');
    await waitFor(() => sent.length === 1, 'the overdue reminder of a2');
    expect(sent.map((m) => m.messageId)).toEqual([`<${late}.action.a2.overdue@gevinst>`]);
    await append(late, 'BenefitActionUpdated', { benefitId: late, actionId: 'a2', status: 'done' }, '2026-02-03T10:00:00Z');
    await waitFor(() => r.actionReminders!.state.actions.get(`${late}.a2`)?.status === 'done', 'the update to be folded');
    await h.clock.advanceTo('2026-03-01T07:00:00Z');
    await r.actionReminders!.sweep();
    expect(sent).toHaveLength(1);
  });

  it('counts an action added after its deadline as late from the day it was added (no escalation at once)', async () => {
    const benefitId = await planBenefit(h.store, org, { owner: BENEFIT_OWNER });
    await h.clock.advanceTo('2026-03-01T10:00:00Z');
    await addAction(benefitId, 'a1', '2026-01-15', '2026-03-01T10:00:00Z');
    const r = await start();
    await h.clock.advanceTo('2026-03-02T07:00:00Z');
    await r.actionReminders!.sweep();
    expect(sent.map((m) => m.subject)).toEqual(['Tiltaket har passert fristen: Opplæring i nytt fagsystem']);
  });
});
