import { columnByKey, type ColumnKey } from '../plan/columns';
import { periodHeader } from '../read/periodHeader';
import type { Problem } from '../read/problem';
import type { UnitRef } from '../units/unitRef';
import { baselineInput, planBenefitInput, type PlanBenefitInput, type RecordBaselineInput } from './commands';
import { contentHash, importKey } from './importKey';
import { readPlan, sortProblems } from './readPlan';
import type { ResolvedRow, UnitAnswers, UnitQuestion } from './resolveUnits';

export type ImportCommand =
  | { command: 'planBenefit'; targetId: string; input: PlanBenefitInput }
  | { command: 'recordBaseline'; targetId: string; input: RecordBaselineInput };

/** A refusal as the API gives it: `{ code, message, fields: [{ path, message }] }`. */
export interface Refusal {
  code: string;
  message: string;
  fields: { path: string; message: string }[];
}

/** What the import needs from the running API (the routes adapt the API's application layer to it). */
export interface PlanImportPort {
  units(): Promise<readonly UnitRef[]> | readonly UnitRef[];
  /** a refusal when the project does not exist or takes no new benefits */
  checkProject(projectId: string): Promise<Refusal | null> | Refusal | null;
  /** the API's own validation of a `planBenefit` (input schema and domain rules), appending nothing */
  check(command: Extract<ImportCommand, { command: 'planBenefit' }>, userId: string): Promise<Refusal | null> | Refusal | null;
  /** runs a command the way the API does; the same key and input a second time writes nothing */
  run(command: ImportCommand, userId: string, idempotencyKey: string): Promise<{ id: string }>;
}

export interface ImportOptions {
  projectId: string;
  userId: string;
  dryRun: boolean;
  answers?: UnitAnswers;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  problems: Problem[];
  questions: UnitQuestion[];
  /** rows read as benefits */
  benefits: number;
  /** benefit ids, in row order, after a commit */
  benefitIds: string[];
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
  const { parsed, resolved, problems, questions } = await readPlan(bytes, projectRefusal ? [] : await port.units(), options.answers);
  const report = (problems: Problem[], questions: UnitQuestion[] = [], benefitIds: string[] = []): ImportReport => ({
    ok: problems.length === 0 && questions.length === 0,
    dryRun: options.dryRun,
    problems,
    questions,
    benefits: parsed.rows.length,
    benefitIds,
    ignoredColumns: parsed.ignoredColumns,
  });
  if (projectRefusal) return report([{ sheet: null, row: null, column: null, message: projectRefusal.message }]);

  const commands = resolved.map((row) => ({ row, planBenefit: planBenefitInput(row.value, row.recipientUnitId), baseline: baselineInput(row.value) }));
  for (const { row, planBenefit } of commands) {
    const refusal = await port.check({ command: 'planBenefit', targetId: options.projectId, input: planBenefit }, options.userId);
    if (refusal) problems.push(...refusalProblems(row, refusal));
  }
  sortProblems(problems);
  if (problems.length > 0 || questions.length > 0 || options.dryRun) return report(problems, questions);

  const hash = contentHash(parsed.rows);
  const ids: string[] = [];
  for (const { row, planBenefit, baseline } of commands) {
    const key = importKey(options.projectId, hash, row.row);
    const { id } = await port.run({ command: 'planBenefit', targetId: options.projectId, input: planBenefit }, options.userId, key);
    if (baseline) await port.run({ command: 'recordBaseline', targetId: id, input: baseline }, options.userId, importKey(options.projectId, hash, row.row, 'baseline'));
    ids.push(id);
  }
  return report([], [], ids);
}

const FIELD_COLUMNS: Record<string, ColumnKey> = {
  title: 'title',
  recipientUnitId: 'recipient',
  owner: 'owner',
  indicator: 'indicator',
  unitOfMeasure: 'unitOfMeasure',
  direction: 'direction',
  category: 'category',
  cashReleasing: 'cashReleasing',
  valuationOrePerUnit: 'valuationOrePerUnit',
  baseline: 'baseline',
  target: 'target',
  targetDate: 'targetDate',
  change: 'change',
  comment: 'comment',
};

/** Puts the API's field errors on the sheet's columns: `plan.2.quantity` is the column of that period. */
export function refusalProblems(row: ResolvedRow, refusal: Refusal): Problem[] {
  const at = (column: string | null, message: string): Problem => ({ sheet: row.sheet, row: row.row, column, message });
  if (refusal.fields.length === 0) return [at(null, refusal.message)];
  return refusal.fields.map((field) => {
    const [head, index] = field.path.split('.');
    if (head === 'plan') {
      const entry = index !== undefined ? row.value.plan[Number(index)] : undefined;
      return at(entry ? periodHeader(entry.period) : null, field.message);
    }
    const key = FIELD_COLUMNS[head ?? ''];
    return at(key ? columnByKey(key).header : null, field.message);
  });
}
