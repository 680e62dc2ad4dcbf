import { Link } from 'react-router-dom';
import { api } from '../../api';
import { AsOfComparison, AsOfPicker, useAsOf, type ComparedRow } from '../../components/AsOf';
import { OrgPicker, useOrg } from '../../components/Org';
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
import { formatDate } from '../../format/date';
import type { Portfolio } from '../../api';

/** Realised per unit and period, then and now, where either side has a plan or a realisation. */
function compareCells(then: Portfolio, now: Portfolio, name: (id: string) => string): ComparedRow[] {
  const cell = (p: Portfolio, unitId: string, period: string) => p.rows.find((r) => r.unitId === unitId)?.cells.find((c) => c.period === period);
  const units = [...new Set([...now.rows.map((r) => r.unitId), ...then.rows.map((r) => r.unitId)])];
  const rows: ComparedRow[] = [];
  for (const unitId of units) {
    for (const period of now.periods) {
      const a = cell(then, unitId, period);
      const b = cell(now, unitId, period);
      if (!a?.plannedOre && !a?.realisedOre && !b?.plannedOre && !b?.realisedOre) continue;
      rows.push({ key: `${unitId}-${period}`, label: `${name(unitId)}, ${formatPeriod(period)}`, then: a?.realisedOre ?? 0, now: b?.realisedOre ?? 0 });
    }
  }
  return rows;
}

/** The portfolio as a municipal scorecard: units × periods, status by colour, icon and word. */
export function Scorecard() {
  const [spanOnly, setSpan] = useSpan();
  const [org, setOrg] = useOrg();
  const span = { ...spanOnly, org };
  const units = useUnits();
  const portfolio = useApi(() => api.portfolio.get(span), [span.from, span.to, span.level, org]);
  const p = portfolio.data;
  const [asOf, setAsOf] = useAsOf();
  const past = useApi(async () => (asOf ? api.portfolio.get({ ...span, asOf }) : null), [span.from, span.to, span.level, org, asOf]);
  // the downloads as shown: the same span, organisation and date
  const dl = { ...span, asOf };
  return (
    <Page title="Målekort for gevinstporteføljen" intro={<p>Realisert mot plan per enhet og periode. <Link to={`/okonomi?${spanQuery(span)}`}>Se pengestrømmene i gevinstregnskapet</Link>. <Link to="/ledelse/delte-gevinster">Delte gevinster</Link>: gevinster to prosjekter deler. <Link to="/mal">Mål og målekort</Link>: kommunens mål med resultatkrav og gevinstene som støtter dem.</p>}>
      <p className="links"><Link to="/ledelse/risiko">Risikomatrise</Link>: åpne risikoer for gevinstene, etter sannsynlighet og konsekvens.</p>
      <SpanPicker span={spanOnly} onChange={setSpan} units={units.units} />
      <OrgPicker org={org} onChange={setOrg} />
      <AsOfPicker asOf={asOf} onChange={setAsOf} check={(date) => api.portfolio.get({ ...span, asOf: date })} />
      <Downloads
        id="last-ned"
        title={`Last ned porteføljen, ${formatPeriod(span.from)}–${formatPeriod(span.to)}, nivå ${span.level}${asOf ? `, slik det sto ${formatDate(asOf)}` : ''}`}
        links={[
          { href: api.downloads.portfolio('xlsx', dl), label: 'Porteføljen', format: 'XLSX' },
          { href: api.downloads.portfolio('csv', dl), label: 'Porteføljen', format: 'CSV' },
        ]}
      />
      {asOf && (
        <Busy loading={past.loading || portfolio.loading} error={past.error} hasData={!!past.data && !!p} label="Henter porteføljen slik den sto …">
          {past.data && p && (
            <>
              <AsOfComparison
                id="sammenlign-realisert"
                title={`Realisert per enhet og periode: ${formatDate(asOf)} mot i dag`}
                caption={`Realisert gevinst per enhet og periode, slik det sto ${formatDate(asOf)} og slik det er kjent i dag, med endringen`}
                asOf={asOf}
                rowHeader="Enhet og periode"
                rows={compareCells(past.data, p, units.name)}
                empty="Ingen plan eller realisert gevinst i perioden."
              />
              <p>Målekortet under viser porteføljen slik den er kjent i dag.</p>
            </>
          )}
        </Busy>
      )}
      <ul className="legend" aria-label="Forklaring">
        <li><StatusBadge status="green" /> realisert minst som planlagt</li>
        <li><StatusBadge status="yellow" /> innenfor akseptabelt avvik</li>
        <li><StatusBadge status="red" /> under akseptabelt</li>
        <li><StatusBadge status={null} /> ingen plan eller måling</li>
        <li><StatusBadge status={null} pending /> perioden er ikke over eller fristen for å registrere er ikke passert, og ingenting er realisert ennå – ikke vurdert</li>
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
                      const key = cell?.status ?? (cell?.pending ? 'pending' : 'none');
                      return (
                        <td key={period} className={`score score-${key}`} data-period={period}>
                          <StatusBadge status={cell?.status ?? null} pending={cell?.pending} />
                          {cell && (
                            <span className="score-figures">
                              {cell.pending && cell.plannedOre !== 0 && <span>Planlagt <span className="nowrap">{formatKr(cell.plannedOre)}</span></span>}
                              {!cell.pending && (cell.plannedOre !== 0 || cell.realisedOre !== 0) && (
                                <span>Realisert <span className="nowrap">{formatKr(cell.realisedOre)}</span> av <span className="nowrap">{formatKr(cell.plannedOre)}</span></span>
                              )}
                              {cell.achievementPct !== null && <span>Måloppnåelse {formatPct(cell.achievementPct)}</span>}
                              {!cell.pending && cell.changePct !== null && (
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
