import { parsePlanWorkbook, type ParsedPlan } from '../read/parsePlanWorkbook';
import type { Problem } from '../read/problem';
import { UnitDirectory } from '../units/unitDirectory';
import type { UnitRef } from '../units/unitRef';
import { resolveUnits, type ResolvedRow, type UnitAnswers, type UnitQuestion } from './resolveUnits';

/** Reads a workbook's bytes into plan rows: here, or in a worker thread (`PlanParser`). */
export type ReadWorkbook = (bytes: Uint8Array) => Promise<ParsedPlan>;

export interface ReadPlan {
  parsed: ParsedPlan;
  resolved: ResolvedRow[];
  problems: Problem[];
  questions: UnitQuestion[];
}

/** Everything the sheet alone can tell: its rows, their units, and every problem, sorted by row. */
export async function readPlan(
  bytes: Uint8Array,
  units: readonly UnitRef[],
  answers: UnitAnswers = {},
  parse: ReadWorkbook = parsePlanWorkbook,
): Promise<ReadPlan> {
  const parsed = await parse(bytes);
  const { resolved, problems, questions } = resolveUnits(parsed.rows, new UnitDirectory(units), answers);
  return { parsed, resolved, problems: sortProblems([...parsed.problems, ...problems]), questions };
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
