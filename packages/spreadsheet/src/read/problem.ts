/** One thing wrong with an imported file, for a person to fix in the sheet (message in bokmål). */
export interface Problem {
  sheet: string | null;
  /** 1-based row number as Excel shows it; null for the whole sheet or file */
  row: number | null;
  /** the column's header as written in the sheet; null for the whole row or sheet */
  column: string | null;
  /** the cell address, e.g. `K5`, where there is one */
  cell?: string | null;
  message: string;
}
