import { describe, expect, it } from 'vitest';
import { defaultTertialDeadline, missingForTertial, wheelOf, type BenefitRecordFacts, type CalendarDeadline } from '../../src/calendar';

describe('the default årshjul', () => {
  it('puts each tertial report on the 20th of the month after the tertial, on the Oslo calendar', () => {
    expect(['2026-T1', '2026-T2', '2026-T3'].map((t) => defaultTertialDeadline(t).date)).toEqual(['2026-05-20', '2026-09-20', '2027-01-20']);
    expect(defaultTertialDeadline('2026-T2')).toMatchObject({ deadlineId: 'default-2026-T2', kind: 'tertial', remindDaysBefore: 14, source: 'default', title: 'Tertialrapport for 2. tertial 2026' });
  });

  it('shows a calendar year by date, an explicit tertial deadline replacing that tertial\'s default, with days left and the next deadline', () => {
    const explicit: CalendarDeadline[] = [
      { deadlineId: 'x', kind: 'tertial', period: '2026-T2', date: '2026-09-24', title: 'Til formannskapet', remindDaysBefore: 10, source: 'explicit' },
      { deadlineId: 'b', kind: 'budget', period: '2027', date: '2026-11-05', title: 'Budsjett 2027 i formannskapet', remindDaysBefore: 0, source: 'explicit' },
    ];
    const wheel = wheelOf(explicit, 2026, '2026-09-20');
    expect(wheel.deadlines.map((d) => [d.date, d.deadlineId, d.status, d.daysLeft])).toEqual([
      ['2026-01-20', 'default-2025-T3', 'past', -243],
      ['2026-05-20', 'default-2026-T1', 'past', -123],
      ['2026-09-24', 'x', 'upcoming', 4],
      ['2026-11-05', 'b', 'upcoming', 46],
    ]);
    expect(wheel.next?.deadlineId).toBe('x');
    // on the day itself it is still upcoming, with 0 days left; the next year's January report comes after the year's last
    expect(wheelOf(explicit, 2026, '2026-09-24').next).toMatchObject({ deadlineId: 'x', daysLeft: 0, status: 'upcoming' });
    expect(wheelOf(explicit, 2026, '2026-12-01').next).toMatchObject({ deadlineId: 'default-2026-T3', date: '2027-01-20' });
  });

  it('counts days across the change to summer time as calendar days', () => {
    expect(wheelOf([], 2026, '2026-03-01').next).toMatchObject({ date: '2026-05-20', daysLeft: 80 });
  });
});

describe('what is missing before a tertial deadline', () => {
  const benefit = (over: Partial<BenefitRecordFacts>): BenefitRecordFacts => ({
    benefitId: 'b1',
    title: 'Færre reiser',
    projectId: 'p1',
    projectName: 'Velferdsteknologi',
    recipientUnitId: 'helse',
    owner: 'eier@kommune.no',
    cancelled: false,
    plan: ['2026-T1', '2026-T2', '2026-T3'],
    measurementSchedule: 'tertial',
    realised: new Set(),
    measured: new Set(),
    ...over,
  });

  it('lists the realisations and measurements whose period ends within the tertial and are not recorded', () => {
    const rows = missingForTertial(
      [
        benefit({ realised: new Set(['2026-T1']) }),
        benefit({ benefitId: 'b2', title: 'Kortere ventetid', plan: ['2026'], measurementSchedule: 'month', measured: new Set(['2026-05']) }),
        benefit({ benefitId: 'b3', title: 'Kansellert', cancelled: true }),
        benefit({ benefitId: 'b4', title: 'Annen enhet', recipientUnitId: 'skole' }),
        benefit({ benefitId: 'b5', title: 'Alt registrert', realised: new Set(['2026-T2']) }),
      ],
      '2026-T2',
      (u) => u === 'helse',
    );
    expect(rows.map((r) => [r.benefitId, r.missing])).toEqual([
      ['b1', [{ period: '2026-T2', what: 'realisation' }]],
      [
        'b2',
        [
          { period: '2026-06', what: 'measurement' },
          { period: '2026-07', what: 'measurement' },
          { period: '2026-08', what: 'measurement' },
        ],
      ],
    ]);
    expect(rows[0]).toMatchObject({ owner: 'eier@kommune.no', projectName: 'Velferdsteknologi', benefitTitle: 'Færre reiser' });
  });

  it('asks for a year\'s realisation in the third tertial, and a realisation answers a measurement', () => {
    const b = benefit({ plan: ['2026'], measurementSchedule: 'tertial', realised: new Set(), measured: new Set(['2026-T1']) });
    expect(missingForTertial([b], '2026-T1')).toEqual([]);
    expect(missingForTertial([b], '2026-T2')[0]?.missing).toEqual([{ period: '2026-T2', what: 'measurement' }]);
    expect(missingForTertial([b], '2026-T3')[0]?.missing).toEqual([{ period: '2026', what: 'realisation' }]);
    expect(missingForTertial([benefit({ plan: ['2026'], realised: new Set(['2026-T2']) })], '2026-T2')).toEqual([]);
  });
});
