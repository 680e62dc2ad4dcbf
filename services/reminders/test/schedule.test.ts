import { describe, expect, it } from 'vitest';
import { parseEvent } from '@gevinst/domain/events';
import { reminderConfig } from '../src/config';
import { dueList } from '../src/schedule/dueList';
import { evolveAll, type ReminderInputEvent } from '../src/schedule/evolve';
import { obligationsOf } from '../src/schedule/obligations';
import { remindersOf, unclaimedRemindersOf } from '../src/schedule/reminders';
import { initialState } from '../src/schedule/state';

const config = reminderConfig();
// parsed as the scheduler parses what it reads from the store
const ev = (type: string, data: Record<string, unknown>, recordedAt = '2026-01-01T00:00:00Z'): ReminderInputEvent => ({
  ...parseEvent({ type, data }),
  metadata: { recordedAt },
});

const history = (plan: string[], schedule = 'tertial'): ReminderInputEvent[] => [
  ev('UnitRegistered', { unitId: 'u1', name: 'Byggesak', parentId: null, orgNumber: null, leader: 'leder@k.no' }),
  ev('ProjectRegistered', { projectId: 'p1', name: 'Digital byggesak', ownerUnitId: 'u1', projectLeader: 'pl@k.no' }),
  ev('BenefitPlanned', {
    benefitId: 'b1', projectId: 'p1', title: 'Færre timer', recipientUnitId: 'u1', owner: 'eier@k.no', indicator: 'timer', unitOfMeasure: 'timer',
    plan: plan.map((period) => ({ period, quantity: 1 })), measurementSchedule: schedule,
    direction: 'decrease', category: 'capacity', cashReleasing: false, valuationOrePerUnit: null, baseline: null, target: null, targetDate: null, disbenefit: false,
  }),
];

describe('what is due', () => {
  it('gives each planned tertial a due date N days after its last Oslo day and three reminders at 08:00 Oslo', () => {
    const state = evolveAll(initialState(), history(['2026-T1', '2026-T3']));
    const rs = remindersOf(state, state.benefits.get('b1')!, config);
    expect(rs.map((r) => [r.period, r.kind, r.dueDate, new Date(r.runAt).toISOString()])).toEqual([
      ['2026-T1', 'before-due', '2026-05-14', '2026-05-07T06:00:00.000Z'],
      ['2026-T1', 'due', '2026-05-14', '2026-05-14T06:00:00.000Z'],
      ['2026-T1', 'escalation', '2026-05-14', '2026-05-28T06:00:00.000Z'],
      // T2 lies between two planned periods: a measurement is asked for
      ['2026-T2', 'before-due', '2026-09-14', '2026-09-07T06:00:00.000Z'],
      ['2026-T2', 'due', '2026-09-14', '2026-09-14T06:00:00.000Z'],
      ['2026-T2', 'escalation', '2026-09-14', '2026-09-28T06:00:00.000Z'],
      // winter time: 08:00 Oslo is 07:00Z
      ['2026-T3', 'before-due', '2027-01-14', '2027-01-07T07:00:00.000Z'],
      ['2026-T3', 'due', '2027-01-14', '2027-01-14T07:00:00.000Z'],
      ['2026-T3', 'escalation', '2027-01-14', '2027-01-28T07:00:00.000Z'],
    ]);
    expect(obligationsOf(state.benefits.get('b1')!, config).map((o) => o.what)).toEqual(['realisation', 'measurement', 'realisation']);
    expect(rs.find((r) => r.kind === 'escalation')).toMatchObject({ to: ['pl@k.no', 'leder@k.no'], cc: ['eier@k.no'], daysOverdue: 14 });
    expect(rs.find((r) => r.kind === 'due')).toMatchObject({ to: ['eier@k.no'], cc: [] });
  });

  it('honours the configured days', () => {
    const custom = reminderConfig({ dueDaysAfterPeriodEnd: 30, beforeDueDays: 3, escalationDaysOverdue: 5, sendHour: 9 });
    const state = evolveAll(initialState(), history(['2026'], 'year'));
    const rs = remindersOf(state, state.benefits.get('b1')!, custom);
    expect(rs.map((r) => new Date(r.runAt).toISOString())).toEqual(['2027-01-27T08:00:00.000Z', '2027-01-30T08:00:00.000Z', '2027-02-04T08:00:00.000Z']);
    expect(() => reminderConfig({ beforeDueDays: -1 })).toThrow(/beforeDueDays/);
  });

  it('stops the chain for a period once its value is recorded, and everything once cancelled', () => {
    const state = evolveAll(initialState(), [...history(['2026-T1', '2026-T2']), ev('BenefitRealised', { benefitId: 'b1', period: '2026-T1', quantity: 1, valuationOrePerUnit: null, valueOre: 0 })]);
    expect(new Set(remindersOf(state, state.benefits.get('b1')!, config).map((r) => r.period))).toEqual(new Set(['2026-T2']));
    evolveAll(state, [ev('BenefitCancelled', { benefitId: 'b1', reason: 'x' })]);
    expect(remindersOf(state, state.benefits.get('b1')!, config)).toEqual([]);
  });

  it('sends later reminders to a new owner, escalations to a new unit leader', () => {
    const state = evolveAll(initialState(), [
      ...history(['2026-T1']),
      ev('BenefitOwnerAssigned', { benefitId: 'b1', owner: 'ny@k.no', previousOwner: 'eier@k.no' }),
      ev('UnitLeaderAssigned', { unitId: 'u1', leader: 'nyleder@k.no' }),
    ]);
    const rs = remindersOf(state, state.benefits.get('b1')!, config);
    expect(rs[0]?.to).toEqual(['ny@k.no']);
    expect(rs[2]).toMatchObject({ to: ['pl@k.no', 'nyleder@k.no'], cc: ['ny@k.no'] });
  });

  it('does not plan again a reminder that is claimed', () => {
    const state = evolveAll(initialState(), [
      ...history(['2026-T1']),
      ev('ReminderSent', { benefitId: 'b1', period: '2026-T1', kind: 'before-due', recipients: ['eier@k.no'], dueDate: '2026-05-14', messageId: 'm' }, '2026-05-07T06:00:01Z'),
    ]);
    expect(unclaimedRemindersOf(state, state.benefits.get('b1')!, config).map((r) => r.kind)).toEqual(['due', 'escalation']);
  });
});

