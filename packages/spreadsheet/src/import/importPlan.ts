import { columnByKey, type ColumnKey } from '../plan/columns';
import { periodHeader } from '../read/periodHeader';
import type { Problem } from '../read/problem';
import type { UnitRef } from '../units/unitRef';
import { baselineInput, planBenefitInput, type PlanBenefitInput, type RecordBaselineInput } from './commands';
import { followUpHash, planFollowUp, type FollowUpJob, type ProjectFollowUp } from '../followUp/importFollowUp';
import { contentHash, importKey } from './importKey';
import { readPlan, sortProblems, type ReadWorkbook } from './readPlan';
import type { ResolvedRow, UnitAnswers, UnitQuestion } from './resolveUnits';

export type ImportCommand =
  | { command: 'planBenefit'; targetId: string; input: PlanBenefitInput }
  | { command: 'recordBaseline'; targetId: string; input: RecordBaselineInput }
  | { command: 'linkBenefitToGoal'; targetId: string; input: { benefitId: string } }
  | { command: 'addBenefitAction'; targetId: string; input: FollowUpInput<'action'> }
  | { command: 'assessBenefitRisk'; targetId: string; input: FollowUpInput<'risk'> };

type FollowUpInput<K extends FollowUpJob['kind']> = Extract<FollowUpJob, { kind: K }>['input'];

/** A goal of the målstruktur as «Mål» names it. */
export interface GoalRef {
  goalId: string;
  title: string;
  retired: boolean;
}

/** A refusal as the API gives it: `{ code, message, fields: [{ path, message }] }`. */
export interface Refusal {
  /** the command that was refused, when there were several */
  command?: ImportCommand['command'];
  code: string;
  message: string;
  fields: { path: string; message: string }[];
}

/** What the import needs from the running API (the routes adapt the API's application layer to it). */
export interface PlanImportPort {
  units(): Promise<readonly UnitRef[]> | readonly UnitRef[];
  /** a refusal when the project does not exist or takes no new benefits */
  checkProject(projectId: string): Promise<Refusal | null> | Refusal | null;
  /**
   * The API's own validation (input schemas and domain rules) of one row's commands, appending
   * nothing: the first plans the benefit, the rest act on that new benefit (their targetId is ignored).
   */
  check(commands: ImportCommand[], userId: string): Promise<Refusal | null> | Refusal | null;
  /** the project's benefits as planBenefit inputs: rows equal to one of them are already imported */
  existing?(projectId: string): Promise<readonly ExistingBenefit[]> | readonly ExistingBenefit[];
  /** the goals a row's «Mål» may name, by title */
  goals?(): Promise<readonly GoalRef[]> | readonly GoalRef[];
  /** the project's benefits with their actions and open risks, for «Tiltak» and «Risiko» */
  followUp?(projectId: string): Promise<ProjectFollowUp> | ProjectFollowUp;
  /** runs a command the way the API does; the same key and input a second time writes nothing */
  run(command: ImportCommand, userId: string, idempotencyKey: string): Promise<{ id: string }>;
}

export interface ImportOptions {
  projectId: string;
  userId: string;
  dryRun: boolean;
  answers?: UnitAnswers;
  /** how the workbook is read; default in this thread (the HTTP handler reads it in a worker) */
  parse?: ReadWorkbook;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  problems: Problem[];
  questions: UnitQuestion[];
  /** rows read as benefits */
  benefits: number;
  /** benefit ids of the rows written, in row order, after a commit */
  benefitIds: string[];
  /** rows equal to a benefit the project already has: left alone */
  unchanged: number;
  /** things that are not errors but that the user should know (bokmål) */
  warnings: string[];
  ignoredColumns: string[];
}

/**
 * Dry run or all-or-nothing import of a gevinstrealiseringsplan: every row is read, its unit found
 * and its command validated by the API before the first command runs; with any problem or open
 * question nothing is written. Each row runs with a key derived from (project, file content, row),
 * so importing the same file again writes nothing new.
 */
