import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventStore } from '@gevinst/eventstore';
import type { ReminderMail } from '../src/delivery/compose';
import type { Mailer } from '../src/delivery/mailer';
import { createReminders, type Reminders } from '../src/index';
import { AT, BEFORE_ANY_REMINDER, benefitId, at, counting, type Fact, fact, org, plannedOnce, write } from './support/history';
import { type Harness, openHarness, quietLogger } from './support/harness';

const ACTIONS = ['a1', 'a2'];
const actionId = fc.constantFrom(...ACTIONS);
const deadline = fc.constantFrom('2026-01-15', '2026-03-01', '2026-05-31');
const deadlineId = fc.constantFrom('d1', 'd2');

/** Actions, the årshjul's deadlines and the claims of their reminders, beside the benefits' own facts. */
const claimedFact: fc.Arbitrary<Fact> = fc.oneof(
  { weight: 4, arbitrary: fact },
  { weight: 3, arbitrary: fc.record({ b: benefitId, a: actionId, deadline, n: fc.integer({ min: 1, max: 2 }), at }).map(({ b, a, deadline, n, at }) => ({
    stream: `benefit-${b}`, type: 'BenefitActionAdded', at, data: { benefitId: b, actionId: a, title: `Tiltak ${a}`, owner: `tiltak${n}@kommune.no`, deadline, comment: null },
  })) },
  { weight: 2, arbitrary: fc.record({ b: benefitId, a: actionId, status: fc.constantFrom('inProgress', 'done', 'cancelled', null), deadline: fc.option(deadline), at }).map(({ b, a, status, deadline, at }) => ({
    stream: `benefit-${b}`, type: 'BenefitActionUpdated', at, data: { benefitId: b, actionId: a, status, deadline, owner: null, comment: null },
  })) },
  { weight: 2, arbitrary: fc.record({ b: benefitId, a: actionId, kind: fc.constantFrom('overdue', 'escalation'), delivered: fc.boolean(), at }).map(({ b, a, kind, delivered, at }) => {
    const stream = `reminder-${b}-action-${a}-${kind}`;
    const messageId = `<${b}.action.${a}.${kind}@gevinst>`;
    return delivered
      ? { stream, type: 'ActionReminderDelivered', at, data: { benefitId: b, actionId: a, kind, messageId } }
      : { stream, type: 'ActionReminderSent', at, data: { benefitId: b, actionId: a, kind, recipients: ['tiltak1@kommune.no'], deadline: '2026-01-15', messageId } };
  }) },
  { weight: 2, arbitrary: fc.record({ d: deadlineId, date: fc.constantFrom('2026-05-15', '2026-05-25', '2026-06-01'), days: fc.constantFrom(7, 14, 30), at }).map(({ d, date, days, at }) => ({
    stream: 'calendar-installation', type: 'ReportingDeadlineSet', at, data: { deadlineId: d, kind: 'tertial', period: '2026-T1', date, title: 'Tertialrapport til formannskapet', remindDaysBefore: days },
  })) },
  { weight: 1, arbitrary: fc.record({ d: deadlineId, at }).map(({ d, at }) => ({ stream: 'calendar-installation', type: 'ReportingDeadlineRemoved', at, data: { deadlineId: d, reason: 'Flyttet' } })) },
  { weight: 1, arbitrary: at.map((at) => ({ stream: 'project-p1', type: 'ProjectClosed', at, data: { projectId: 'p1', reason: 'Ferdig' } })) },
  { weight: 2, arbitrary: fc.record({ b: benefitId, d: fc.constantFrom('d1', 'default-2026-T1'), delivered: fc.boolean(), at }).map(({ b, d, delivered, at }) => {
    const stream = `calendar-reminder-${d}-${b}`;
    const messageId = `<${b}.calendar.${d}@gevinst>`;
    return delivered
      ? { stream, type: 'CalendarReminderDelivered', at, data: { benefitId: b, deadlineId: d, messageId } }
      : { stream, type: 'CalendarReminderSent', at, data: { benefitId: b, deadlineId: d, period: '2026-T1', deadlineDate: '2026-05-20', recipients: [`eier-${b}@kommune.no`], missing: [], messageId } };
  }) },
);

/** When the restart happens: the default 2026-T1 deadline's reminder (6 May) is due, actions late since January are escalated. */
const REMINDERS_DUE = '2026-05-10T10:00:00.000Z';

const capturingMailer = (sent: ReminderMail[]): Mailer => ({ describe: 'test', close: () => undefined, send: async (mail) => void sent.push(mail) });

const claimed = (h: Harness, store: EventStore, sent: ReminderMail[], scheduleStore?: false) =>
  createReminders({ store, clock: h.clock, logger: quietLogger, roles: { scheduler: true, worker: false }, calendar: true, mailer: capturingMailer(sent), scheduleStore });

const mails = (sent: ReminderMail[]) => sent.map((m) => `${m.messageId} → ${[...m.to, ...m.cc].join(',')}`).sort();

/** The two claimed folds, as plain data to compare. */
const folds = (r: Reminders) => ({ actions: r.actionReminders?.state, calendar: r.calendarReminders?.state });

