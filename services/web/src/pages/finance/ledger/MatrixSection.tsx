import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Matrix, Span } from '../../../api';
import { Chart } from '../../../components/Chart';
import { TableWrap } from '../../../components/Table';
import { formatKr } from '../../../format/money';
import { heatmapOption } from '../charts';
import { traceLink } from './traceLink';

/** Payer × receiver: the heatmap and the matrix as a table. */
export function MatrixSection({ span, spanText, matrix, name }: { span: Span; spanText: string; matrix: Matrix; name: (id: string) => string }) {
  const navigate = useNavigate();
  const investorCount = new Set(matrix.cells.map((c) => c.investorUnitId)).size;
  const height = Math.max(300, 48 * investorCount + 180);
  const heatmap = useMemo(() => heatmapOption(matrix, name, height), [matrix, name, height]);
  return (
    <section aria-labelledby="matrise">
      <h2 id="matrise">Betaler × mottaker</h2>
      {matrix.cells.some((c) => c.investorUnitId !== c.recipientUnitId && c.ore !== 0) && (
        <Chart option={heatmap.option} testId="heatmap" height={height}
          summary={`Varmekart over gevinst fra betaler til mottaker, ${spanText}, uten diagonalen. Tallene står i tabellen under.`}
          onItemClick={(p) => {
            const cell = p.data as [number, number, number] | undefined;
            if (!cell) return;
            const investor = heatmap.axes.investors[cell[1]];
            const recipient = heatmap.axes.recipients[cell[0]];
            if (investor && recipient) void navigate(traceLink(span, investor, recipient));
          }}
        />
      )}
      <MatrixTable span={span} matrix={matrix} name={name} />
    </section>
  );
}

function MatrixTable({ span, matrix, name }: { span: Span; matrix: { unitIds: string[]; cells: { investorUnitId: string; recipientUnitId: string; ore: number }[] }; name: (id: string) => string }) {
  const value = (from: string, to: string) => matrix.cells.find((c) => c.investorUnitId === from && c.recipientUnitId === to)?.ore ?? 0;
  // units with nothing in the span either way would only add rows and columns of zeros
  const ids = matrix.unitIds.filter((id) => matrix.cells.some((c) => c.ore !== 0 && (c.investorUnitId === id || c.recipientUnitId === id)));
  if (ids.length === 0) return <p>Ingen gevinster mellom enheter i perioden.</p>;
  return (
  <TableWrap label="Matrise betaler × mottaker">
    <table className="matrix">
      <caption>Gevinst fra betaler (rad) til mottaker (kolonne), for enheter med gevinst eller investering i perioden. Diagonalen vises i egen tabell over.</caption>
      <thead>
        <tr><th scope="col">Betaler \ mottaker</th>{ids.map((id) => <th scope="col" key={id}>{name(id)}</th>)}</tr>
      </thead>
      <tbody>
        {ids.map((from) => (
          <tr key={from}>
            <th scope="row">{name(from)}</th>
            {ids.map((to) => {
              if (from === to) return <td key={to} className="diagonal"><span aria-hidden="true">—</span><span className="visually-hidden">diagonalen, se egen tabell</span></td>;
              const ore = value(from, to);
              return <td key={to} className="num">{ore ? <Link to={traceLink(span, from, to)}>{formatKr(ore)}</Link> : formatKr(0)}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  </TableWrap>
  );
}
