import { columnByKey } from '../plan/columns';
import { normalise } from '../plan/labels';
import type { SheetRow } from '../plan/planRow';
import type { Problem } from '../read/problem';
import type { UnitCandidate, UnitDirectory } from '../units/unitDirectory';

/** A unit name that fits more than one unit: the user picks one (or writes the path or orgnr). */
export interface UnitQuestion {
  sheet: string;
  column: string;
  /** what the sheet says */
  value: string;
  rows: number[];
  message: string;
  candidates: UnitCandidate[];
}

export interface ResolvedRow extends SheetRow {
  recipientUnitId: string;
}

/** Answers to earlier questions: the text in the sheet → the chosen unit id. */
export type UnitAnswers = Readonly<Record<string, string>>;

export function resolveUnits(
  rows: SheetRow[],
  directory: UnitDirectory,
  answers: UnitAnswers = {},
): { resolved: ResolvedRow[]; problems: Problem[]; questions: UnitQuestion[] } {
  const column = columnByKey('recipient').header;
  const answered = new Map(Object.entries(answers).map(([text, unitId]) => [normalise(text), unitId]));
  const resolved: ResolvedRow[] = [];
  const problems: Problem[] = [];
  const questions = new Map<string, UnitQuestion>();
  for (const row of rows) {
    const text = row.value.recipient;
    const answer = answered.get(normalise(text));
    const match = answer !== undefined ? directory.match(answer) : directory.match(text);
    if (match.kind === 'unit') {
      resolved.push({ ...row, recipientUnitId: match.unitId });
    } else if (match.kind === 'unknown') {
      problems.push({ sheet: row.sheet, row: row.row, column, cell: row.cells?.recipient ?? null, message: answer !== undefined ? `Svaret for «${text}»: ${match.reason}` : match.reason });
    } else {
      const key = normalise(text);
      const question = questions.get(key);
      if (question) question.rows.push(row.row);
      else
        questions.set(key, {
          sheet: row.sheet,
          column,
          value: text,
          rows: [row.row],
          message:
            `«${text}» passer med ${match.candidates.length} enheter. Hvilken mener du? ` +
            match.candidates.map((c) => `«${c.path}»${c.orgNumber ? ` (org.nr. ${c.orgNumber})` : ''}`).join(', ') +
            '. Skriv hele veien eller organisasjonsnummeret i cellen, eller svar med enhetens id.',
          candidates: match.candidates,
        });
    }
  }
  return { resolved, problems, questions: [...questions.values()] };
}
