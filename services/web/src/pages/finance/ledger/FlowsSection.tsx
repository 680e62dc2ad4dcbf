import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Ledger, Matrix, Span } from '../../../api';
import { Chart } from '../../../components/Chart';
import { spanQuery } from '../../../components/SpanPicker';
import { TableWrap } from '../../../components/Table';
import { formatKr } from '../../../format/money';
import { crossingFlows, sankeyOption, SANKEY_NODE_GAP } from '../charts';
import { traceLink } from './traceLink';

/** Why nothing crosses units here, and the level where something might. */
function NoCrossing({ span, spanText, deepest }: { span: Span; spanText: string; deepest: number }) {
  const deeper = span.level < deepest ? `/okonomi?${spanQuery({ ...span, level: span.level + 1 })}` : null;
  if (span.level === 0) {
    return (
      <p className="notice">
        På nivå 0 er hele kommunen én enhet, så ingen gevinst kan gå på tvers av enheter.{' '}
        {deeper && <Link to={deeper}>Vis strømmene mellom enhetene på nivå 1</Link>}
      </p>
    );
  }
  return (
    <p className="notice">
      Ingen gevinster har gått på tvers av enheter på nivå {span.level} i {spanText}.{' '}
      {deeper && <Link to={deeper}>Vis nivå {span.level + 1}</Link>}
    </p>
  );
}

/**
 * Money from paying to receiving units: the Sankey with amounts, the negative flows (disbenefits) a Sankey
 * cannot draw listed beside it, the table with all of them, and the diagonal (a unit's gain from its own money).
 */
export function FlowsSection({ span, spanText, flows, matrix, name, deepest }: { span: Span; spanText: string; flows: Ledger; matrix: Matrix; name: (id: string) => string; deepest: number }) {
  const navigate = useNavigate();
  const sankey = useMemo(() => sankeyOption(flows.flows, name), [flows, name]);
  const { gains, losses } = crossingFlows(flows.flows);
  const crossing = [...gains, ...losses];
  const diagonal = matrix.diagonal.filter((cell) => cell.ore !== 0);
  const nodes = Math.max(new Set(gains.map((f) => f.fromUnitId)).size, new Set(gains.map((f) => f.toUnitId)).size);
  return (
    <section aria-labelledby="strommer">
      <h2 id="strommer">Strømmer fra betalende til mottakende enheter</h2>
      {crossing.length === 0 ? <NoCrossing span={span} spanText={spanText} deepest={deepest} /> : (
        <>
          {gains.length > 0 && (
            <Chart
              option={sankey}
              testId="sankey"
              height={Math.max(240, nodes * (SANKEY_NODE_GAP + 30) + 24)}
              summary={`Sankey-diagram, ${spanText}: ` + gains.map((f) => `${name(f.fromUnitId)} betalte for ${formatKr(f.ore)} i gevinst hos ${name(f.toUnitId)}`).join('; ') + '. Tallene står også i tabellen under.'}
              onItemClick={(p) => {
                if (p.dataType !== 'edge') return;
                const link = p.data as { source: string; target: string };
                const [, from] = link.source.split('|');
                const [, to] = link.target.split('|');
                if (from && to) void navigate(traceLink(span, from, to));
              }}
            />
          )}
          {losses.length > 0 && (
            <div className="losses" data-testid="negative-flows">
              <h3>Negative strømmer (ulemper)</h3>
              <p>Et Sankey-diagram kan ikke tegne negative beløp. Her ga pengene et tap hos mottakeren:</p>
              <ul>
                {losses.map((f) => (
                  <li key={`${f.fromUnitId}-${f.toUnitId}`}>
                    <Link to={traceLink(span, f.fromUnitId, f.toUnitId)}>{name(f.fromUnitId)} → {name(f.toUnitId)}</Link>:{' '}
                    <span className="negative nowrap">{formatKr(f.ore)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <TableWrap label="Strømmer som tabell">
            <table>
              <caption>Strømmer, {spanText}{losses.length > 0 ? ' (negative beløp er ulemper)' : ''}</caption>
              <thead><tr><th scope="col">Betaler</th><th scope="col">Mottaker</th><th scope="col" className="num">Gevinst</th></tr></thead>
              <tbody>
                {crossing.map((f) => (
                  <tr key={`${f.fromUnitId}-${f.toUnitId}`}>
                    <th scope="row">{name(f.fromUnitId)}</th>
                    <td>{name(f.toUnitId)}</td>
                    <td className={`num ${f.ore < 0 ? 'negative' : ''}`}><Link to={traceLink(span, f.fromUnitId, f.toUnitId)} aria-label={`${formatKr(f.ore)} fra ${name(f.fromUnitId)} til ${name(f.toUnitId)}: se hendelsene`}>{formatKr(f.ore)}</Link></td>
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
