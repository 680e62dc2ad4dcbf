import { composeCalendarMail } from '../delivery/calendarMail';
import {
  CALENDAR_REMINDER_EVENT_TYPES,
  CALENDAR_REMINDER_FOLD_VERSION,
  type CalendarReminder,
  type CalendarReminderState,
  calendarReminderKey,
  calendarReminderStream,
  dueCalendarReminders,
  evolveCalendarReminders,
  initialCalendarReminderState,
} from '../schedule/calendar';
import { claimedReminders, type ClaimedReminders, type ClaimedRemindersOptions } from './claimedReminders';

export type CalendarRemindersOptions = ClaimedRemindersOptions;
export type CalendarReminders = ClaimedReminders<CalendarReminderState>;

/**
 * Reminders ahead of the årshjul's tertial report deadlines (see claimedReminders.ts): each claimed on
 * `calendar-reminder-<deadlineId>-<benefitId>`, mailed with Message-ID `<benefitId.calendar.deadlineId@gevinst>`.
 */
export const createCalendarReminders = (options: CalendarRemindersOptions): CalendarReminders =>
  claimedReminders<CalendarReminder, CalendarReminderState>(
    {
      label: 'calendar reminder',
      name: 'calendar-reminders',
      version: CALENDAR_REMINDER_FOLD_VERSION,
      eventTypes: CALENDAR_REMINDER_EVENT_TYPES,
      state: initialCalendarReminderState(),
      evolve: evolveCalendarReminders,
      due: dueCalendarReminders,
      key: (r) => calendarReminderKey(r.deadlineId, r.benefitId),
      stream: (r) => calendarReminderStream(r.deadlineId, r.benefitId),
      sent: (r) => ({
        type: 'CalendarReminderSent',
        data: { benefitId: r.benefitId, deadlineId: r.deadlineId, period: r.period, deadlineDate: r.deadlineDate, recipients: r.to, missing: r.missing, messageId: r.messageId },
      }),
      delivered: (r) => ({ type: 'CalendarReminderDelivered', data: { benefitId: r.benefitId, deadlineId: r.deadlineId, messageId: r.messageId } }),
      mail: composeCalendarMail,
      logged: (r) => ({ benefitId: r.benefitId, deadlineId: r.deadlineId, recipients: r.to }),
    },
    options,
  );
