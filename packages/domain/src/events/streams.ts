import type { ReminderKind } from './reminders';
import { streamCategories, type StreamCategory } from './catalogue';

export const unitStream = (unitId: string): string => `unit-${unitId}`;
export const projectStream = (projectId: string): string => `project-${projectId}`;
export const benefitStream = (benefitId: string): string => `benefit-${benefitId}`;
export const settlementStream = (settlementId: string): string => `settlement-${settlementId}`;
/** One stream per role grant; its revocation goes on the same stream. */
export const accessStream = (grantId: string): string => `access-${grantId}`;
/** One gevinstkart per project. */
export const benefitMapStream = (projectId: string): string => `benefitmap-${projectId}`;
/** One stream per goal (hovedmål, delmål or måleindikator); its links to benefits and projects go on it too. */
export const goalStream = (goalId: string): string => `goal-${goalId}`;
/** The installation's kost/nytte settings (defaults and price indexes): one stream for the whole installation. */
export const COST_BENEFIT_STREAM = 'costbenefit-installation';
/** One stream per reminder; appending its first event with `no_stream` claims it. */
export const reminderStream = (benefitId: string, period: string, kind: ReminderKind): string =>
  `reminder-${benefitId}-${period}-${kind}`;

/** `benefit-0190…` → `{ category: 'benefit', id: '0190…' }`; null for other streams. */
export const parseStreamName = (streamName: string): { category: StreamCategory; id: string } | null => {
  const dash = streamName.indexOf('-');
  if (dash < 0) return null;
  const category = streamName.slice(0, dash);
  const id = streamName.slice(dash + 1);
  if (!id || !(streamCategories as readonly string[]).includes(category)) return null;
  return { category: category as StreamCategory, id };
};