describe('the owner’s due list', () => {
  const state = evolveAll(initialState(), [
    ...history(['2026-T1', '2026-T2']),
    ev('ReminderSent', { benefitId: 'b1', period: '2026-T1', kind: 'before-due', recipients: ['eier@k.no'], dueDate: '2026-05-14', messageId: 'm' }, '2026-05-07T06:00:01Z'),
    ev('ReminderDelivered', { benefitId: 'b1', period: '2026-T1', kind: 'before-due', recipients: ['eier@k.no'], messageId: 'm' }, '2026-05-07T06:00:02Z'),
    ev('ReminderSent', { benefitId: 'b1', period: '2026-T1', kind: 'due', recipients: ['eier@k.no'], dueDate: '2026-05-14', messageId: 'm2' }, '2026-05-14T06:00:01Z'),
    ev('ReminderDeliveryFailed', { benefitId: 'b1', period: '2026-T1', kind: 'due', recipients: ['eier@k.no'], error: 'SMTP nede', attempts: 8 }, '2026-05-14T07:00:00Z'),
  ]);

  it('shows nothing before the period has ended, upcoming after, due on the day, overdue after', () => {
    expect(dueList(state, 'eier@k.no', '2026-04-15', config)).toEqual([]);
    expect(dueList(state, 'eier@k.no', '2026-05-02', config).map((i) => i.state)).toEqual(['upcoming']);
    expect(dueList(state, 'EIER@k.no', '2026-05-14', config).map((i) => i.state)).toEqual(['due']);
    const [item] = dueList(state, 'eier@k.no', '2026-05-20', config);
    expect(item).toMatchObject({
      benefitId: 'b1', benefitTitle: 'Færre timer', projectId: 'p1', projectName: 'Digital byggesak', period: '2026-T1', dueDate: '2026-05-14',
      state: 'overdue', what: 'realisation',
    });
    expect(item?.reminders).toEqual([
      { kind: 'before-due', sentAt: '2026-05-07T06:00:01Z', deliveredAt: '2026-05-07T06:00:02Z', deliveryFailed: null },
      { kind: 'due', sentAt: '2026-05-14T06:00:01Z', deliveredAt: null, deliveryFailed: { at: '2026-05-14T07:00:00Z', error: 'SMTP nede', attempts: 8 } },
    ]);
    expect(dueList(state, 'annen@k.no', '2026-05-20', config)).toEqual([]);
  });
});