describe('the action and calendar reminders after a restart', () => {
  it('resume from their saved fold, read only the later events, and hold and send what a fresh start does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(claimedFact, { minLength: 1, maxLength: 25 }), fc.array(claimedFact, { maxLength: 15 }), async (generatedBefore, generatedAfter) => {
        const planned = new Set<string>();
        const before = plannedOnce(generatedBefore, planned);
        const after = plannedOnce(generatedAfter, planned);
        const h = openHarness(BEFORE_ANY_REMINDER);
        const other = openHarness(REMINDERS_DUE);
        const running: Reminders[] = [];
        const run = async (r: Reminders) => {
          running.push(r);
          await r.start();
          return r;
        };
        try {
          // nothing is due yet: the first start only folds and saves
          const firstSent: ReminderMail[] = [];
          await write(h.store, [...org, ...before]);
          const first = await run(claimed(h, h.store, firstSent));
          const stoppedAt = first.scheduler.position();
          await first.stop();
          running.length = 0;
          expect(firstSent).toEqual([]);

          await write(h.store, after);
          await h.clock.advanceTo(REMINDERS_DUE);
          const seen: bigint[][] = [];
          const restartSent: ReminderMail[] = [];
          const written = (await h.store.readAll({})).map((e) => e.globalPosition).filter((p) => stoppedAt !== undefined && p > stoppedAt);
          const restarted = await run(claimed(h, counting(h.store, seen), restartSent));
          // the scheduler's, the action reminders' and the calendar reminders' subscriptions: until
          // caught up, each is fed exactly the events written while it was down (then its own claims)
          expect(seen).toHaveLength(3);
          for (const positions of seen) expect(positions.slice(0, written.length)).toEqual(written);
          expect(restarted.actionReminders?.catchUp()).toMatchObject({ resumedFrom: stoppedAt, eventsRead: after.length });
          // the calendar reminders start once the action reminders have claimed and delivered theirs
          const actionMails = restartSent.filter((m) => m.messageId.includes('.action.')).length;
          expect(restarted.calendarReminders?.catchUp()).toMatchObject({ resumedFrom: stoppedAt, eventsRead: after.length + 2 * actionMails });

          // the same history on a store of its own, folded from the first event: the same mails
          const freshSent: ReminderMail[] = [];
          await write(other.store, [...org, ...before, ...after]);
          await run(claimed(other, other.store, freshSent, false));
          expect(mails(restartSent)).toEqual(mails(freshSent));

          // and, on the restarted store, the same folds; nothing is left to send
          const againSent: ReminderMail[] = [];
          const fresh = await run(claimed(h, h.store, againSent, false));
          expect(fresh.actionReminders?.catchUp()?.resumedFrom).toBeUndefined();
          expect(againSent).toEqual([]);
          expect(folds(restarted)).toEqual(folds(fresh));
        } finally {
          for (const r of running) await r.stop();
          await h.close();
          await other.close();
        }
      }),
      { numRuns: 30 },
    );
  });

  it('send nothing twice across restarts, and fold again from the first event when the saved fold is of another version', async () => {
    const h = openHarness(BEFORE_ANY_REMINDER);
    const running: Reminders[] = [];
    try {
      const planned = fc.sample(fact.filter((f) => f.type === 'BenefitPlanned'), { numRuns: 1, seed: 3 })[0]!;
      const history: Fact[] = ['b1', 'b2'].flatMap((b) => [
        { ...planned, stream: `benefit-${b}`, at: AT[0]!, data: { ...planned.data, benefitId: b, owner: `eier-${b}@kommune.no`, plan: [{ period: '2026-T1', quantity: 10 }], measurementSchedule: 'tertial' } },
        { stream: `benefit-${b}`, type: 'BenefitActionAdded', at: AT[0]!, data: { benefitId: b, actionId: 'a1', title: 'Opplæring', owner: 'tiltak1@kommune.no', deadline: '2026-01-15', comment: null } },
      ]);
      await write(h.store, [...org, ...history]);
      const first = claimed(h, h.store, []);
      await first.start();
      await first.stop();

      await h.clock.advanceTo(REMINDERS_DUE);
      const sent: ReminderMail[] = [];
      const second = claimed(h, h.store, sent);
      running.push(second);
      await second.start();
      // per benefit the calendar reminder ahead of 2026-T1's report and the action's escalation
      expect(sent).toHaveLength(4);
      await second.stop();
      running.length = 0;

      // its own claims are all it reads, and it sends none of them again
      const seen: bigint[][] = [];
      const third = claimed(h, counting(h.store, seen), sent);
      running.push(third);
      const sentBefore = sent.length;
      await third.start();
      expect(sent).toHaveLength(sentBefore);
      expect(third.actionReminders?.catchUp()?.eventsRead).toBeLessThanOrEqual(2 * sentBefore);
      const state = folds(third);
      await third.stop();
      running.length = 0;

      h.store.db.prepare("UPDATE reminder_snapshots SET version = '0/older'").run();
      const all = (await h.store.readAll({})).length;
      const rebuilt = claimed(h, h.store, sent);
      running.push(rebuilt);
      await rebuilt.start();
      expect(rebuilt.actionReminders?.catchUp()).toMatchObject({ resumedFrom: undefined, eventsRead: all });
      expect(rebuilt.calendarReminders?.catchUp()).toMatchObject({ resumedFrom: undefined, eventsRead: all });
      expect(folds(rebuilt)).toEqual(state);
      expect(sent).toHaveLength(sentBefore);
    } finally {
      for (const r of running) await r.stop();
      await h.close();
    }
  });
});
