import { z } from 'zod';
import { IdSchema, IsoDateSchema, NameSchema, PeriodSchema, TextSchema } from './primitives';

/**
 * The installation's årshjul (reporting calendar): when the tertial reports go to formannskap and
 * kommunestyre, and the dates of the budget process. One stream for the installation
 * (`calendarStream`); each deadline has its own id.
 */
export const DeadlineKindSchema = z.enum(['tertial', 'budget', 'other']);
export type DeadlineKind = z.infer<typeof DeadlineKindSchema>;

export const deadlineKindLabels: Record<DeadlineKind, string> = { tertial: 'Tertialrapport', budget: 'Budsjettprosess', other: 'Annen frist' };

/** How many days ahead of a deadline reminders go at most (a quarter of a year). */
export const MAX_REMIND_DAYS_BEFORE = 90;

export const RemindDaysBeforeSchema = z
  .int({ error: 'Antall dager må være et helt tall' })
  .min(0, { error: 'Antall dager kan ikke være negativt' })
  .max(MAX_REMIND_DAYS_BEFORE, { error: `Påminnelser kan gå høyst ${MAX_REMIND_DAYS_BEFORE} dager før fristen` });

/**
 * A deadline of the årshjul: `period` is the tertial the report covers (`2026-T2`) for a tertial
 * deadline, the budget year (`2027`) for a budget date; `date` is the Oslo date it is due.
 */
export const ReportingDeadlineSetSchema = z.object({
  deadlineId: IdSchema,
  kind: DeadlineKindSchema,
  period: PeriodSchema,
  date: IsoDateSchema,
  title: NameSchema,
  remindDaysBefore: RemindDaysBeforeSchema,
});

export const ReportingDeadlineRemovedSchema = z.object({
  deadlineId: IdSchema,
  reason: TextSchema.min(1, { error: 'Begrunnelse må fylles ut' }),
});

/**
 * The claim of a benefit owner's reminder ahead of a tertial report deadline, on its own stream
 * (`calendarReminderStream`) created once: never sent twice. `missing` is what the benefit still
 * lacked for the tertial when it was claimed.
 */
export const CalendarReminderSentSchema = z.object({
  benefitId: IdSchema,
  deadlineId: IdSchema,
  period: PeriodSchema,
  deadlineDate: IsoDateSchema,
  recipients: z.array(z.string().min(1)).min(1),
  missing: z.array(z.object({ period: PeriodSchema, what: z.enum(['realisation', 'measurement']) })),
  messageId: TextSchema.min(1),
});

export const CalendarReminderDeliveredSchema = z.object({
  benefitId: IdSchema,
  deadlineId: IdSchema,
  messageId: TextSchema.min(1),
});

export const calendarEventSchemas = {
  ReportingDeadlineSet: ReportingDeadlineSetSchema,
  ReportingDeadlineRemoved: ReportingDeadlineRemovedSchema,
  CalendarReminderSent: CalendarReminderSentSchema,
  CalendarReminderDelivered: CalendarReminderDeliveredSchema,
} as const;

/** The installation's one calendar; the id names it should an installation ever hold several kommuner. */
export const INSTALLATION_CALENDAR_ID = 'installation';
export const calendarStream = (calendarId: string = INSTALLATION_CALENDAR_ID): string => `calendar-${calendarId}`;
/** One stream per benefit and deadline reminder; appending its first event with `no_stream` claims it. */
export const calendarReminderStream = (deadlineId: string, benefitId: string): string => `calendar-reminder-${deadlineId}-${benefitId}`;
