import { refuse } from '../../errors';
import type { ReminderEvent } from '../../events';
import { emit } from '../rules';
import type { ReminderCommand } from './commands';
import type { ReminderState } from './state';

const requireUnclaimed = (state: ReminderState): void => {
  if (state.status === 'claimed')
    refuse('reminder_already_sent', 'period', 'Påminnelsen for denne gevinsten og perioden er allerede sendt');
};

export const decideReminder = (command: ReminderCommand, state: ReminderState): ReminderEvent[] => {
  switch (command.type) {
    case 'SendReminder':
      requireUnclaimed(state);
      return [emit('ReminderSent', command.data)];
    case 'EscalateReminder':
      requireUnclaimed(state);
      return [emit('ReminderEscalated', command.data)];
    case 'RecordReminderDeliveryFailure':
      return [emit('ReminderDeliveryFailed', command.data)];
    case 'RecordReminderDelivery':
      if (state.status === 'unclaimed')
        return refuse('reminder_not_claimed', 'period', 'Påminnelsen er ikke gjort krav på, så den kan ikke registreres som levert');
      if (state.delivered) return [];
      return [emit('ReminderDelivered', command.data)];
  }
};
