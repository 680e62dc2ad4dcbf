import type { ReminderEvent } from '../../events';
import type { Decider } from '../decider';
import type { ReminderCommand } from './commands';
import { decideReminder } from './decide';
import { evolveReminder, initialReminderState, type ReminderState } from './state';

export * from './commands';
export * from './state';
export { decideReminder } from './decide';

/** The reminder claim: a reminder is sent once per benefit, period and kind. */
export const reminderDecider: Decider<ReminderState, ReminderCommand, ReminderEvent> = {
  decide: decideReminder,
  evolve: evolveReminder,
  initialState: initialReminderState,
};
