import { DUE_DAYS_AFTER_PERIOD_END } from '@gevinst/domain/status';

/** When reminders go out, relative to a period. All days are Oslo calendar days. */
export interface ReminderConfig {
  /** the value for a period is due this many days after the period's last day */
  dueDaysAfterPeriodEnd: number;
  /** the `before-due` reminder goes this many days before the due date */
  beforeDueDays: number;
  /** the `escalation` goes this many days after the due date */
  escalationDaysOverdue: number;
  /** Oslo wall-clock hour (0–23) at which reminders of a day are sent */
  sendHour: number;
  /**
   * users who load history in bulk (the demo): what was already late when they planned a benefit
   * is shown in the due list but not mailed, not even as a summary
   */
  historyLoaders: readonly string[];
}

export const defaultReminderConfig: ReminderConfig = {
  dueDaysAfterPeriodEnd: DUE_DAYS_AFTER_PERIOD_END,
  beforeDueDays: 7,
  escalationDaysOverdue: 14,
  sendHour: 8,
  historyLoaders: [],
};

const TIMINGS = ['dueDaysAfterPeriodEnd', 'beforeDueDays', 'escalationDaysOverdue', 'sendHour'] as const;

export const reminderConfig = (overrides: Partial<ReminderConfig> = {}): ReminderConfig => {
  const config = { ...defaultReminderConfig, ...overrides };
  for (const field of TIMINGS) {
    const value = config[field];
    if (!Number.isInteger(value) || value < 0) throw new Error(`reminders config: ${field} must be a non-negative integer (got ${String(value)})`);
  }
  if (config.sendHour > 23) throw new Error(`reminders config: sendHour must be 0–23 (got ${config.sendHour})`);
  return config;
};

/** Distinguishes plans made under different timings (the queue's checkpoint is kept per fingerprint). */
export const configFingerprint = (c: ReminderConfig): string =>
  `${c.dueDaysAfterPeriodEnd}.${c.beforeDueDays}.${c.escalationDaysOverdue}.${c.sendHour}`;