export async function importPlan(bytes: Uint8Array, options: ImportOptions, port: PlanImportPort): Promise<ImportReport> {
  const projectRefusal = await port.checkProject(options.projectId);
  const { parsed, resolved, problems, questions } = await readPlan(bytes, projectRefusal ? [] : await port.units(), options.answers, options.parse);
  let unchanged = 0;
  const warnings: string[] = [];
  const report = (problems: Problem[], questions: UnitQuestion[] = [], benefitIds: string[] = []): ImportReport => ({
    ok: problems.length === 0 && questions.length === 0,
    dryRun: options.dryRun,
    problems,
    questions,
    benefits: parsed.rows.length,
    benefitIds,
    unchanged,
    warnings,
    ignoredColumns: parsed.ignoredColumns,
  });
  if (projectRefusal) return report([{ sheet: null, row: null, column: null, message: projectRefusal.message }]);

  const goalIdsOf = goalResolver(resolved.some((row) => row.value.goals.length > 0) ? ((await port.goals?.()) ?? []) : [], problems);
  const all = resolved.map((row) => ({
    row,
    planBenefit: planBenefitInput(row.value, row.recipientUnitId),
    baseline: baselineInput(row.value),
    goalIds: goalIdsOf(row),
  }));
  // a row equal to a benefit the project has is not planned again (whoever imported it, from whichever file)
  const present = new Map<string, number>();
  for (const b of (await port.existing?.(options.projectId)) ?? []) present.set(benefitFingerprint(b), (present.get(benefitFingerprint(b)) ?? 0) + 1);
  const commands = all.filter(({ planBenefit }) => {
    const key = benefitFingerprint(planBenefit);
    const left = present.get(key) ?? 0;
    if (left === 0) return true;
    present.set(key, left - 1);
    unchanged++;
    return false;
  });
  const followUp = planFollowUp(
    parsed.followUp,
    commands.map((c) => c.planBenefit.title),
    (await port.followUp?.(options.projectId)) ?? { benefits: [], actions: [], risks: [] },
    problems,
  );
  if (followUp.unchanged > 0) warnings.push(`${followUp.unchanged} tiltak og risikoer finnes allerede på gevinstene og blir ikke lagt inn på nytt`);
  if (unchanged > 0) warnings.push(`${unchanged} av ${all.length} rader finnes allerede som gevinster i prosjektet og blir ikke lagt inn på nytt`);
  for (const [i, { row, planBenefit, baseline }] of commands.entries()) {
    // the checks are synchronous: let other requests in every hundred rows
    if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    const rowCommands: ImportCommand[] = [{ command: 'planBenefit', targetId: options.projectId, input: planBenefit }];
    if (baseline) rowCommands.push({ command: 'recordBaseline', targetId: NEW_BENEFIT, input: baseline });
    const refusal = await port.check(rowCommands, options.userId);
    if (refusal) problems.push(...refusalProblems(row, refusal));
  }
  sortProblems(problems);
  // every row unchanged: nothing to write, so no content hash or keys to work out either
  if (problems.length > 0 || questions.length > 0 || options.dryRun || (commands.length === 0 && followUp.jobs.length === 0)) return report(problems, questions);

  const hash = contentHash(parsed.rows);
  const ids = new Array<string>(commands.length);
  // every row is its own new benefit stream, so rows run side by side (the API waits for its read
  // models after each write; in sequence those waits add up)
  // after a failure no new row starts; importing the file again finishes the rest (same keys)
  let next = 0;
  let failed = false;
  const worker = async () => {
    for (let i = next++; i < commands.length && !failed; i = next++) {
      const command = commands[i];
      if (!command) break;
      const { row, planBenefit, baseline, goalIds } = command;
      const key = importKey(options.projectId, hash, row.row);
      try {
        const { id } = await port.run({ command: 'planBenefit', targetId: options.projectId, input: planBenefit }, options.userId, key);
        if (baseline)
          await port.run({ command: 'recordBaseline', targetId: id, input: baseline }, options.userId, importKey(options.projectId, hash, row.row, 'baseline'));
        for (const goalId of goalIds)
          await port.run({ command: 'linkBenefitToGoal', targetId: goalId, input: { benefitId: id } }, options.userId, importKey(options.projectId, hash, row.row, `goal:${goalId}`));
        ids[i] = id;
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(COMMIT_CONCURRENCY, commands.length) }, worker));
  // actions and risks once their benefits are planned (a new benefit's id is known only then)
  const followUpKey = followUpHash(parsed.followUp);
  for (const job of followUp.jobs) {
    const benefitId = 'benefitId' in job.target ? job.target.benefitId : ids[job.target.newIndex];
    if (!benefitId) throw new Error(`the benefit of ${job.kind} row ${job.row} was not planned`);
    const key = importKey(options.projectId, followUpKey, job.row, job.kind);
    if (job.kind === 'action') await port.run({ command: 'addBenefitAction', targetId: benefitId, input: job.input }, options.userId, key);
    else await port.run({ command: 'assessBenefitRisk', targetId: benefitId, input: job.input }, options.userId, key);
  }
  return report([], [], ids);
}

