import type { ReminderEvent } from '../../events';

/** Sent (or escalated): the claim on the reminder stream. */
export interface ReminderClaim {
  type: 'ReminderSent' | 'ReminderEscalated';
  messageId: string;
}

/** A reminder's lifecycle: not claimed yet, or claimed (and then perhaps delivered). Failures may come either way. */
export type ReminderState =
  | { status: 'unclaimed'; failedAttempts: number }
  | { status: 'claimed'; claimedBy: ReminderClaim; failedAttempts: number; delivered: boolean };

export const initialReminderState = (): ReminderState => ({ status: 'unclaimed', failedAttempts: 0 });

export const evolveReminder = (state: ReminderState, event: ReminderEvent): ReminderState => {
  switch (event.type) {
    case 'ReminderSent':
    case 'ReminderEscalated':
      return {
        status: 'claimed',
        claimedBy: { type: event.type, messageId: event.data.messageId },
        failedAttempts: state.failedAttempts,
        delivered: state.status === 'claimed' && state.delivered,
      };
    case 'ReminderDeliveryFailed':
      return { ...state, failedAttempts: state.failedAttempts + 1 };
    case 'ReminderDelivered':
      // delivery is recorded only for a claimed reminder (the decider refuses otherwise)
      return state.status === 'claimed' ? { ...state, delivered: true } : state;
    case 'ActionReminderSent':
    case 'ActionReminderDelivered':
      // an action's reminder lives on a stream of its own (services/reminders/src/schedule/actions.ts)
      return state;
  }
};
