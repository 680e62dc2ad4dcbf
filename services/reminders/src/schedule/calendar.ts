import { DateTime } from 'luxon';
import { endsWithin, isObligationMet, tertialDeadlines, tertialsOf, type CalendarDeadline, type ObligationPeriod } from '@gevinst/domain/calendar';
import { calendarReminderStream } from '@gevinst/domain/events';
import { OSLO, type PeriodKind } from '@gevinst/domain/periods';
import type { ReminderConfig } from '../config';
import type { ReminderInputEvent } from './evolve';
import { obligationPeriodsOf } from './obligations';
import type { ClaimFacts } from './claims';

/**
 * Reminders ahead of the årshjul's tertial report deadlines: `remindDaysBefore` days before a
 * tertial's first report deadline (explicit, else the default: the 20th of the month after the
 * tertial), at `sendHour` Oslo time, each benefit owner whose benefit still misses a value for the
 * tertial (the domain's obligation rule, `missingOf`) gets one mail listing what is missing. Each is
 * claimed once on its own stream `calendar-reminder-<deadlineId>-<benefitId>`, so it is never sent
 * twice — also after a restart. Not sent: once the deadline's day is over (stale), for a benefit planned
 * after the reminder's time (it was late when planned; its own due reminders tell the owner), or
 * for a cancelled benefit or a closed project. A deadline set after its reminder's time reminds when it
 * is set.
 */

interface BenefitFacts {
  title: string;
  owner: string;
  projectId: string;
  cancelled: boolean;
  plan: string[];
  measurementSchedule: PeriodKind;
  realised: Set<string>;
  measured: Set<string>;
  /** epoch ms of the BenefitPlanned's recordedAt (0 when unknown) */
  plannedAt: number;
}

export interface CalendarReminderState {
  /** the explicit deadlines, with when they were set (epoch ms) */
  deadlines: Map<string, CalendarDeadline & { setAt: number }>;
  benefits: Map<string, BenefitFacts>;
  projects: Map<string, { name: string; closed: boolean }>;
  /** `calendarReminderKey` → its claim */
  claims: Map<string, ClaimFacts>;
}

export const initialCalendarReminderState = (): CalendarReminderState => ({ deadlines: new Map(), benefits: new Map(), projects: new Map(), claims: new Map() });

export const calendarReminderKey = (deadlineId: string, benefitId: string): string => `${deadlineId}.${benefitId}`;
export const calendarMessageIdOf = (deadlineId: string, benefitId: string): string => `<${benefitId}.calendar.${deadlineId}@gevinst>`;
export { calendarReminderStream };

/** Bump when `CalendarReminderState` or `evolveCalendarReminders` changes: a saved fold of another version is folded again. */
export const CALENDAR_REMINDER_FOLD_VERSION = 1;

/** The event types `evolveCalendarReminders` reads. */
export const CALENDAR_REMINDER_EVENT_TYPES: ReadonlySet<string> = new Set([
  'BenefitPlanned', 'BenefitForecastRevised', 'BenefitRealised', 'BenefitRealisationCorrected', 'MeasurementRecorded',
  'BenefitOwnerAssigned', 'BenefitCancelled', 'ProjectRegistered', 'ProjectClosed',
  'ReportingDeadlineSet', 'ReportingDeadlineRemoved', 'CalendarReminderSent', 'CalendarReminderDelivered',
]);

const metaText = (event: ReminderInputEvent, key: string): string | null => {
  const value = event.metadata?.[key];
  return typeof value === 'string' && value !== '' ? value : null;
};
const millisOf = (iso: string | null): number => {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? 0 : ms;
};

/** Mutates and returns the state. */
export const evolveCalendarReminders = (state: CalendarReminderState, event: ReminderInputEvent): CalendarReminderState => {
  const withBenefit = (id: string, f: (b: BenefitFacts) => void) => {
    const b = state.benefits.get(id);
    if (b) f(b);
  };
  switch (event.type) {
    case 'BenefitPlanned': {
      const d = event.data;
      state.benefits.set(d.benefitId, {
        title: d.title, owner: d.owner, projectId: d.projectId, cancelled: false,
        plan: d.plan.map((p) => p.period), measurementSchedule: d.measurementSchedule,
        realised: new Set(), measured: new Set(), plannedAt: millisOf(metaText(event, 'recordedAt')),
      });
      break;
    }
    case 'BenefitForecastRevised':
      withBenefit(event.data.benefitId, (b) => (b.plan = event.data.plan.map((p) => p.period)));
      break;
    case 'BenefitRealised':
    case 'BenefitRealisationCorrected':
      withBenefit(event.data.benefitId, (b) => b.realised.add(event.data.period));
      break;
    case 'MeasurementRecorded': {
      const { period } = event.data;
      if (period) withBenefit(event.data.benefitId, (b) => b.measured.add(period));
      break;
    }
    case 'BenefitOwnerAssigned':
      withBenefit(event.data.benefitId, (b) => (b.owner = event.data.owner));
      break;
    case 'BenefitCancelled':
      withBenefit(event.data.benefitId, (b) => (b.cancelled = true));
      break;
    case 'ProjectRegistered':
      state.projects.set(event.data.projectId, { name: event.data.name, closed: false });
      break;
    case 'ProjectClosed': {
      const p = state.projects.get(event.data.projectId);
      if (p) p.closed = true;
      break;
    }
    case 'ReportingDeadlineSet':
      state.deadlines.set(event.data.deadlineId, { ...event.data, source: 'explicit', setAt: millisOf(metaText(event, 'recordedAt')) });
      break;
    case 'ReportingDeadlineRemoved':
      state.deadlines.delete(event.data.deadlineId);
      break;
    case 'CalendarReminderSent': {
      const key = calendarReminderKey(event.data.deadlineId, event.data.benefitId);
      state.claims.set(key, { claimedAt: metaText(event, 'recordedAt') ?? '', deliveryId: metaText(event, 'deliveryId'), delivered: state.claims.get(key)?.delivered ?? false });
      break;
    }
    case 'CalendarReminderDelivered': {
      const key = calendarReminderKey(event.data.deadlineId, event.data.benefitId);
      state.claims.set(key, { ...(state.claims.get(key) ?? { claimedAt: '', deliveryId: null }), delivered: true });
      break;
    }
    default:
      break;
  }
  return state;
};

