import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Form, TextField, text, useFormControl } from './Form';
import { TableWrap } from './Table';
import { formatDate, todayIso } from '../format/date';
import { formatKr } from '../format/money';

/** `?pr=yyyy-mm-dd`: the report as it stood at the end of that day, kept in the address like `fra/til/niva`. */
export function useAsOf(): [string | null, (next: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const asOf = params.get('pr') || null;
  const set = (next: string | null) => {
    const search = new URLSearchParams(params);
    if (next) search.set('pr', next); else search.delete('pr');
    setParams(search, { flushSync: true });
  };
  return [asOf, set];
}

/**
 * Picks the past date to compare with. `check` asks the API with that date first, so a date it
 * refuses shows beside the field (its error names `asOf`) instead of breaking the report.
 */
export function AsOfPicker({ asOf, onChange, check }: { asOf: string | null; onChange: (next: string | null) => void; check: (asOf: string) => Promise<unknown> }) {
  const control = useFormControl();
  return (
    <section aria-labelledby="slik-det-sto" className="asof">
      <h2 id="slik-det-sto">Slik det sto</h2>
      <p>Velg en dato for å se rapporten slik den så ut ved slutten av den dagen, før senere registreringer og korrigeringer, ved siden av slik den er kjent i dag.</p>
      <Form
        control={control}
        label="Vis rapporten slik den sto på en dato"
        submitLabel="Sammenlign"
        busyLabel="Henter tallene …"
        prefix="pr"
        onSubmit={(data) => {
          const date = text(data, 'asOf');
          if (!date) return control.fail({ asOf: 'Velg en dato å sammenligne med.' });
          if (date > todayIso()) return control.fail({ asOf: 'Datoen kan ikke være etter i dag.' });
          return control.run(async () => {
            await check(date);
            onChange(date);
          });
        }}
      >
        <TextField name="asOf" label="Dato" type="date" defaultValue={asOf ?? ''} key={asOf ?? ''} max={todayIso()} hint="Tallene slik de var registrert ved slutten av dagen (norsk tid)." />
      </Form>
      {asOf && (
        <p>
          Viser {formatDate(asOf)} mot i dag.{' '}
          <button type="button" className="button secondary small" onClick={() => onChange(null)}>Fjern sammenligningen</button>
        </p>
      )}
    </section>
  );
}

export interface ComparedRow {
  key: string;
  label: ReactNode;
  /** as it stood on the date */
  then: number;
  /** as known today */
  now: number;
}

/** Then and now side by side; a changed figure is marked by words and a symbol, not by colour alone. */
export function AsOfComparison({ id, title, caption, asOf, rows, rowHeader, empty }: {
  id: string;
  title: string;
  caption: string;
  asOf: string;
  rows: ComparedRow[];
  rowHeader: string;
  empty: string;
}) {
  const changed = rows.filter((row) => row.then !== row.now).length;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? <p>{empty}</p> : (
        <>
          <p className="asof-summary">
            {changed === 0
              ? `Ingen tall er endret siden ${formatDate(asOf)}.`
              : `${changed} av ${rows.length} ${rows.length === 1 ? 'rad' : 'rader'} er endret siden ${formatDate(asOf)}.`}
          </p>
          <TableWrap label={title}>
            <table className="asof-table">
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{rowHeader}</th>
                  <th scope="col" className="num">Slik det sto {formatDate(asOf)}</th>
                  <th scope="col" className="num">Kjent i dag</th>
                  <th scope="col" className="num">Endring</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const diff = row.now - row.then;
                  return (
                    <tr key={row.key} className={diff ? 'asof-changed' : undefined}>
                      <th scope="row">{row.label}</th>
                      <td className="num">{formatKr(row.then)}</td>
                      <td className="num">{formatKr(row.now)}</td>
                      <td className="num">
                        {diff === 0 ? 'Uendret' : (
                          <strong><span aria-hidden="true">{diff > 0 ? '▲' : '▼'} </span>Endret {diff > 0 ? '+' : '−'}{formatKr(Math.abs(diff))}</strong>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}
