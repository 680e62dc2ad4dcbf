import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Ledger, Matrix, Span } from '../../../api';
import { Chart } from '../../../components/Chart';
import { TableWrap } from '../../../components/Table';
import { formatKr } from '../../../format/money';
import { sankeyOption } from '../charts';
import { traceLink } from './traceLink';

/** Money from paying to receiving units: the Sankey, its table, and the diagonal (a unit's gain from its own money). */
export function FlowsSection({ span, spanText, flows, matrix, name }: { span: Span; spanText: string; flows: Ledger; matrix: Matrix; name: (id: string) => string }) {
  const navigate = useNavigate();
  const sankey = useMemo(() => sankeyOption(flows.flows, name), [flows, name]);
  const crossing = flows.flows.filter((f) => f.fromUnitId !== f.toUnitId && f.ore !== 0);
  const diagonal = matrix.diagonal.filter((cell) => cell.ore !== 0);
  return (
    <section aria-labelledby="strommer">
      <h2 id="strommer">Strømmer fra betalende til mottakende enheter</h2>
      {crossing.length === 0 ? <p>Ingen gevinster har gått på tvers av enheter i {spanText}.</p> : (
        <>
          <Chart
            option={sankey}
            testId="sankey"
            height={Math.max(240, 60 * Math.max(new Set(crossing.map((f) => f.fromUnitId)).size, new Set(crossing.map((f) => f.toUnitId)).size))}
            summary={`Sankey-diagram, ${spanText}: ` + crossing.map((f) => `${name(f.fromUnitId)} betalte for ${formatKr(f.ore)} i gevinst hos ${name(f.toUnitId)}`).join('; ') + '. Tallene står også i tabellen under.'}
            onItemClick={(p) => {
              if (p.dataType !== 'edge') return;
              const link = p.data as { source: string; target: string };
              const [, from] = link.source.split('|');
              const [, to] = link.target.split('|');
              if (from && to) void navigate(traceLink(span, from, to));
            }}
          />
          <TableWrap label="Strømmer som tabell">
            <table>
              <caption>Strømmer, {spanText}</caption>
              <thead><tr><th scope="col">Betaler</th><th scope="col">Mottaker</th><th scope="col" className="num">Gevinst</th></tr></thead>
              <tbody>
                {crossing.map((f) => (
                  <tr key={`${f.fromUnitId}-${f.toUnitId}`}>
                    <th scope="row">{name(f.fromUnitId)}</th>
                    <td>{name(f.toUnitId)}</td>
                    <td className="num"><Link to={traceLink(span, f.fromUnitId, f.toUnitId)} aria-label={`${formatKr(f.ore)} fra ${name(f.fromUnitId)} til ${name(f.toUnitId)}: se hendelsene`}>{formatKr(f.ore)}</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      <h3>Gevinst av egen investering (diagonalen)</h3>
      {diagonal.length === 0 ? <p>Ingen enhet har fått gevinst av egne penger i perioden.</p> : (
        <TableWrap label="Gevinst av egen investering">
          <table>
            <caption className="visually-hidden">Diagonalen: gevinst hos enheten som betalte</caption>
            <thead><tr><th scope="col">Enhet</th><th scope="col" className="num">Gevinst</th></tr></thead>
            <tbody>
              {diagonal.map((cell) => (
                <tr key={cell.unitId}>
                  <th scope="row">{name(cell.unitId)}</th>
                  <td className="num"><Link to={traceLink(span, cell.unitId, cell.unitId)}>{formatKr(cell.ore)}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
