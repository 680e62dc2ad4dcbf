import { describe, expect, it } from 'vitest';
import { parseEvent } from '@gevinst/domain/events';
import { reminderConfig } from '../src/config';
import { composeReminderMail } from '../src/delivery/compose';
import { evolveAll, type ReminderInputEvent } from '../src/schedule/evolve';
import { remindersOf } from '../src/schedule/reminders';
import { initialState } from '../src/schedule/state';

const config = reminderConfig();
const ev = (type: string, data: Record<string, unknown>, recordedAt: string, userId = 'pl@k.no'): ReminderInputEvent => ({
  ...parseEvent({ type, data }),
  metadata: { recordedAt, userId },
});
const planned = (plan: string[], at: string, userId?: string) =>
  evolveAll(initialState(), [
    ev('UnitRegistered', { unitId: 'u1', name: 'Byggesak', parentId: null, orgNumber: null, leader: 'leder@k.no' }, at),
    ev('ProjectRegistered', { projectId: 'p1', name: 'Digital byggesak', ownerUnitId: 'u1', projectLeader: 'pl@k.no' }, at),
    ev('BenefitPlanned', {
      benefitId: 'b1', projectId: 'p1', title: 'Færre timer', recipientUnitId: 'u1', owner: 'eier@k.no', indicator: 'timer', unitOfMeasure: 'timer',
      plan: plan.map((period) => ({ period, quantity: 1 })), measurementSchedule: 'tertial',
      direction: 'decrease', category: 'capacity', cashReleasing: false, valuationOrePerUnit: null, baseline: null, target: null, targetDate: null, disbenefit: false,
    }, at, userId),
  ]);

describe('a benefit planned after some of its deadlines', () => {
  it('gets no reminder per late period, one summary to the owner at the planning time, and the usual ones for later periods', () => {
    const state = planned(['2026-T1', '2026-T2'], '2026-06-10T10:00:00Z');
    const rs = remindersOf(state, state.benefits.get('b1')!, config);
    expect(rs.map((r) => [r.period, r.kind, r.to, r.lateWhenPlanned.map((o) => o.period)])).toEqual([
      ['2026-T1', 'due', ['eier@k.no'], ['2026-T1']],
      ['2026-T2', 'before-due', ['eier@k.no'], []],
      ['2026-T2', 'due', ['eier@k.no'], []],
      ['2026-T2', 'escalation', ['pl@k.no', 'leder@k.no'], []],
    ]);
    expect(rs[0]).toMatchObject({ runAt: Date.parse('2026-06-10T10:00:00Z'), cc: [], messageId: '<b1.overdue-summary@gevinst>' });
  });

  it('still reminds of a value due on the planning day itself', () => {
    const state = planned(['2026-T1'], '2026-05-14T10:00:00Z');
    expect(remindersOf(state, state.benefits.get('b1')!, config).map((r) => r.kind)).toEqual(['before-due', 'due', 'escalation']);
  });

  it('a period added later by a revision is judged by the revision’s time', () => {
    const state = evolveAll(planned(['2026-T3'], '2026-01-10T00:00:00Z'), [
      ev('BenefitForecastRevised', { benefitId: 'b1', plan: [{ period: '2025-T3', quantity: 1 }, { period: '2026-T3', quantity: 1 }], reason: 'x' }, '2026-06-10T10:00:00Z'),
    ]);
    const rs = remindersOf(state, state.benefits.get('b1')!, config);
    const summary = rs.find((r) => r.lateWhenPlanned.length > 0);
    // 2025-T3 and the measurement periods between it and 2026-T1 that had passed by June
    expect(summary?.lateWhenPlanned.map((o) => o.period)).toEqual(['2025-T3', '2026-T1']);
    expect(rs.filter((r) => r.period === '2025-T3' || r.period === '2026-T1').map((r) => r.kind)).toEqual(['due']);
  });

  it('mails nothing for what a history loader (the demo) planned', () => {
    const state = planned(['2026-T1', '2026-T2'], '2026-06-10T10:00:00Z', 'demo@fjordvik.kommune.no');
    const quiet = reminderConfig({ historyLoaders: ['demo@fjordvik.kommune.no'] });
    expect(remindersOf(state, state.benefits.get('b1')!, quiet).map((r) => r.period)).toEqual(['2026-T2', '2026-T2', '2026-T2']);
  });
});

describe('the mail texts in bokmål', () => {
  it('the escalation says how long ago the deadline passed, and why the reader gets it', () => {
    const state = planned(['2026-T1'], '2026-01-10T00:00:00Z');
    const benefit = state.benefits.get('b1')!;
    const escalation = remindersOf(state, benefit, config).find((r) => r.kind === 'escalation')!;
    const mail = (now: string, reminder = escalation) =>
      composeReminderMail({ reminder, benefit, projectName: 'Digital byggesak', publicUrl: 'https://gevinst.kommune.no/', now: Date.parse(now) });
    expect(mail('2026-08-01T08:00:00Z').text).toContain('Fristen gikk ut for 79 dager siden.');
    expect(mail('2026-05-15T08:00:00Z').text).toContain('Fristen gikk ut i går.');
    expect(mail('2026-08-01T08:00:00Z').text).toContain('Du får denne e-posten fordi du er prosjektleder eller leder for enheten som mottar gevinsten.');
    expect(mail('2026-08-01T08:00:00Z', { ...escalation, to: ['eier@k.no'], cc: [] }).text).toContain('Du får denne e-posten som gevinsteier.');
    expect(mail('2026-08-01T08:00:00Z').link).toBe('https://gevinst.kommune.no/gevinster/b1/registrer?periode=2026-T1');
    expect(mail('2026-08-01T08:00:00Z').text).not.toMatch(/overtid|Forfalt/);
  });

  it('the summary of one late value', () => {
    const state = planned(['2026-T1', '2026-T2'], '2026-06-10T10:00:00Z');
    const benefit = state.benefits.get('b1')!;
    const [summary] = remindersOf(state, benefit, config);
    const mail = composeReminderMail({ reminder: summary!, benefit, projectName: 'Digital byggesak', publicUrl: 'http://localhost:3917', now: Date.parse('2026-06-10T10:00:00Z') });
    expect(mail.subject).toBe('Registrering mangler: «Færre timer» (2026 T1)');
    expect(mail.text).toContain('Du er gevinsteier for «Færre timer» i prosjektet «Digital byggesak». Gevinsten ble lagt inn etter at fristen var ute for én periode. Denne verdien mangler:');
    expect(mail.text).toContain('Du får ikke flere påminnelser om denne perioden. For senere perioder får du påminnelse før fristen som vanlig.');
    expect(mail.text).toContain('Registrer her: http://localhost:3917/gevinster/b1/registrer?periode=2026-T1');
    expect(mail.html).toContain('href="http://localhost:3917/gevinster/b1/registrer?periode=2026-T1"');
  });
});
