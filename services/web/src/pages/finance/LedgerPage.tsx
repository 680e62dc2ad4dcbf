import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, type Span } from '../../api';
import { AsOfComparison, AsOfPicker, useAsOf, type ComparedRow } from '../../components/AsOf';
import { Chart } from '../../components/Chart';
import { Downloads } from '../../components/Downloads';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SpanPicker, spanQuery, useSpan } from '../../components/SpanPicker';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useUnits';
import { formatKr } from '../../format/money';
import { formatPeriod } from '../../format/period';
import { formatDate } from '../../format/date';
import { heatmapOption, sankeyOption } from './charts';

/** Per unit, then and now (a unit missing on one side counts 0 there). */
function compareByUnit<T extends { unitId: string }>(then: T[], now: T[], value: (row: T) => number, name: (id: string) => string): ComparedRow[] {
  const ids = [...new Set([...now.map((r) => r.unitId), ...then.map((r) => r.unitId)])];
  const of = (rows: T[], id: string) => { const row = rows.find((r) => r.unitId === id); return row ? value(row) : 0; };
  return ids.map((id) => ({ key: id, label: name(id), then: of(then, id), now: of(now, id) }));
}

const traceLink = (span: Span, from?: string, to?: string) =>
  `/okonomi/spor?${spanQuery(span)}${from ? `&fraEnhet=${from}` : ''}${to ? `&tilEnhet=${to}` : ''}`;

