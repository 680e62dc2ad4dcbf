import { TextField } from './Form';

export interface PlanLineRow {
  key: number;
  period: string;
  /** as typed, decimal comma allowed */
  quantity: string;
}

let rowKey = 0;
export const planLineRow = (period = '', quantity = ''): PlanLineRow => ({ key: ++rowKey, period, quantity });

/** The plan per period as rows of fields `plan.<i>.period` and `plan.<i>.quantity`, with add and remove. */
export function PlanLinesFields({ legend, rows, onChange }: { legend: string; rows: PlanLineRow[]; onChange: (rows: PlanLineRow[]) => void }) {
  return (
    <fieldset className="group">
      <legend>{legend}</legend>
      {rows.map((row, index) => (
        <div className="row plan-row" key={row.key}>
          <TextField name={`plan.${index}.period`} label={`Periode ${index + 1}`} defaultValue={row.period} hint="F.eks. 2026-T2" />
          <TextField name={`plan.${index}.quantity`} label={`Planlagt mengde ${index + 1}`} defaultValue={row.quantity} inputMode="decimal" />
          <button type="button" className="button small secondary" onClick={() => onChange(rows.filter((r) => r.key !== row.key))} disabled={rows.length === 1}>
            Fjern<span className="visually-hidden"> periode {index + 1}</span>
          </button>
        </div>
      ))}
      <button type="button" className="button secondary" onClick={() => onChange([...rows, planLineRow()])}>Legg til periode</button>
    </fieldset>
  );
}
