import { describe, it } from 'vitest';
import { calendarDecider, type CalendarContext, type CalendarEvent } from '../../src';
import { specFor } from './spec';

const { given } = specFor(calendarDecider);
const context: CalendarContext = { now: '2026-03-15T10:00:00+01:00' };
const data = { deadlineId: 'd1', kind: 'tertial' as const, period: '2026-T1', date: '2026-05-27', title: 'Tertialrapport til formannskapet', remindDaysBefore: 14 };
const set = (over: Partial<typeof data> | Record<string, unknown> = {}) => ({ type: 'SetReportingDeadline' as const, data: { ...data, ...over }, context });
const remove = (deadlineId: string, reason = 'Møtet er flyttet') => ({ type: 'RemoveReportingDeadline' as const, data: { deadlineId, reason }, context });
const wasSet = (over: Partial<typeof data> = {}): CalendarEvent => ({ type: 'ReportingDeadlineSet', data: { ...data, ...over } });

describe('calendar decider (årshjul)', () => {
  describe('SetReportingDeadline', () => {
    it('sets a tertial report deadline', () => given([]).when(set()).then([wasSet()]));

    it('sets a second deadline for the same tertial (kommunestyret after formannskapet)', () =>
      given([wasSet()])
        .when(set({ deadlineId: 'd2', date: '2026-06-17', title: 'Tertialrapport til kommunestyret' }))
        .then([wasSet({ deadlineId: 'd2', date: '2026-06-17', title: 'Tertialrapport til kommunestyret' })]));

    it('sets a budget date for a budget year, and a deadline of another kind for a month', () => {
      given([]).when(set({ kind: 'budget', period: '2027', date: '2026-10-01', title: 'Budsjettforslag legges fram' })).then([
        wasSet({ kind: 'budget' as never, period: '2027', date: '2026-10-01', title: 'Budsjettforslag legges fram' }),
      ]);
      given([]).when(set({ kind: 'other', period: '2026-09', date: '2026-09-01', title: 'Økonomiseminar' })).then([
        wasSet({ kind: 'other' as never, period: '2026-09', date: '2026-09-01', title: 'Økonomiseminar' }),
      ]);
    });

    it('refuses a tertial that does not exist', () => {
      given([]).when(set({ period: '2026-T4' })).thenThrows('tertial_not_found', 'period');
      given([]).when(set({ period: '2026' })).thenThrows('tertial_not_found', 'period');
      given([]).when(set({ period: 'neste tertial' })).thenThrows('tertial_not_found', 'period');
    });

    it('refuses a tertial deadline dated before the tertial starts', () => {
      given([]).when(set({ period: '2026-T2', date: '2026-04-30' })).thenThrows('deadline_before_tertial', 'date');
      given([]).when(set({ period: '2026-T2', date: '2026-05-01' })).then([wasSet({ period: '2026-T2', date: '2026-05-01' })]);
    });

    it('refuses a budget date that does not name a budget year', () =>
      given([]).when(set({ kind: 'budget', period: '2026-T1', title: 'Budsjett' })).thenThrows('budget_period_not_year', 'period'));

    it('refuses a duplicate: the same kind and period on the same date, or under the same title', () => {
      given([wasSet()]).when(set({ deadlineId: 'd2', title: 'Noe annet' })).thenThrows('deadline_duplicate', 'date');
      given([wasSet()]).when(set({ deadlineId: 'd2', date: '2026-06-01', title: ' tertialrapport til FORMANNSKAPET ' })).thenThrows('deadline_duplicate', 'title');
    });

    it('refuses an id used before, also after it was removed', () => {
      given([wasSet()]).when(set({ date: '2026-06-01', title: 'Annen' })).thenThrows('deadline_exists', 'deadlineId');
      given([wasSet(), { type: 'ReportingDeadlineRemoved', data: { deadlineId: 'd1', reason: 'Feil' } }])
        .when(set())
        .thenThrows('deadline_exists', 'deadlineId');
    });

    it('refuses a date that is no date and a reminder too far ahead (schema)', () => {
      given([]).when(set({ date: '27.05.2026' })).thenThrows('invalid_date', 'date');
      given([]).when(set({ remindDaysBefore: 400 })).thenThrows('validation_failed', 'remindDaysBefore');
    });
  });

  describe('RemoveReportingDeadline', () => {
    it('removes a deadline with a reason; the same date may then be set again under a new id', () => {
      given([wasSet()]).when(remove('d1')).then([{ type: 'ReportingDeadlineRemoved', data: { deadlineId: 'd1', reason: 'Møtet er flyttet' } }]);
      given([wasSet(), { type: 'ReportingDeadlineRemoved', data: { deadlineId: 'd1', reason: 'Møtet er flyttet' } }])
        .when(set({ deadlineId: 'd2' }))
        .then([wasSet({ deadlineId: 'd2' })]);
    });

    it('refuses to remove an unknown or already removed deadline, and a removal without a reason', () => {
      given([]).when(remove('d1')).thenThrows('deadline_not_found', 'deadlineId');
      given([wasSet(), { type: 'ReportingDeadlineRemoved', data: { deadlineId: 'd1', reason: 'x' } }]).when(remove('d1')).thenThrows('deadline_not_found', 'deadlineId');
      given([wasSet()]).when(remove('d1', '  ')).thenThrows('reason_required', 'reason');
    });
  });
});