export function LedgerPage() {
  const [span, setSpan] = useSpan();
  const units = useUnits();
  const key = [span.from, span.to, span.level];
  const data = useApi(async () => {
    const [flows, matrix, imbalances, balances] = await Promise.all([
      api.ledger.flows(span), api.ledger.matrix(span), api.ledger.imbalances(span), api.ledger.balances(span),
    ]);
    return { flows, matrix, imbalances, balances };
  }, key);
  const [asOf, setAsOf] = useAsOf();
  const past = useApi(async () => {
    if (!asOf) return null;
    const [balances, flows] = await Promise.all([api.ledger.balances({ ...span, asOf }), api.ledger.flows({ ...span, asOf })]);
    return { balances, flows };
  }, [...key, asOf]);
  const navigate = useNavigate();
  const name = units.name;
  const d = data.data;

  const sankey = useMemo(() => (d ? sankeyOption(d.flows.flows, name) : null), [d, name]);
  const heatmap = useMemo(() => (d ? heatmapOption(d.matrix, name) : null), [d, name]);
  const crossing = d?.flows.flows.filter((f) => f.fromUnitId !== f.toUnitId && f.ore !== 0) ?? [];
  const diagonal = d?.matrix.diagonal.filter((cell) => cell.ore !== 0) ?? [];
  const spanText = `${formatPeriod(span.from)}–${formatPeriod(span.to)}`;
  const dl = { ...span, asOf };

  return (
    <Page
      title="Gevinstregnskap på tvers av enheter"
      intro={<p>Hvem betalte, hvem fikk gevinsten, og hva er tatt ut eller avregnet. Velg et tall for å se hendelsene bak det.</p>}
      actions={<><Link className="button" to="/okonomi/gevinstuttak">Registrer gevinstuttak</Link> <Link className="button" to="/okonomi/avregning">Registrer avregning</Link></>}
    >
      <SpanPicker span={span} onChange={setSpan} units={units.units} />
      <AsOfPicker asOf={asOf} onChange={setAsOf} check={(date) => api.ledger.balances({ ...span, asOf: date })} />
      <Downloads
        id="last-ned"
        title={`Last ned gevinstregnskapet, ${spanText}, nivå ${span.level}${asOf ? `, slik det sto ${formatDate(asOf)}` : ''}`}
        links={[
          { href: api.downloads.ledger('xlsx', dl), label: 'Hele regnskapet', format: 'XLSX' },
          { href: api.downloads.ledger('csv', dl, 'flows'), label: 'Strømmer', format: 'CSV' },
          { href: api.downloads.ledger('csv', dl, 'matrix'), label: 'Matrise', format: 'CSV' },
          { href: api.downloads.ledger('csv', dl, 'units'), label: 'Per enhet', format: 'CSV' },
          { href: api.downloads.ledger('csv', dl, 'balances'), label: 'Saldo', format: 'CSV' },
        ]}
      />
      {asOf && (
        <Busy loading={past.loading || data.loading} error={past.error} hasData={!!past.data && !!d} label="Henter tallene slik de sto …">
          {past.data && d && (
            <>
              <AsOfComparison
                id="sammenlign-realisert"
                title={`Realisert gevinst per enhet: ${formatDate(asOf)} mot i dag`}
                caption={`Realisert gevinst per mottakende enhet, ${spanText}, slik det sto ${formatDate(asOf)} og slik det er kjent i dag, med endringen`}
                asOf={asOf}
                rowHeader="Enhet"
                rows={compareByUnit(past.data.balances, d.balances, (row) => row.realisedOre, name)}
                empty="Ingen enheter har plan eller realisert gevinst i perioden."
              />
              <AsOfComparison
                id="sammenlign-netto"
                title={`Netto per enhet (gevinst minus kostnader): ${formatDate(asOf)} mot i dag`}
                caption={`Netto per enhet, ${spanText}, slik det sto ${formatDate(asOf)} og slik det er kjent i dag, med endringen`}
                asOf={asOf}
                rowHeader="Enhet"
                rows={compareByUnit(past.data.flows.units, d.flows.units, (row) => row.netOre, name)}
                empty="Ingen kostnader eller gevinster i perioden."
              />
              <p>Resten av siden viser regnskapet slik det er kjent i dag.</p>
            </>
          )}
        </Busy>
      )}
      <Busy loading={data.loading} error={data.error} hasData={!!d} label="Beregner gevinstregnskapet …">
        {d && (
          <>
            <section aria-labelledby="strommer">
              <h2 id="strommer">Strømmer fra betalende til mottakende enheter</h2>
              {crossing.length === 0 || !sankey ? <p>Ingen gevinster har gått på tvers av enheter i {spanText}.</p> : (
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

            <section aria-labelledby="matrise">
              <h2 id="matrise">Betaler × mottaker</h2>
              {heatmap && d.matrix.cells.some((c) => c.investorUnitId !== c.recipientUnitId && c.ore !== 0) && (
                <Chart option={heatmap} testId="heatmap" height={Math.max(260, 48 * heatmap._axes.investors.length + 120)}
                  summary={`Varmekart over gevinst fra betaler til mottaker, ${spanText}, uten diagonalen. Tallene står i tabellen under.`}
                  onItemClick={(p) => {
                    const cell = p.data as [number, number, number] | undefined;
                    if (!cell) return;
                    const investor = heatmap._axes.investors[cell[1]];
                    const recipient = heatmap._axes.recipients[cell[0]];
                    if (investor && recipient) void navigate(traceLink(span, investor, recipient));
                  }}
                />
              )}
              <MatrixTable span={span} matrix={d.matrix} name={name} />
            </section>

            <section aria-labelledby="ubalanser">
              <h2 id="ubalanser">Ubalanser: hvem bærer kostnaden, hvem får gevinsten</h2>
              <TableWrap label="Ubalanser">
                <table>
                  <caption className="visually-hidden">Kostnader, mottatt gevinst og netto per enhet</caption>
                  <thead><tr><th scope="col">Enhet</th><th scope="col" className="num">Kostnader</th><th scope="col" className="num">Mottatt gevinst</th><th scope="col" className="num">Netto</th><th scope="col">Pengene ga gevinst hos</th></tr></thead>
                  <tbody>
                    {d.imbalances.map((row) => (
                      <tr key={row.unitId}>
                        <th scope="row">{name(row.unitId)}</th>
                        <td className="num">{formatKr(row.costsOre)}</td>
                        <td className="num">{formatKr(row.gainsReceivedOre)}</td>
                        <td className={`num ${row.netOre < 0 ? 'negative' : ''}`}>{formatKr(row.netOre)}</td>
                        <td>{row.gainsTo.length ? row.gainsTo.map((g) => (
                          <span key={g.unitId} className="chip"><Link to={traceLink(span, row.unitId, g.unitId)}>{name(g.unitId)}: {formatKr(g.ore)}</Link></span>
                        )) : '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </section>

            <section aria-labelledby="balanser">
              <h2 id="balanser">Planlagt, realisert, tatt ut, avregnet og åpent</h2>
              <TableWrap label="Balanser per enhet">
                <table>
                  <caption className="visually-hidden">Balanse per mottakende enhet</caption>
                  <thead>
                    <tr>
                      <th scope="col">Enhet</th><th scope="col" className="num">Planlagt</th><th scope="col" className="num">Realisert</th>
                      <th scope="col" className="num">Herav budsjettmessig</th><th scope="col" className="num">Tatt ut</th>
                      <th scope="col" className="num">Avregnet inn</th><th scope="col" className="num">Avregnet ut</th><th scope="col" className="num">Åpent</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.balances.map((row) => (
                      <tr key={row.unitId}>
                        <th scope="row"><Link to={traceLink(span, undefined, row.unitId)}>{name(row.unitId)}</Link></th>
                        <td className="num">{formatKr(row.plannedOre)}</td>
                        <td className="num">{formatKr(row.realisedOre)}</td>
                        <td className="num">{formatKr(row.cashReleasingOre)}</td>
                        <td className="num">{formatKr(row.withdrawnOre)}</td>
                        <td className="num">{formatKr(row.settledInOre)}</td>
                        <td className="num">{formatKr(row.settledOutOre)}</td>
                        <td className="num"><strong>{formatKr(row.openOre)}</strong></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </section>
          </>
        )}
      </Busy>
    </Page>
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
