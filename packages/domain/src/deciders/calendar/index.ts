import { calendarEventSchemas, type CalendarEvent } from '../../events';
import { eventsOf, type StreamDecider } from '../decider';
import type { CalendarCommand } from './commands';
import { decideCalendar } from './decide';
import { evolveCalendar, initialCalendarState, type CalendarState } from './state';

export * from './commands';
export * from './state';
export { decideCalendar } from './decide';

/** The årshjul's decider: one stream for the installation (`calendarStream`). */
export const calendarDecider: StreamDecider<CalendarState, CalendarCommand, CalendarEvent> = {
  decide: decideCalendar,
  evolve: evolveCalendar,
  isEvent: eventsOf(calendarEventSchemas),
  initialState: initialCalendarState,
};
