import { reminderEventSchemas, type ReminderEvent } from '../../events';
import { eventsOf, type StreamDecider } from '../decider';
import type { ReminderCommand } from './commands';
import { decideReminder } from './decide';
import { evolveReminder, initialReminderState, type ReminderState } from './state';

export * from './commands';
export * from './state';
export { decideReminder } from './decide';

/** The reminder claim: a reminder is sent once per benefit, period and kind. */
export const reminderDecider: StreamDecider<ReminderState, ReminderCommand, ReminderEvent> = {
  decide: decideReminder,
  evolve: evolveReminder,
  isEvent: eventsOf(reminderEventSchemas),
  initialState: initialReminderState,
};
