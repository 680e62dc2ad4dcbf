import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { OSLO, periodEnd } from '@gevinst/domain/periods';
import { realisationDueDate } from '@gevinst/domain/status';
import { reminderConfig } from '../src/config';
import { obligationPeriodsOf, obligationsOf } from '../src/schedule/obligations';
import { sendTimeOf } from '../src/schedule/reminders';
import { type BenefitState, REMINDER_KINDS } from '../src/schedule/state';

// The timing as it was worked out per benefit and period before it was remembered per period: the oracle.
const dueDateThen = (period: string, days: number) => realisationDueDate(period, days);
const sendTimeThen = (dueDate: string, kind: string, c: ReturnType<typeof reminderConfig>) => {
  const day = DateTime.fromISO(dueDate, { zone: OSLO }).set({ hour: c.sendHour });
  const offset = kind === 'before-due' ? -c.beforeDueDays : kind === 'due' ? 0 : c.escalationDaysOverdue;
  return day.plus({ days: offset }).toMillis();
};
const lateThen = (dueDate: string, since: string) => since !== '' && dueDate < (DateTime.fromISO(since).setZone(OSLO).toISODate() ?? '');

const period = fc.oneof(
  fc.integer({ min: 2024, max: 2027 }).map(String),
  fc.tuple(fc.integer({ min: 2024, max: 2027 }), fc.integer({ min: 1, max: 3 })).map(([y, t]) => `${y}-T${t}`),
  fc.tuple(fc.integer({ min: 2024, max: 2027 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
);
// instants around Oslo midnights and DST changes, as the store writes them and in other spellings
const instant = fc
  .tuple(fc.integer({ min: Date.parse('2023-01-01T00:00:00Z'), max: Date.parse('2031-01-01T00:00:00Z') }), fc.constantFrom('z', 'offset', 'nomillis', 'none'))
  .map(([ms, style]) => {
    const iso = new Date(ms - (ms % 60_000) + (ms % 7) * 1000).toISOString();
    if (style === 'offset') return DateTime.fromMillis(ms).setZone(OSLO).toISO() ?? iso;
    if (style === 'nomillis') return iso.replace(/\.\d{3}Z$/, 'Z');
    return style === 'none' ? '' : iso;
  });
const config = fc
  .record({ dueDaysAfterPeriodEnd: fc.integer({ min: 0, max: 60 }), beforeDueDays: fc.integer({ min: 0, max: 20 }), escalationDaysOverdue: fc.integer({ min: 0, max: 30 }), sendHour: fc.integer({ min: 0, max: 23 }) })
  .map((c) => reminderConfig(c));

const benefit = (plan: string[], schedule: BenefitState['measurementSchedule'], knownSince: Map<string, string>): BenefitState => ({
  benefitId: 'b', projectId: 'p', title: 't', recipientUnitId: 'u', owner: 'o', indicator: 'i', unitOfMeasure: 'u', plan, measurementSchedule: schedule,
  cancelled: false, realised: new Set(), measured: new Set(), knownSince, plannedBy: '', reminders: new Map(),
});

describe('timing remembered per period', () => {
  it('gives every benefit the due dates, opening times, send times and lateness to the millisecond as working them out each time did', () => {
    const configs = [reminderConfig(), reminderConfig({ dueDaysAfterPeriodEnd: 30, beforeDueDays: 3, sendHour: 23 })];
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1),
        fc.array(period, { minLength: 1, maxLength: 5 }),
        fc.constantFrom<BenefitState['measurementSchedule']>('tertial', 'year', 'month'),
        fc.array(instant, { minLength: 1, maxLength: 3 }),
        (which, plan, schedule, sinces) => {
          const c = configs[which] ?? reminderConfig();
          const periods = obligationPeriodsOf(plan, schedule).map((p) => p.period);
          const knownSince = new Map(periods.map((p, i) => [p, sinces[i % sinces.length] ?? '']));
          const got = obligationsOf(benefit(plan, schedule, knownSince), c);
          expect(new Set(got.map((o) => o.period))).toEqual(new Set(periods));
          const expected = got.map((o) => {
            const dueDate = dueDateThen(o.period, c.dueDaysAfterPeriodEnd);
            return [dueDate, periodEnd(o.period).toMillis(), lateThen(dueDate, knownSince.get(o.period) ?? ''), ...REMINDER_KINDS.map((k) => sendTimeThen(dueDate, k, c))];
          });
          expect(got.map((o) => [o.dueDate, o.opensAt, o.lateWhenPlanned, ...REMINDER_KINDS.map((k) => sendTimeOf(o.dueDate, k, c))])).toEqual(expected);
          expect(got.map((o) => o.opensAt)).toEqual([...got.map((o) => o.opensAt)].sort((a, b) => a - b));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps configs apart (a different config never gets another one’s times)', () => {
    fc.assert(
      fc.property(config, config, period, (a, b, p) => {
        for (const [c, kind] of [[a, 'due'], [b, 'escalation'], [a, 'before-due']] as const) {
          const dueDate = dueDateThen(p, c.dueDaysAfterPeriodEnd);
          expect(obligationsOf(benefit([p], 'year', new Map()), c)[0]?.dueDate).toBe(dueDate);
          expect(sendTimeOf(dueDate, kind, c)).toBe(sendTimeThen(dueDate, kind, c));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a value that became an obligation on its due date is not late; from the next Oslo midnight it is', () => {
    const c = reminderConfig();
    const [o] = obligationsOf(benefit(['2026-T1'], 'tertial', new Map()), c);
    expect(o?.dueDate).toBe('2026-05-14');
    const late = (since: string) => obligationsOf(benefit(['2026-T1'], 'tertial', new Map([['2026-T1', since]])), c)[0]?.lateWhenPlanned;
    expect(late('2026-05-14T21:59:59.999Z')).toBe(false);
    expect(late('2026-05-14T22:00:00.000Z')).toBe(true);
    expect(late('2026-05-15T00:00:00+02:00')).toBe(true);
    expect(late('')).toBe(false);
  });
});