export interface CalendarReminder {
  benefitId: string;
  deadlineId: string;
  /** the tertial */
  period: string;
  deadlineDate: string;
  deadlineTitle: string;
  /** epoch ms: `remindDaysBefore` days before the deadline at `sendHour` Oslo time, or when the deadline was set if later */
  runAt: number;
  /** the first moment after the deadline's Oslo day: from then on it is stale */
  staleAt: number;
  to: string[];
  benefitTitle: string;
  projectName: string;
  missing: ObligationPeriod[];
  messageId: string;
}

/** A tertial's first report deadline (the report goes to formannskapet first): its values must be in by then. */
const firstDeadlineOf = (state: CalendarReminderState, tertial: string): (CalendarDeadline & { setAt: number }) | undefined => {
  const [first] = tertialDeadlines(state.deadlines.values(), tertial);
  if (!first) return undefined;
  return state.deadlines.get(first.deadlineId) ?? { ...first, setAt: 0 };
};

/** The tertials whose report deadlines are looked at around `now`: last year's, this year's and next year's. */
const tertialsAround = (now: number): string[] => {
  const year = DateTime.fromMillis(now, { zone: OSLO }).year;
  return [year - 1, year, year + 1].flatMap(tertialsOf);
};

/** What the benefit still misses for the tertial: the domain's obligation rule (remembered per plan), unmet, ending within the tertial. */
const missingFor = (b: BenefitFacts, tertial: string): ObligationPeriod[] =>
  obligationPeriodsOf(b.plan, b.measurementSchedule)
    .filter((o) => endsWithin(tertial, o) && !isObligationMet(b, o))
    .sort((x, y) => x.period.localeCompare(y.period));

/**
 * Every reminder the tertial report deadlines around `now` need, claimed or not, in time order.
 * `dueOnly`: only those whose time has come and whose deadline's day is not over, not claimed (a sweep
 * looks at the one or two deadlines in their window, not at every benefit for every tertial).
 */
export const calendarRemindersOf = (state: CalendarReminderState, config: ReminderConfig, now: number, dueOnly = false): CalendarReminder[] => {
  const out: CalendarReminder[] = [];
  for (const tertial of tertialsAround(now)) {
    const deadline = firstDeadlineOf(state, tertial);
    if (!deadline) continue;
    const day = DateTime.fromISO(deadline.date, { zone: OSLO });
    const planned = day.minus({ days: deadline.remindDaysBefore }).set({ hour: config.sendHour }).toMillis();
    const runAt = Math.max(planned, deadline.setAt);
    const staleAt = day.plus({ days: 1 }).toMillis();
    if (dueOnly && !(runAt <= now && now < staleAt)) continue;
    for (const [benefitId, b] of state.benefits) {
      if (b.cancelled || state.projects.get(b.projectId)?.closed) continue;
      // planned after its reminder's time: late when planned, told by its own due reminders instead
      if (b.plannedAt > planned) continue;
      if (dueOnly && state.claims.get(calendarReminderKey(deadline.deadlineId, benefitId))?.claimedAt) continue;
      const missing = missingFor(b, tertial);
      if (missing.length === 0) continue;
      out.push({
        benefitId,
        deadlineId: deadline.deadlineId,
        period: tertial,
        deadlineDate: deadline.date,
        deadlineTitle: deadline.title,
        runAt,
        staleAt,
        to: [b.owner.toLowerCase()],
        benefitTitle: b.title,
        projectName: state.projects.get(b.projectId)?.name ?? '',
        missing,
        messageId: calendarMessageIdOf(deadline.deadlineId, benefitId),
      });
    }
  }
  return out.sort((x, y) => x.runAt - y.runAt || x.benefitId.localeCompare(y.benefitId));
};

/** What is to be sent at `now`: its time has come, its deadline's day is not over, and it is not claimed. */
export const dueCalendarReminders = (state: CalendarReminderState, config: ReminderConfig, now: number): CalendarReminder[] =>
  calendarRemindersOf(state, config, now, true);
