import { composeActionMail } from '../delivery/actionMail';
import {
  ACTION_REMINDER_EVENT_TYPES,
  ACTION_REMINDER_FOLD_VERSION,
  type ActionReminder,
  type ActionReminderState,
  actionReminderKey,
  actionReminderStreamOf,
  dueActionReminders,
  evolveActionReminders,
  initialActionReminderState,
} from '../schedule/actions';
import { claimedReminders, type ClaimedReminders, type ClaimedRemindersOptions } from './claimedReminders';

export type ActionRemindersOptions = ClaimedRemindersOptions;
export type ActionReminders = ClaimedReminders<ActionReminderState>;

/**
 * Reminders of overdue realisation actions (claimed on `actionReminderStreamOf`, see claimedReminders.ts):
 * the action's owner the day after the deadline, the benefit owner and project leader later.
 */
export const createActionReminders = (options: ActionRemindersOptions): ActionReminders =>
  claimedReminders<ActionReminder, ActionReminderState>(
    {
      label: 'action reminder',
      name: 'action-reminders',
      version: ACTION_REMINDER_FOLD_VERSION,
      eventTypes: ACTION_REMINDER_EVENT_TYPES,
      state: initialActionReminderState(),
      evolve: evolveActionReminders,
      due: dueActionReminders,
      key: (r) => actionReminderKey(r.benefitId, r.actionId, r.kind),
      stream: (r) => actionReminderStreamOf(r.benefitId, r.actionId, r.kind),
      sent: (r) => ({
        type: 'ActionReminderSent',
        data: { benefitId: r.benefitId, actionId: r.actionId, kind: r.kind, recipients: [...r.to, ...r.cc], deadline: r.deadline, messageId: r.messageId },
      }),
      delivered: (r) => ({ type: 'ActionReminderDelivered', data: { benefitId: r.benefitId, actionId: r.actionId, kind: r.kind, messageId: r.messageId } }),
      mail: composeActionMail,
      logged: (r) => ({ benefitId: r.benefitId, actionId: r.actionId, kind: r.kind, recipients: [...r.to, ...r.cc] }),
    },
    options,
  );
