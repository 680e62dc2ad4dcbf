import type { CalendarEvent, DeadlineKind } from '../../events';

export interface DeadlineFacts {
  deadlineId: string;
  kind: DeadlineKind;
  period: string;
  date: string;
  title: string;
  remindDaysBefore: number;
}

/** The deadlines in force on the calendar's stream (a removed one is gone, its id stays used). */
export interface CalendarState {
  deadlines: ReadonlyMap<string, DeadlineFacts>;
  /** every id ever set: a removed deadline's id is not used again */
  usedIds: ReadonlySet<string>;
}

export const initialCalendarState = (): CalendarState => ({ deadlines: new Map(), usedIds: new Set() });

export const evolveCalendar = (state: CalendarState, event: CalendarEvent): CalendarState => {
  switch (event.type) {
    case 'ReportingDeadlineSet': {
      const deadlines = new Map(state.deadlines);
      deadlines.set(event.data.deadlineId, { ...event.data });
      return { deadlines, usedIds: new Set([...state.usedIds, event.data.deadlineId]) };
    }
    case 'ReportingDeadlineRemoved': {
      const deadlines = new Map(state.deadlines);
      deadlines.delete(event.data.deadlineId);
      return { ...state, deadlines };
    }
    // the reminders' claims live on streams of their own
    case 'CalendarReminderSent':
    case 'CalendarReminderDelivered':
      return state;
  }
};
