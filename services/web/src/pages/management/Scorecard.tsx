import { Link } from 'react-router-dom';
import { api } from '../../api';
import { Downloads } from '../../components/Downloads';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SpanPicker, spanQuery, useSpan } from '../../components/SpanPicker';
import { StatusBadge } from '../../components/Status';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useUnits';
import { formatKr } from '../../format/money';
import { formatChange, formatPct } from '../../format/number';
import { formatPeriod } from '../../format/period';

/** The portfolio as a municipal scorecard: units × periods, status by colour, icon and word. */
export function Scorecard() {
  const [span, setSpan] = useSpan();
  const units = useUnits();
  const portfolio = useApi(() => api.portfolio.get(span), [span.from, span.to, span.level]);
  const p = portfolio.data;
  return (
    <Page title="Målekort for gevinstporteføljen" intro={<p>Realisert mot plan per enhet og periode. <Link to={`/okonomi?${spanQuery(span)}`}>Se pengestrømmene i gevinstregnskapet</Link>.</p>}>
      <SpanPicker span={span} onChange={setSpan} units={units.units} />
      <Downloads
        id="last-ned"
        title={`Last ned porteføljen, ${formatPeriod(span.from)}–${formatPeriod(span.to)}, nivå ${span.level}`}
        links={[
          { href: api.downloads.portfolio('xlsx', span), label: 'Porteføljen', format: 'XLSX' },
          { href: api.downloads.portfolio('csv', span), label: 'Porteføljen', format: 'CSV' },
        ]}
      />
      <ul className="legend" aria-label="Forklaring">
        <li><StatusBadge status="green" /> realisert minst som planlagt</li>
        <li><StatusBadge status="yellow" /> innenfor akseptabelt avvik</li>
        <li><StatusBadge status="red" /> under akseptabelt</li>
        <li><StatusBadge status={null} /> ingen plan eller måling</li>
      </ul>
      <Busy loading={portfolio.loading} error={portfolio.error} hasData={!!p} label="Laster målekortet …">
        {p && (p.rows.length === 0 ? <p>Ingen gevinster i perioden.</p> : (
          <TableWrap label="Målekort">
            <table className="scorecard">
              <caption>Status per enhet og periode, {formatPeriod(span.from)}–{formatPeriod(span.to)}. Realisert mot plan i kroner, måloppnåelse etter siste måling, og endring i realisert siden forrige periode.</caption>
              <thead>
                <tr><th scope="col">Enhet</th>{p.periods.map((period) => <th scope="col" key={period}>{formatPeriod(period)}</th>)}</tr>
              </thead>
              <tbody>
                {p.rows.map((row) => (
                  <tr key={row.unitId}>
                    <th scope="row">{units.name(row.unitId)}</th>
                    {p.periods.map((period) => {
                      const cell = row.cells.find((c) => c.period === period);
                      const key = cell?.status ?? 'none';
                      return (
                        <td key={period} className={`score score-${key}`} data-period={period}>
                          <StatusBadge status={cell?.status ?? null} />
                          {cell && (
                            <span className="score-figures">
                              {(cell.plannedOre !== 0 || cell.realisedOre !== 0) && (
                                <span>Realisert <span className="nowrap">{formatKr(cell.realisedOre)}</span> av <span className="nowrap">{formatKr(cell.plannedOre)}</span></span>
                              )}
                              {cell.achievementPct !== null && <span>Måloppnåelse {formatPct(cell.achievementPct)}</span>}
                              {cell.changePct !== null && (
                                <span className="change">
                                  <span aria-hidden="true">{cell.changePct > 0 ? '▲' : cell.changePct < 0 ? '▼' : '▶'} </span>
                                  {formatChange(cell.changePct)} fra forrige periode
                                </span>
                              )}
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ))}
      </Busy>
    </Page>
  );
}
