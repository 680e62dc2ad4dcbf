import { calendarDecider, type CalendarContext } from '@gevinst/domain/deciders';
import { calendarStream, DeadlineKindSchema, RemindDaysBeforeSchema } from '@gevinst/domain/events';
import { DEFAULT_REMIND_DAYS_BEFORE } from '@gevinst/domain/calendar';
import { tryParsePeriod } from '@gevinst/domain/periods';
import { validText, visibleName } from '@gevinst/domain/validation';
import { z } from 'zod';
import { defineCommand, stepOn, type CommandEnv, type CommandSpec } from '../spec';

/** Request bodies of the årshjul's commands; messages in bokmål. */
export const SetReportingDeadlineInput = z.object({
  kind: z.enum(DeadlineKindSchema.options, { error: 'Ukjent type frist: bruk tertial, budget eller other' }),
  /** checked by the decider: the tertial (2026-T2) for a tertial deadline, the budget year for a budget date */
  period: z.string({ error: 'Periode må være tekst, f.eks. 2026-T2' }).trim().min(1, { error: 'Må fylles ut' }).max(20, { error: 'Ugyldig periode' }),
  date: z.iso.date({ error: (issue) => (issue.input === '' ? 'Må fylles ut' : 'Ugyldig dato (forventet åååå-mm-dd)') }),
  title: visibleName(z.string({ error: 'Må fylles ut' }).trim().min(1, { error: 'Må fylles ut' }).max(300, { error: 'Maks 300 tegn' })),
  remindDaysBefore: RemindDaysBeforeSchema.default(DEFAULT_REMIND_DAYS_BEFORE),
}).superRefine((input, ctx) => {
  // a period of the wrong form is bad input (400); the decider refuses it too, and judges the date
  const p = tryParsePeriod(input.period);
  const message =
    input.kind === 'tertial' && p?.kind !== 'tertial'
      ? `Tertialet «${input.period}» finnes ikke: bruk 2026-T1, 2026-T2 eller 2026-T3`
      : input.kind === 'budget' && p?.kind !== 'year'
        ? 'En budsjettfrist gjelder et budsjettår (for eksempel 2027)'
        : p === null
          ? 'Ugyldig periode (forventet f.eks. 2026-T2, 2026 eller 2026-03)'
          : null;
  if (message) ctx.addIssue({ code: 'custom', path: ['period'], message });
});
export const RemoveReportingDeadlineInput = z.object({
  deadlineId: z.string().trim().min(1, { error: 'Må fylles ut' }).max(200, { error: 'For lang id' }),
  reason: validText(z.string({ error: 'Begrunnelse må fylles ut' }).trim().min(1, { error: 'Begrunnelse må fylles ut' }).max(5000, { error: 'Maks 5000 tegn' })),
});

const calendarContext = (env: CommandEnv): CalendarContext => ({ now: env.now });

/** The installation's årshjul: one stream, `calendar-installation`; a new deadline's id is the answer's. */
export const calendarCommands: Record<string, CommandSpec> = {
  setReportingDeadline: defineCommand({
    name: 'setReportingDeadline',
    summary: 'Sett en frist i årshjulet (tertialrapport, budsjettprosess eller annen frist)',
    input: SetReportingDeadlineInput,
    id: 'new:calendar',
    steps: ({ id, input, env }) => [
      stepOn(calendarDecider, calendarStream(), { type: 'SetReportingDeadline', data: { deadlineId: id, ...input }, context: calendarContext(env) }),
    ],
  }),
  removeReportingDeadline: defineCommand({
    name: 'removeReportingDeadline',
    summary: 'Fjern en frist fra årshjulet (med begrunnelse)',
    input: RemoveReportingDeadlineInput,
    id: 'new:calendar',
    answerId: (_generated, input) => input.deadlineId,
    steps: ({ input, env }) => [
      stepOn(calendarDecider, calendarStream(), { type: 'RemoveReportingDeadline', data: input, context: calendarContext(env) }),
    ],
  }),
};
