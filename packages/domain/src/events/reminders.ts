import { z } from 'zod';
import { EmailSchema, IdSchema, IsoDateSchema, PeriodSchema, TextSchema } from './primitives';

export const ReminderKindSchema = z.enum(['before-due', 'due', 'escalation']);
export type ReminderKind = z.infer<typeof ReminderKindSchema>;

const Recipients = z.array(EmailSchema).min(1, { error: 'Minst én mottaker' });

export const ReminderSentSchema = z.object({
  benefitId: IdSchema,
  period: PeriodSchema,
  kind: z.enum(['before-due', 'due']),
  recipients: Recipients,
  dueDate: IsoDateSchema,
  messageId: TextSchema.min(1),
});

export const ReminderEscalatedSchema = z.object({
  benefitId: IdSchema,
  period: PeriodSchema,
  recipients: Recipients,
  dueDate: IsoDateSchema,
  daysOverdue: z.int().min(0),
  messageId: TextSchema.min(1),
});

/** Not a claim: may repeat. */
export const ReminderDeliveryFailedSchema = z.object({
  benefitId: IdSchema,
  period: PeriodSchema,
  kind: ReminderKindSchema,
  recipients: z.array(z.string()),
  error: TextSchema,
  attempts: z.int().min(1),
});

/** The mail for a claimed reminder was accepted by the SMTP server (at most once per claim it is wanted). */
export const ReminderDeliveredSchema = z.object({
  benefitId: IdSchema,
  period: PeriodSchema,
  kind: ReminderKindSchema,
  recipients: Recipients,
  messageId: TextSchema.min(1),
});

/** An overdue realisation action's reminder to its owner (`overdue`) or to the benefit owner and project leader (`escalation`). */
export const ActionReminderKindSchema = z.enum(['overdue', 'escalation']);
export type ActionReminderKind = z.infer<typeof ActionReminderKindSchema>;

/** The claim of an action's reminder, on its own stream created once (`reminder-<benefit>-action-<action>-<kind>`): never sent twice. */
export const ActionReminderSentSchema = z.object({
  benefitId: IdSchema,
  actionId: IdSchema,
  kind: ActionReminderKindSchema,
  recipients: Recipients,
  deadline: IsoDateSchema,
  messageId: TextSchema.min(1),
});

export const ActionReminderDeliveredSchema = z.object({
  benefitId: IdSchema,
  actionId: IdSchema,
  kind: ActionReminderKindSchema,
  messageId: TextSchema.min(1),
});

export const reminderEventSchemas = {
  ReminderSent: ReminderSentSchema,
  ReminderEscalated: ReminderEscalatedSchema,
  ReminderDeliveryFailed: ReminderDeliveryFailedSchema,
  ReminderDelivered: ReminderDeliveredSchema,
  ActionReminderSent: ActionReminderSentSchema,
  ActionReminderDelivered: ActionReminderDeliveredSchema,
} as const;
