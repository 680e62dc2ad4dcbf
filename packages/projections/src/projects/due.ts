import { periodLastDate, periodStartDate } from '@gevinst/domain/periods';
import { DUE_DAYS_AFTER_PERIOD_END, realisationDueDate } from '@gevinst/domain/status';
import type { PortfolioModel } from './PortfolioModel';

export interface DueItem {
  benefitId: string;
  benefitTitle: string;
  projectId: string | null;
  projectName: string | null;
  recipientUnitId: string;
  period: string;
  dueDate: string;
  state: 'upcoming' | 'due' | 'overdue';
  what: 'measurement' | 'realisation';
  reminders: { kind: string; sentAt: string }[];
}

/** days after a period's last day within which its realisation must be recorded (the domain's, as reminders and status use) */
export const DUE_DAYS_AFTER_PERIOD = DUE_DAYS_AFTER_PERIOD_END;

export const dueDateOf = (period: string): string => realisationDueDate(period);

/**
 * A benefit owner's work list: each planned period of a live benefit without a realisation, from
 * the day the period starts (upcoming), after it ends (due) and past its due date (overdue).
 */
export const dueList = (portfolio: PortfolioModel, owner: string | undefined, at: string): DueItem[] => {
  const out: DueItem[] = [];
  const wanted = owner?.toLowerCase();
  for (const b of portfolio.benefits.values()) {
    if (b.cancelled || b.unplanned) continue;
    if (wanted && b.owner?.toLowerCase() !== wanted) continue;
    const project = b.projectId ? portfolio.projects.get(b.projectId) : undefined;
    if (project?.closed) continue;
    for (const entry of b.plan) {
      if (b.realisations.has(entry.period)) continue;
      if (periodStartDate(entry.period) > at) continue;
      const dueDate = dueDateOf(entry.period);
      const state = at > dueDate ? 'overdue' : at > periodLastDate(entry.period) ? 'due' : 'upcoming';
      out.push({
        benefitId: b.id,
        benefitTitle: b.title,
        projectId: b.projectId,
        projectName: project?.name ?? null,
        recipientUnitId: b.recipientUnitId,
        period: entry.period,
        dueDate,
        state,
        what: 'realisation',
        reminders: b.reminders.filter((r) => r.period === entry.period).map((r) => ({ kind: r.kind, sentAt: r.sentAt })),
      });
    }
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.benefitTitle.localeCompare(b.benefitTitle));
};
