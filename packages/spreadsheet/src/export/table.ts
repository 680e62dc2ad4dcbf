/** A view as rows and typed columns: written to XLSX (one sheet) or CSV alike. */
export type ColumnType = 'text' | 'kroner' | 'number' | 'percent' | 'date' | 'period';

export interface TableColumn {
  header: string;
  type: ColumnType;
  width?: number;
}

/**
 * Cell values: text as string; `kroner` as integer øre; `number` as number; `percent` as a number of
 * percent (87.5); `date` as `yyyy-mm-dd`; `period` as a code (`2026-T1`). null is an empty cell.
 */
export type TableCell = string | number | null;

export interface Table {
  /** sheet name (≤ 31 characters) and CSV view name */
  name: string;
  columns: TableColumn[];
  rows: Iterable<TableCell[]> | AsyncIterable<TableCell[]>;
  /** how many rows `rows` gives, when known before they are made (`X-Export-Rows`) */
  size?: number;
}

/**
 * Rows made one at a time from the read model's items as the writer asks for them (not built as one
 * array first); they can be read more than once.
 */
export function rowsOf<T>(items: readonly T[], row: (item: T) => TableCell[]): Pick<Table, 'rows' | 'size'> {
  return {
    size: items.length,
    rows: {
      *[Symbol.iterator]() {
        for (const item of items) yield row(item);
      },
    },
  };
}

/** The column of a row's `i`-th cell: a row has one cell per column. */
export const columnAt = (table: Table, i: number): TableColumn => {
  const column = table.columns[i];
  if (!column) throw new Error(`Table ${table.name}: a row has more cells than the ${table.columns.length} columns`);
  return column;
};
