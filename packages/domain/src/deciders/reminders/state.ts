import type { ReminderEvent } from '../../events';

export interface ReminderState {
  /** set once the reminder is sent (or escalated): the claim */
  claimedBy: { type: 'ReminderSent' | 'ReminderEscalated'; messageId: string } | null;
  failedAttempts: number;
  delivered: boolean;
}

export const initialReminderState = (): ReminderState => ({ claimedBy: null, failedAttempts: 0, delivered: false });

export const evolveReminder = (state: ReminderState, event: ReminderEvent): ReminderState => {
  switch (event.type) {
    case 'ReminderSent':
    case 'ReminderEscalated':
      return { ...state, claimedBy: { type: event.type, messageId: event.data.messageId } };
    case 'ReminderDeliveryFailed':
      return { ...state, failedAttempts: state.failedAttempts + 1 };
    case 'ReminderDelivered':
      return { ...state, delivered: true };
  }
};
