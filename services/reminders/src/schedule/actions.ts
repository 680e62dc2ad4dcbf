import { DateTime } from 'luxon';
import type { ActionReminderKind, ActionStatus } from '@gevinst/domain/events';
import { OSLO } from '@gevinst/domain/periods';
import { isActionOpen } from '@gevinst/domain/status';
import type { ReminderConfig } from '../config';
import type { ReminderInputEvent } from './evolve';
import type { ClaimFacts } from './claims';

/**
 * Reminders of overdue realisation actions (gevinstrealiseringstiltak): the action's owner is told
 * the day after its deadline (`overdue`); `escalationDaysOverdue` days later the benefit owner and the
 * project leader are (`escalation`, the action's owner in Cc). Each is claimed once on its own stream
 * `reminder-<benefitId>-action-<actionId>-<kind>`, so it is never sent twice — also after a restart
 * or when the deadline moves. An action added after its deadline is late from the day it was added.
 */
export const ACTION_REMINDER_KINDS: readonly ActionReminderKind[] = ['overdue', 'escalation'];

interface ActionFacts {
  benefitId: string;
  actionId: string;
  title: string;
  owner: string;
  deadline: string;
  status: ActionStatus;
  /** the Oslo date it was added */
  addedOn: string;
}

interface BenefitFacts {
  title: string;
  owner: string;
  projectId: string;
  cancelled: boolean;
}

export interface ActionReminderState {
  actions: Map<string, ActionFacts>;
  benefits: Map<string, BenefitFacts>;
  projects: Map<string, { name: string; projectLeader: string | null }>;
  /** `actionReminderKey` → its claim */
  claims: Map<string, ClaimFacts>;
}

export const initialActionReminderState = (): ActionReminderState => ({ actions: new Map(), benefits: new Map(), projects: new Map(), claims: new Map() });

export const actionKey = (benefitId: string, actionId: string): string => `${benefitId}.${actionId}`;
export const actionReminderKey = (benefitId: string, actionId: string, kind: ActionReminderKind): string => `${benefitId}.${actionId}.${kind}`;
export const actionReminderStreamOf = (benefitId: string, actionId: string, kind: ActionReminderKind): string =>
  `reminder-${benefitId}-action-${actionId}-${kind}`;
export const actionMessageIdOf = (benefitId: string, actionId: string, kind: ActionReminderKind): string => `<${benefitId}.action.${actionId}.${kind}@gevinst>`;

/** Bump when `ActionReminderState` or `evolveActionReminders` changes: a saved fold of another version is folded again. */
export const ACTION_REMINDER_FOLD_VERSION = 1;

/** The event types `evolveActionReminders` reads. */
export const ACTION_REMINDER_EVENT_TYPES: ReadonlySet<string> = new Set([
  'BenefitPlanned', 'BenefitOwnerAssigned', 'BenefitCancelled', 'ProjectRegistered',
  'BenefitActionAdded', 'BenefitActionUpdated', 'ActionReminderSent', 'ActionReminderDelivered',
]);

const osloDate = (instant: string): string => DateTime.fromISO(instant).setZone(OSLO).toISODate() ?? '';
const metaText = (event: ReminderInputEvent, key: string): string | null => {
  const value = event.metadata?.[key];
  return typeof value === 'string' && value !== '' ? value : null;
};

