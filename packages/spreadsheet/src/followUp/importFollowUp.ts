import { createHash } from 'node:crypto';
import type { Problem } from '../read/problem';
import type { FollowUpSheets } from './readSheets';
import { ACTION_COLUMNS, ACTIONS_SHEET, RISKS_SHEET } from './sheets';

/** What the project has: its benefits (by title) and their actions and risks (to leave alone what is there). */
export interface ProjectFollowUp {
  benefits: readonly { benefitId: string; title: string }[];
  actions: readonly { benefitId: string; title: string }[];
  /** open risks */
  risks: readonly { benefitId: string; threat: string }[];
}

/** The benefit a row names: one this import plans (its index among the import's new benefits), or one the project has. */
export type BenefitTarget = { newIndex: number } | { benefitId: string };

export type FollowUpJob =
  | { kind: 'action'; row: number; target: BenefitTarget; input: { title: string; owner: string; deadline: string; comment: string | null } }
  | { kind: 'risk'; row: number; target: BenefitTarget; input: { threat: string; probability: number; consequence: number; mitigation: string | null } };

const same = (text: string) => text.trim().toLowerCase();

/**
 * The actions and risks to add. A row names its benefit by title: a benefit this import plans, else
 * one the project has. An action with the benefit and title of one the benefit has, or a risk with the
 * benefit and threat of an open one, is unchanged and left alone (so importing a file again adds
 * nothing, whichever file it came from; a changed deadline or grade in the sheet is not an update).
 */
export function planFollowUp(
  sheets: FollowUpSheets | undefined,
  newTitles: readonly string[],
  project: ProjectFollowUp,
  problems: Problem[],
): { jobs: FollowUpJob[]; unchanged: number } {
  if (!sheets || (sheets.actions.length === 0 && sheets.risks.length === 0)) return { jobs: [], unchanged: 0 };
  const targets = new Map<string, BenefitTarget[]>();
  newTitles.forEach((title, newIndex) => targets.set(same(title), [...(targets.get(same(title)) ?? []), { newIndex }]));
  for (const b of project.benefits)
    if (!newTitles.some((t) => same(t) === same(b.title))) targets.set(same(b.title), [...(targets.get(same(b.title)) ?? []), { benefitId: b.benefitId }]);
  const have = new Set([
    ...project.actions.map((a) => `action ${a.benefitId} ${same(a.title)}`),
    ...project.risks.map((r) => `risk ${r.benefitId} ${same(r.threat)}`),
  ]);
  const jobs: FollowUpJob[] = [];
  let unchanged = 0;
  const resolve = (sheet: string, row: number, title: string): BenefitTarget | null => {
    const found = targets.get(same(title)) ?? [];
    const message =
      found.length === 0
        ? `Fant ikke gevinsten «${title}»: skriv tittelen slik den står i planen eller i prosjektet`
        : found.length > 1
          ? `Flere gevinster heter «${title}»: gi dem ulike titler`
          : null;
    if (message) problems.push({ sheet, row, column: ACTION_COLUMNS.benefit.header, message });
    return message ? null : (found[0] as BenefitTarget);
  };
  const add = (job: FollowUpJob, key: string) => {
    if ('benefitId' in job.target && have.has(`${job.kind} ${job.target.benefitId} ${key}`)) unchanged++;
    else jobs.push(job);
  };
  for (const { row, value } of sheets.actions) {
    const target = resolve(ACTIONS_SHEET, row, value.benefit);
    if (target) add({ kind: 'action', row, target, input: { title: value.title, owner: value.owner, deadline: value.deadline, comment: value.comment } }, same(value.title));
  }
  for (const { row, value } of sheets.risks) {
    const target = resolve(RISKS_SHEET, row, value.benefit);
    const { threat, probability, consequence, mitigation } = value;
    if (target) add({ kind: 'risk', row, target, input: { threat, probability, consequence, mitigation } }, same(threat));
  }
  return { jobs, unchanged };
}

/** sha256 of the two sheets' rows, for the jobs' idempotency keys. */
export const followUpHash = (sheets: FollowUpSheets | undefined): string =>
  createHash('sha256')
    .update(JSON.stringify([sheets?.actions ?? [], sheets?.risks ?? []]))
    .digest('hex');
