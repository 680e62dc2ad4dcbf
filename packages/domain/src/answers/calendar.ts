import { z } from 'zod';
import { DeadlineKindSchema } from '../events/calendar';

/** One deadline of the årshjul as `GET /api/calendar` shows it. */
export const CalendarDeadlineAnswerSchema = z.object({
  deadlineId: z.string(),
  kind: DeadlineKindSchema,
  period: z.string(),
  date: z.string().describe('Oslo-dato, åååå-mm-dd'),
  title: z.string(),
  remindDaysBefore: z.int(),
  source: z.enum(['explicit', 'default']).describe('satt av økonomi, eller standardregelen (den 20. i måneden etter tertialet)'),
  status: z.enum(['upcoming', 'past']),
  /** Oslo calendar days from today to the date (0 on the day, negative when past) */
  daysLeft: z.int(),
});
export type CalendarDeadlineAnswer = z.infer<typeof CalendarDeadlineAnswerSchema>;

/** `GET /api/calendar?year=`: the year's deadlines by date, and the next one from today. */
export const CalendarAnswerSchema = z.object({
  year: z.int(),
  today: z.string(),
  deadlines: z.array(CalendarDeadlineAnswerSchema),
  next: CalendarDeadlineAnswerSchema.nullable(),
});
export type CalendarAnswer = z.infer<typeof CalendarAnswerSchema>;

/** One value a benefit still misses for the tertial. */
export const MissingValueSchema = z.object({ period: z.string(), what: z.enum(['realisation', 'measurement']) });

/** A benefit that still misses something for the tertial, with its owner and project. */
export const MissingBenefitSchema = z.object({
  benefitId: z.string(),
  benefitTitle: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  recipientUnitId: z.string(),
  owner: z.string().nullable(),
  missing: z.array(MissingValueSchema),
});
export type MissingBenefit = z.infer<typeof MissingBenefitSchema>;

/** `GET /api/calendar/:period/missing?unit=`: what is still not recorded for the tertial, before its deadline. */
export const CalendarMissingSchema = z.object({
  period: z.string(),
  unitId: z.string().nullable(),
  /** the tertial's report deadline (explicit or default) */
  deadline: CalendarDeadlineAnswerSchema.nullable(),
  benefits: z.array(MissingBenefitSchema),
  /** how many values are missing in all */
  missingCount: z.int(),
});
export type CalendarMissing = z.infer<typeof CalendarMissingSchema>;