/**
 * «Mål» → goal ids: each title must name exactly one goal that is not retired; otherwise the row gets
 * a problem at the column, like an unknown unit.
 */
function goalResolver(goals: readonly GoalRef[], problems: Problem[]) {
  const byTitle = new Map<string, GoalRef[]>();
  for (const goal of goals) byTitle.set(goal.title.trim().toLowerCase(), [...(byTitle.get(goal.title.trim().toLowerCase()) ?? []), goal]);
  const header = columnByKey('goals').header;
  return (row: ResolvedRow): string[] =>
    row.value.goals.flatMap((title) => {
      const problem = (message: string) => problems.push({ sheet: row.sheet, row: row.row, column: header, cell: row.cells?.goals ?? null, message });
      const found = byTitle.get(title.toLowerCase()) ?? [];
      const live = found.filter((g) => !g.retired);
      const [only, ...more] = live;
      if (found.length === 0) problem(`Fant ikke målet «${title}»: skriv tittelen slik den står under «Mål» i Gevinst`);
      else if (!only) problem(`Målet «${title}» er avviklet`);
      else if (more.length > 0) problem(`Flere mål heter «${title}»: gi dem ulike titler i Gevinst før du importerer`);
      else return [only.goalId];
      return [];
    });
}

/** How many rows are written at once. */
const COMMIT_CONCURRENCY = 16;

/** Stands for the benefit the row's first command creates. */
export const NEW_BENEFIT = '(ny gevinst)';

const BASELINE_COLUMNS: Record<string, ColumnKey> = { value: 'baseline', measuredOn: 'baselineDate' };

const FIELD_COLUMNS: Record<string, ColumnKey> = {
  title: 'title',
  recipientUnitId: 'recipient',
  owner: 'owner',
  indicator: 'indicator',
  unitOfMeasure: 'unitOfMeasure',
  direction: 'direction',
  category: 'category',
  cashReleasing: 'cashReleasing',
  disbenefit: 'disbenefit',
  measurementSchedule: 'measurementSchedule',
  valuationOrePerUnit: 'valuationOrePerUnit',
  baseline: 'baseline',
  target: 'target',
  targetDate: 'targetDate',
  change: 'change',
  comment: 'comment',
  sharedWith: 'sharedWith',
};

/** Puts the API's field errors on the sheet's columns: `plan.2.quantity` is the column of that period. */
export function refusalProblems(row: ResolvedRow, refusal: Refusal): Problem[] {
  const at = (column: string | null, message: string, cellKey?: string): Problem => ({
    sheet: row.sheet,
    row: row.row,
    column,
    cell: cellKey ? (row.cells?.[cellKey] ?? null) : null,
    message,
  });
  if (refusal.fields.length === 0) return [at(null, refusal.message)];
  return refusal.fields.map((field) => {
    const [head, index] = field.path.split('.');
    if (head === 'plan') {
      const entry = index !== undefined ? row.value.plan[Number(index)] : undefined;
      return at(entry ? periodHeader(entry.period) : null, field.message, entry?.period);
    }
    const key = (refusal.command === 'recordBaseline' ? BASELINE_COLUMNS : FIELD_COLUMNS)[head ?? ''];
    return at(key ? columnByKey(key).header : null, field.message, key);
  });
}

/** A benefit the project has, as the import compares it with a row. */
export type ExistingBenefit = Omit<PlanBenefitInput, 'measurementSchedule' | 'disbenefit'> & { disbenefit?: boolean };

/**
 * What makes two planned benefits the same benefit (the contract's fields; order of the plan aside).
 * A disbenefit is never the same as a benefit with the same figures: they count with opposite signs.
 */
export function benefitFingerprint(b: PlanBenefitInput | ExistingBenefit): string {
  return JSON.stringify([
    b.title,
    b.recipientUnitId,
    b.owner.toLowerCase(),
    b.indicator,
    b.unitOfMeasure,
    b.direction,
    b.category,
    b.cashReleasing,
    b.disbenefit ?? false,
    b.valuationOrePerUnit ?? null,
    b.baseline ?? null,
    b.target ?? null,
    b.targetDate ?? null,
    [...b.plan].sort((x, y) => x.period.localeCompare(y.period)).map((p) => [p.period, p.quantity]),
  ]);
}
