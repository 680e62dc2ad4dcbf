import { refuse } from '../../errors';
import { deadlineKindLabels, type CalendarEvent } from '../../events';
import { formatPeriodNb, periodStartDate, tryParsePeriod } from '../../periods';
import { emit } from '../rules';
import type { CalendarCommand, SetReportingDeadline } from './commands';
import type { CalendarState } from './state';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A tertial deadline names a tertial and falls after it starts; a budget date names a budget year. */
const requirePeriodFits = (data: SetReportingDeadline['data']): void => {
  const p = tryParsePeriod(data.period);
  if (data.kind === 'tertial') {
    if (p === null || p.kind !== 'tertial')
      return refuse('tertial_not_found', 'period', `Tertialet «${data.period}» finnes ikke: bruk 2026-T1, 2026-T2 eller 2026-T3`);
    if (data.date < periodStartDate(p))
      refuse('deadline_before_tertial', 'date', `Fristen kan ikke ligge før ${formatPeriodNb(p)} begynner (${periodStartDate(p)})`);
    return;
  }
  if (p === null) return refuse('period_not_found', 'period', `Perioden «${data.period}» finnes ikke`);
  if (data.kind === 'budget' && p.kind !== 'year') refuse('budget_period_not_year', 'period', 'En budsjettfrist gjelder et budsjettår (for eksempel 2027)');
};

export const decideCalendar = (command: CalendarCommand, state: CalendarState): CalendarEvent[] => {
  switch (command.type) {
    case 'SetReportingDeadline': {
      const { data } = command;
      if (state.usedIds.has(data.deadlineId)) refuse('deadline_exists', 'deadlineId', `Fristen «${data.deadlineId}» finnes allerede`);
      if (!ISO_DATE.test(data.date)) refuse('invalid_date', 'date', 'Ugyldig dato (forventet åååå-mm-dd)');
      requirePeriodFits(data);
      const title = data.title.trim();
      for (const d of state.deadlines.values())
        if (d.kind === data.kind && d.period === data.period && (d.date === data.date || d.title.toLowerCase() === title.toLowerCase()))
          refuse(
            'deadline_duplicate',
            d.date === data.date ? 'date' : 'title',
            `Årshjulet har allerede «${d.title}» (${deadlineKindLabels[d.kind].toLowerCase()} for ${formatPeriodNb(d.period)}, ${d.date})`,
          );
      return [emit('ReportingDeadlineSet', { ...data, title })];
    }
    case 'RemoveReportingDeadline': {
      const { deadlineId, reason } = command.data;
      if (!state.deadlines.has(deadlineId)) refuse('deadline_not_found', 'deadlineId', `Fristen «${deadlineId}» finnes ikke i årshjulet`);
      if (!reason.trim()) refuse('reason_required', 'reason', 'Begrunnelse må fylles ut');
      return [emit('ReportingDeadlineRemoved', { deadlineId, reason })];
    }
  }
};
