import type { ReminderKind } from './state';

/** BullMQ refuses `:` in custom ids, so the parts are joined with `.` (as in the Message-ID). */
export const jobIdOf = (benefitId: string, period: string, kind: ReminderKind): string => `${benefitId}.${period}.${kind}`;

export const messageIdOf = (benefitId: string, period: string, kind: ReminderKind): string => `<${benefitId}.${period}.${kind}@gevinst>`;

export const reminderStreamOf = (benefitId: string, period: string, kind: ReminderKind): string => `reminder-${benefitId}-${period}-${kind}`;

/** The one overdue summary of a benefit (see `remindersOf`). */
export const overdueSummaryMessageIdOf = (benefitId: string): string => `<${benefitId}.overdue-summary@gevinst>`;
