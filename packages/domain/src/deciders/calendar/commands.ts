import type { DeadlineKind } from '../../events';
import type { TimeContext } from '../context';
import type { Command } from '../decider';

export type CalendarContext = TimeContext;

/** `period`: the tertial (`2026-T2`) for a tertial deadline, the budget year (`2027`) for a budget date. */
export type SetReportingDeadline = Command<
  'SetReportingDeadline',
  { deadlineId: string; kind: DeadlineKind; period: string; date: string; title: string; remindDaysBefore: number },
  CalendarContext
>;
export type RemoveReportingDeadline = Command<'RemoveReportingDeadline', { deadlineId: string; reason: string }, CalendarContext>;

export type CalendarCommand = SetReportingDeadline | RemoveReportingDeadline;
