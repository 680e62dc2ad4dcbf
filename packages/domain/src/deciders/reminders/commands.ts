import type { EventInputOf } from '../../events';
import type { TimeContext } from '../context';
import type { Command } from '../decider';

/** Claims the reminder stream (`reminderStream(benefitId, period, kind)`) for a before-due or due reminder. */
export type SendReminder = Command<'SendReminder', EventInputOf<'ReminderSent'>, TimeContext>;
/** Claims the escalation stream of a benefit and period. */
export type EscalateReminder = Command<'EscalateReminder', EventInputOf<'ReminderEscalated'>, TimeContext>;
/** Not a claim: may repeat, before or after the claim. */
export type RecordReminderDeliveryFailure = Command<'RecordReminderDeliveryFailure', EventInputOf<'ReminderDeliveryFailed'>, TimeContext>;

/** Records that the claimed reminder's mail was accepted by the SMTP server. */
export type RecordReminderDelivery = Command<'RecordReminderDelivery', EventInputOf<'ReminderDelivered'>, TimeContext>;

export type ReminderCommand = SendReminder | EscalateReminder | RecordReminderDeliveryFailure | RecordReminderDelivery;