/** Mutates and returns the state. */
export const evolveActionReminders = (state: ActionReminderState, event: ReminderInputEvent): ActionReminderState => {
  switch (event.type) {
    case 'BenefitPlanned': {
      const d = event.data;
      state.benefits.set(d.benefitId, { title: d.title, owner: d.owner, projectId: d.projectId, cancelled: false });
      break;
    }
    case 'BenefitOwnerAssigned': {
      const b = state.benefits.get(event.data.benefitId);
      if (b) b.owner = event.data.owner;
      break;
    }
    case 'BenefitCancelled': {
      const b = state.benefits.get(event.data.benefitId);
      if (b) b.cancelled = true;
      break;
    }
    case 'ProjectRegistered':
      state.projects.set(event.data.projectId, { name: event.data.name, projectLeader: event.data.projectLeader || null });
      break;
    case 'BenefitActionAdded': {
      const d = event.data;
      const recordedAt = metaText(event, 'recordedAt');
      state.actions.set(actionKey(d.benefitId, d.actionId), {
        benefitId: d.benefitId, actionId: d.actionId, title: d.title, owner: d.owner, deadline: d.deadline, status: 'planned',
        addedOn: recordedAt ? osloDate(recordedAt) : '',
      });
      break;
    }
    case 'BenefitActionUpdated': {
      const d = event.data;
      const a = state.actions.get(actionKey(d.benefitId, d.actionId));
      if (!a) break;
      a.status = d.status ?? a.status;
      a.deadline = d.deadline ?? a.deadline;
      a.owner = d.owner ?? a.owner;
      break;
    }
    case 'ActionReminderSent': {
      const d = event.data;
      const key = actionReminderKey(d.benefitId, d.actionId, d.kind);
      state.claims.set(key, { claimedAt: metaText(event, 'recordedAt') ?? '', deliveryId: metaText(event, 'deliveryId'), delivered: state.claims.get(key)?.delivered ?? false });
      break;
    }
    case 'ActionReminderDelivered': {
      const d = event.data;
      const key = actionReminderKey(d.benefitId, d.actionId, d.kind);
      const claim = state.claims.get(key) ?? { claimedAt: '', deliveryId: null, delivered: false };
      state.claims.set(key, { ...claim, delivered: true });
      break;
    }
    default:
      break;
  }
  return state;
};

export interface ActionReminder {
  benefitId: string;
  actionId: string;
  kind: ActionReminderKind;
  /** epoch ms */
  runAt: number;
  to: string[];
  cc: string[];
  title: string;
  deadline: string;
  benefitTitle: string;
  projectName: string;
  messageId: string;
}

const unique = (xs: (string | null | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => !!x).map((x) => x.toLowerCase()))];

/** The first day the action counts as late: the day after its deadline, or the day it was added if that is later. */
export const lateFromOf = (action: { deadline: string; addedOn: string }): string => {
  const dayAfter = DateTime.fromISO(action.deadline, { zone: OSLO }).plus({ days: 1 }).toISODate() ?? action.deadline;
  return action.addedOn > dayAfter ? action.addedOn : dayAfter;
};

/** Every reminder an open action of a live benefit needs, claimed or not. */
export const actionRemindersOf = (state: ActionReminderState, config: ReminderConfig): ActionReminder[] => {
  const out: ActionReminder[] = [];
  for (const a of state.actions.values()) {
    const benefit = state.benefits.get(a.benefitId);
    if (!benefit || benefit.cancelled || !isActionOpen(a.status)) continue;
    const project = state.projects.get(benefit.projectId);
    const lateFrom = DateTime.fromISO(lateFromOf(a), { zone: OSLO }).set({ hour: config.sendHour });
    for (const kind of ACTION_REMINDER_KINDS) {
      const leaders = unique([benefit.owner, project?.projectLeader]);
      const escalation = kind === 'escalation';
      out.push({
        benefitId: a.benefitId,
        actionId: a.actionId,
        kind,
        runAt: (escalation ? lateFrom.plus({ days: config.escalationDaysOverdue }) : lateFrom).toMillis(),
        to: escalation ? leaders : unique([a.owner]),
        cc: escalation ? unique([a.owner]).filter((o) => !leaders.includes(o)) : [],
        title: a.title,
        deadline: a.deadline,
        benefitTitle: benefit.title,
        projectName: project?.name ?? '',
        messageId: actionMessageIdOf(a.benefitId, a.actionId, kind),
      });
    }
  }
  return out.sort((x, y) => x.runAt - y.runAt);
};

/**
 * What is to be sent at `now`: due, not claimed, and not superseded (an overdue reminder whose
 * escalation is due as well is not sent; the escalation carries it).
 */
export const dueActionReminders = (state: ActionReminderState, config: ReminderConfig, now: number): ActionReminder[] => {
  const all = actionRemindersOf(state, config).filter((r) => r.runAt <= now);
  const escalating = new Set(all.filter((r) => r.kind === 'escalation').map((r) => actionKey(r.benefitId, r.actionId)));
  return all.filter(
    (r) =>
      !state.claims.get(actionReminderKey(r.benefitId, r.actionId, r.kind))?.claimedAt &&
      !(r.kind === 'overdue' && escalating.has(actionKey(r.benefitId, r.actionId))),
  );
};
